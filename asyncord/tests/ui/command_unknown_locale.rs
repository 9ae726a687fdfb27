use asyncord::prelude::*;

/// Rolls dice.
#[command(localize(locale = "fr-FR", name = "lancer"))]
async fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
