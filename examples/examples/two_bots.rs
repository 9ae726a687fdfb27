//! Two bots in one process (the seed's "Multiple bot connections"): the listener bot receives
//! `!relay <text>` and the speaker bot says it, through the default `client_groups` argument.
//!
//! `cargo run --example two_bots` runs it offline; online it needs `DISCORD_TOKEN` (listener)
//! and `DISCORD_TOKEN_2` (speaker).

use asyncord::prelude::*;
use asyncord_examples::{Scene, SceneResult, check};

/// The names of the two client groups.
pub const BOTS: [&str; 2] = ["listener", "speaker"];

/// Receives with the listener, sends with the speaker.
#[handler]
async fn relay(event: MessageCreateEvent, client_groups: ClientGroups) -> HandlerResult {
    let Some(text) = event.content.strip_prefix("!relay ") else {
        return Ok(());
    };
    if event.author.bot {
        return Ok(());
    }
    let speaker = client_groups.get("speaker").ok_or("no speaker bot")?;
    let message =
        CreateMessage::content(format!("{} asked me to say: {text}", event.author.username));
    speaker
        .client
        .channels
        .messages(event.channel_id)
        .create(message)
        .await?;
    Ok(())
}

/// Only the listener handles messages; the speaker just runs.
pub fn setup(groups: &[ClientGroup]) {
    let listener = &groups[0];
    listener.configure(|c| c.add_intents(Intents::MESSAGE_CONTENT));
    listener.dispatcher.add_handler(relay);
}

/// The offline scene: alice asks the listener, the speaker answers.
pub async fn scene(s: &Scene) -> SceneResult {
    s.say("alice", "!relay hello from the other bot")?;
    let reply = s.reply().await?;
    check(
        reply.content == "alice asked me to say: hello from the other bot",
        "the relayed text",
    )?;
    check(
        reply.author.username == "speaker",
        "the speaker bot sent it",
    )
}

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    asyncord_examples::run(&BOTS, setup, scene).await
}
