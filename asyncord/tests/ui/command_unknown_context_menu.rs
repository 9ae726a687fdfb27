use asyncord::prelude::*;

#[command(context_menu = "channel", name = "Inspect")]
async fn inspect(_ctx: CommandContext) -> CommandResult {
    Ok(())
}

fn main() {}
