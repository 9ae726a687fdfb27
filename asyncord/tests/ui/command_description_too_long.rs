use asyncord::prelude::*;

/// Rolls as many dice as you like, with as many sides as you like, and tells everyone in the channel
/// what came out, one die at a time.
#[command]
async fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
