use asyncord::prelude::*;

/// Bans.
#[command(required_permissions(BAN_PEOPLE))]
async fn ban(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
