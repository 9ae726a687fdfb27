use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll_the_dice_and_tell_everyone_about_it(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
