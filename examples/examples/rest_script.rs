//! A standalone REST script (the seed's "initialize any client separately"): no gateway, no
//! handlers — a `RestClient` that reads the bot's user, its guilds, a channel, posts a message
//! and lists the latest ones. Useful in a web server, a cron job, a migration.
//!
//! Online: `DISCORD_TOKEN=... DISCORD_CHANNEL_ID=... cargo run --example rest_script` (without
//! `DISCORD_CHANNEL_ID` it only reads the user and guilds). Offline it runs against the
//! emulator and checks that the message landed.

use asyncord::model::Snowflake;
use asyncord::model::request::CreateMessage;
use asyncord::rest::{ListMessages, RestClient};
use asyncord::testkit::Emulator;

/// The environment variable naming the channel to post in.
pub const CHANNEL_VAR: &str = "DISCORD_CHANNEL_ID";

/// The script itself: the same code against Discord or the emulator. Returns the id of the
/// message it posted, if it had a channel.
pub async fn script(
    client: &RestClient,
    channel_id: Option<Snowflake>,
) -> asyncord::Result<Option<Snowflake>> {
    let me = client.users.me().await?;
    println!("logged in as {} ({})", me.username, me.id);
    for guild in client.users.guilds(None, None, Some(10)).await? {
        println!("  in guild {} ({})", guild.name, guild.id);
    }
    let Some(channel_id) = channel_id else {
        println!("set {CHANNEL_VAR} to post a message");
        return Ok(None);
    };
    let channel = client.channels.get(channel_id).await?;
    println!("channel #{}", channel.name.as_deref().unwrap_or("?"));
    let messages = client.channels.messages(channel_id);
    let posted = messages
        .create(CreateMessage::content("Hello from a REST script!"))
        .await?;
    println!("posted message {}", posted.id);
    let latest = ListMessages {
        limit: Some(5),
        ..ListMessages::default()
    };
    for message in messages.list(latest).await? {
        println!("  {}: {}", message.author.username, message.content);
    }
    Ok(Some(posted.id))
}

/// Runs the script against the emulator and checks the message is stored there.
pub async fn offline() -> asyncord::Result<()> {
    asyncord_examples::init_logging(false);
    let emulator = Emulator::start().await?;
    println!(
        "no {} set: running offline against the asyncord emulator ({})",
        asyncord_examples::TOKEN_VAR,
        emulator.rest_url()
    );
    let channel = emulator.channel_id();
    let posted = script(&emulator.rest_client(), Some(channel)).await?;
    let stored = emulator
        .world()
        .messages(channel)
        .iter()
        .any(|m| m["id"].as_str() == posted.map(|id| id.to_string()).as_deref());
    if stored {
        println!("done: the message is in the emulated channel");
        Ok(())
    } else {
        Err(asyncord::Error::other(
            "the posted message is not in the channel",
        ))
    }
}

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    let Ok(token) = std::env::var(asyncord_examples::TOKEN_VAR) else {
        return offline().await;
    };
    asyncord_examples::init_logging(true);
    let mut builder = RestClient::builder(token);
    if let Ok(url) = std::env::var(asyncord_examples::API_URL_VAR) {
        builder = builder.base_url(url);
    }
    let channel =
        match std::env::var(CHANNEL_VAR) {
            Ok(id) => Some(id.trim().parse::<Snowflake>().map_err(|_| {
                asyncord::Error::other(format!("{CHANNEL_VAR} is not an id: {id}"))
            })?),
            Err(_) => None,
        };
    script(&builder.build(), channel).await?;
    Ok(())
}
