//! Faults on demand through the emulator's facade, with a real bot: REST 5xx and 429s are
//! retried by the client and the reply still arrives; a dropped gateway connection is resumed
//! and no event is lost; a non-resumable op 9 makes the bot identify again. Paused clock.

use std::time::Duration;

use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::http::RateLimitScope;
use asyncord::model::Intents;
use asyncord::model::gateway::events::MessageCreateEvent;
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::gateway::ServerEventKind;
use asyncord::testkit::rest::{Fault, FaultRule};
use asyncord::testkit::{Emulator, EmulatorBots, RunningBot};

#[handler]
async fn echo(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
    if !event.author.bot {
        let channel = client.channels.get(event.channel_id).await?;
        let name = channel.name.unwrap_or_default();
        client
            .channels
            .messages(event.channel_id)
            .create(CreateMessage::content(format!(
                "echo {} in #{name}",
                event.content
            )))
            .await?;
    }
    Ok(())
}

async fn echo_bot(emu: &Emulator) -> RunningBot {
    emu.run_bot_with(
        emu.token(),
        emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
        |g| {
            g.dispatcher.add_handler(echo);
        },
    )
    .await
    .unwrap()
}

#[tokio::test(start_paused = true)]
async fn rest_faults_are_retried_and_the_reply_arrives() {
    let emu = Emulator::start().await.unwrap();
    let bot = echo_bot(&emu).await;
    // GET is idempotent: retried after a 5xx. POST is not, but a 429 is retried.
    emu.inject_rest_fault(FaultRule::new(Fault::ServerError(502)).on("GET channels/{}"));
    let route = "POST channels/{}/messages";
    emu.inject_rest_fault(
        FaultRule::new(Fault::RateLimited {
            scope: RateLimitScope::Shared,
            retry_after: Duration::from_secs(2),
        })
        .on(route),
    );
    let alice = emu.user_named("alice").unwrap();
    alice.send_message(emu.channel_id(), "one").unwrap();
    assert_eq!(
        emu.next_message_in(emu.channel_id()).await.unwrap().content,
        "echo one in #general"
    );
    let statuses: Vec<(String, u16)> = emu
        .requests()
        .iter()
        .filter(|r| r.route.contains("channels"))
        .map(|r| (r.route.clone(), r.status))
        .collect();
    let get = "GET channels/{}".to_owned();
    let post = route.to_owned();
    assert_eq!(
        statuses,
        vec![
            (get.clone(), 502),
            (get, 200),
            (post.clone(), 429),
            (post, 200)
        ]
    );
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_dropped_gateway_connection_is_resumed_without_losing_events() {
    let emu = Emulator::start().await.unwrap();
    let bot = echo_bot(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    assert_eq!(emu.drop_gateway_connection(0), 1);
    // Sent while the bot is disconnected: replayed on RESUME.
    alice.send_message(emu.channel_id(), "while away").unwrap();
    assert_eq!(
        emu.next_message_in(emu.channel_id()).await.unwrap().content,
        "echo while away in #general"
    );
    let events = emu.gateway().events();
    assert!(
        events
            .iter()
            .any(|e| matches!(e.kind, ServerEventKind::Resumed { replayed, .. } if replayed >= 1))
    );
    assert_eq!(
        emu.gateway().identify_count(),
        1,
        "resumed, not re-identified"
    );
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn an_invalid_session_makes_the_bot_identify_again() {
    let emu = Emulator::start().await.unwrap();
    let bot = echo_bot(&emu).await;
    assert_eq!(emu.invalidate_gateway_session(0, false), 1);
    emu.wait_for_sessions(2).await.unwrap();
    let alice = emu.user_named("alice").unwrap();
    alice.send_message(emu.channel_id(), "after").unwrap();
    assert_eq!(
        emu.next_message_in(emu.channel_id()).await.unwrap().content,
        "echo after in #general"
    );
    bot.stop().await.unwrap();
}
