use asyncord::prelude::*;

#[command(context_menu = "user", name = "Show avatar")]
async fn avatar(
    _ctx: CommandContext,
    user: User,
    #[min = 1]
    size: i64,
) -> CommandResult {
    let _ = (user, size);
    Ok(())
}

fn main() {}
