//! An `#[inject]` argument: a struct whose fields are resolved by name for each call, and an
//! `Inject` impl that computes a value from the event itself. The handler takes both like any
//! other parameter, and a missing field argument is reported before the bot connects.
//!
//! Try `!whoami`. `cargo run --example inject_argument` runs it offline.

use asyncord::dispatcher::{Context, Inject, InjectError};
use asyncord::prelude::*;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

/// Everything a command needs, injected as one parameter: each field is the registered
/// argument of the same name.
#[inject]
pub struct Services {
    client: RestClient,
    prefix: String,
}

/// The author's display name, computed from the event for each call.
pub struct AuthorName(String);

impl Inject for AuthorName {
    async fn inject(ctx: &Context) -> Result<Self, InjectError> {
        let event = ctx.event_for::<MessageCreateEvent, Self>()?;
        let author = &event.author;
        Ok(Self(
            author
                .global_name
                .clone()
                .unwrap_or_else(|| author.username.clone()),
        ))
    }
}

#[handler]
async fn whoami(event: MessageCreateEvent, services: Services, name: AuthorName) -> HandlerResult {
    if event.author.bot || event.content != format!("{}whoami", services.prefix) {
        return Ok(());
    }
    let text = format!("You are {}.", name.0);
    services
        .client
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

/// The bot: registers the `prefix` argument the injected struct needs, and the handler.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    let config = bot.config().add_intents(Intents::MESSAGE_CONTENT);
    asyncord::connect_with(bot.token(), config, async |group| {
        group.dispatcher.add_argument("prefix", "!".to_owned());
        group.dispatcher.add_handler(whoami);
        bot.play(group, scene);
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Both users ask who they are.
async fn scene(s: Scene) -> SceneResult {
    s.say("alice", "!whoami")?;
    check(s.reply().await?.content == "You are alice.", "alice's name")?;
    s.say("bob", "!whoami")?;
    check(s.reply().await?.content == "You are bob.", "bob's name")
}
