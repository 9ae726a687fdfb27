use asyncord::prelude::*;

/// Rolls dice.
#[command(contexts(server))]
async fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
