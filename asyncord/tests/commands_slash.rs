//! Slash commands written with `#[command]`, driven end to end through the emulator as a bot
//! author would: typed options (required, optional, bounded, choices), subcommands, routing by
//! name and subcommand path, named arguments, and the registration that writes only changes.

use asyncord::prelude::*;
use asyncord::testkit::{Emulator, EmulatorBots};
use serde_json::{Value, json};

/// Rolls dice.
#[command]
async fn roll(
    ctx: CommandContext,
    /// How many sides
    #[min = 2]
    #[max = 100]
    sides: i64,
    /// How many dice
    times: Option<i64>,
) -> CommandResult {
    let times = times.unwrap_or(1);
    ctx.reply(format!("{times}d{sides}")).await?;
    Ok(())
}

#[derive(Choice, Clone, Copy, Debug, PartialEq)]
enum Size {
    Small,
    #[choice(name = "Extra large", value = "xl")]
    ExtraLarge,
}

/// Orders a coffee.
#[command]
async fn coffee(
    ctx: CommandContext,
    /// The cup
    size: Size,
    #[arg] greeting: String,
) -> CommandResult {
    ctx.ephemeral(format!("{greeting}: a {} coffee", size.choice_name()))
        .await?;
    Ok(())
}

/// Adds a tag.
#[command]
async fn add(
    ctx: CommandContext,
    /// The tag's name
    name: String,
) -> CommandResult {
    ctx.reply(format!("added {name}")).await?;
    Ok(())
}

/// Removes a tag.
#[command]
async fn remove(
    ctx: CommandContext,
    /// The tag's name
    name: String,
) -> CommandResult {
    ctx.reply(format!("removed {name}")).await?;
    Ok(())
}

/// Manages tags.
#[command(subcommands(add, remove))]
async fn tag(_: CommandContext) -> CommandResult {
    Ok(())
}

async fn start(emu: &Emulator) -> asyncord::testkit::RunningBot {
    emu.run_bot(|g| {
        g.dispatcher.add_argument("greeting", "hello".to_owned());
        g.dispatcher.add_commands([roll(), coffee(), tag()]);
    })
    .await
    .unwrap()
}

#[tokio::test(start_paused = true)]
async fn options_convert_and_commands_answer() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke_slash_command(emu.channel_id(), "roll", json!({"sides": 6, "times": 3}))
        .await
        .unwrap();
    assert_eq!(ask.response().await.unwrap().content(), Some("3d6"));
    let ask = alice
        .invoke_slash_command(emu.channel_id(), "roll", json!({"sides": 20}))
        .await
        .unwrap();
    assert_eq!(ask.response().await.unwrap().content(), Some("1d20"));
    let ask = alice
        .invoke_slash_command(emu.channel_id(), "coffee", json!({"size": "xl"}))
        .await
        .unwrap();
    let reply = ask.response().await.unwrap();
    assert_eq!(reply.content(), Some("hello: a Extra large coffee"));
    assert!(reply.is_ephemeral());
    let ask = alice
        .invoke_slash_command(
            emu.channel_id(),
            "tag",
            json!([{"name": "remove", "type": 1, "options": [{"name": "name", "type": 3, "value": "x"}]}]),
        )
        .await
        .unwrap();
    assert_eq!(ask.response().await.unwrap().content(), Some("removed x"));
    let _ = Value::Null;
}
