//! A group that fails fatally is reported by name and leaves the others running (unless the hub
//! is told to stop on a failure); mistakes in handlers are found before anything connects.

use std::time::Duration;

use asyncord::ClientHub;
use asyncord::client_hub::{GroupError, HubConfig, HubError, StopReason};
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::gateway::{GatewayError, Shards};
use asyncord::model::Intents;
use asyncord::model::gateway::events::{GuildMemberAddEvent, MessageCreateEvent};
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::gateway::ServerEventKind;
use asyncord::testkit::{BotSpec, Emulator, EmulatorBots};

#[handler]
async fn echo(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
    if !event.author.bot {
        client
            .channels
            .messages(event.channel_id)
            .create(CreateMessage::content(format!("echo: {}", event.content)))
            .await?;
    }
    Ok(())
}

#[handler]
async fn needs_a_name(_event: MessageCreateEvent, bot_name: String) -> HandlerResult {
    let _ = bot_name;
    Ok(())
}

#[handler]
async fn on_join(_event: GuildMemberAddEvent) -> HandlerResult {
    Ok(())
}

fn hub(stop_on_group_failure: bool) -> ClientHub {
    ClientHub::with_config(HubConfig {
        handle_signals: false,
        stop_on_group_failure,
        ..HubConfig::default()
    })
}

async fn closed_with(emu: &Emulator, code: u16) {
    tokio::time::timeout(Duration::from_mins(1), async {
        emu.gateway()
            .wait_for(|events| {
                events
                    .iter()
                    .any(|e| e.kind == ServerEventKind::ClosedByServer { code })
            })
            .await;
    })
    .await
    .expect("the server closed a connection with the code");
}

#[tokio::test(start_paused = true)]
async fn a_bad_token_fails_its_group_and_the_other_keeps_running() {
    let emu = Emulator::start().await.expect("emulator");
    let general = emu.channel_id();
    let mut hub = hub(false);
    hub.create_client_group_with("broken", "not-a-token", emu.group_config())
        .unwrap();
    let good = hub
        .create_client_group_with(
            "good",
            emu.token(),
            emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
        )
        .unwrap();
    good.dispatcher.add_handler(echo);

    let (result, ()) = tokio::join!(hub.start(), async {
        closed_with(&emu, 4004).await;
        // The failure is behind us: the good bot still answers.
        tokio::time::sleep(Duration::from_secs(5)).await;
        emu.users()[0]
            .send_message(general, "still there?")
            .unwrap();
        let reply = emu.next_message_in(general).await.unwrap();
        assert_eq!(reply.content, "echo: still there?");
        hub.stop();
    });
    let Err(HubError::GroupsFailed(summary)) = result else {
        panic!("the failure is reported: {result:?}");
    };
    assert_eq!(summary.reason, StopReason::Requested);
    let broken = summary.group("broken").unwrap();
    assert!(matches!(
        broken.outcome,
        Err(GroupError::Gateway(GatewayError::AuthenticationFailed))
    ));
    assert!(summary.group("good").unwrap().outcome.is_ok());
    let text = summary.to_string();
    assert!(
        text.contains("\"broken\": failed") && text.contains("4004"),
        "{text}"
    );
}

#[tokio::test(start_paused = true)]
async fn stop_on_group_failure_stops_every_group() {
    let emu = Emulator::start().await.expect("emulator");
    let mut hub = hub(true);
    hub.create_client_group_with("broken", "not-a-token", emu.group_config())
        .unwrap();
    hub.create_client_group_with("good", emu.token(), emu.group_config())
        .unwrap();
    let result = tokio::time::timeout(Duration::from_mins(1), hub.start())
        .await
        .expect("the hub stopped by itself");
    let summary = result.unwrap_err();
    let summary = summary.summary().expect("a run summary");
    assert_eq!(summary.reason, StopReason::GroupFailed("broken".into()));
    assert!(summary.group("good").unwrap().outcome.is_ok());
}

