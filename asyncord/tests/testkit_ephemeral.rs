//! Ephemeral interaction replies in the emulator, tested as a bot author would: Discord shows
//! them only to the interaction's user, so they are not in the channel and no bot gets a
//! `MESSAGE_CREATE` / `MESSAGE_UPDATE` for them, but the interaction's webhook routes reach
//! them and their components work.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::MessageId;
use asyncord::model::component::{ActionRow, Button};
use asyncord::model::gateway::events::{InteractionCreateEvent, MessageCreateEvent};
use asyncord::model::interaction::{InteractionData, InteractionMessageData, InteractionResponse};
use asyncord::model::message::{Message, MessageFlags};
use asyncord::model::request::{CreateCommand, EditWebhookMessage, ExecuteWebhook};
use asyncord::rest::{ListMessages, RestClient};
use asyncord::testkit::{Emulator, EmulatorBots, SimInteraction};
use serde_json::{Value, json};

/// How many bot messages the bot's `MessageCreate` handler saw.
type Seen = Arc<AtomicUsize>;

#[handler]
async fn count_bot_messages(event: MessageCreateEvent, seen: Seen) -> HandlerResult {
    if event.author.bot {
        seen.fetch_add(1, Ordering::SeqCst);
    }
    Ok(())
}

/// `/secret` (ephemeral), `/slow` (deferred ephemeral, then edited), `/menu` (ephemeral with a
/// button), `/public` (a normal reply); the `go` button updates its message. `/manual` is
/// left to the test.
#[handler]
async fn on_interaction(event: InteractionCreateEvent, client: RestClient) -> HandlerResult {
    let token = event.token.0.clone();
    let response = match &event.data {
        Some(InteractionData::ApplicationCommand(cmd)) => match cmd.name.as_str() {
            "secret" => InteractionResponse::message("only you").ephemeral(),
            "public" => InteractionResponse::message("everyone"),
            "menu" => InteractionResponse::message_data(InteractionMessageData {
                content: Some("pick".to_owned()),
                components: Some(vec![ActionRow::new([Button::primary("go", "Go")]).into()]),
                ..InteractionMessageData::default()
            })
            .ephemeral(),
            "slow" => {
                client
                    .interactions
                    .respond(event.id, &token, InteractionResponse::deferred(true))
                    .await?;
                client
                    .interactions
                    .edit_original(
                        event.application_id,
                        &token,
                        EditWebhookMessage::new().content(Some("done")),
                    )
                    .await?;
                return Ok(());
            }
            _ => return Ok(()),
        },
        Some(InteractionData::MessageComponent(c)) if c.custom_id == "go" => {
            // The bot sees the ephemeral message the button is on.
            let on = event.message.as_ref().map_or("nothing", |m| {
                if m.flags.is_some_and(|f| f.contains(MessageFlags::EPHEMERAL)) {
                    "ephemeral"
                } else {
                    "public"
                }
            });
            InteractionResponse::update(InteractionMessageData {
                content: Some(format!("went from {on}")),
                components: Some(Vec::new()),
                ..InteractionMessageData::default()
            })
        }
        _ => return Ok(()),
    };
    client
        .interactions
        .respond(event.id, &token, response)
        .await?;
    Ok(())
}

/// An emulator with the commands registered and the bot running; returns the counter of bot
/// messages its `MessageCreate` handler saw.
async fn start() -> (Emulator, asyncord::testkit::RunningBot, Seen) {
    let emu = Emulator::start().await.expect("emulator starts");
    let commands = emu
        .rest_client()
        .applications
        .commands(emu.bot().application_id);
    for (name, about) in [
        ("secret", "Just for you"),
        ("public", "For everyone"),
        ("menu", "A private menu"),
        ("slow", "Thinks first"),
        ("manual", "Answered by the test"),
    ] {
        commands
            .create(CreateCommand::chat_input(name, about))
            .await
            .unwrap();
    }
    let seen = Seen::default();
    let bot = emu
        .run_bot_with(emu.token(), emu.group_config(), |g| {
            g.dispatcher.add_argument("seen", seen.clone());
            g.dispatcher.add_handler(on_interaction);
            g.dispatcher.add_handler(count_bot_messages);
        })
        .await
        .unwrap();
    (emu, bot, seen)
}

fn ephemeral(m: &Message) -> bool {
    m.flags.is_some_and(|f| f.contains(MessageFlags::EPHEMERAL))
}

/// Whether the world published `event` for message `id`.
fn dispatched(emu: &Emulator, event: &str, id: MessageId) -> bool {
    emu.dispatches()
        .iter()
        .any(|d| d.event == event && d.data["id"] == json!(id.to_string()))
}

