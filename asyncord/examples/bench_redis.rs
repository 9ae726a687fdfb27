//! Benchmark of the Redis backend against a local `redis-server` (started and stopped here):
//! events per second through the event bus (publisher → stream → worker → handler) and the
//! latency it adds, p50/p99; and the REST limiter's cost per request, the Redis limiter against
//! the in-memory one in the same run (emulator REST in memory, so the limiter's round trip to
//! Redis is most of the difference). See `BENCHMARKS.md`.
//!
//! ```text
//! cargo run -p asyncord --features testkit,redis --profile bench --example bench_redis -- [--events N] [--requests N]
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use asyncord::dispatcher::{Dispatcher, RawEvent};
use asyncord::gateway::{DispatchFrame, EventSink};
use asyncord::model::gateway::EventKind;
use asyncord::redis::{
    BusConfig, BusPublisher, BusWorker, Namespace, RedisLink, RedisRateLimiter,
    RedisRateLimiterConfig,
};
use asyncord::rest::RestClient;
use asyncord::testkit::rest::RestConfig;
use asyncord::testkit::{Emulator, EmulatorBots, RedisServer};

const MESSAGE: &[u8] = br#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"hello","embeds":[],"attachments":[],"mentions":[]}"#;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn frame(seq: u64) -> DispatchFrame {
    DispatchFrame {
        shard_id: 0,
        seq,
        kind: Some(EventKind::MessageCreate),
        name: "MESSAGE_CREATE".into(),
        data: MESSAGE[..].into(),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

/// Publishes `events` frames (`pace`: one every that long, or as fast as the publisher takes
/// them); returns (events per second, latencies sorted).
async fn bus(
    redis: &RedisServer,
    ns: &str,
    events: usize,
    pace: Option<Duration>,
) -> (f64, Vec<Duration>) {
    let sent: Arc<Mutex<Vec<Option<Instant>>>> = Arc::new(Mutex::new(vec![None; events + 1]));
    let got: Arc<Mutex<Vec<Option<Instant>>>> = Arc::new(Mutex::new(vec![None; events + 1]));
    let dispatcher = Dispatcher::new();
    let record = got.clone();
    dispatcher.add_raw_handler(move |event: RawEvent, _ctx| {
        if let Some(slot) = record.lock().unwrap().get_mut(event.seq as usize) {
            *slot = Some(Instant::now());
        }
        async {}
    });
    let link = RedisLink::open(&redis.url()).unwrap();
    let namespace = Namespace::new(ns);
    let worker = BusWorker::start(
        link.clone(),
        &namespace,
        BusConfig::new().consumer("bench"),
        dispatcher,
    );
    let publisher = BusPublisher::start(
        link,
        namespace,
        &BusConfig::new(),
        1,
        HashMap::new(),
        BusPublisher::everything(),
    );
    // Let the worker make its group and start reading.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start = Instant::now();
    for seq in 1..=events as u64 {
        if publisher.is_saturated() {
            publisher.unsaturated().await;
        }
        sent.lock().unwrap()[seq as usize] = Some(Instant::now());
        publisher.deliver(frame(seq));
        if let Some(pace) = pace {
            tokio::time::sleep(pace).await;
        }
    }
    while got.lock().unwrap()[events].is_none() {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let elapsed = start.elapsed();
    worker.stop(Duration::from_secs(5)).await;
    publisher.finish(Duration::from_secs(5)).await;
    let sent = sent.lock().unwrap();
    let got = got.lock().unwrap();
    let mut latencies: Vec<Duration> = (1..=events)
        .filter_map(|i| Some(got[i]?.duration_since(sent[i]?)))
        .collect();
    latencies.sort();
    (events as f64 / elapsed.as_secs_f64(), latencies)
}

/// `requests` sequential GETs of a channel through `client`; per-request times, sorted.
async fn rest(
    client: &RestClient,
    channel: asyncord::model::ChannelId,
    requests: usize,
) -> Vec<Duration> {
    let mut times = Vec::with_capacity(requests);
    for _ in 0..requests {
        let t = Instant::now();
        client.channels.get(channel).await.unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    times
}

fn mean(times: &[Duration]) -> Duration {
    times.iter().sum::<Duration>() / u32::try_from(times.len().max(1)).unwrap_or(u32::MAX)
}

fn main() {
    let events = arg("--events", 50_000);
    let requests = arg("--requests", 5_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let redis = RedisServer::start().expect("redis-server");
        let (rate, flood) = bus(&redis, "flood", events, None).await;
        println!(
            "bus flood: {events} events, {rate:.0} events/s; latency p50 {:?} p99 {:?} (includes queueing)",
            percentile(&flood, 0.5),
            percentile(&flood, 0.99)
        );
        let paced_events = (events / 10).max(1000);
        let (_, paced) = bus(&redis, "paced", paced_events, Some(Duration::from_millis(1))).await;
        println!(
            "bus paced (~1 event/ms): {paced_events} events; latency p50 {:?} p99 {:?}",
            percentile(&paced, 0.5),
            percentile(&paced, 0.99)
        );

        let emu = Emulator::builder()
            .rest_config(
                RestConfig::default()
                    .global_limit(0)
                    .default_limit(1_000_000_000, Duration::from_secs(1)),
            )
            .start()
            .await
            .unwrap();
        let channel = emu.channel_id();
        let config = emu.group_config();
        let transport = config.rest_transport.clone().unwrap();
        // Global limits so high that nothing waits, but their bookkeeping runs.
        let memory = RestClient::builder(emu.token())
            .base_url(config.api_base.clone())
            .transport(transport.clone())
            .global_limit(1_000_000_000)
            .build();
        let shared = RestClient::builder(emu.token())
            .base_url(config.api_base.clone())
            .transport(transport)
            .rate_limiter(Arc::new(RedisRateLimiter::with_config(
                RedisLink::open(&redis.url()).unwrap(),
                &Namespace::new("rest"),
                RedisRateLimiterConfig::default().global_limit(1_000_000_000),
            )))
            .build();
        // Warm up both, then alternate blocks so that both see the same machine load.
        let _ = rest(&memory, channel, 200).await;
        let _ = rest(&shared, channel, 200).await;
        let mut m = Vec::new();
        let mut r = Vec::new();
        for _ in 0..5 {
            m.extend(rest(&memory, channel, requests / 5).await);
            r.extend(rest(&shared, channel, requests / 5).await);
        }
        m.sort();
        r.sort();
        for (name, t) in [("in-memory limiter", &m), ("Redis limiter", &r)] {
            println!(
                "REST {name}: {} requests, mean {:?}, p50 {:?}, p99 {:?}",
                t.len(),
                mean(t),
                percentile(t, 0.5),
                percentile(t, 0.99)
            );
        }
        println!(
            "REST Redis limiter overhead: mean {:?}, p50 {:?} per request",
            mean(&r).saturating_sub(mean(&m)),
            percentile(&r, 0.5).saturating_sub(percentile(&m, 0.5))
        );
    });
}
