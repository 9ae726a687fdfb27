use asyncord::prelude::*;

/// Tags.
#[command]
async fn tag(
    _ctx: CommandContext,
    /// Name
    #[min_length = 10]
    #[max_length = 5]
    name: String,
) -> CommandResult {
    let _ = name;
    Ok(())
}

fn main() {}
