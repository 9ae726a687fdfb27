//! A sink on a multi-thread runtime is fed from the gateway's delivery thread: every wanted
//! frame, in order, off the runtime's workers; a panic in the sink skips that frame only; and
//! `Gateway::shutdown` stops the thread (even while it waits for a saturated sink) and hands the
//! session over after the last frame delivered, so the frames still queued are replayed rather
//! than lost. On a current-thread runtime the readers call the sink themselves
//! (`gateway_sink.rs`).
//!
//! Real time, bounded: these run on tokio's multi-thread runtime, whose clock cannot be paused.

mod gateway_support;

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use asyncord::gateway::{Compression, DispatchFrame, EventSink, Gateway, GatewayConfig};
use asyncord::model::gateway::EventKind;
use gateway_support::*;
use tokio::sync::Notify;

const MESSAGE: &str = r#"{"id":"1","channel_id":"2","content":"hello"}"#;

/// Waits (real time, at most 20 s) until `done()`.
async fn eventually(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out: {what}"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The sequence number of each frame delivered, and the name of the thread it came on.
type Seen = Arc<Mutex<Vec<(u64, Option<String>)>>>;

/// Records the sequence number and thread of every MESSAGE_CREATE; panics on `panic_at`.
struct Recording {
    seen: Seen,
    panic_at: u64,
}

impl EventSink for Recording {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        kind == Some(EventKind::MessageCreate)
    }

    fn deliver(&self, frame: DispatchFrame) {
        assert_ne!(frame.seq, self.panic_at, "a sink that panics on one frame");
        let thread = std::thread::current().name().map(str::to_owned);
        self.seen.lock().unwrap().push((frame.seq, thread));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn frames_arrive_in_order_on_the_delivery_thread_and_a_panic_skips_one() {
    for compression in [Compression::None, Compression::ZlibStream] {
        let env = setup(server_config()).await;
        let seen: Seen = Arc::default();
        // READY and two GUILD_CREATEs take 1..=3; the flood starts at 4.
        let panic_at = 500;
        let config = client_config(&env, compression).sink(Recording {
            seen: seen.clone(),
            panic_at,
        });
        let (gw, last) = connect_and_flood(&env, config, 2_000).await;
        eventually("every frame delivered", || {
            seen.lock().unwrap().last().is_some_and(|(s, _)| *s == last)
        })
        .await;
        let seen = seen.lock().unwrap().clone();
        let seqs: Vec<u64> = seen.iter().map(|(s, _)| *s).collect();
        let expected: Vec<u64> = (last - 1_999..=last).filter(|s| *s != panic_at).collect();
        assert_eq!(
            seqs, expected,
            "{compression:?}: in order, only the panicking frame missing"
        );
        assert!(
            seen.iter()
                .all(|(_, t)| t.as_deref() == Some("asyncord-delivery")),
            "{compression:?}: delivered on the delivery thread, not a runtime worker"
        );
        // The panicking frame counts as consumed: the session resumes after the last frame.
        assert_eq!(gw.handle().session(0).unwrap().sequence, last);
        gw.shutdown().await;
    }
}

/// Takes `room` frames, then says it is saturated until `release` is notified.
struct Saturating {
    delivered: Arc<AtomicUsize>,
    last: Arc<AtomicUsize>,
    room: usize,
    release: Arc<Notify>,
    released: Arc<AtomicBool>,
    dropped: Arc<AtomicBool>,
}

impl EventSink for Saturating {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        kind == Some(EventKind::MessageCreate)
    }

    fn deliver(&self, frame: DispatchFrame) {
        self.delivered.fetch_add(1, Ordering::SeqCst);
        self.last.store(frame.seq as usize, Ordering::SeqCst);
    }

    fn is_saturated(&self) -> bool {
        !self.released.load(Ordering::SeqCst) && self.delivered.load(Ordering::SeqCst) >= self.room
    }

    fn unsaturated(&self) -> std::pin::Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(self.release.notified())
    }
}

impl Drop for Saturating {
    fn drop(&mut self) {
        self.dropped.store(true, Ordering::SeqCst);
    }
}

/// A [`Saturating`] sink with room for 5 frames, and its switches.
struct Switches {
    delivered: Arc<AtomicUsize>,
    last: Arc<AtomicUsize>,
    release: Arc<Notify>,
    released: Arc<AtomicBool>,
    dropped: Arc<AtomicBool>,
}

fn saturating() -> (Saturating, Switches) {
    let switches = Switches {
        delivered: Arc::default(),
        last: Arc::default(),
        release: Arc::default(),
        released: Arc::default(),
        dropped: Arc::default(),
    };
    let sink = Saturating {
        delivered: switches.delivered.clone(),
        last: switches.last.clone(),
        room: 5,
        release: switches.release.clone(),
        released: switches.released.clone(),
        dropped: switches.dropped.clone(),
    };
    (sink, switches)
}

/// Connects with `config`, waits for the session, and floods `n` MESSAGE_CREATEs; returns the
/// gateway and the last sequence number flooded.
async fn connect_and_flood(env: &Env, config: GatewayConfig, n: usize) -> (Gateway, u64) {
    let gw = Gateway::connect(config).await.unwrap();
    eventually("the session started", || gw.handle().session(0).is_some()).await;
    let last = env
        .server
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), n))
        .unwrap();
    (gw, last)
}

/// Connects with a [`saturating`] sink and floods 50 frames; returns once the sink is full.
async fn saturated_gateway(env: &Env) -> (Gateway, Switches, u64) {
    let (sink, switches) = saturating();
    let config = client_config(env, Compression::None).sink(sink);
    let (gw, flooded) = connect_and_flood(env, config, 50).await;
    eventually("the sink saturated", || {
        switches.delivered.load(Ordering::SeqCst) == 5
    })
    .await;
    (gw, switches, flooded)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_hands_over_after_the_last_frame_delivered_and_stops_the_thread() {
    let env = setup(server_config()).await;
    let (gw, s, flooded) = saturated_gateway(&env).await;

    let sessions = gw.shutdown().await;
    let last_delivered = s.last.load(Ordering::SeqCst) as u64;
    assert!(last_delivered < flooded, "frames were still queued");
    assert_eq!(
        sessions[&0].sequence, last_delivered,
        "the session resumes after the last frame the sink took, so the queued ones are replayed"
    );
    // The thread was waiting for the sink; shutdown stopped it, and it delivers nothing more
    // even once the sink has room (the sink is dropped with the thread).
    eventually("the delivery thread ended", || {
        s.dropped.load(Ordering::SeqCst)
    })
    .await;
    s.released.store(true, Ordering::SeqCst);
    s.release.notify_waiters();
    assert_eq!(s.delivered.load(Ordering::SeqCst), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shards_that_stop_end_a_thread_waiting_for_a_saturated_sink() {
    let env = setup(server_config()).await;
    let (gw, s, _) = saturated_gateway(&env).await;
    // Stopped through the handle, not `Gateway::shutdown`: a sink that stays saturated (a
    // dispatcher shut down) must not keep the thread waiting once the shards are gone.
    gw.handle().shutdown();
    gw.join().await;
    eventually("the delivery thread ended", || {
        s.dropped.load(Ordering::SeqCst)
    })
    .await;
    assert_eq!(s.delivered.load(Ordering::SeqCst), 5);
}
