use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll() -> CommandResult {
    Ok(())
}

fn main() {}
