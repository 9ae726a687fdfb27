use asyncord::prelude::*;

/// Tags.
#[command]
async fn tag(
    _ctx: CommandContext,
    /// Name
    #[max_length = 7000]
    name: String,
) -> CommandResult {
    let _ = name;
    Ok(())
}

fn main() {}
