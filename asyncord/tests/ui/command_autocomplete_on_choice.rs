use asyncord::prelude::*;

#[derive(Choice)]
enum Size {
    Small,
    Large,
}

async fn suggest(_ctx: AutocompleteContext, _typed: String) -> Vec<String> {
    Vec::new()
}

/// Orders.
#[command]
async fn order(
    _ctx: CommandContext,
    /// Size
    #[autocomplete = suggest]
    size: Size,
) -> CommandResult {
    let _ = size;
    Ok(())
}

fn main() {}
