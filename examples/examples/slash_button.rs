//! A slash command with a button and `wait_for`: `/vote` answers with Yes/No buttons, then the
//! same handler waits (up to a minute) for the invoker's click and updates the message.
//!
//! The command is registered when the bot is ready. `cargo run --example slash_button` runs it
//! offline: alice invokes `/vote` and clicks "Yes".

use std::time::Duration;

use asyncord::model::component::{ActionRow, Button};
use asyncord::model::interaction::{InteractionMessageData, InteractionResponse};
use asyncord::model::request::EditWebhookMessage;
use asyncord::model::request::command::CreateCommand;
use asyncord::prelude::*;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

/// Registers `/vote` once the bot knows its application id.
#[handler]
async fn register(event: ReadyEvent, client: RestClient) -> HandlerResult {
    let command = CreateCommand::chat_input("vote", "Ask whether Rust is fun");
    client
        .applications
        .commands(event.application.id)
        .create(command)
        .await?;
    Ok(())
}

/// Answers `/vote` with two buttons, then waits for the invoker's click.
#[handler]
async fn vote(
    event: InteractionCreateEvent,
    client: RestClient,
    dispatcher: Dispatcher,
) -> HandlerResult {
    if event.command_data().is_none_or(|c| c.name != "vote") {
        return Ok(());
    }
    let prefix = format!("vote:{}:", event.id);
    let buttons = ActionRow::new([
        Button::success(format!("{prefix}yes"), "Yes"),
        Button::danger(format!("{prefix}no"), "No"),
    ]);
    let question = InteractionResponse::message("Is Rust fun?").component(buttons);
    client
        .interactions
        .respond(event.id, event.token.as_str(), question)
        .await?;

    let invoker = event.author_id();
    let wanted = prefix.clone();
    let click = dispatcher
        .wait_for::<InteractionCreateEvent>(
            move |i| {
                i.author_id() == invoker
                    && i.component_data()
                        .is_some_and(|c| c.custom_id.starts_with(&wanted))
            },
            Duration::from_mins(1),
        )
        .await;
    let Ok(click) = click else {
        let closed = EditWebhookMessage::new().content(Some("Vote closed: nobody answered."));
        client
            .interactions
            .edit_original(event.application_id, event.token.as_str(), closed)
            .await?;
        return Ok(());
    };
    let choice = click
        .component_data()
        .map_or("", |c| &c.custom_id[prefix.len()..]);
    let who = click.author().map_or("someone", |u| u.username.as_str());
    let result = InteractionMessageData {
        content: Some(format!("{who} voted {choice}.")),
        components: Some(Vec::new()),
        ..InteractionMessageData::default()
    };
    client
        .interactions
        .respond(
            click.id,
            click.token.as_str(),
            InteractionResponse::update(result),
        )
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

/// The bot: registers both handlers, then runs until Ctrl-C.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    asyncord::connect_with(bot.token(), bot.config(), async |group| {
        group.dispatcher.add_handler(register);
        group.dispatcher.add_handler(vote);
        bot.play(group, scene);
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Alice runs `/vote` and clicks "Yes".
async fn scene(s: Scene) -> SceneResult {
    let alice = s.user("alice")?;
    s.narrate("alice: /vote");
    let command = alice
        .invoke_slash_command(s.channel(), "vote", serde_json::Value::Null)
        .await?;
    let question = command.message().await?;
    s.narrate(format_args!("bot: {} [Yes] [No]", question.content));
    check(question.content == "Is Rust fun?", "the question")?;
    let yes = format!("vote:{}:yes", command.id());
    s.narrate("alice clicks [Yes]");
    let click = alice.click_button(s.channel(), question.id, &yes)?;
    let update = click.response().await?;
    s.narrate(format_args!(
        "bot updates the message: {}",
        update.content().unwrap_or_default()
    ));
    check(
        update.content() == Some("alice voted yes."),
        "the vote result",
    )
}
