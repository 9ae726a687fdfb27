use asyncord::prelude::*;

#[component("vote:{poll}:{choice}")]
async fn vote(_ctx: CommandContext, poll: u64) -> CommandResult {
    let _ = poll;
    Ok(())
}

fn main() {}
