//! The command framework served from an interactions endpoint instead of the gateway: the same
//! `#[command]`s, autocomplete functions and `#[component]`s, registered by the hub, receive
//! the interactions the emulator POSTs (signed, as Discord does once the "Interactions Endpoint
//! URL" is set), and their first answers go into the HTTP responses. A command slower than the
//! endpoint's deadline is deferred by the endpoint, and its late reply becomes the edit of the
//! deferred response.

// Autocomplete functions are `async` by contract; this one needs no `.await`.
#![allow(clippy::unused_async)]

use std::sync::Arc;
use std::time::Duration;

use asyncord::interactions::{InteractionsConfig, PublicKey};
use asyncord::model::component::{ActionRow, Button};
use asyncord::prelude::*;
use asyncord::testkit::{Emulator, Invocation};
use asyncord::{ClientHub, HubConfig};
use tokio::sync::Notify;

async fn complete_colour(_ctx: AutocompleteContext, typed: String) -> Vec<String> {
    ["red", "green", "grey"]
        .into_iter()
        .filter(|c| c.starts_with(&typed))
        .map(str::to_owned)
        .collect()
}

/// Paints something.
#[command]
async fn paint(
    ctx: CommandContext,
    /// Which colour
    #[autocomplete = complete_colour]
    colour: String,
    /// How many coats
    #[min = 1]
    #[max = 3]
    coats: Option<i64>,
) -> CommandResult {
    ctx.reply(
        Reply::content(format!("{} coat(s) of {colour}", coats.unwrap_or(1)))
            .component(ActionRow::new([Button::primary("again:2", "Again")])),
    )
    .await?;
    Ok(())
}

#[component("again:{coats}")]
async fn again(ctx: CommandContext, coats: u8) -> CommandResult {
    ctx.update(format!("{coats} more coats")).await?;
    Ok(())
}

#[command(context_menu = "user", name = "Wave at")]
async fn wave(ctx: CommandContext, user: User) -> CommandResult {
    ctx.reply(format!(
        "{} waves at {}",
        ctx.user().username,
        user.username
    ))
    .await?;
    Ok(())
}

/// Adds a shelf.
#[command]
async fn add(
    ctx: CommandContext,
    /// The shelf's label
    label: String,
) -> CommandResult {
    ctx.reply(format!("shelf {label} added")).await?;
    Ok(())
}

/// Shelves in the cellar.
#[command(subcommands(add))]
async fn cellar(_: CommandContext) -> CommandResult {
    Ok(())
}

/// Manages shelves.
#[command(subcommands(cellar))]
async fn shelf(_: CommandContext) -> CommandResult {
    Ok(())
}

#[command(context_menu = "message", name = "Echo")]
async fn echo(ctx: CommandContext, message: Message) -> CommandResult {
    ctx.reply(format!("echo: {}", message.content)).await?;
    Ok(())
}

#[derive(Modal)]
#[modal(title = "Note")]
struct Note {
    #[input(label = "Your note", min_length = 3, max_length = 50)]
    text: String,
}

/// Asks for a note.
#[command]
async fn note(ctx: CommandContext) -> CommandResult {
    let (form, submitted) = ctx.modal::<Note>(Duration::from_secs(60)).await?;
    submitted.reply(format!("noted: {}", form.text)).await?;
    Ok(())
}

/// Started and released by the test.
#[derive(Debug, Default)]
struct Gate {
    started: Notify,
    release: Notify,
}

/// Takes its time.
#[command]
async fn slow(ctx: CommandContext, gate: Arc<Gate>) -> CommandResult {
    gate.started.notify_one();
    gate.release.notified().await;
    ctx.reply("done at last").await?;
    Ok(())
}

