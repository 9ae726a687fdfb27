//! Connecting: HELLO, IDENTIFY, READY then GUILD_CREATE, dispatches, every compression, a huge
//! GUILD_CREATE, heartbeats (jitter, op 1, zombie detection).

mod gateway_support;

use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, ShardStatus};
use asyncord::model::gateway::EventKind;
use asyncord::testkit::gateway::ServerEventKind;
use gateway_support::*;
use serde_json::json;

async fn connect_and_receive(compression: Compression) {
    let env = setup(server_config()).await;
    let mut gw = Gateway::connect(client_config(&env, compression))
        .await
        .unwrap();
    let ready = next(&mut gw).await;
    assert_eq!(ready.kind, Some(EventKind::Ready));
    assert_eq!(ready.seq, 1);
    let ready: serde_json::Value = serde_json::from_slice(&ready.data).unwrap();
    assert_eq!(ready["user"]["id"], BOT_ID.to_string());
    for g in GUILDS {
        let f = next(&mut gw).await;
        assert_eq!(f.kind, Some(EventKind::GuildCreate));
        let d: serde_json::Value = serde_json::from_slice(&f.data).unwrap();
        assert_eq!(d["id"], g.to_string());
    }
    let seq = env
        .server
        .dispatch(
            0,
            "MESSAGE_CREATE",
            &json!({"id": "5", "content": "héllo \"quoted\" }"}),
        )
        .unwrap();
    let f = next(&mut gw).await;
    assert_eq!((f.name.as_ref(), f.seq), ("MESSAGE_CREATE", seq));
    let d: serde_json::Value = serde_json::from_slice(&f.data).unwrap();
    assert_eq!(d["content"], "héllo \"quoted\" }");
    let handle = gw.handle();
    assert_eq!(handle.info(0).unwrap().status, ShardStatus::Connected);
    let session = handle.session(0).unwrap();
    assert_eq!(session.sequence, seq);
    assert_eq!(Some(session.session_id), env.server.session_id(0));
    let events = env.server.events();
    assert_eq!(
        events
            .iter()
            .find_map(|e| match &e.kind {
                ServerEventKind::Connected { compress } => Some(compress.clone()),
                _ => None,
            })
            .unwrap()
            .as_deref(),
        compression.query_value()
    );
    let Some(ServerEventKind::Identified { shard, intents, .. }) = events
        .iter()
        .map(|e| e.kind.clone())
        .find(|k| matches!(k, ServerEventKind::Identified { .. }))
    else {
        panic!("no identify")
    };
    assert_eq!(shard, [0, 1]);
    assert_eq!(intents, client_config(&env, compression).intents);
}

#[tokio::test(start_paused = true)]
async fn connects_without_compression() {
    connect_and_receive(Compression::None).await;
}

#[tokio::test(start_paused = true)]
async fn connects_with_zlib_stream() {
    connect_and_receive(Compression::ZlibStream).await;
}

#[tokio::test(start_paused = true)]
async fn connects_with_zstd_stream() {
    connect_and_receive(Compression::ZstdStream).await;
}

#[tokio::test(start_paused = true)]
async fn huge_guild_create_arrives_intact_over_each_compression() {
    for compression in [
        Compression::None,
        Compression::ZlibStream,
        Compression::ZstdStream,
    ] {
        let env = setup(server_config()).await;
        let members: Vec<_> = (0..20_000)
            .map(|i| json!({"user": {"id": (10_000 + i).to_string(), "username": format!("member{i}")}, "roles": [], "joined_at": "2024-01-01T00:00:00+00:00"}))
            .collect();
        let huge = json!({"id": "1", "name": "big", "members": members});
        let text = huge.to_string();
        assert!(text.len() > 1_500_000);
        let mut gw = Gateway::connect(client_config(&env, compression))
            .await
            .unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        until(&mut gw, "GUILD_CREATE").await;
        env.server.dispatch_raw(0, "GUILD_CREATE", &text).unwrap();
        let f = until(&mut gw, "GUILD_CREATE").await;
        assert_eq!(f.data, text.as_bytes(), "{compression:?}");
        // the connection keeps working afterwards
        env.server
            .dispatch(0, "TYPING_START", &json!({"channel_id": "1"}))
            .unwrap();
        assert_eq!(next(&mut gw).await.name, "TYPING_START");
    }
}