/// Runs `/public` and waits until the bot's `MessageCreate` handler counted it: every dispatch
/// published before it has been handled by then.
async fn public_reply_seen(emu: &Emulator, seen: &Seen, before: usize) -> Message {
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke_slash_command(emu.channel_id(), "public", Value::Null)
        .await
        .unwrap();
    let msg = ask.message().await.unwrap();
    for _ in 0..200 {
        if seen.load(Ordering::SeqCst) > before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(seen.load(Ordering::SeqCst), before + 1);
    msg
}

async fn original(emu: &Emulator, ask: &SimInteraction<'_>) -> Message {
    emu.rest_client()
        .interactions
        .original(ask.application_id(), ask.token())
        .await
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn an_ephemeral_reply_is_seen_only_through_the_interaction() {
    let (emu, bot, seen) = start().await;
    let channel = emu.channel_id();
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke_slash_command(channel, "secret", Value::Null)
        .await
        .unwrap();
    let reply = ask.response().await.unwrap();
    assert!(reply.is_ephemeral());
    let msg = ask.message().await.unwrap();
    assert_eq!(msg.content, "only you");
    assert!(ephemeral(&msg));

    // Not in the channel...
    let client = emu.rest_client();
    let listed = client
        .channels
        .messages(channel)
        .list(ListMessages::new())
        .await
        .unwrap();
    assert!(listed.iter().all(|m| m.id != msg.id));
    assert!(client.channels.messages(channel).get(msg.id).await.is_err());
    assert!(emu.world().message(channel, msg.id).is_none());
    // ...but reachable with the interaction token, flag 64 included.
    let got = original(&emu, &ask).await;
    assert_eq!((got.id, got.content.as_str()), (msg.id, "only you"));
    assert!(ephemeral(&got));

    // No bot got a MESSAGE_CREATE: the next bot message is the public one, counted once.
    let public = public_reply_seen(&emu, &seen, 0).await;
    assert_eq!(emu.next_message_in(channel).await.unwrap().id, public.id);
    assert!(!dispatched(&emu, "MESSAGE_CREATE", msg.id));

    // An ephemeral follow-up: only through the interaction's routes, deletable there.
    let follow = client
        .interactions
        .create_followup(
            ask.application_id(),
            ask.token(),
            ExecuteWebhook {
                flags: Some(MessageFlags::EPHEMERAL),
                ..ExecuteWebhook::content("psst")
            },
        )
        .await
        .unwrap();
    assert!(ephemeral(&follow));
    let again = client
        .interactions
        .followup(ask.application_id(), ask.token(), follow.id)
        .await
        .unwrap();
    assert_eq!(again.content, "psst");
    assert!(
        client
            .channels
            .messages(channel)
            .get(follow.id)
            .await
            .is_err()
    );
    client
        .interactions
        .delete_followup(ask.application_id(), ask.token(), follow.id)
        .await
        .unwrap();
    assert!(
        client
            .interactions
            .followup(ask.application_id(), ask.token(), follow.id)
            .await
            .is_err()
    );
    assert!(!dispatched(&emu, "MESSAGE_CREATE", follow.id));
    assert!(!dispatched(&emu, "MESSAGE_DELETE", follow.id));
    bot.stop().await.unwrap();
    assert_eq!(seen.load(Ordering::SeqCst), 1);
}

#[tokio::test(start_paused = true)]
async fn with_response_reports_an_ephemeral_message() {
    let (emu, bot, _seen) = start().await;
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke_slash_command(emu.channel_id(), "manual", Value::Null)
        .await
        .unwrap();
    let answer = emu
        .rest_client()
        .interactions
        .respond_with_callback(
            ask.id(),
            ask.token(),
            InteractionResponse::message("by hand").ephemeral(),
        )
        .await
        .unwrap();
    assert_eq!(answer.interaction.response_message_ephemeral, Some(true));
    let msg = ask.message().await.unwrap();
    assert_eq!(msg.content, "by hand");
    assert!(emu.world().message(emu.channel_id(), msg.id).is_none());
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_deferred_ephemeral_reply_is_edited_privately() {
    let (emu, bot, seen) = start().await;
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke_slash_command(emu.channel_id(), "slow", Value::Null)
        .await
        .unwrap();
    let reply = ask.response().await.unwrap();
    assert_eq!(reply.kind, 5);
    assert!(reply.is_ephemeral());
    // `message()` waits for the edit that fills the deferred response.
    let msg = ask.message().await.unwrap();
    assert_eq!(msg.content, "done");
    let got = original(&emu, &ask).await;
    assert_eq!(got.content, "done");
    assert!(got.edited_timestamp.is_some());
    assert!(ephemeral(&got));
    // Filled in: no longer "thinking".
    assert!(!got.flags.is_some_and(|f| f.contains(MessageFlags::LOADING)));
    public_reply_seen(&emu, &seen, 0).await;
    assert!(!dispatched(&emu, "MESSAGE_CREATE", msg.id));
    assert!(!dispatched(&emu, "MESSAGE_UPDATE", msg.id));
    assert!(emu.world().message(emu.channel_id(), msg.id).is_none());
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_button_on_an_ephemeral_reply_works() {
    let (emu, bot, seen) = start().await;
    let channel = emu.channel_id();
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke_slash_command(channel, "menu", Value::Null)
        .await
        .unwrap();
    let menu = ask.message().await.unwrap();
    assert!(ephemeral(&menu));
    assert_eq!(menu.components.len(), 1);

    let click = alice.click_button(channel, menu.id, "go").unwrap();
    let update = click.response().await.unwrap();
    assert_eq!(update.kind, 7);
    // The bot got the interaction with the ephemeral message on it.
    assert_eq!(update.content(), Some("went from ephemeral"));
    // UPDATE_MESSAGE edited the ephemeral message, privately.
    let got = original(&emu, &ask).await;
    assert_eq!(got.content, "went from ephemeral");
    assert!(got.components.is_empty());
    assert!(ephemeral(&got));
    public_reply_seen(&emu, &seen, 0).await;
    assert!(!dispatched(&emu, "MESSAGE_UPDATE", menu.id));
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_public_reply_is_still_a_channel_message() {
    let (emu, bot, seen) = start().await;
    let channel = emu.channel_id();
    let msg = public_reply_seen(&emu, &seen, 0).await;
    assert_eq!(msg.content, "everyone");
    assert!(!ephemeral(&msg));
    assert_eq!(emu.next_message_in(channel).await.unwrap().id, msg.id);
    let listed = emu
        .rest_client()
        .channels
        .messages(channel)
        .list(ListMessages::new())
        .await
        .unwrap();
    assert!(listed.iter().any(|m| m.id == msg.id));
    assert!(dispatched(&emu, "MESSAGE_CREATE", msg.id));
    bot.stop().await.unwrap();
}
