//! What a command leads to, through the emulator: autocomplete suggestions (checked by the
//! emulator as Discord checks them), components routed by `custom_id` pattern with typed
//! captures, and typed modals — opened and awaited from a command, or routed by pattern —
//! whose submissions are validated against the form's rules.

// Autocomplete functions and checks are `async` by contract; these need no `.await`.
#![allow(clippy::unused_async)]

use std::time::Duration;

use asyncord::model::component::{ActionRow, Button};
use asyncord::prelude::*;
use asyncord::testkit::{Emulator, EmulatorBots, Invocation};

const FRUITS: &[&str] = &["apple", "apricot", "banana", "blueberry", "cherry"];

async fn complete_fruit(_ctx: AutocompleteContext, typed: String) -> Vec<String> {
    FRUITS
        .iter()
        .filter(|f| f.starts_with(&typed))
        .map(|f| (*f).to_owned())
        .collect()
}

async fn complete_amount(ctx: AutocompleteContext, typed: String) -> Vec<(String, i64)> {
    let fruit: Option<String> = ctx.option("fruit").unwrap_or(None);
    let base: i64 = typed.parse().unwrap_or(1);
    (1..=3)
        .map(|n| {
            (
                format!("{} {}", base * n, fruit.clone().unwrap_or_default()),
                base * n,
            )
        })
        .collect()
}

async fn complete_many(_ctx: AutocompleteContext, _typed: String) -> Vec<String> {
    (0..40).map(|n| format!("item {n}")).collect()
}

/// Buys fruit.
#[command]
async fn buy(
    ctx: CommandContext,
    /// Which fruit
    #[autocomplete = complete_fruit]
    fruit: String,
    /// How many
    #[autocomplete = complete_amount]
    amount: Option<i64>,
    /// Anything
    #[autocomplete = complete_many]
    note: Option<String>,
) -> CommandResult {
    let _ = note;
    ctx.reply(format!("{} {fruit}", amount.unwrap_or(1)))
        .await?;
    Ok(())
}

/// Starts a poll.
#[command]
async fn poll(ctx: CommandContext) -> CommandResult {
    let id = ctx.interaction().id;
    ctx.reply(Reply::content("Vote!").component(ActionRow::new([
        Button::primary(format!("vote:{id}:yes"), "Yes"),
        Button::primary(format!("vote:{id}:no"), "No"),
        Button::primary("vote:notanumber:no", "Broken"),
    ])))
    .await?;
    Ok(())
}

/// The vote buttons' handler, written by a `macro_rules!` (name, context type and return type
/// from the caller): the attribute's own locals must resolve whatever hygiene those tokens carry.
macro_rules! vote_component {
    ($name:ident, $ctx:ty, $ret:ty) => {
        #[component("vote:{poll}:{choice}")]
        async fn $name(ctx: $ctx, poll: u64, choice: String) -> $ret {
            ctx.update(format!(
                "{} voted {choice} in poll {poll}",
                ctx.user().username
            ))
            .await?;
            Ok(())
        }
    };
}

vote_component!(vote, CommandContext, CommandResult);

#[derive(Modal)]
#[modal(title = "Feedback")]
struct Feedback {
    #[input(
        label = "What could be better?",
        paragraph,
        min_length = 5,
        max_length = 200
    )]
    text: String,
    #[input(label = "Your age")]
    age: Option<u32>,
}

/// Asks for feedback.
#[command]
async fn feedback(ctx: CommandContext) -> CommandResult {
    let (form, submitted) = ctx.modal::<Feedback>(Duration::from_secs(600)).await?;
    submitted
        .ephemeral(format!(
            "thanks ({} chars, age {:?})",
            form.text.len(),
            form.age
        ))
        .await?;
    Ok(())
}

/// Opens a form routed by pattern.
#[command]
async fn report(ctx: CommandContext) -> CommandResult {
    ctx.open_modal::<Feedback>("report:42").await?;
    Ok(())
}

#[component("report:{case}")]
async fn report_submitted(ctx: CommandContext, case: u32) -> CommandResult {
    let form: Feedback = ctx.modal_submission()?;
    ctx.reply(format!("case {case}: {}", form.text)).await?;
    Ok(())
}

