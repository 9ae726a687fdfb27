//! Quickstart: an echo bot. It replies to every message and ignores bots (itself included).
//!
//! `cargo run --example quickstart` runs it offline against the emulator; with
//! `DISCORD_TOKEN=...` it connects to Discord (enable the MESSAGE CONTENT intent for the bot in
//! the developer portal, or it sees empty messages).

use asyncord::prelude::*;
use asyncord_examples::{Scene, SceneResult, check};

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

/// Registers the handler (what `connect`'s closure does in a one-bot program).
pub fn setup(groups: &[ClientGroup]) {
    for group in groups {
        group.configure(|c| c.add_intents(Intents::MESSAGE_CONTENT));
        group.dispatcher.add_handler(on_message);
    }
}

/// The offline scene: alice talks, the bot echoes once and does not answer itself.
pub async fn scene(s: &Scene) -> SceneResult {
    s.say("alice", "hello asyncord")?;
    let reply = s.reply().await?;
    check(
        reply.content == "You said: hello asyncord",
        "the bot echoes alice",
    )?;
    s.no_reply(std::time::Duration::from_secs(1)).await
}

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    asyncord_examples::run(&["quickstart"], setup, scene).await
}
