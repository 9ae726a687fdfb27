//! Custom handler arguments (the seed's "Handler arguments"): values registered with
//! `dispatcher.add_argument(name, value)` reach every handler parameter of that name, checked
//! before the bot connects. Also the explicit form without `#[handler]`, where a closure reads
//! its arguments from the context.
//!
//! Try `!number` and `!stats`. `cargo run --example custom_arguments` runs it offline.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use asyncord::prelude::*;
use asyncord_examples::{Scene, SceneResult, check};

/// Shared state: handler arguments are cloned per call, so share mutable state through `Arc`.
#[derive(Clone, Default)]
pub struct Counter(Arc<AtomicU64>);

/// `my_number` and `counter` are resolved by name from the registered arguments.
#[handler]
async fn on_number(
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

/// Registers the arguments and two handlers: one with `#[handler]`, one explicit.
pub fn setup(groups: &[ClientGroup]) {
    for group in groups {
        group.configure(|c| c.add_intents(Intents::MESSAGE_CONTENT));
        let dispatcher = &group.dispatcher;
        dispatcher.add_argument("my_number", 42_i32);
        dispatcher.add_argument("counter", Counter::default());
        dispatcher.add_handler(on_number);
        // The seed's form without annotations: the event type is given explicitly and the
        // closure reads its arguments from the context.
        dispatcher.add_handler_for::<MessageCreateEvent, _>(|event, ctx| async move {
            if event.author.bot || event.content != "!stats" {
                return Ok(());
            }
            let counter: Counter = ctx.arg("counter")?;
            let client: RestClient = ctx.arg("client")?;
            let text = format!(
                "!number was asked {} time(s)",
                counter.0.load(Ordering::Relaxed)
            );
            client
                .channels
                .messages(event.channel_id)
                .create(CreateMessage::content(text))
                .await?;
            HandlerResult::Ok(())
        });
    }
}

/// The offline scene: two users ask for the number, then for the stats.
pub async fn scene(s: &Scene) -> SceneResult {
    s.say("alice", "!number")?;
    check(
        s.reply().await?.content == "my_number is 42 (asked 1 time(s))",
        "first answer",
    )?;
    s.say("bob", "!number")?;
    check(
        s.reply().await?.content == "my_number is 42 (asked 2 time(s))",
        "shared counter",
    )?;
    s.say("alice", "!stats")?;
    check(
        s.reply().await?.content == "!number was asked 2 time(s)",
        "explicit handler",
    )
}

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    asyncord_examples::run(&["custom_arguments"], setup, scene).await
}
