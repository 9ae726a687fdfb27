//! The hub runs two bots against the emulator, each with its own handlers and arguments, and a
//! handler of one bot acts through the other via `client_groups`.

use std::time::Duration;

use asyncord::client_hub::{ClientGroups, HubConfig, StopReason};
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::Intents;
use asyncord::model::gateway::events::MessageCreateEvent;
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::{BotSpec, Emulator, EmulatorBots};
use asyncord::{ClientHub, connect_with};

#[handler]
async fn greet(event: MessageCreateEvent, client: RestClient, greeting: String) -> HandlerResult {
    if event.author.bot {
        return Ok(());
    }
    if let Some(rest) = event.content.strip_prefix("!a ") {
        let text = format!("{greeting} {rest}");
        client
            .channels
            .messages(event.channel_id)
            .create(CreateMessage::content(text))
            .await?;
    }
    Ok(())
}

#[handler]
async fn count(event: MessageCreateEvent, client: RestClient, my_number: i32) -> HandlerResult {
    if !event.author.bot && event.content == "!b" {
        client
            .channels
            .messages(event.channel_id)
            .create(CreateMessage::content(format!("number {my_number}")))
            .await?;
    }
    Ok(())
}

#[handler]
async fn relay(event: MessageCreateEvent, client_groups: ClientGroups) -> HandlerResult {
    if event.author.bot {
        return Ok(());
    }
    if let Some(text) = event.content.strip_prefix("!relay ") {
        let Some(other) = client_groups.get("bot2") else {
            return Err("no group bot2".into());
        };
        other
            .client
            .channels
            .messages(event.channel_id)
            .create(CreateMessage::content(format!("relayed: {text}")))
            .await?;
    }
    Ok(())
}

fn quiet_hub() -> ClientHub {
    ClientHub::with_config(HubConfig {
        handle_signals: false,
        ..HubConfig::default()
    })
}

async fn two_bot_emulator() -> Emulator {
    Emulator::builder()
        .bot(BotSpec::new("token-1").name("FirstBot"))
        .bot(BotSpec::new("token-2").name("SecondBot"))
        .start()
        .await
        .expect("emulator")
}

#[tokio::test(start_paused = true)]
async fn two_bots_each_with_their_own_handlers_and_arguments() {
    let emu = two_bot_emulator().await;
    let (bot1, bot2) = (emu.bots()[0].clone(), emu.bots()[1].clone());
    let general = emu.channel_id();
    let mut hub = quiet_hub();
    let one = hub
        .create_client_group_with(
            "bot1",
            &bot1.token,
            emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
        )
        .unwrap();
    let two = hub
        .create_client_group_with(
            "bot2",
            &bot2.token,
            emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
        )
        .unwrap();
    one.dispatcher.add_argument("greeting", "hello".to_owned());
    one.dispatcher.add_handler(greet);
    two.dispatcher.add_argument("my_number", 42_i32);
    two.dispatcher.add_handler(count);

    let (summary, ()) = tokio::join!(hub.start(), async {
        // The groups' own view: each gateway handle's shard is connected.
        for group in [&one, &two] {
            tokio::time::timeout(Duration::from_secs(30), group.gateway.wait_connected())
                .await
                .expect("the gateway connected");
            assert_eq!(group.gateway.shard_ids(), [0]);
        }
        let alice = &emu.users()[0];
        alice.send_message(general, "!a world").unwrap();
        let reply = emu.next_message_in(general).await.unwrap();
        assert_eq!(reply.content, "hello world");
        assert_eq!(reply.author.id, bot1.user_id);
        alice.send_message(general, "!b").unwrap();
        let reply = emu.next_message_in(general).await.unwrap();
        assert_eq!(reply.content, "number 42");
        assert_eq!(reply.author.id, bot2.user_id);
        hub.stop();
    });
    let summary = summary.expect("the hub ran cleanly");
    assert_eq!(summary.reason, StopReason::Requested);
    assert_eq!(summary.groups.len(), 2);
    assert!(summary.groups.iter().all(|g| g.outcome.is_ok()));
    // Each bot answered only its own command: exactly one reply of each.
    let messages = emu.world().messages(general);
    assert_eq!(
        messages
            .iter()
            .filter(|m| m["content"]
                .as_str()
                .is_some_and(|c| c.starts_with("hello")))
            .count(),
        1
    );
    assert_eq!(
        messages
            .iter()
            .filter(|m| m["content"] == "number 42")
            .count(),
        1
    );
    assert!(
        !one.gateway.is_running(),
        "the gateway stopped with the hub"
    );
    assert!(matches!(
        one.gateway
            .update_presence(asyncord::model::gateway::Presence::new(
                asyncord::model::gateway::Status::Online
            ))
            .await,
        Err(asyncord::gateway::GatewayError::NotConnected)
    ));
}

#[tokio::test(start_paused = true)]
async fn client_groups_lets_bot1_send_through_bot2() {
    let emu = two_bot_emulator().await;
    let (bot1, bot2) = (emu.bots()[0].clone(), emu.bots()[1].clone());
    let general = emu.channel_id();
    let mut hub = quiet_hub();
    let one = hub
        .create_client_group_with(
            "bot1",
            &bot1.token,
            emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
        )
        .unwrap();
    hub.create_client_group_with(
        "bot2",
        &bot2.token,
        emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
    )
    .unwrap();
    one.dispatcher.add_handler(relay);

    let (summary, ()) = tokio::join!(hub.start(), async {
        emu.wait_for_sessions(2).await.unwrap();
        emu.users()[0].send_message(general, "!relay ping").unwrap();
        let reply = emu.next_message_in(general).await.unwrap();
        assert_eq!(reply.content, "relayed: ping");
        assert_eq!(
            reply.author.id, bot2.user_id,
            "bot1 received the message, bot2 sent the reply"
        );
        hub.stop();
    });
    summary.expect("the hub ran cleanly");
}

#[tokio::test(start_paused = true)]
async fn connect_runs_one_bot_until_a_handler_stops_it() {
    let emu = Emulator::start().await.expect("emulator");
    let general = emu.channel_id();
    let config = emu.group_config().add_intents(Intents::MESSAGE_CONTENT);
    let bot = connect_with(emu.token(), config, async |group| {
        group
            .dispatcher
            .add_handler_for::<MessageCreateEvent, _>(|event, ctx| async move {
                if event.content == "!stop" {
                    let groups: ClientGroups = ctx.arg("client_groups")?;
                    let client: RestClient = ctx.arg("client")?;
                    client
                        .channels
                        .messages(event.channel_id)
                        .create(CreateMessage::content("bye"))
                        .await?;
                    groups.stop_handle().stop();
                }
                HandlerResult::Ok(())
            });
    });
    let (result, ()) = tokio::join!(tokio::time::timeout(Duration::from_mins(2), bot), async {
        emu.wait_for_sessions(1).await.unwrap();
        emu.users()[0].send_message(general, "!stop").unwrap();
    });
    result
        .expect("connect returned after the stop")
        .expect("a clean run");
    assert_eq!(emu.next_message_in(general).await.unwrap().content, "bye");
}
