//! Main resources (the seed's "How to get main resources?"): inside the connect block the
//! group's REST client already works, so the bot fetches its guild and channel before it
//! connects, and hands what it learnt to its handler as an argument.
//!
//! Try `!where`. Online it needs `DISCORD_TOKEN`, `DISCORD_GUILD_ID` and `DISCORD_CHANNEL_ID`;
//! `cargo run --example resources` runs it offline.

use asyncord::prelude::*;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

/// Where the bot lives: fetched once, before it connects.
#[derive(Clone)]
pub struct Home {
    guild: String,
    channel: String,
}

/// `!where` answers with what the setup fetched.
#[handler]
async fn on_where(event: MessageCreateEvent, client: RestClient, home: Home) -> HandlerResult {
    if event.author.bot || event.content != "!where" {
        return Ok(());
    }
    let text = format!("I live in #{} on {}.", home.channel, home.guild);
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

/// The bot: the setup awaits two REST calls (a failure ends `connect` before it connects).
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    let config = bot.config().add_intents(Intents::MESSAGE_CONTENT);
    asyncord::connect_with(bot.token(), config, async |group| -> asyncord::Result<()> {
        // Getting the rest client instance
        let client = &group.client;
        // Getting the guild and channel resources objects
        let guild = client.guilds.get(bot.guild_id()?, false).await?;
        let channel = client.channels.get(bot.channel_id()?).await?;
        let home = Home {
            guild: guild.name,
            channel: channel.name.unwrap_or_default(),
        };
        println!("home: #{} on {}", home.channel, home.guild);
        group.dispatcher.add_argument("home", home);
        group.dispatcher.add_handler(on_where);
        bot.play(group, scene);
        Ok(())
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Bob asks where the bot lives.
async fn scene(s: Scene) -> SceneResult {
    s.say("bob", "!where")?;
    check(
        s.reply().await?.content == "I live in #general on Test Guild.",
        "the guild and channel fetched in the setup",
    )
}
