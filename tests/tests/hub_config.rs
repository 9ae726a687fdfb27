//! Per-group configuration reaches the gateway: intents derived from the handlers (or exactly
//! as configured), compression, shards and presence, as the emulated gateway sees them.

use asyncord::ClientHub;
use asyncord::client_hub::{GroupConfig, HubConfig};
use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::gateway::{Compression, Shards};
use asyncord::model::Intents;
use asyncord::model::gateway::events::{GuildMemberAddEvent, MessageCreateEvent};
use asyncord::testkit::gateway::ServerEventKind;
use asyncord::testkit::{BotSpec, Emulator, EmulatorBots};

#[handler]
async fn on_join(_event: GuildMemberAddEvent) -> HandlerResult {
    Ok(())
}

#[handler]
async fn on_message(_event: MessageCreateEvent) -> HandlerResult {
    Ok(())
}

/// Runs one group with `config` until it identified, then stops; returns what the server saw
/// (the intents of each IDENTIFY, the `compress` of each connection).
async fn identify_with(
    config: impl FnOnce(&Emulator) -> GroupConfig,
    setup: impl FnOnce(&asyncord::ClientGroup),
    sessions: usize,
) -> (Vec<(Intents, [u32; 2])>, Vec<Option<String>>) {
    let emu = Emulator::builder()
        .bot(BotSpec::new("config-token"))
        .start()
        .await
        .expect("emulator");
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        ..HubConfig::default()
    });
    let group = hub
        .create_client_group_with("configured", "config-token", config(&emu))
        .unwrap();
    setup(&group);
    let (summary, ()) = tokio::join!(hub.start(), async {
        emu.wait_for_sessions(sessions).await.unwrap();
        hub.stop();
    });
    summary.expect("a clean run");
    let events = emu.gateway().events();
    let identified = events
        .iter()
        .filter_map(|e| match &e.kind {
            ServerEventKind::Identified { intents, shard, .. } => Some((*intents, *shard)),
            _ => None,
        })
        .collect();
    let compress = events
        .iter()
        .filter_map(|e| match &e.kind {
            ServerEventKind::Connected { compress } => Some(compress.clone()),
            _ => None,
        })
        .collect();
    (identified, compress)
}

#[tokio::test(start_paused = true)]
async fn default_intents_are_the_safe_set_plus_what_handlers_need() {
    let (identified, compress) = identify_with(
        Emulator::group_config,
        |g| {
            g.dispatcher.add_handler(on_join);
            g.dispatcher.add_handler(on_message);
        },
        1,
    )
    .await;
    let (intents, _) = identified[0];
    assert!(intents.contains(Intents::GUILDS | Intents::GUILD_MESSAGES));
    assert!(
        intents.contains(Intents::GUILD_MEMBERS),
        "a member handler needs it"
    );
    assert!(!intents.contains(Intents::GUILD_PRESENCES));
    assert!(!intents.contains(Intents::MESSAGE_CONTENT));
    assert_eq!(intents.unknown_bits(), 0);
    assert_eq!(compress, [Some("zstd-stream".to_owned())]);
}

#[tokio::test(start_paused = true)]
async fn exact_intents_compression_and_shards_are_used_as_given() {
    let (identified, compress) = identify_with(
        |emu| {
            emu.group_config()
                .intents(Intents::GUILDS | Intents::GUILD_MESSAGES)
                .compression(Compression::ZlibStream)
                .shards(Shards::all(2))
        },
        |g| {
            g.dispatcher.add_handler(on_message);
        },
        2,
    )
    .await;
    let mut shards: Vec<[u32; 2]> = identified.iter().map(|(_, s)| *s).collect();
    shards.sort_unstable();
    assert_eq!(shards, [[0, 2], [1, 2]]);
    assert!(
        identified
            .iter()
            .all(|(i, _)| *i == Intents::GUILDS | Intents::GUILD_MESSAGES)
    );
    assert!(compress.iter().all(|c| c.as_deref() == Some("zlib-stream")));
}

#[tokio::test(start_paused = true)]
async fn configure_after_creation_changes_the_next_start() {
    let (identified, _) = identify_with(
        Emulator::group_config,
        |g| {
            g.configure(|c| c.add_intents(Intents::MESSAGE_CONTENT));
        },
        1,
    )
    .await;
    assert!(identified[0].0.contains(Intents::MESSAGE_CONTENT));
}

/// Cloudflare counts a machine's invalid requests per IP: every group of a hub spends one budget.
#[test]
fn the_groups_of_a_hub_share_one_invalid_request_budget() {
    let mut hub = ClientHub::new();
    let one = hub.create_client_group("one", "token-one").unwrap();
    let two = hub.create_client_group("two", "token-two").unwrap();
    assert!(std::sync::Arc::ptr_eq(
        one.client.http().invalid_requests(),
        two.client.http().invalid_requests()
    ));
    let other_hub = ClientHub::new().create_client_group("three", "token-three");
    assert!(!std::sync::Arc::ptr_eq(
        one.client.http().invalid_requests(),
        other_hub.unwrap().client.http().invalid_requests()
    ));
}
