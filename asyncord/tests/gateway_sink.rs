//! A sink of one's own instead of the built-in channel: its `wants` is read per frame (a
//! consumer's interests may change while it runs), unwanted frames still advance the session's
//! sequence, the sink sees wanted frames in order on the reader task (a current-thread runtime;
//! on a multi-thread one, `gateway_delivery_thread.rs`), `next_event` only
//! reports the end, and a saturated sink holds reading back for a bounded time, then loses
//! nothing.

mod gateway_support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::gateway::{Compression, DispatchFrame, EventSink, Gateway};
use asyncord::model::gateway::EventKind;
use gateway_support::*;
use serde_json::json;

/// Waits (virtual time) until the sink holds `n` frames.
async fn wait_for_frames(seen: &Mutex<Vec<DispatchFrame>>, n: usize) {
    tokio::time::timeout(Duration::from_secs(600), async {
        while seen.lock().unwrap().len() < n {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the sink did not receive the frames in time");
}

/// Wants READY and MESSAGE_CREATE, and TYPING_START while `typing_wanted` is set.
struct Recording {
    seen: Arc<Mutex<Vec<DispatchFrame>>>,
    typing_wanted: Arc<AtomicBool>,
}

impl EventSink for Recording {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        match kind {
            Some(EventKind::Ready | EventKind::MessageCreate) => true,
            Some(EventKind::TypingStart) => self.typing_wanted.load(Ordering::Acquire),
            _ => false,
        }
    }

    fn deliver(&self, frame: DispatchFrame) {
        self.seen.lock().unwrap().push(frame);
    }
}

#[tokio::test(start_paused = true)]
async fn a_sink_with_live_wants_takes_the_place_of_the_channel() {
    let env = setup(server_config()).await;
    let seen: Arc<Mutex<Vec<DispatchFrame>>> = Arc::default();
    let typing_wanted = Arc::new(AtomicBool::new(false));
    let config = client_config(&env, Compression::ZstdStream).sink(Recording {
        seen: seen.clone(),
        typing_wanted: typing_wanted.clone(),
    });
    let mut gw = Gateway::connect(config).await.unwrap();
    // READY is wanted; the two GUILD_CREATEs that follow it are not.
    wait_for_frames(&seen, 1).await;
    let typing = json!({"channel_id": "7", "user_id": "9", "timestamp": 1});
    env.server.dispatch(0, "TYPING_START", &typing).unwrap();
    let first = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({"id": "5", "content": "a"}))
        .unwrap();
    wait_for_frames(&seen, 2).await;
    // The consumer changes its mind while running: the next typing frame is wanted.
    typing_wanted.store(true, Ordering::Release);
    let wanted_typing = env.server.dispatch(0, "TYPING_START", &typing).unwrap();
    env.server
        .dispatch(0, "UNKNOWN_FUTURE_EVENT", &json!({"x": 1}))
        .unwrap();
    let last = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({"id": "6", "content": "b"}))
        .unwrap();
    wait_for_frames(&seen, 4).await;

    let frames = seen.lock().unwrap().clone();
    let got: Vec<(&str, u64)> = frames.iter().map(|f| (f.name.as_ref(), f.seq)).collect();
    assert_eq!(
        got,
        [
            ("READY", 1),
            ("MESSAGE_CREATE", first),
            ("TYPING_START", wanted_typing),
            ("MESSAGE_CREATE", last),
        ]
    );
    let body: serde_json::Value = serde_json::from_slice(&frames[3].data).unwrap();
    assert_eq!(body["content"], "b");
    // Dropped frames still count: the session resumes after the newest frame received.
    let handle = gw.handle();
    assert_eq!(handle.session(0).unwrap().sequence, last);

    // Nothing is queued for `next_event`; it ends when the shards stop.
    handle.shutdown();
    let end = tokio::time::timeout(Duration::from_secs(600), gw.next_event())
        .await
        .expect("next_event did not end after shutdown");
    assert!(
        end.is_none(),
        "a frame reached the channel despite the sink"
    );
    assert_eq!(seen.lock().unwrap().len(), 4);
}

/// A sink that records frames and is saturated while `saturated` is set.
#[derive(Default)]
struct Throttled {
    seen: Mutex<Vec<u64>>,
    saturated: AtomicBool,
    released: tokio::sync::Notify,
}

/// The sink handed to the gateway (the test keeps the other reference).
struct SharedSink(Arc<Throttled>);

impl EventSink for SharedSink {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        kind == Some(EventKind::MessageCreate)
    }

    fn deliver(&self, frame: DispatchFrame) {
        self.0.seen.lock().unwrap().push(frame.seq);
    }

    fn is_saturated(&self) -> bool {
        self.0.saturated.load(Ordering::Acquire)
    }

    fn unsaturated(&self) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            loop {
                let released = self.0.released.notified();
                tokio::pin!(released);
                released.as_mut().enable();
                if !self.0.saturated.load(Ordering::Acquire) {
                    return;
                }
                released.await;
            }
        })
    }
}

impl Throttled {
    fn set(&self, saturated: bool) {
        self.saturated.store(saturated, Ordering::Release);
        self.released.notify_waiters();
    }

    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

#[tokio::test(start_paused = true)]
async fn a_saturated_sink_pauses_reading_for_a_bounded_time_and_loses_nothing() {
    let env = setup(server_config()).await;
    let sink = Arc::new(Throttled::default());
    let config = client_config(&env, Compression::ZstdStream).sink(SharedSink(sink.clone()));
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(600), async {
        while handle.session(0).is_none() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap();
    let message = json!({"id": "5", "content": "x"});

    // Saturated: the shard reads nothing while the consumer catches up.
    sink.set(true);
    env.server.dispatch(0, "MESSAGE_CREATE", &message).unwrap();
    env.server.dispatch(0, "MESSAGE_CREATE", &message).unwrap();
    // The frame in hand when saturation began may be delivered; nothing after it.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let during = sink.count();
    assert!(during <= 1, "{during} frames delivered while saturated");
    sink.set(false);
    tokio::time::timeout(Duration::from_secs(60), async {
        while sink.count() < 2 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("reading resumed once the sink recovered");

    // A consumer that stays saturated holds the shard back for SATURATION_WAIT at most; then
    // the shard reads on (its heartbeats are read) without delivering, and once the consumer
    // recovers it resumes the session and gets the frames replayed, each once.
    sink.set(true);
    let third = env.server.dispatch(0, "MESSAGE_CREATE", &message).unwrap();
    let fourth = env.server.dispatch(0, "MESSAGE_CREATE", &message).unwrap();
    tokio::time::sleep(asyncord::gateway::SATURATION_WAIT * 3).await;
    assert_eq!(sink.count(), 2, "nothing delivered while saturated");
    assert!(
        handle.session(0).unwrap().sequence < third,
        "nor counted as consumed"
    );
    assert_eq!(env.server.connection_count(), 1, "the connection stayed up");
    sink.set(false);
    tokio::time::timeout(Duration::from_secs(60), async {
        while sink.count() < 4 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the frames were replayed once the sink recovered");
    let seen = sink.seen.lock().unwrap().clone();
    assert_eq!(seen[2..], [third, fourth]);
    assert_eq!(resumes(&env.server.events()), 1);
    assert!(handle.session(0).unwrap().sequence >= fourth);
    handle.shutdown();
}
