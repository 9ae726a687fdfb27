use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll(
    _ctx: CommandContext,
    #[arg]
    #[min = 1]
    sides: i64,
) -> CommandResult {
    let _ = sides;
    Ok(())
}

fn main() {}
