use asyncord::prelude::*;

/// Rolls dice.
#[command]
fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
