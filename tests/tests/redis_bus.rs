//! The event bus on a real `redis-server`, in one process: two workers of one consumer group
//! share the dispatches (each handled once, by one of them), and the stream is trimmed to about
//! its configured length. Skipped (with a message) without `redis-server`, unless
//! `ASYNCORD_REQUIRE_REDIS` is set.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::dispatcher::{Dispatcher, RawEvent};
use asyncord::gateway::{DispatchFrame, EventSink};
use asyncord::model::gateway::EventKind;
use asyncord::redis::{BusConfig, BusPublisher, BusWorker, Namespace, RedisLink};
use asyncord::testkit::RedisServer;

fn frame(seq: u64) -> DispatchFrame {
    DispatchFrame {
        shard_id: 0,
        seq,
        kind: Some(EventKind::TypingStart),
        name: "TYPING_START".into(),
        data: br#"{"channel_id":"1","user_id":"2","timestamp":0}"#[..].into(),
    }
}

type Handled = Arc<Mutex<Vec<(String, u64)>>>;

fn worker(redis: &RedisServer, name: &str, handled: &Handled) -> BusWorker {
    let dispatcher = Dispatcher::new();
    let record = handled.clone();
    let me = name.to_owned();
    dispatcher.add_raw_handler(move |event: RawEvent, _ctx| {
        record.lock().unwrap().push((me.clone(), event.seq));
        async {}
    });
    BusWorker::start(
        RedisLink::open(&redis.url()).unwrap(),
        &Namespace::new("bot"),
        BusConfig::new()
            .consumer(name)
            .block(Duration::from_millis(200)),
        dispatcher,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_share_the_stream_and_it_stays_trimmed() {
    let Some(redis) = RedisServer::start_or_skip("two_workers_share_the_stream...") else {
        return;
    };
    let handled: Handled = Arc::default();
    let a = worker(&redis, "a", &handled);
    let b = worker(&redis, "b", &handled);
    let publisher = BusPublisher::start(
        RedisLink::open(&redis.url()).unwrap(),
        Namespace::new("bot"),
        &BusConfig::new().max_len(1000),
        1,
        HashMap::new(),
        BusPublisher::everything(),
    );
    // One at a time, so that both workers wait for the next.
    for seq in 1..=40 {
        publisher.deliver(frame(seq));
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Then many at once, far more than the stream keeps.
    for seq in 41..=5000 {
        publisher.deliver(frame(seq));
    }
    publisher.finish(Duration::from_secs(30)).await;
    tokio::time::timeout(Duration::from_mins(1), async {
        while !handled.lock().unwrap().iter().any(|(_, s)| *s == 5000) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the last dispatch handled");
    a.stop(Duration::from_secs(5)).await;
    b.stop(Duration::from_secs(5)).await;
    let handled = handled.lock().unwrap().clone();
    let by_a = handled.iter().filter(|(w, _)| w == "a").count();
    let by_b = handled.len() - by_a;
    assert!(
        by_a > 0 && by_b > 0,
        "both workers handled some: {by_a} and {by_b}"
    );
    let mut seqs: Vec<u64> = handled.iter().map(|(_, s)| *s).collect();
    seqs.sort_unstable();
    let before = seqs.len();
    seqs.dedup();
    assert_eq!(before, seqs.len(), "no dispatch handled twice");
    assert_eq!(
        a.stats().acknowledged + b.stats().acknowledged,
        before as u64
    );

    let client = redis::Client::open(redis.url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let len: u64 = redis::cmd("XLEN")
        .arg("bot:events")
        .query_async(&mut conn)
        .await
        .unwrap();
    // `MAXLEN ~` trims whole nodes of the stream (100 entries by default) at a time.
    assert!(len < 1000 + 200, "the stream holds {len} entries");
}
