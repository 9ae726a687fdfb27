use asyncord::prelude::*;

/// Rolls dice.
#[command(cooldown(room = 5))]
async fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
