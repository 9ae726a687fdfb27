use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll(
    _ctx: CommandContext,
    /// Sides
    #[min = 10]
    #[max = 2]
    sides: i64,
) -> CommandResult {
    let _ = sides;
    Ok(())
}

fn main() {}
