use asyncord::prelude::*;

/// Rolls dice.
#[command(name = "Roll")]
async fn roll(ctx: CommandContext) -> CommandResult {
    ctx.reply("4").await?;
    Ok(())
}

fn main() {}
