use asyncord::prelude::*;

#[component("vote:{poll}{choice}")]
async fn vote(_ctx: CommandContext, poll: u64, choice: String) -> CommandResult {
    let _ = (poll, choice);
    Ok(())
}

fn main() {}
