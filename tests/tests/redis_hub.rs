//! A bot split by `GroupConfig::scale_out`: one hub in the gateway role, another in the worker
//! role, a real `redis-server` between them and the emulator as Discord. The worker's handlers
//! see every event the gateway's shard read, once; the gateway hub runs no handler. A second
//! gateway hub started after the first resumes its session from Redis. A bus limited to some
//! events carries only those. A worker's gateway commands reach Discord through the gateway
//! process. Over TLS (`rediss://`) with a private authority's certificate the bot works the
//! same, and without it refuses the server; a server that asks for a client certificate gets
//! the bot's. Skipped (with a message) without
//! `redis-server`, unless `ASYNCORD_REQUIRE_REDIS` is set.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::ClientHub;
use asyncord::client_hub::HubConfig;
use asyncord::dispatcher::RawEvent;
use asyncord::model::gateway::{EventKind, EventSet};
use asyncord::redis::{BusConfig, Namespace, RedisLink, RedisTls, Role, ScaleOut};
use asyncord::testkit::gateway::GatewayServerConfig;
use asyncord::testkit::{Emulator, EmulatorBots, RedisServer, RedisServerTls};
use serde_json::json;

const MESSAGE: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"x","embeds":[],"attachments":[],"mentions":[]}"#;

/// The sequence numbers and names of the dispatches a hub's handlers saw.
type Handled = Arc<Mutex<Vec<(u64, String)>>>;

const TYPING: &str = r#"{"channel_id":"2","user_id":"7","timestamp":1700000000}"#;

fn hub(emu: &Emulator, redis: &RedisServer, role: Role, consumer: &str) -> (ClientHub, Handled) {
    hub_with(emu, &redis.url(), role, consumer, |scale| scale)
}

/// A hub of the bot in `role` on the Redis server at `url`, its scale-out settings the test's
/// defaults changed by `adjust`; its raw handler records what it sees.
fn hub_with(
    emu: &Emulator,
    url: &str,
    role: Role,
    consumer: &str,
    adjust: impl FnOnce(ScaleOut) -> ScaleOut,
) -> (ClientHub, Handled) {
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        shutdown_timeout: Duration::from_secs(5),
        ..HubConfig::default()
    });
    let scale = adjust(
        ScaleOut::new(url)
            .role(role)
            .namespace(Namespace::new("bot"))
            .bus(
                BusConfig::new()
                    .consumer(consumer)
                    .block(Duration::from_millis(200)),
            ),
    );
    let group = hub
        .create_client_group_with(
            "bot",
            emu.token(),
            emu.group_config().keep_sessions(true).scale_out(scale),
        )
        .unwrap();
    let handled: Handled = Arc::default();
    let record = handled.clone();
    group
        .dispatcher
        .add_raw_handler(move |event: RawEvent, _ctx| {
            record
                .lock()
                .unwrap()
                .push((event.seq, event.name.to_string()));
            async {}
        });
    (hub, handled)
}

