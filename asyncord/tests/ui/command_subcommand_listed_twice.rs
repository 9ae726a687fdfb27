use asyncord::prelude::*;

/// Adds.
#[command]
async fn add(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

/// Tags.
#[command(subcommands(add, add))]
async fn tag(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
