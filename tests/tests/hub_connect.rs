//! `connect` with an async setup, as the seed's `async with connect(TOKEN) as group:` block:
//! the setup awaits REST calls before the bot connects, its error ends `connect` before
//! anything connects, and a handler can end the bot with an error that `connect` returns.

use std::error::Error as _;
use std::time::Duration;

use asyncord::client_hub::{ClientGroups, HubError, StopReason};
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::Intents;
use asyncord::model::gateway::events::MessageCreateEvent;
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::{Emulator, EmulatorBots};
use asyncord::{ClientGroup, connect_with};

/// The guild name the setup fetched, handed to the handler.
#[derive(Clone)]
struct GuildName(String);

#[handler]
async fn where_am_i(
    event: MessageCreateEvent,
    client: RestClient,
    guild_name: GuildName,
    client_groups: ClientGroups,
) -> HandlerResult {
    if event.content == "!where" {
        let reply = CreateMessage::content(format!("in {}", guild_name.0));
        client
            .channels
            .messages(event.channel_id)
            .create(reply)
            .await?;
        client_groups.stop_handle().stop();
    }
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn the_setup_awaits_rest_calls_before_the_bot_connects() {
    let emu = Emulator::start().await.unwrap();
    let (guild_id, general) = (emu.guild_id(), emu.channel_id());
    let config = emu.group_config().add_intents(Intents::MESSAGE_CONTENT);
    let gateway = emu.gateway();
    let bot = connect_with(
        emu.token(),
        config,
        async |group: &ClientGroup| -> asyncord::Result<()> {
            let guild = group.client.guilds.get(guild_id, false).await?;
            let channel = group.client.channels.get(general).await?;
            assert_eq!(channel.name.as_deref(), Some("general"));
            // The REST client works in the setup; the gateway has not been opened yet.
            assert_eq!(gateway.identify_count(), 0);
            assert!(!group.gateway.is_running());
            group
                .dispatcher
                .add_argument("guild_name", GuildName(guild.name));
            group.dispatcher.add_handler(where_am_i);
            Ok(())
        },
    );
    let (result, ()) = tokio::join!(tokio::time::timeout(Duration::from_mins(2), bot), async {
        emu.wait_for_sessions(1).await.unwrap();
        emu.users()[0].send_message(general, "!where").unwrap();
    });
    result.expect("connect returned").expect("a clean run");
    let reply = emu.next_message_in(general).await.unwrap();
    assert_eq!(reply.content, "in Test Guild");
}

#[tokio::test(start_paused = true)]
async fn a_failing_setup_ends_connect_before_anything_connects() {
    let emu = Emulator::start().await.unwrap();
    let missing = 42_u64; // no such guild in the emulator
    let result = connect_with(
        emu.token(),
        emu.group_config(),
        async |group: &ClientGroup| -> asyncord::Result<()> {
            group.client.guilds.get(missing, false).await?;
            Ok(())
        },
    )
    .await;
    let err = result.unwrap_err();
    let asyncord::Error::Setup(setup) = &err else {
        panic!("a setup error, not {err:?}");
    };
    assert!(
        err.to_string().starts_with("the setup of connect failed"),
        "{err}"
    );
    let inner = setup.get_ref().downcast_ref::<asyncord::Error>();
    assert!(
        matches!(inner, Some(asyncord::Error::Rest(_))),
        "the REST error is kept: {inner:?}"
    );
    assert_eq!(emu.gateway().identify_count(), 0, "nothing connected");
}

#[tokio::test(start_paused = true)]
async fn a_setup_may_return_any_error_type() {
    let emu = Emulator::start().await.unwrap();
    let result = connect_with(emu.token(), emu.group_config(), async |_group| {
        Err::<(), _>("no configuration file")
    })
    .await;
    let err = result.unwrap_err();
    assert!(matches!(err, asyncord::Error::Setup(_)), "{err:?}");
    assert!(err.to_string().ends_with("no configuration file"), "{err}");
    assert_eq!(emu.gateway().identify_count(), 0);
}

#[tokio::test(start_paused = true)]
async fn a_handler_can_stop_the_bot_with_an_error_that_connect_returns() {
    let emu = Emulator::start().await.unwrap();
    let general = emu.channel_id();
    let config = emu.group_config().add_intents(Intents::MESSAGE_CONTENT);
    let bot = connect_with(emu.token(), config, async |group| {
        group
            .dispatcher
            .add_handler_for::<MessageCreateEvent, _>(|event, ctx| async move {
                if event.content == "!fail" {
                    let groups: ClientGroups = ctx.arg("client_groups")?;
                    let io = std::io::Error::other("the disk is full");
                    groups.stop_handle().stop_with_error(io);
                    groups
                        .stop_handle()
                        .stop_with_error("a second error is ignored");
                }
                HandlerResult::Ok(())
            });
    });
    let (result, ()) = tokio::join!(tokio::time::timeout(Duration::from_mins(2), bot), async {
        emu.wait_for_sessions(1).await.unwrap();
        emu.users()[0].send_message(general, "!fail").unwrap();
    });
    let err = result.expect("connect returned").unwrap_err();
    let asyncord::Error::Hub(HubError::StoppedWithError(stopped)) = &err else {
        panic!("stopped with an error, not {err:?}");
    };
    assert_eq!(stopped.error.to_string(), "the disk is full");
    assert_eq!(stopped.summary.reason, StopReason::Requested);
    assert!(stopped.summary.failures().next().is_none());
    assert_eq!(
        err.to_string(),
        "the hub was stopped because of an error: the disk is full"
    );
    assert!(
        err.source().is_none(),
        "the message is not repeated as a cause"
    );
}
