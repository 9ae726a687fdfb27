//! The `gateway` default argument (the seed's "Default arguments"): a handler that takes the
//! bot's `GatewayHandle` to change its presence and to read its shard's latency.
//!
//! Try `!playing <game>` and `!latency`. `cargo run --example gateway_argument` runs it offline.

use std::time::Duration;

use asyncord::model::gateway::{BotActivity, Presence, Status};
use asyncord::prelude::*;
use asyncord::testkit::gateway::ServerEventKind;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

/// `!playing <game>` sets "Playing <game>"; `!latency` answers with the shard's heartbeat
/// latency.
#[handler]
async fn on_message(
    event: MessageCreateEvent,
    client: RestClient,
    gateway: GatewayHandle,
) -> HandlerResult {
    if event.author.bot {
        return Ok(());
    }
    let text = if let Some(game) = event.content.strip_prefix("!playing ") {
        let presence = Presence::new(Status::Online).activity(BotActivity::playing(game));
        gateway.update_presence(presence).await?;
        format!("Now playing {game}.")
    } else if event.content == "!latency" {
        let shard = event.guild_id.map_or(0, |g| gateway.shard_for_guild(g));
        match gateway.latency(shard) {
            Some(latency) => format!("Shard {shard} latency: {} ms.", latency.as_millis()),
            None => format!("Shard {shard} latency: not measured yet."),
        }
    } else {
        return Ok(());
    };
    client
        .channels
        .messages(event.channel_id)
        .create(CreateMessage::content(text))
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

/// The bot: one handler taking `gateway`, then it runs until Ctrl-C.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    let config = bot.config().add_intents(Intents::MESSAGE_CONTENT);
    asyncord::connect_with(bot.token(), config, async |group| {
        group.dispatcher.add_handler(on_message);
        bot.play(group, scene);
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Alice sets the bot's game (the emulated gateway receives the presence update), then asks
/// for the latency.
async fn scene(s: Scene) -> SceneResult {
    s.say("alice", "!playing chess")?;
    check(
        s.reply().await?.content == "Now playing chess.",
        "the bot confirms",
    )?;
    let presence_sent = |events: &[_]| {
        events
            .iter()
            .any(|e: &asyncord::testkit::gateway::ServerEvent| {
                matches!(&e.kind, ServerEventKind::Command { op: 3, data }
                if data["activities"][0]["name"] == "chess")
            })
    };
    let gateway = s.emulator().gateway();
    let sent = tokio::time::timeout(Duration::from_secs(5), gateway.wait_for(presence_sent)).await;
    check(sent.is_ok(), "the gateway received the presence update")?;
    s.narrate("(the emulated gateway received: Playing chess)");
    s.say("alice", "!latency")?;
    let reply = s.reply().await?;
    check(
        reply.content.starts_with("Shard 0 latency: "),
        "the latency answer",
    )
}