async fn start(emu: &Emulator) -> asyncord::testkit::RunningBot {
    emu.run_bot(|g| {
        g.dispatcher
            .add_commands([buy(), poll(), feedback(), report()]);
        g.dispatcher.add_components([vote(), report_submitted()]);
    })
    .await
    .unwrap()
}

#[tokio::test(start_paused = true)]
async fn autocomplete_suggests_for_the_focused_option() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let channel = emu.channel_id();
    let got = alice
        .autocomplete(channel, Invocation::slash("buy").focused("fruit", "ap"))
        .await
        .unwrap();
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["apple", "apricot"]);
    // Integer suggestions, computed from another option already given.
    let got = alice
        .autocomplete(
            channel,
            Invocation::slash("buy")
                .option("fruit", "cherry")
                .focused("amount", "2"),
        )
        .await
        .unwrap();
    assert_eq!(got[2], ("6 cherry".to_owned(), serde_json::json!(6)));
    // 40 suggestions are cut to Discord's 25 (the emulator refuses more).
    let got = alice
        .autocomplete(channel, Invocation::slash("buy").focused("note", ""))
        .await
        .unwrap();
    assert_eq!(got.len(), 25);
    // The command itself still runs.
    let ask = alice
        .invoke(
            channel,
            Invocation::slash("buy")
                .option("fruit", "apple")
                .option("amount", 3),
        )
        .await
        .unwrap();
    assert_eq!(ask.response().await.unwrap().content(), Some("3 apple"));
}

#[tokio::test(start_paused = true)]
async fn components_route_by_pattern_with_typed_captures() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let channel = emu.channel_id();
    let ask = alice
        .invoke(channel, Invocation::slash("poll"))
        .await
        .unwrap();
    let message = ask.message().await.unwrap();
    let id = ask.id();
    let click = alice
        .click_button(channel, message.id, &format!("vote:{id}:yes"))
        .unwrap();
    let reply = click.response().await.unwrap();
    assert_eq!(reply.kind, 7, "the message is updated");
    assert_eq!(
        reply.content(),
        Some(format!("alice voted yes in poll {id}").as_str())
    );
    // A capture that does not parse is an error answer, not a panic.
    let click = alice
        .click_button(channel, message.id, "vote:notanumber:no")
        .unwrap();
    let reply = click.response().await.unwrap();
    assert!(reply.is_ephemeral());
    assert!(
        reply.content().unwrap().contains("`poll` is not valid"),
        "{:?}",
        reply.content()
    );
}

#[tokio::test(start_paused = true)]
async fn a_command_opens_a_modal_and_awaits_the_typed_form() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let channel = emu.channel_id();
    let ask = alice
        .invoke(channel, Invocation::slash("feedback"))
        .await
        .unwrap();
    let submitted = alice
        .submit_modal(&ask, &[("text", "more dice please"), ("age", "30")])
        .await
        .unwrap();
    let reply = submitted.response().await.unwrap();
    assert_eq!(reply.content(), Some("thanks (16 chars, age Some(30))"));
    assert!(reply.is_ephemeral());

    // A submission that breaks the form's rules is answered with what is wrong.
    let ask = alice
        .invoke(channel, Invocation::slash("feedback"))
        .await
        .unwrap();
    let submitted = alice
        .submit_modal(&ask, &[("text", "meh"), ("age", "")])
        .await
        .unwrap();
    let reply = submitted.response().await.unwrap();
    assert!(reply.is_ephemeral());
    assert_eq!(
        reply.content(),
        Some("“What could be better?” must be 5 to 200 characters long (it is 3).")
    );
}

#[tokio::test(start_paused = true)]
async fn a_modal_submission_routes_by_pattern() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let channel = emu.channel_id();
    let ask = alice
        .invoke(channel, Invocation::slash("report"))
        .await
        .unwrap();
    let modal = ask.response().await.unwrap();
    assert_eq!(modal.kind, 9);
    assert_eq!(modal.custom_id(), Some("report:42"));
    let submitted = alice
        .submit_modal(&ask, &[("text", "it crashed")])
        .await
        .unwrap();
    assert_eq!(
        submitted.response().await.unwrap().content(),
        Some("case 42: it crashed")
    );
}
