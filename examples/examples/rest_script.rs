//! A standalone REST script (the seed's "initialize any client separately"): no gateway, no
//! handlers — a `RestClient` that reads the bot's user, its guilds and a channel, posts a
//! message and lists the latest ones. Useful in a web server, a cron job, a migration.
//!
//! Online: `DISCORD_TOKEN=... DISCORD_CHANNEL_ID=... cargo run --example rest_script`.
//! `cargo run --example rest_script` runs it against the emulator's `#general`.

use asyncord::model::request::CreateMessage;
use asyncord::rest::ListMessages;
use asyncord::testkit::Offline;

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    tracing_subscriber::fmt::init(); // asyncord logs through `tracing`
    // DISCORD_TOKEN set: Discord. Unset: an in-process emulator.
    let bot = Offline::from_env().await?;
    run(&bot).await
}

/// The script.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    // On Discord the same as `RestClient::new(token)`; offline it talks to the emulator.
    let client = bot.rest_client();

    let me = client.users.me().await?;
    println!("logged in as {} ({})", me.username, me.id);
    for guild in client.users.guilds(None, None, Some(10)).await? {
        println!("  in guild {} ({})", guild.name, guild.id);
    }

    let channel_id = bot.channel_id()?; // DISCORD_CHANNEL_ID online
    let channel = client.channels.get(channel_id).await?;
    let name = channel.name.as_deref().unwrap_or("?");
    println!("channel #{name} ({:?}, id {})", channel.kind, channel.id);

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
    Ok(())
}
