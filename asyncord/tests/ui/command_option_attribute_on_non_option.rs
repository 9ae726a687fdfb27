use asyncord::prelude::*;

/// Counts.
#[command]
async fn count(
    _ctx: CommandContext,
    /// Values
    #[min = 1]
    values: Vec<u8>,
) -> CommandResult {
    let _ = values;
    Ok(())
}

fn main() {}
