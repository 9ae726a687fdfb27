//! A slash command with buttons: `/vote` answers with Yes/No buttons whose `custom_id`s carry
//! the poll and the choice (`vote:{poll}:{choice}`); a `#[component]` handler receives them as
//! typed parameters and updates the message.
//!
//! The command is registered when the bot starts (only if it changed). `cargo run --example
//! slash_button` runs it offline: alice invokes `/vote` and clicks "Yes".

use asyncord::model::component::{ActionRow, Button};
use asyncord::prelude::*;
use asyncord::testkit::{Invocation, Offline, Scene, SceneResult, check};

/// Asks whether Rust is fun.
#[command]
async fn vote(ctx: CommandContext) -> CommandResult {
    let poll = ctx.interaction().id;
    let buttons = ActionRow::new([
        Button::success(format!("vote:{poll}:yes"), "Yes"),
        Button::danger(format!("vote:{poll}:no"), "No"),
    ]);
    ctx.reply(Reply::content("Is Rust fun?").component(buttons))
        .await?;
    Ok(())
}

/// A click on a vote button: the poll's id and the choice, parsed from the `custom_id`.
#[component("vote:{poll}:{choice}")]
async fn voted(ctx: CommandContext, poll: InteractionId, choice: String) -> CommandResult {
    let who = ctx.user().username.clone();
    // A real bot would count the vote for `poll` here.
    let _ = poll;
    ctx.update(format!("{who} voted {choice}.")).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    tracing_subscriber::fmt::init(); // asyncord logs through `tracing`
    // DISCORD_TOKEN set: Discord. Unset: an in-process emulator that plays `scene` (below).
    let bot = Offline::from_env().await?;
    run(&bot).await
}

/// The bot: adds the command and the button handler, then runs until Ctrl-C.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    asyncord::connect_with(bot.token(), bot.config(), async |group| {
        group.dispatcher.add_commands([vote()]);
        group.dispatcher.add_components([voted()]);
        bot.play(group, scene);
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Alice runs `/vote` and clicks "Yes".
async fn scene(s: Scene) -> SceneResult {
    let alice = s.user("alice")?;
    s.narrate("alice: /vote");
    let command = alice.invoke(s.channel(), Invocation::slash("vote")).await?;
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