#[tokio::test]
async fn commands_answer_in_the_http_response_without_a_gateway() {
    let emu = Emulator::start().await.unwrap();
    let app = emu.bot().application_id;
    let key = PublicKey::from_hex(&emu.interactions_public_key(app)).unwrap();
    let endpoint = InteractionsConfig::new(key, ([127, 0, 0, 1], 0).into())
        .deadline(Duration::from_millis(500));
    let config = emu
        .group_config()
        .without_gateway()
        .http_interactions(endpoint);
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        ..HubConfig::default()
    });
    let group = hub
        .create_client_group_with("http", emu.token(), config)
        .unwrap();
    let gate = Arc::new(Gate::default());
    group.dispatcher.add_argument("gate", Arc::clone(&gate));
    group
        .dispatcher
        .add_commands([paint(), wave(), slow(), shelf(), echo(), note()]);
    group.dispatcher.add_components([again()]);
    let stop = hub.stop_handle();
    let running = tokio::spawn(async move { hub.start().await });

    // The hub registers the commands, then binds the endpoint; then the portal's check passes.
    let addr = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if let Some(addr) = group.interactions_addr() {
                break addr;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await
    .expect("the endpoint is bound");
    emu.set_interactions_endpoint_url(app, &format!("http://{addr}/"))
        .await
        .unwrap();
    assert_eq!(emu.command_writes().len(), 1, "registered once, by the hub");

    let alice = emu.user_named("alice").unwrap();
    let bob = emu.user_named("bob").unwrap();
    let channel = emu.channel_id();

    // Autocomplete: the focused option's suggestions are the HTTP answer.
    let got = alice
        .autocomplete(channel, Invocation::slash("paint").focused("colour", "gr"))
        .await
        .unwrap();
    let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["green", "grey"]);

    // A slash command with typed options.
    let painted = alice
        .invoke(
            channel,
            Invocation::slash("paint")
                .option("colour", "red")
                .option("coats", 2),
        )
        .await
        .unwrap();
    let reply = painted.response().await.unwrap();
    assert_eq!(reply.content(), Some("2 coat(s) of red"));
    assert!(emu.answered_over_http(painted.id()));

    // Its button, routed by pattern with a typed capture, updates the message over HTTP too.
    let message = painted.message().await.unwrap();
    let click = alice.click_button(channel, message.id, "again:2").unwrap();
    let update = click.response().await.unwrap();
    assert_eq!(update.kind, 7);
    assert_eq!(update.content(), Some("2 more coats"));
    assert!(emu.answered_over_http(click.id()));

    // A user context-menu command gets its resolved target.
    let waved = alice
        .invoke(channel, Invocation::user("Wave at", bob.id()))
        .await
        .unwrap();
    assert_eq!(
        waved.response().await.unwrap().content(),
        Some("alice waves at bob")
    );
    assert!(emu.answered_over_http(waved.id()));

    // A subcommand in a group, by its path.
    let added = alice
        .invoke(
            channel,
            Invocation::slash("shelf")
                .subcommand("cellar")
                .subcommand("add")
                .option("label", "wine"),
        )
        .await
        .unwrap();
    assert_eq!(
        added.response().await.unwrap().content(),
        Some("shelf wine added")
    );
    assert!(emu.answered_over_http(added.id()));

    // A message context-menu command gets the message.
    let said = bob.send_message(channel, "over http").unwrap();
    let echoed = alice
        .invoke(channel, Invocation::message("Echo", said))
        .await
        .unwrap();
    assert_eq!(
        echoed.response().await.unwrap().content(),
        Some("echo: over http")
    );
    assert!(emu.answered_over_http(echoed.id()));

    // A modal opened in the HTTP answer, its submission answered in the next one.
    let asked = alice
        .invoke(channel, Invocation::slash("note"))
        .await
        .unwrap();
    let submitted = alice
        .submit_modal(&asked, &[("text", "buy milk")])
        .await
        .unwrap();
    assert_eq!(
        submitted.response().await.unwrap().content(),
        Some("noted: buy milk")
    );
    assert!(emu.answered_over_http(asked.id()));
    assert!(emu.answered_over_http(submitted.id()));

    // Slower than the deadline: the endpoint defers it, and the command's reply edits the
    // deferred response.
    let slow = alice
        .invoke(channel, Invocation::slash("slow"))
        .await
        .unwrap();
    gate.started.notified().await;
    assert_eq!(slow.response().await.unwrap().kind, 5, "deferred");
    gate.release.notify_one();
    let edited = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            if let Ok(m) = slow.message().await
                && m.content == "done at last"
            {
                break m;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the late reply edits the deferred response");
    assert_eq!(edited.content, "done at last");

    assert!(
        group.gateway.shard_ids().is_empty(),
        "no gateway connection"
    );
    stop.stop();
    let summary = running.await.unwrap().unwrap();
    assert!(summary.groups[0].outcome.is_ok());
    emu.shutdown().await;
}
