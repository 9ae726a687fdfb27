use asyncord::prelude::*;

/// Tags.
#[command]
async fn tag(
    _ctx: CommandContext,
    /// Name
    #[min = 1]
    name: String,
) -> CommandResult {
    let _ = name;
    Ok(())
}

fn main() {}
