use asyncord::prelude::*;

/// Adds.
#[command]
async fn add(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

/// Tags.
#[command(subcommands(add))]
async fn tag(
    _ctx: CommandContext,
    /// Name
    #[min_length = 1]
    name: String,
) -> CommandResult {
    let _ = name;
    Ok(())
}

fn main() {}
