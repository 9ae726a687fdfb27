use asyncord::prelude::*;

async fn suggest(_ctx: AutocompleteContext, _typed: String) -> Vec<i64> {
    vec![1, 2]
}

/// Buys fruit.
#[command]
async fn buy(
    _ctx: CommandContext,
    /// Fruit
    #[autocomplete = suggest]
    fruit: String,
) -> CommandResult {
    let _ = fruit;
    Ok(())
}

fn main() {}
