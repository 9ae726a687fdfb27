//! A sink that panics on one frame does not take the shard down: the panic is caught on the
//! reader, logged at error with the event's name and sequence number, the frame is skipped (and
//! counts as consumed, so a resume does not replay it into the same panic), and reading goes on
//! on the same connection.

mod gateway_fake;
mod gateway_support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::gateway::{Compression, DispatchFrame, EventSink, Gateway};
use asyncord::model::gateway::EventKind;
use gateway_fake::Logs;
use gateway_support::*;
use serde_json::json;

#[derive(Default)]
struct Exploding {
    seen: Mutex<Vec<u64>>,
}

struct Sink(Arc<Exploding>);

impl EventSink for Sink {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        assert_ne!(kind, Some(EventKind::TypingStart), "wants panicked");
        true
    }

    fn deliver(&self, frame: DispatchFrame) {
        assert!(
            !String::from_utf8_lossy(&frame.data).contains("boom"),
            "deliver panicked"
        );
        self.0.seen.lock().unwrap().push(frame.seq);
    }
}

#[tokio::test(start_paused = true)]
async fn a_panicking_sink_skips_the_frame_and_keeps_the_connection() {
    let (logs, _guard) = Logs::capture();
    let env = setup(server_config()).await;
    let sink = Arc::new(Exploding::default());
    let config = client_config(&env, Compression::ZstdStream).sink(Sink(sink.clone()));
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .unwrap();

    let boom = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({"content": "boom"}))
        .unwrap();
    let typing = env
        .server
        .dispatch(0, "TYPING_START", &json!({"channel_id": "1"}))
        .unwrap();
    let fine = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({"content": "fine"}))
        .unwrap();
    tokio::time::timeout(Duration::from_secs(60), async {
        while !sink.seen.lock().unwrap().contains(&fine) {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("reading went on after the panics");

    let seen = sink.seen.lock().unwrap().clone();
    assert!(!seen.contains(&boom) && !seen.contains(&typing));
    assert_eq!(handle.session(0).unwrap().sequence, fine);
    let events = env.server.events();
    assert_eq!(resumes(&events), 0, "no reconnection, no replay");
    assert_eq!(env.server.connection_count(), 1);
    for (name, seq) in [("MESSAGE_CREATE", boom), ("TYPING_START", typing)] {
        let lines = logs.lines_with(&["ERROR", name, &format!("seq={seq}"), "panicked"]);
        assert_eq!(lines.len(), 1, "one error log for {name}:\n{}", logs.text());
    }
    handle.shutdown();
}