#[tokio::test(start_paused = true)]
async fn first_heartbeat_is_jittered_and_acked() {
    let env = setup(server_config()).await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "READY").await;
    env.server
        .wait_for(|ev| count(ev, |k| matches!(k, ServerEventKind::Heartbeat { .. })) >= 3)
        .await;
    let events = env.server.events();
    let connected = events[0].at;
    let beats: Vec<_> = events
        .iter()
        .filter(|e| matches!(e.kind, ServerEventKind::Heartbeat { .. }))
        .collect();
    // the first beat comes after interval x jitter (jitter in [0, 1)), then every interval
    assert!(beats[0].at - connected < Duration::from_secs(41));
    assert_eq!(beats[1].at - beats[0].at, Duration::from_secs(41));
    // heartbeats carry the last sequence number
    let ServerEventKind::Heartbeat { seq } = beats[2].kind else {
        unreachable!()
    };
    assert_eq!(seq, Some(3));
    assert!(gw.handle().latency(0).is_some());
    // op 1 from the server is answered at once
    let before = env.server.events().len();
    env.server.request_heartbeat(0);
    env.server
        .wait_for(|ev| {
            ev[before..]
                .iter()
                .any(|e| matches!(e.kind, ServerEventKind::Heartbeat { .. }))
        })
        .await;
    let answered = env.server.events()[before..]
        .iter()
        .find(|e| matches!(e.kind, ServerEventKind::Heartbeat { .. }))
        .unwrap()
        .at;
    assert!(answered - beats[2].at < Duration::from_secs(41));
}

#[tokio::test(start_paused = true)]
async fn zombie_connection_is_closed_and_resumed() {
    let env = setup(server_config()).await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZlibStream))
        .await
        .unwrap();
    until(&mut gw, "GUILD_CREATE").await;
    until(&mut gw, "GUILD_CREATE").await;
    env.server.set_acking(0, false);
    env.server
        .wait_for(|ev| count(ev, |k| matches!(k, ServerEventKind::ClientClosed { .. })) >= 1)
        .await;
    env.server.set_acking(0, true);
    env.server.wait_for(|ev| resumes(ev) == 1).await;
    until(&mut gw, "RESUMED").await;
    let seq = env
        .server
        .dispatch(0, "TYPING_START", &json!({"channel_id": "9"}))
        .unwrap();
    let f = next(&mut gw).await;
    assert_eq!((f.name.as_ref(), f.seq), ("TYPING_START", seq));
    let events = env.server.events();
    assert_eq!(identifies(&events), 1);
    assert_eq!(resumes(&events), 1);
    // it closed with a non-1000 code, so the session stayed resumable
    assert!(events.iter().any(|e| matches!(e.kind, ServerEventKind::ClientClosed { code: Some(c) } if c != 1000 && c != 1001)));
}

