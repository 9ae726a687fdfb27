use asyncord::prelude::*;

#[command(context_menu = "message", name = "Quote")]
async fn quote(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
