use asyncord::prelude::*;

/// Rolls dice.
#[command]
async fn roll(ctx: CommandContext) -> CommandResult {
    let counter = std::rc::Rc::new(1);
    ctx.reply("rolling").await?;
    let _ = counter;
    Ok(())
}

fn main() {}
