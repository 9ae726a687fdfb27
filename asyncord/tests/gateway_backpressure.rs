//! Backpressure from a slow consumer never costs the connection nor an event, and never costs
//! unbounded memory:
//! - many long-lived handler calls (below the dispatcher's bound) do not make the shard stall
//!   its reads: heartbeats keep being acknowledged and quick events are handled at once;
//! - a consumer that stalls during a flood holds at most its bound (the channel's capacity, the
//!   dispatcher's in-flight limit), the connection stays up, and once it takes events again
//!   every event arrives exactly once, in order.

mod gateway_support;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::dispatcher::{Context, Dispatcher, RawEvent};
use asyncord::gateway::{Compression, EventChannel, Gateway};
use asyncord::model::gateway::MessageCreateEvent;
use asyncord::testkit::gateway::{GatewayServerConfig, ServerEventKind};
use gateway_support::*;
use tokio::sync::Semaphore;
use tokio::time::Instant;

const MESSAGE: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"quick","timestamp":"2024-01-01T00:00:00.000000+00:00","type":0}"#;
const HOLD: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"hold","timestamp":"2024-01-01T00:00:00.000000+00:00","type":0}"#;

fn closed(events: &[asyncord::testkit::gateway::ServerEvent]) -> usize {
    count(events, |k| {
        matches!(
            k,
            ServerEventKind::ClientClosed { .. } | ServerEventKind::Disconnected
        )
    })
}

/// Waits (virtual time) until `done` holds.
async fn wait_until(what: &str, done: impl Fn() -> bool) {
    tokio::time::timeout(Duration::from_secs(600), async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{what} did not happen in time"));
}

#[tokio::test(start_paused = true)]
async fn many_held_handlers_neither_stall_heartbeats_nor_delay_quick_events() {
    const HELD: usize = 1_990;
    const QUICK: usize = 10_000;
    let interval = Duration::from_secs(2);
    let env = setup(GatewayServerConfig {
        heartbeat_interval: interval,
        ..server_config()
    })
    .await;
    let dispatcher = Dispatcher::new();
    let release = Arc::new(Semaphore::new(0));
    let quick = Arc::new(AtomicUsize::new(0));
    {
        let (release, quick) = (release.clone(), quick.clone());
        dispatcher.add_handler(move |event: Arc<MessageCreateEvent>, _ctx: Context| {
            let (release, quick) = (release.clone(), quick.clone());
            async move {
                if event.content == "hold" {
                    let _ = release
                        .acquire()
                        .await
                        .map(tokio::sync::SemaphorePermit::forget);
                } else {
                    quick.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
    }
    let config = client_config(&env, Compression::ZstdStream).sink(dispatcher.clone());
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .unwrap();

    env.server
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", HOLD), HELD))
        .unwrap();
    wait_until("the held calls", || dispatcher.in_flight() == HELD).await;

    // Bursts of quick events over many heartbeat intervals.
    let start = Instant::now();
    for burst in 1..=20 {
        env.server
            .flood(
                0,
                std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), QUICK / 20),
            )
            .unwrap();
        let sent = Instant::now();
        wait_until("the quick events", || {
            quick.load(Ordering::SeqCst) == burst * QUICK / 20
        })
        .await;
        assert!(
            sent.elapsed() < interval / 4,
            "burst {burst} took {:?} to be handled",
            sent.elapsed()
        );
        tokio::time::sleep(interval / 2).await;
    }
    assert!(start.elapsed() >= interval * 5);
    assert_eq!(dispatcher.in_flight(), HELD);
    let events = env.server.events();
    assert_eq!(resumes(&events), 0, "the connection never looked dead");
    assert_eq!(closed(&events), 0);
    assert_eq!(env.server.connection_count(), 1);
    release.add_permits(HELD);
    handle.shutdown();
}

const FLOOD: usize = 100_000;

fn flood_server() -> GatewayServerConfig {
    GatewayServerConfig {
        replay_buffer: 2 * FLOOD,
        send_queue_capacity: 2 * FLOOD,
        ..server_config()
    }
}

#[tokio::test(start_paused = true)]
async fn a_stalled_next_event_consumer_holds_its_capacity_and_then_gets_every_event_once() {
    const CAPACITY: usize = 256;
    let env = setup(flood_server()).await;
    let config = client_config(&env, Compression::ZstdStream)
        .channel(EventChannel::new().capacity(CAPACITY));
    let mut gw = Gateway::connect(config).await.unwrap();
    let mut seen = Vec::new();
    while seen.len() < 3 {
        seen.push(next(&mut gw).await.seq); // READY, 2 GUILD_CREATE
    }
    let last = env
        .server
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), FLOOD))
        .unwrap();

    // Nobody reads for ten heartbeat intervals: the queue stays at its bound and the connection
    // stays up.
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_secs(4)).await;
        assert!(gw.queued_events() <= CAPACITY);
    }
    assert_eq!(gw.queued_events(), CAPACITY);
    let events = env.server.events();
    assert_eq!(closed(&events), 0, "the connection stayed up while stalled");

    // The consumer wakes up: every event, once, in order.
    while *seen.last().unwrap() < last {
        let frame = next(&mut gw).await;
        assert!(gw.queued_events() <= CAPACITY);
        if frame.name != "RESUMED" {
            seen.push(frame.seq);
        }
    }
    let expected: Vec<u64> = (1..=last).collect();
    assert_eq!(seen.len(), expected.len());
    assert!(seen == expected, "a gap or a duplicate");
    gw.handle().shutdown();
}

#[tokio::test(start_paused = true)]
async fn a_dispatcher_at_its_in_flight_limit_spawns_no_more_and_then_handles_every_event_once() {
    const LIMIT: usize = 64;
    let env = setup(flood_server()).await;
    let dispatcher = Dispatcher::new();
    dispatcher.set_max_in_flight(Some(LIMIT));
    let gate = Arc::new(Semaphore::new(0));
    let handled: Arc<Mutex<Vec<u64>>> = Arc::default();
    {
        let (gate, handled) = (gate.clone(), handled.clone());
        dispatcher.add_raw_handler(move |event: RawEvent, _ctx| {
            handled.lock().unwrap().push(event.seq);
            let gate = gate.clone();
            async move {
                if event.name.as_ref() == "MESSAGE_CREATE" {
                    let _ = gate
                        .acquire()
                        .await
                        .map(tokio::sync::SemaphorePermit::forget);
                }
            }
        });
    }
    let config = client_config(&env, Compression::ZlibStream).sink(dispatcher.clone());
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    wait_until("the session", || handled.lock().unwrap().len() >= 3).await;
    let last = env
        .server
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), FLOOD))
        .unwrap();

    // Every handler call blocks: no more than the limit are spawned, however long it lasts.
    let mut peak = 0;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_secs(4)).await;
        peak = peak.max(dispatcher.in_flight());
    }
    assert!(peak <= LIMIT, "{peak} handler calls in flight");
    assert_eq!(closed(&env.server.events()), 0);

    gate.add_permits(FLOOD);
    wait_until("every event", || {
        handled.lock().unwrap().last().is_some_and(|s| *s >= last)
    })
    .await;
    let seen: Vec<u64> = handled
        .lock()
        .unwrap()
        .iter()
        .copied()
        .filter(|s| *s <= last)
        .collect();
    let expected: Vec<u64> = (1..=last).collect();
    assert_eq!(seen.len(), expected.len());
    assert!(seen == expected, "a gap or a duplicate");
    handle.shutdown();
}
