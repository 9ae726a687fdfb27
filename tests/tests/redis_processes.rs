//! The Redis backend with real OS processes (`scale_bot`, killed with SIGKILL where a crash is
//! the point), a real `redis-server` and the emulator: the identify queue and the REST limiter
//! across processes, a gateway process killed during a flood and replaced, a worker killed with
//! pending events. Skipped (with a message) without `redis-server`, unless
//! `ASYNCORD_REQUIRE_REDIS` is set (as CI does).

use std::collections::{BTreeMap, HashSet};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::dispatcher::{Dispatcher, RawEvent};
use asyncord::gateway::IDENTIFY_INTERVAL;
use asyncord::redis::{BusConfig, BusWorker, Namespace, RedisLink};
use asyncord::testkit::gateway::{GatewayServerConfig, ServerEventKind};
use asyncord::testkit::rest::{BucketDef, RestConfig};
use asyncord::testkit::{Emulator, RedisServer};

const MESSAGE: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"x","embeds":[],"attachments":[],"mentions":[]}"#;

/// A `scale_bot` process; its stdout lines are collected. Killed (SIGKILL) when dropped.
struct Bot {
    child: Child,
    lines: Arc<Mutex<Vec<String>>>,
}

impl Bot {
    fn start(redis: &RedisServer, emu: &Emulator, role: &str, env: &[(&str, String)]) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_scale_bot"));
        cmd.env("SCALE_ROLE", role)
            .env("SCALE_REDIS", redis.url())
            .env("SCALE_NAMESPACE", "bot")
            .env("SCALE_TOKEN", emu.token())
            .env("SCALE_API", emu.rest_url())
            .env("SCALE_GATEWAY", emu.gateway_url())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("scale_bot starts");
        let stdout = child.stdout.take().expect("piped");
        let lines: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink = lines.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                sink.lock().unwrap().push(line);
            }
        });
        Self { child, lines }
    }

    fn lines(&self) -> Vec<String> {
        self.lines.lock().unwrap().clone()
    }

    async fn wait_line(&self, what: &str, pred: impl Fn(&[String]) -> bool) {
        tokio::time::timeout(Duration::from_mins(2), async {
            while !pred(&self.lines()) {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await
        .unwrap_or_else(|_| panic!("scale_bot did not say {what} in time: {:?}", self.lines()));
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        self.kill();
    }
}

async fn eventually(what: &str, within: Duration, done: impl Fn() -> bool) {
    tokio::time::timeout(within, async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{what}: not in time"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_processes_never_identify_twice_in_a_bucket_within_five_seconds() {
    let Some(redis) = RedisServer::start_or_skip("four_processes_never_identify_twice...") else {
        return;
    };
    let emu = Emulator::builder()
        .gateway_config(GatewayServerConfig {
            shards: 16,
            max_concurrency: 2,
            ..GatewayServerConfig::default()
        })
        .start()
        .await
        .unwrap();
    let bots: Vec<Bot> = (0..4)
        .map(|p| {
            Bot::start(
                &redis,
                &emu,
                "gateway",
                &[
                    ("SCALE_SHARDS", format!("{}..{}/16", p * 4, p * 4 + 4)),
                    ("SCALE_CONCURRENCY", "2".to_owned()),
                ],
            )
        })
        .collect();
    let gateway = emu.gateway();
    // 8 IDENTIFYs per bucket, 5 s apart: 35 s at best.
    eventually("16 identified shards", Duration::from_mins(3), || {
        gateway.identify_count() >= 16
    })
    .await;
    drop(bots);
    let mut by_bucket: BTreeMap<u32, Vec<tokio::time::Instant>> = BTreeMap::new();
    let mut shards = HashSet::new();
    for event in gateway.events() {
        match event.kind {
            ServerEventKind::Identified { shard, .. } => {
                shards.insert(shard[0]);
                by_bucket.entry(shard[0] % 2).or_default().push(event.at);
            }
            ServerEventKind::IdentifyTooFast { shard } => {
                panic!("shard {shard} identified too fast")
            }
            _ => {}
        }
    }
    assert_eq!(shards.len(), 16, "every shard identified once at least");
    for (bucket, times) in by_bucket {
        for pair in times.windows(2) {
            assert!(
                pair[1] - pair[0] >= IDENTIFY_INTERVAL,
                "bucket {bucket}: two IDENTIFYs {:?} apart",
                pair[1] - pair[0]
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_processes_share_the_rest_limits_without_a_429() {
    let Some(redis) = RedisServer::start_or_skip("four_processes_share_the_rest_limits...") else {
        return;
    };
    let emu = Emulator::builder()
        .rest_config(
            RestConfig::default()
                .global_limit(50)
                .buckets(vec![BucketDef::new(
                    "messages",
                    10,
                    Duration::from_secs(1),
                    &["POST channels/{}/messages"],
                )]),
        )
        .start()
        .await
        .unwrap();
    let channel = emu.channel_id().get().to_string();
    let bots: Vec<Bot> = (0..4)
        .map(|_| {
            Bot::start(
                &redis,
                &emu,
                "rest",
                &[
                    ("SCALE_CHANNEL", channel.clone()),
                    ("SCALE_REQUESTS", "25".to_owned()),
                ],
            )
        })
        .collect();
    for bot in &bots {
        bot.wait_line("done", |l| l.iter().any(|l| l.starts_with("done")))
            .await;
        assert!(
            bot.lines().contains(&"done 0".to_owned()),
            "{:?}",
            bot.lines()
        );
    }
    let requests = emu.rest().requests();
    let ours: Vec<_> = requests
        .iter()
        .filter(|r| r.path.starts_with("/channels/"))
        .collect();
    assert_eq!(
        ours.len(),
        4 * 25 * 2,
        "every request reached the emulator once"
    );
    let limited: Vec<_> = ours.iter().filter(|r| r.status == 429).collect();
    assert!(limited.is_empty(), "{} requests got a 429", limited.len());
    // The global limit: never more than 50 requests within one second.
    let mut times: Vec<_> = ours.iter().map(|r| r.at).collect();
    times.sort();
    for (i, t) in times.iter().enumerate() {
        let within = times[i..]
            .iter()
            .take_while(|u| **u - *t < Duration::from_secs(1))
            .count();
        assert!(within <= 50, "{within} requests within one second");
    }
}

type Handled = Arc<Mutex<Vec<u64>>>;

/// An in-process worker recording the sequence numbers it handles.
fn recording_worker(redis: &RedisServer, config: BusConfig) -> (BusWorker, Handled) {
    let dispatcher = Dispatcher::new();
    let handled: Handled = Arc::default();
    let record = handled.clone();
    dispatcher.add_raw_handler(move |event: RawEvent, _ctx| {
        record.lock().unwrap().push(event.seq);
        async {}
    });
    let link = RedisLink::open(&redis.url()).unwrap();
    let worker = BusWorker::start(link, &Namespace::new("bot"), config, dispatcher);
    (worker, handled)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_process_killed_during_a_flood_is_replaced_without_gap_or_duplicate() {
    const FLOOD: usize = 20_000;
    let Some(redis) = RedisServer::start_or_skip("a_gateway_process_killed_during_a_flood...")
    else {
        return;
    };
    let emu = Emulator::builder()
        .gateway_config(GatewayServerConfig {
            replay_buffer: 2 * FLOOD,
            send_queue_capacity: 2 * FLOOD,
            ..GatewayServerConfig::default()
        })
        .start()
        .await
        .unwrap();
    let (worker, handled) = recording_worker(&redis, BusConfig::new().consumer("test"));
    let shards = [("SCALE_SHARDS", "0..1/1".to_owned())];
    let mut first = Bot::start(&redis, &emu, "gateway", &shards);
    emu.wait_for_sessions(1).await.unwrap();
    let last = emu
        .gateway()
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), FLOOD))
        .unwrap();
    eventually(
        "a part of the flood handled",
        Duration::from_mins(2),
        || handled.lock().unwrap().len() > FLOOD / 4,
    )
    .await;
    first.kill();
    let at_kill = handled.lock().unwrap().len();
    let _second = Bot::start(&redis, &emu, "gateway", &shards);
    eventually(
        "the rest of the flood handled",
        Duration::from_mins(3),
        || handled.lock().unwrap().iter().any(|s| *s > last),
    )
    .await;
    worker.stop(Duration::from_secs(5)).await;
    let mut all = handled.lock().unwrap().clone();
    assert!(at_kill < all.len(), "the second process published the rest");
    assert_eq!(
        emu.gateway().identify_count(),
        1,
        "the second process resumed the session instead of identifying"
    );
    all.sort_unstable();
    let end = *all.last().unwrap();
    let expected: Vec<u64> = (1..=end).collect();
    let unique: HashSet<u64> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "no event handled twice");
    let missing: Vec<u64> = expected
        .iter()
        .filter(|s| !unique.contains(s))
        .copied()
        .collect();
    assert!(
        missing.is_empty(),
        "no gap: {missing:?} missing (at the kill: {at_kill} handled)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_worker_killed_with_pending_events_leaves_them_to_another() {
    const EVENTS: usize = 200;
    let Some(redis) = RedisServer::start_or_skip("a_worker_killed_with_pending_events...") else {
        return;
    };
    let emu = Emulator::start().await.unwrap();
    let _gateway = Bot::start(
        &redis,
        &emu,
        "gateway",
        &[("SCALE_SHARDS", "0..1/1".to_owned())],
    );
    emu.wait_for_sessions(1).await.unwrap();
    // A worker whose handlers take a minute: it reads the events and holds them, pending.
    let mut slow = Bot::start(
        &redis,
        &emu,
        "worker",
        &[("SCALE_HANDLER_MS", "60000".to_owned())],
    );
    slow.wait_line("started", |l| l.iter().any(|l| l == "started"))
        .await;
    let last = emu
        .gateway()
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), EVENTS))
        .unwrap();
    let client = redis::Client::open(redis.url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    // It holds as many as its dispatcher takes at once, at least a hundred.
    let held = tokio::time::timeout(Duration::from_mins(2), async {
        loop {
            let pending: redis::Value = redis::cmd("XPENDING")
                .arg("bot:events")
                .arg("workers")
                .query_async(&mut conn)
                .await
                .unwrap();
            if let redis::Value::Array(parts) = pending
                && let Some(redis::Value::Int(n)) = parts.first()
                && *n >= 100
            {
                return n.unsigned_abs();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the slow worker read every event");
    slow.kill();
    assert!(slow.lines().iter().all(|l| !l.starts_with("handled")));

    let (worker, handled) = recording_worker(
        &redis,
        BusConfig::new()
            .consumer("rescuer")
            .claim(Duration::from_secs(1), Duration::from_millis(250)),
    );
    let done = tokio::time::timeout(Duration::from_mins(2), async {
        while (handled.lock().unwrap().len() as u64) < last {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await;
    assert!(
        done.is_ok(),
        "the pending events were not handled in time: {} of {last} handled, {held} held by the \
         dead worker, {:?}",
        handled.lock().unwrap().len(),
        worker.stats()
    );
    worker.stop(Duration::from_secs(5)).await;
    let mut all = handled.lock().unwrap().clone();
    all.sort_unstable();
    assert_eq!(
        all,
        (1..=last).collect::<Vec<_>>(),
        "every event handled once"
    );
    assert!(
        worker.stats().claimed >= held,
        "the {held} events the dead worker held were claimed ({:?})",
        worker.stats()
    );
}
