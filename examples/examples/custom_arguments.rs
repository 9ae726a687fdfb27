//! Custom handler arguments (the seed's "Handler arguments"): values registered with
//! `dispatcher.add_argument(name, value)` reach every handler parameter of that name, checked
//! before the bot connects. Also the seed's form without annotations, `add_handler_for`, where
//! the event type is given explicitly and the handler reads its arguments from the context.
//!
//! Try `!number` and `!stats`. `cargo run --example custom_arguments` runs it offline.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use asyncord::prelude::*;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

/// Shared state: handler arguments are cloned per call, so share mutable state through `Arc`.
#[derive(Clone, Default)]
pub struct Counter(Arc<AtomicU64>);

/// `my_number` and `counter` are resolved by name from the registered arguments.
#[handler]
async fn on_message(
    event: MessageCreateEvent,
    client: RestClient,
    my_number: i32,
    counter: Counter,
) -> HandlerResult {
    if event.author.bot || event.content != "!number" {
        return Ok(());
    }
    let asked = counter.0.fetch_add(1, Ordering::Relaxed) + 1;
    let text = format!("my_number is {my_number} (asked {asked} time(s))");
    client
        .channels
        .messages(event.channel_id)
        .create(CreateMessage::content(text))
        .await?;
    Ok(())
}

/// The same kind of handler without `#[handler]`: registered with its event type given
/// explicitly, it reads its arguments from the context by name.
async fn on_stats(event: Arc<MessageCreateEvent>, ctx: Context) -> HandlerResult {
    if event.author.bot || event.content != "!stats" {
        return Ok(());
    }
    let client: RestClient = ctx.arg("client")?;
    let counter: Counter = ctx.arg("counter")?;
    let text = format!(
        "!number was asked {} time(s)",
        counter.0.load(Ordering::Relaxed)
    );
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

/// The bot: registers the arguments and both handlers, then runs until Ctrl-C.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    let config = bot.config().add_intents(Intents::MESSAGE_CONTENT);
    asyncord::connect_with(bot.token(), config, async |group| {
        group.dispatcher.add_argument("my_number", 42_i32);
        group.dispatcher.add_argument("counter", Counter::default());
        // Now we can use my_number (and counter) in an event handler.
        group.dispatcher.add_handler(on_message);
        // The seed's "not recommended" form: the event type first, then the handler.
        group
            .dispatcher
            .add_handler_for::<MessageCreateEvent, _>(on_stats);
        bot.play(group, scene);
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Two users ask for the number, then for the stats.
async fn scene(s: Scene) -> SceneResult {
    s.say("alice", "!number")?;
    check(
        s.reply().await?.content == "my_number is 42 (asked 1 time(s))",
        "the first answer",
    )?;
    s.say("bob", "!number")?;
    check(
        s.reply().await?.content == "my_number is 42 (asked 2 time(s))",
        "the shared counter",
    )?;
    s.say("alice", "!stats")?;
    check(
        s.reply().await?.content == "!number was asked 2 time(s)",
        "the handler registered with add_handler_for",
    )
}
