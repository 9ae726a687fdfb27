use asyncord::prelude::*;

struct Poll;

#[component("vote:{poll}")]
async fn vote(_ctx: CommandContext, poll: Poll) -> CommandResult {
    let _ = poll;
    Ok(())
}

fn main() {}
