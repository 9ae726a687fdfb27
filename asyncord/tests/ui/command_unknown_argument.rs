use asyncord::prelude::*;

/// Rolls dice.
#[command(hidden)]
async fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
