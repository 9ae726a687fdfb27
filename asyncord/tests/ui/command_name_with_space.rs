use asyncord::prelude::*;

/// Rolls dice.
#[command(name = "roll dice")]
async fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
