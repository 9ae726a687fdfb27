//! Quickstart: an echo bot. It replies to every message and ignores bots (itself included).
//!
//! `cargo run --example quickstart` runs it offline: without `DISCORD_TOKEN`, the testkit's
//! emulator stands in for Discord and the scene at the bottom of this file plays. With
//! `DISCORD_TOKEN=...` it connects to Discord (enable the MESSAGE CONTENT intent for the bot in
//! the developer portal, or it sees empty messages) and runs until Ctrl-C.

use std::time::Duration;

use asyncord::prelude::*;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

/// Replies to a message with its own text.
#[handler]
async fn on_message(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
    if event.author.bot {
        return Ok(());
    }
    let reply = CreateMessage::content(format!("You said: {}", event.content));
    client
        .channels
        .messages(event.channel_id)
        .create(reply)
        .await?;
    Ok(())
}

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    tracing_subscriber::fmt::init(); // asyncord logs through `tracing`
    // DISCORD_TOKEN set: Discord. Unset: an in-process emulator that plays `scene` (below).
    let bot = Offline::from_env().await?;
    run(&bot).await
}

/// The bot: registers its handler, then runs until Ctrl-C (offline: until the scene ends).
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    let config = bot.config().add_intents(Intents::MESSAGE_CONTENT);
    asyncord::connect_with(bot.token(), config, async |group| {
        group.dispatcher.add_handler(on_message);
        bot.play(group, scene);
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Alice talks; the bot echoes once and does not answer its own message.
async fn scene(s: Scene) -> SceneResult {
    s.say("alice", "hello asyncord")?;
    let reply = s.reply().await?;
    check(
        reply.content == "You said: hello asyncord",
        "the bot echoes alice",
    )?;
    s.no_reply(Duration::from_secs(1)).await
}
