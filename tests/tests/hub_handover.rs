//! Handing a bot's sessions from one process to the next (`keep_sessions`, then
//! `resume_sessions`) in the middle of a flood: every event is handled by exactly one of the two
//! hubs. The sessions the first hub reports resume after the last event its handlers were given,
//! not after the last frame its shards read.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::ClientHub;
use asyncord::client_hub::HubConfig;
use asyncord::dispatcher::RawEvent;
use asyncord::gateway::Session;
use asyncord::testkit::gateway::GatewayServerConfig;
use asyncord::testkit::{Emulator, EmulatorBots};

const FLOOD: usize = 60_000;
const MESSAGE: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"x","embeds":[],"attachments":[],"mentions":[]}"#;

type Handled = Arc<Mutex<Vec<u64>>>;

/// A hub with one group whose raw handler records the sequence number of every dispatch it is
/// given.
fn hub(emu: &Emulator, sessions: HashMap<u32, Session>) -> (ClientHub, Handled) {
    let mut hub = ClientHub::with_config(HubConfig {
        handle_signals: false,
        shutdown_timeout: Duration::from_secs(5),
        ..HubConfig::default()
    });
    let group = hub
        .create_client_group_with(
            "bot",
            emu.token(),
            emu.group_config()
                .keep_sessions(true)
                .resume_sessions(sessions),
        )
        .unwrap();
    let handled: Handled = Arc::default();
    let record = handled.clone();
    group
        .dispatcher
        .add_raw_handler(move |event: RawEvent, _ctx| {
            record.lock().unwrap().push(event.seq);
            async {}
        });
    (hub, handled)
}

async fn until(handled: &Handled, done: impl Fn(&[u64]) -> bool) {
    tokio::time::timeout(Duration::from_mins(10), async {
        while !done(&handled.lock().unwrap()) {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    })
    .await
    .expect("the handlers did not see the events in time");
}

// Two workers, as in production: the shard's reader runs on one while the hub stops on the
// other, so a dispatcher that stopped taking events before the reader stopped would see frames
// (and the session count them) that no handler was given.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_handed_over_between_two_hubs_is_handled_once() {
    let emu = Emulator::builder()
        .gateway_config(GatewayServerConfig {
            replay_buffer: 2 * FLOOD,
            send_queue_capacity: 2 * FLOOD,
            ..GatewayServerConfig::default()
        })
        .start()
        .await
        .unwrap();
    let gateway = emu.gateway();

    let (first, first_handled) = hub(&emu, HashMap::new());
    let (summary, last) = tokio::join!(first.start(), async {
        emu.wait_for_sessions(1).await.unwrap();
        let last = gateway
            .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), FLOOD))
            .unwrap();
        // Stopped in the middle of the flood, while the shard is reading it.
        while first_handled.lock().unwrap().len() < FLOOD / 3 {
            tokio::task::yield_now().await;
        }
        first.stop();
        last
    });
    let summary = summary.expect("a clean run");
    let sessions = summary.group("bot").unwrap().sessions.clone();
    let session = sessions.get(&0).expect("the session was kept");
    let first_handled = first_handled.lock().unwrap().clone();
    assert!(
        (first_handled.len() as u64) < last,
        "the first hub stopped before the end of the flood"
    );
    assert_eq!(
        session.sequence,
        *first_handled.last().unwrap(),
        "the session resumes after the last event handled"
    );

    let (second, second_handled) = hub(&emu, sessions);
    let (summary, ()) = tokio::join!(second.start(), async {
        until(&second_handled, |h| h.last().is_some_and(|s| *s > last)).await;
        second.stop();
    });
    summary.expect("a clean run");
    let second_handled = second_handled.lock().unwrap().clone();

    let all: Vec<u64> = first_handled
        .iter()
        .chain(&second_handled)
        .copied()
        .collect();
    let end = *all.last().unwrap();
    assert!(end > last, "the RESUMED after the flood arrived");
    let expected: Vec<u64> = (1..=end).collect();
    assert_eq!(
        all.len(),
        expected.len(),
        "{} handled by the first hub, {} by the second",
        first_handled.len(),
        second_handled.len()
    );
    assert!(all == expected, "a gap or a duplicate at the handover");
}
