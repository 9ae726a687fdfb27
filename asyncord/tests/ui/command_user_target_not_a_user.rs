use asyncord::prelude::*;

#[command(context_menu = "user", name = "Show avatar")]
async fn avatar(_ctx: CommandContext, user: String) -> CommandResult {
    let _ = user;
    Ok(())
}

fn main() {}
