use asyncord::prelude::*;

#[command]
async fn roll(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
