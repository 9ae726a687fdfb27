//! The full scenario of the testkit issue: a bot with a slash command and buttons, driven by two
//! simulated users, asserting every reply — written as a bot author would test their bot.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::UserId;
use asyncord::model::command::ApplicationCommandOption;
use asyncord::model::component::{ActionRow, Button};
use asyncord::model::gateway::events::{InteractionCreateEvent, ReadyEvent};
use asyncord::model::interaction::{InteractionData, InteractionMessageData, InteractionResponse};
use asyncord::model::request::CreateCommand;
use asyncord::rest::RestClient;
use asyncord::testkit::{Emulator, EmulatorBots};
use serde_json::json;

/// Votes by user id: `true` for yes.
type Votes = Arc<Mutex<BTreeMap<UserId, bool>>>;

/// Registers the bot's command when it connects, as a bot does.
#[handler]
async fn register(event: ReadyEvent, client: RestClient) -> HandlerResult {
    client
        .applications
        .commands(event.application.id)
        .create(
            CreateCommand::chat_input("poll", "Ask a yes/no question").option(
                ApplicationCommandOption::string("question", "The question").required(true),
            ),
        )
        .await?;
    Ok(())
}

fn tally(votes: &Votes) -> String {
    let votes = votes.lock().unwrap();
    let yes = votes.values().filter(|v| **v).count();
    format!("yes {yes}, no {}", votes.len() - yes)
}

#[handler]
async fn interactions(
    event: InteractionCreateEvent,
    client: RestClient,
    votes: Votes,
) -> HandlerResult {
    let user = event
        .member
        .as_ref()
        .and_then(|m| m.user.as_deref())
        .or(event.user.as_ref())
        .map(|u| u.id);
    let response = match &event.data {
        Some(InteractionData::ApplicationCommand(cmd)) if cmd.name == "poll" => {
            let question = cmd
                .option("question")
                .and_then(|o| o.value.as_ref())
                .and_then(|v| v.as_str())
                .unwrap_or("?");
            InteractionResponse::Message(InteractionMessageData {
                content: Some(format!("Poll: {question}")),
                components: Some(vec![
                    ActionRow::new([Button::success("yes", "Yes"), Button::danger("no", "No")])
                        .into(),
                ]),
                ..InteractionMessageData::default()
            })
        }
        Some(InteractionData::MessageComponent(c)) => {
            let Some(user) = user else { return Ok(()) };
            let first = votes
                .lock()
                .unwrap()
                .insert(user, c.custom_id == "yes")
                .is_none();
            let note = if first {
                "vote counted"
            } else {
                "vote changed"
            };
            InteractionResponse::message(format!("{note}: {}", tally(&votes))).ephemeral()
        }
        _ => return Ok(()),
    };
    client
        .interactions
        .respond(event.id, &event.token.0, response)
        .await?;
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn a_poll_bot_driven_by_two_users() {
    let emu = Emulator::start().await.unwrap();
    let votes: Votes = Arc::default();
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_argument("votes", votes.clone());
            g.dispatcher.add_handler(register);
            g.dispatcher.add_handler(interactions);
        })
        .await
        .unwrap();
    let general = emu.channel_id();
    let [alice, bob] = [
        emu.user_named("alice").unwrap(),
        emu.user_named("bob").unwrap(),
    ];

    // Alice asks; invoking waits until the bot registered /poll on READY.
    let ask = alice
        .invoke_slash_command(general, "poll", json!({"question": "Pizza tonight?"}))
        .await
        .unwrap();
    let reply = ask.response().await.unwrap();
    assert_eq!(reply.content(), Some("Poll: Pizza tonight?"));
    let poll = ask.message().await.unwrap();
    assert_eq!(poll.components.len(), 1, "the buttons are on the message");
    assert_eq!(emu.next_message_in(general).await.unwrap().id, poll.id);

    // Both vote; Bob changes his mind.
    let a = alice.click_button(general, poll.id, "yes").unwrap();
    assert_eq!(
        a.response().await.unwrap().content(),
        Some("vote counted: yes 1, no 0")
    );
    let b = bob.click_button(general, poll.id, "yes").unwrap();
    assert_eq!(
        b.response().await.unwrap().content(),
        Some("vote counted: yes 2, no 0")
    );
    let b2 = bob.click_button(general, poll.id, "no").unwrap();
    let last = b2.response().await.unwrap();
    assert_eq!(last.content(), Some("vote changed: yes 1, no 1"));
    assert!(last.is_ephemeral());
    assert_eq!(votes.lock().unwrap().len(), 2);

    // Each interaction was delivered to the bot once, with its own token, and answered once.
    let callbacks = emu
        .requests()
        .iter()
        .filter(|r| r.route == "POST interactions/{}/{}/callback")
        .map(|r| r.status)
        .collect::<Vec<_>>();
    assert_eq!(callbacks, vec![204; 4]);
    bot.stop().await.unwrap();
    emu.shutdown().await;
}
