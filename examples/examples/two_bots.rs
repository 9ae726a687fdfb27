//! Two bots in one process (the seed's "Multiple bot connections"): a [`ClientHub`] with two
//! client groups. The listener bot receives `!relay <text>` and the speaker bot says it,
//! through the default `client_groups` argument.
//!
//! `cargo run --example two_bots` runs it offline; online it needs `DISCORD_TOKEN` (listener)
//! and `DISCORD_TOKEN_2` (speaker).

use asyncord::prelude::*;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

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

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    tracing_subscriber::fmt::init(); // asyncord logs through `tracing`
    // DISCORD_TOKEN and DISCORD_TOKEN_2 set: Discord. Unset: an in-process emulator with both
    // bots that plays `scene` (below).
    let bots = Offline::from_env_for(&["listener", "speaker"]).await?;
    run(&bots).await
}

/// The bots: one hub, two groups; only the listener handles messages.
pub async fn run(bots: &Offline) -> asyncord::Result<()> {
    let mut hub = ClientHub::new();
    hub.set_group_defaults(bots.config());
    let listener = hub.create_client_group("listener", bots.token_of("listener")?)?;
    hub.create_client_group("speaker", bots.token_of("speaker")?)?;
    listener.configure(|c| c.add_intents(Intents::MESSAGE_CONTENT));
    listener.dispatcher.add_handler(relay);
    bots.play(&listener, scene);
    hub.start().await?; // until Ctrl-C, SIGTERM or hub.stop(); logs its summary
    Ok(())
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Alice asks the listener; the speaker answers.
async fn scene(s: Scene) -> SceneResult {
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