async fn eventually(what: &str, done: impl Fn() -> bool) {
    tokio::time::timeout(Duration::from_mins(2), async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{what}: not in time"));
}

/// An emulator whose gateway keeps (and may send at once) a whole flood.
async fn flood_ready_emulator() -> Emulator {
    Emulator::builder()
        .gateway_config(GatewayServerConfig {
            replay_buffer: 10_000,
            send_queue_capacity: 10_000,
            ..GatewayServerConfig::default()
        })
        .start()
        .await
        .unwrap()
}

/// Runs the gateway hub until `count` messages flooded through it reached the worker's
/// `handled`; returns the last one's sequence number.
async fn flood_through(
    gateway: ClientHub,
    emu: &Emulator,
    count: usize,
    handled: &Handled,
    what: &str,
) -> u64 {
    let (summary, last) = tokio::join!(gateway.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        let last = emu
            .gateway()
            .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), count))
            .unwrap();
        eventually(what, || {
            handled.lock().unwrap().iter().any(|(seq, _)| *seq == last)
        })
        .await;
        gateway.stop();
        last
    });
    summary.unwrap_or_else(|e| panic!("{what}: the gateway run ended with {e:?}"));
    last
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_hub_and_a_worker_hub_split_one_bot() {
    let Some(redis) = RedisServer::start_or_skip("a_gateway_hub_and_a_worker_hub_split_one_bot")
    else {
        return;
    };
    let emu = flood_ready_emulator().await;
    let (worker, handled) = hub(&emu, &redis, Role::Worker, "worker");
    let (gateway, not_handled) = hub(&emu, &redis, Role::Gateway, "unused");
    let worker_stop = worker.stop_handle();
    let worker_run = tokio::spawn(async move { worker.start().await });
    let last = flood_through(
        gateway,
        &emu,
        500,
        &handled,
        "the flood handled by the worker",
    )
    .await;
    assert!(
        not_handled.lock().unwrap().is_empty(),
        "the gateway role runs no handler"
    );

    // Another gateway process takes over: it resumes the session stored in Redis.
    let (next, _) = hub(&emu, &redis, Role::Gateway, "unused");
    let (summary, ()) = tokio::join!(next.start(), async {
        eventually("the session resumed", || {
            emu.gateway().events().iter().any(|e| {
                matches!(
                    e.kind,
                    asyncord::testkit::gateway::ServerEventKind::Resumed { .. }
                )
            })
        })
        .await;
        let more = emu
            .gateway()
            .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), 10))
            .unwrap();
        eventually("the next events handled", || {
            handled.lock().unwrap().iter().any(|(seq, _)| *seq == more)
        })
        .await;
        next.stop();
    });
    summary.expect("a clean second gateway run");
    assert_eq!(emu.gateway().identify_count(), 1, "resumed, not identified");

    worker_stop.stop();
    worker_run.await.unwrap().expect("a clean worker run");
    let mut all: Vec<u64> = handled
        .lock()
        .unwrap()
        .iter()
        .map(|(seq, _)| *seq)
        .collect();
    all.sort_unstable();
    let end = *all.last().unwrap();
    assert!(end > last);
    assert_eq!(all, (1..=end).collect::<Vec<_>>(), "every event once");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bus_limited_to_some_events_carries_only_those() {
    let Some(redis) = RedisServer::start_or_skip("a_bus_limited_to_some_events_carries_only_those")
    else {
        return;
    };
    let emu = flood_ready_emulator().await;
    let mut messages = EventSet::empty();
    messages.insert(EventKind::MessageCreate);
    let only_messages = move |scale: ScaleOut| {
        let bus = scale.bus.clone().events(messages, false);
        scale.bus(bus)
    };
    let url = redis.url();
    let (worker, handled) = hub_with(&emu, &url, Role::Worker, "worker", only_messages);
    let (gateway, _) = hub_with(&emu, &url, Role::Gateway, "unused", only_messages);
    let worker_stop = worker.stop_handle();
    let worker_run = tokio::spawn(async move { worker.start().await });
    let (summary, last) = tokio::join!(gateway.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        let frames = (0..100).flat_map(|_| {
            [
                ("TYPING_START", TYPING),
                ("MESSAGE_CREATE", MESSAGE),
                ("SOMETHING_NEW", "{}"),
            ]
        });
        let last = emu.gateway().flood(0, frames).unwrap();
        // The last frame is an unknown event, which is not published: wait for the message
        // before it.
        eventually("the messages handled by the worker", || {
            handled
                .lock()
                .unwrap()
                .iter()
                .any(|(seq, _)| *seq == last - 1)
        })
        .await;
        gateway.stop();
        last
    });
    summary.expect("a clean gateway run");
    worker_stop.stop();
    worker_run.await.unwrap().expect("a clean worker run");
    let handled = handled.lock().unwrap().clone();
    assert_eq!(handled.len(), 100, "one per message, nothing else");
    assert!(
        handled.iter().all(|(_, name)| name == "MESSAGE_CREATE"),
        "only messages on the bus: {handled:?}"
    );
    assert!(handled.iter().all(|(seq, _)| *seq < last));
}