#[tokio::test(start_paused = true)]
async fn a_consumer_that_never_reads_does_not_delay_heartbeats() {
    let env = setup(server_config()).await;
    let gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    env.server.wait_for(|ev| identifies(ev) == 1).await;
    let msg = r#"{"id":"1","content":"x"}"#;
    let last = env
        .server
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", msg), 20_000))
        .unwrap();
    // nobody reads `gw`'s events; heartbeats still go out and are ACKed, and no zombie is seen
    let before = count(&env.server.events(), |k| {
        matches!(k, ServerEventKind::Heartbeat { .. })
    });
    env.server
        .wait_for(|ev| count(ev, |k| matches!(k, ServerEventKind::Heartbeat { .. })) >= before + 5)
        .await;
    let events = env.server.events();
    assert_eq!(env.server.connection_count(), 1);
    let ServerEventKind::Heartbeat { seq } = events
        .iter()
        .rev()
        .find(|e| matches!(e.kind, ServerEventKind::Heartbeat { .. }))
        .unwrap()
        .kind
    else {
        unreachable!()
    };
    // The shard kept reading (the ACKs arrived) without queueing past the channel's bound:
    // what it read meanwhile is not counted as received, and is replayed once the consumer
    // reads again.
    let queued = asyncord::gateway::EventChannel::DEFAULT_CAPACITY as u64;
    assert!(last > queued);
    assert_eq!(seq, Some(queued), "the last frame queued");
    assert_eq!(gw.queued_events() as u64, queued);
    drop(gw);
}

/// A connector that fails its first `fail` attempts, recording when each attempt happened.
struct Flaky {
    inner: std::sync::Arc<dyn asyncord::gateway::Connector>,
    fail: usize,
    attempts: std::sync::Mutex<Vec<tokio::time::Instant>>,
}

impl asyncord::gateway::Connector for Flaky {
    fn connect<'a>(
        &'a self,
        url: &'a asyncord::gateway::GatewayAddress,
    ) -> asyncord::gateway::ConnectFuture<'a> {
        let n = {
            let mut a = self.attempts.lock().unwrap();
            a.push(tokio::time::Instant::now());
            a.len()
        };
        if n <= self.fail {
            Box::pin(async {
                Err(std::io::Error::new(
                    std::io::ErrorKind::ConnectionRefused,
                    "refused",
                ))
            })
        } else {
            self.inner.connect(url)
        }
    }
}

#[tokio::test(start_paused = true)]
async fn network_errors_back_off_exponentially_with_a_cap() {
    let env = setup(server_config()).await;
    let flaky = std::sync::Arc::new(Flaky {
        inner: std::sync::Arc::new(env.server.endpoint()),
        fail: 8,
        attempts: std::sync::Mutex::new(Vec::new()),
    });
    let mut cfg = client_config(&env, Compression::ZstdStream).connector(flaky.clone());
    cfg.max_backoff = Duration::from_secs(20);
    let mut gw = Gateway::connect(cfg).await.unwrap();
    until(&mut gw, "READY").await;
    let attempts = flaky.attempts.lock().unwrap().clone();
    assert_eq!(attempts.len(), 9);
    let gaps: Vec<Duration> = attempts.windows(2).map(|w| w[1] - w[0]).collect();
    // jittered exponential growth: each gap is at least half the cap-limited doubling
    for (i, gap) in gaps.iter().enumerate() {
        let nominal = Duration::from_millis(500 * (1 << (i + 1))).min(Duration::from_secs(20));
        assert!(
            *gap >= nominal / 2 && *gap <= nominal,
            "attempt {i}: {gap:?} vs {nominal:?}"
        );
    }
    assert!(gaps.iter().all(|g| *g <= Duration::from_secs(20)), "capped");
}

#[tokio::test(start_paused = true)]
async fn wait_connected_follows_the_shards_through_a_reconnect() {
    let env = setup(server_config()).await;
    let gw = Gateway::connect(client_config(&env, Compression::None))
        .await
        .unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .expect("connected");
    assert_eq!(handle.info(0).unwrap().status, ShardStatus::Connected);
    // A resumable close: the shard leaves Connected, and wait_connected waits for it to return.
    env.server.close(0, 4000);
    tokio::time::timeout(Duration::from_secs(60), async {
        while handle.info(0).unwrap().status == ShardStatus::Connected {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    })
    .await
    .expect("the close was noticed");
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .expect("connected again");
    assert_eq!(handle.info(0).unwrap().status, ShardStatus::Connected);
    assert_eq!(resumes(&env.server.events()), 1);
    handle.shutdown();
}
