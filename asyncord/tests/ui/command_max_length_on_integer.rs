use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll(
    _ctx: CommandContext,
    /// Sides
    #[max_length = 3]
    sides: i64,
) -> CommandResult {
    let _ = sides;
    Ok(())
}

fn main() {}
