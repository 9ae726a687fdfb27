use asyncord::prelude::*;

/// Greets.
#[command]
async fn greet(
    _ctx: CommandContext,
    /// Who
    #[channel_types(GuildText)]
    who: User,
) -> CommandResult {
    let _ = who;
    Ok(())
}

fn main() {}
