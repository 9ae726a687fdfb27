use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll<T: Send>(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
