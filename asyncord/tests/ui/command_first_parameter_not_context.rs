use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll(sides: i64, _ctx: CommandContext) -> CommandResult {
    let _ = sides;
    Ok(())
}

fn main() {}
