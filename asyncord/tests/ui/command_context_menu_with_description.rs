use asyncord::prelude::*;

#[command(context_menu = "user", name = "Show avatar", description = "Shows it")]
async fn avatar(_ctx: CommandContext, user: User) -> CommandResult {
    let _ = user;
    Ok(())
}

fn main() {}