/// The test authority and the server and client certificates it signed
/// (`testdata/redis-tls/`, see `testdata/SOURCES.md`).
fn tls_file(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/redis-tls")
        .join(name)
}

/// A redis-server also listening with TLS with the test certificates (`None`: skipped, without
/// `redis-server`, for the test `name`).
fn tls_server(
    name: &str,
    files: impl FnOnce(RedisServerTls) -> RedisServerTls,
) -> Option<RedisServer> {
    if !RedisServer::is_installed() && !RedisServer::is_required() {
        eprintln!("SKIPPED {name}: redis-server is not installed (not found on PATH)");
        return None;
    }
    let files = files(RedisServerTls::new(
        &tls_file("server.pem"),
        &tls_file("server-key.pem"),
        &tls_file("ca.pem"),
    ));
    Some(RedisServer::start_tls(&files).unwrap_or_else(|e| panic!("{name}: {e}")))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_tls_the_bot_trusts_its_private_authority_and_only_it() {
    let Some(redis) = tls_server(
        "over_tls_the_bot_trusts_its_private_authority_and_only_it",
        |files| files,
    ) else {
        return;
    };
    let url = redis.tls_url().unwrap();
    assert!(url.starts_with("rediss://127.0.0.1:"), "{url}");
    let authority = std::fs::read(tls_file("ca.pem")).unwrap();
    let not_pem = RedisLink::with_tls(
        &url,
        &RedisTls::new().root_certificate(b"not a certificate".to_vec()),
    )
    .map(|_| ())
    .unwrap_err()
    .to_string();
    assert!(
        not_pem.contains("invalid Redis URL or certificate"),
        "{not_pem}"
    );
    let emu = flood_ready_emulator().await;

    // Without the authority's certificate, the server's is refused: the group fails to start.
    let (untrusting, _) = hub_with(&emu, &url, Role::Gateway, "unused", |scale| scale);
    let refused = refusal(untrusting).await;
    assert!(
        refused.contains("invalid peer certificate: UnknownIssuer"),
        "{refused}"
    );

    let trust = |scale: ScaleOut| scale.tls(RedisTls::new().root_certificate(authority.clone()));
    let (worker, handled) = hub_with(&emu, &url, Role::Worker, "worker", trust);
    let (gateway, _) = hub_with(&emu, &url, Role::Gateway, "unused", trust);
    let worker_stop = worker.stop_handle();
    let worker_run = tokio::spawn(async move { worker.start().await });
    let last = flood_through(gateway, &emu, 50, &handled, "the flood handled over TLS").await;
    worker_stop.stop();
    worker_run
        .await
        .unwrap()
        .expect("a clean worker run over TLS");
    let seqs: Vec<u64> = handled
        .lock()
        .unwrap()
        .iter()
        .map(|(seq, _)| *seq)
        .collect();
    assert_eq!(
        seqs.iter().filter(|seq| **seq <= last).count(),
        usize::try_from(last).unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_asks_for_a_client_certificate_gets_the_bot_s() {
    let Some(redis) = tls_server(
        "a_server_that_asks_for_a_client_certificate_gets_the_bot_s",
        RedisServerTls::require_client_certificate,
    ) else {
        return;
    };
    let url = redis.tls_url().unwrap();
    let authority = std::fs::read(tls_file("ca.pem")).unwrap();
    let certificate = std::fs::read(tls_file("client.pem")).unwrap();
    let key = std::fs::read(tls_file("client-key.pem")).unwrap();
    let emu = flood_ready_emulator().await;

    // Trusting the server is not enough: it wants to know the bot.
    let trust = |scale: ScaleOut| scale.tls(RedisTls::new().root_certificate(authority.clone()));
    let (anonymous, _) = hub_with(&emu, &url, Role::Gateway, "unused", trust);
    let refused = refusal(anonymous).await;
    assert!(
        refused.contains("received fatal alert: CertificateRequired"),
        "{refused}"
    );

    let known = |scale: ScaleOut| {
        scale.tls(
            RedisTls::new()
                .root_certificate(authority.clone())
                .client_certificate(certificate.clone(), key.clone()),
        )
    };
    let (worker, handled) = hub_with(&emu, &url, Role::Worker, "worker", known);
    let (gateway, _) = hub_with(&emu, &url, Role::Gateway, "unused", known);
    let worker_stop = worker.stop_handle();
    let worker_run = tokio::spawn(async move { worker.start().await });
    flood_through(
        gateway,
        &emu,
        20,
        &handled,
        "the flood handled with a client certificate",
    )
    .await;
    worker_stop.stop();
    worker_run.await.unwrap().expect("a clean worker run");
}

/// Starts `hub`, which must fail, and returns how (its run's report).
async fn refusal(hub: ClientHub) -> String {
    let refused = tokio::time::timeout(Duration::from_mins(1), hub.start())
        .await
        .expect("a refused server ends the run")
        .expect_err("the server is refused");
    format!("{refused:?}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_s_gateway_commands_go_out_through_the_gateway_process() {
    use asyncord::gateway::GatewayError;
    use asyncord::model::gateway::{Presence, RequestGuildMembers, Status, UpdateVoiceState};
    use asyncord::testkit::gateway::ServerEventKind;

    let Some(redis) = RedisServer::start_or_skip(
        "a_worker_s_gateway_commands_go_out_through_the_gateway_process",
    ) else {
        return;
    };
    let emu = Emulator::start().await.unwrap();
    let (worker, _) = hub(&emu, &redis, Role::Worker, "worker");
    let (gateway, _) = hub(&emu, &redis, Role::Gateway, "unused");
    let commands = worker.group("bot").unwrap().gateway;
    let worker_stop = worker.stop_handle();
    let worker_run = tokio::spawn(async move { worker.start().await });
    let sent = |op: u8| {
        emu.gateway()
            .events()
            .into_iter()
            .filter_map(move |e| match e.kind {
                ServerEventKind::Command { op: o, data } if o == op => Some(data),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let (summary, ()) = tokio::join!(gateway.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        commands
            .update_presence(Presence::new(Status::Idle).playing("relayed"))
            .await
            .expect("handed to the gateway process");
        commands
            .update_voice_state(UpdateVoiceState {
                guild_id: emu.guild_id(),
                channel_id: None,
                self_mute: false,
                self_deaf: true,
            })
            .await
            .expect("handed to the gateway process");
        commands
            .request_guild_members(&RequestGuildMembers::query(emu.guild_id(), "al", 5))
            .await
            .expect("handed to the gateway process");
        commands
            .request_soundboard_sounds(&[emu.guild_id()])
            .await
            .expect("handed to the gateway process");
        eventually("every command sent on the shard", || {
            [3, 4, 8, 31].into_iter().all(|op| !sent(op).is_empty())
        })
        .await;
        // The chunks of a fetch would reach any worker: it needs the shards in this process.
        let fetched = commands
            .fetch_guild_members(RequestGuildMembers::all(emu.guild_id()))
            .await;
        assert!(
            matches!(fetched, Err(GatewayError::NotConnected)),
            "{fetched:?}"
        );
        gateway.stop();
    });
    summary.expect("a clean gateway run");
    worker_stop.stop();
    worker_run.await.unwrap().expect("a clean worker run");
    let presence = &sent(3)[0];
    assert_eq!(presence["status"], "idle", "{presence}");
    assert_eq!(presence["activities"][0]["name"], "relayed", "{presence}");
    let voice = &sent(4)[0];
    assert_eq!(voice["guild_id"], emu.guild_id().to_string(), "{voice}");
    assert_eq!(voice["self_deaf"], true, "{voice}");
    let members = &sent(8)[0];
    assert_eq!(members["guild_id"], emu.guild_id().to_string(), "{members}");
    assert_eq!(
        (&members["query"], &members["limit"]),
        (&json!("al"), &json!(5))
    );
    let sounds = &sent(31)[0];
    assert_eq!(
        sounds["guild_ids"],
        json!([emu.guild_id().to_string()]),
        "{sounds}"
    );
}