#[tokio::test(start_paused = true)]
async fn disallowed_intents_are_reported_with_the_group_name() {
    // A bot whose privileged intents were never enabled "in the developer portal".
    let emu = Emulator::builder()
        .bot(BotSpec::new("restricted-token").privileged(Intents::empty()))
        .start()
        .await
        .expect("emulator");
    let mut hub = hub(false);
    // Handling member joins needs GUILD_MEMBERS, which the derived intents include.
    let group = hub
        .create_client_group_with("members-bot", emu.token(), emu.group_config())
        .unwrap();
    group.dispatcher.add_handler(on_join);
    let result = tokio::time::timeout(Duration::from_mins(1), hub.start())
        .await
        .expect("the only group failed, so the hub ended");
    let err = result.unwrap_err();
    let summary = err.summary().expect("a run summary");
    assert_eq!(summary.reason, StopReason::AllGroupsEnded);
    let report = summary.group("members-bot").unwrap();
    assert!(matches!(
        report.outcome,
        Err(GroupError::Gateway(GatewayError::DisallowedIntents))
    ));
    let text = err.to_string();
    assert!(
        text.contains("\"members-bot\"") && text.contains("4014"),
        "{text}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_fatal_close_on_one_shard_fails_that_group_only() {
    let emu = Emulator::builder()
        .bot(BotSpec::new("sharded-token").name("Sharded"))
        .bot(BotSpec::new("single-token").name("Single"))
        .start()
        .await
        .expect("emulator");
    let mut hub = hub(false);
    let sharded = hub
        .create_client_group_with(
            "sharded",
            "sharded-token",
            emu.group_config().shards(Shards::all(2)),
        )
        .unwrap();
    let single = hub
        .create_client_group_with("single", "single-token", emu.group_config())
        .unwrap();
    let (result, ()) = tokio::join!(hub.start(), async {
        emu.wait_for_sessions(3).await.unwrap();
        // Only the sharded bot runs a shard 1.
        assert_eq!(emu.close_gateway(1, 4011), 1);
        // The sharded group stops as a whole (its healthy shard 0 too); the other runs on.
        tokio::time::timeout(Duration::from_mins(1), async {
            while sharded.gateway.is_running() {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
        .await
        .expect("the failed group stopped");
        assert!(single.gateway.is_running());
        hub.stop();
    });
    let err = result.unwrap_err();
    let summary = err.summary().unwrap();
    assert!(matches!(
        summary.group("sharded").unwrap().outcome,
        Err(GroupError::Gateway(GatewayError::ShardingRequired))
    ));
    assert!(summary.group("single").unwrap().outcome.is_ok());
}

#[tokio::test(start_paused = true)]
async fn handler_mistakes_are_reported_before_anything_connects() {
    let emu = Emulator::start().await.expect("emulator");
    let mut hub = hub(false);
    let a = hub
        .create_client_group_with("a", emu.token(), emu.group_config())
        .unwrap();
    let b = hub
        .create_client_group_with(
            "b",
            emu.token(),
            emu.group_config().intents(Intents::GUILDS),
        )
        .unwrap();
    a.dispatcher.add_handler(needs_a_name);
    b.dispatcher.add_argument("bot_name", 7_u32);
    b.dispatcher.add_handler(needs_a_name);
    b.dispatcher.add_handler(echo);

    let err = hub.start().await.unwrap_err();
    let HubError::Invalid(problems) = &err else {
        panic!("expected a start-up check failure, got {err:?}");
    };
    let groups: Vec<&str> = problems.iter().map(|p| p.group.as_str()).collect();
    assert!(groups.contains(&"a") && groups.contains(&"b"), "{groups:?}");
    let text = err.to_string();
    assert!(text.contains("bot_name"), "{text}");
    assert!(text.contains("u32"), "the registered type is named: {text}");
    assert!(
        text.contains("GUILD_MESSAGES"),
        "the missing intent is named: {text}"
    );
    assert_eq!(emu.gateway().connection_count(), 0, "nothing connected");
}

#[tokio::test]
async fn group_names_are_unique_and_not_empty() {
    let mut hub = ClientHub::new();
    hub.create_client_group("bot", "token").unwrap();
    assert!(matches!(
        hub.create_client_group("bot", "other"),
        Err(HubError::DuplicateGroup(name)) if name == "bot"
    ));
    assert!(matches!(
        hub.create_client_group(" ", "token"),
        Err(HubError::EmptyName)
    ));
    assert_eq!(hub.client_groups().names(), ["bot"]);
    assert!(matches!(
        ClientHub::new().start().await,
        Err(HubError::NoGroups)
    ));
}
