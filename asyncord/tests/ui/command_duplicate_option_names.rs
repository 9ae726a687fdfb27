use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll(
    _ctx: CommandContext,
    /// Sides
    sides: i64,
    /// Also sides
    #[name = "sides"]
    count: i64,
) -> CommandResult {
    let _ = (sides, count);
    Ok(())
}

fn main() {}
