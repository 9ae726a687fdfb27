//! The built-in channel behind `Gateway::next_event` is bounded: a consumer that stalls during
//! a flood holds the shard back (it stops reading, the backlog waits in the socket) for up to
//! `SATURATION_WAIT`; however long it stalls, at most the channel's capacity is queued; and
//! nothing is lost: the shard reads on without queueing (its heartbeats must get through), and
//! once the consumer reads again it resumes the session, so that the rest is replayed.
#![cfg(feature = "testkit")]

mod gateway_support;

use std::time::Duration;

use asyncord::gateway::{Compression, EventChannel, Gateway, SATURATION_WAIT};
use asyncord::model::gateway::{EventKind, EventSet};
use gateway_support::*;
use serde_json::json;

const CAPACITY: usize = 8;
const FLOOD: u64 = 200;

#[tokio::test(start_paused = true)]
async fn a_stalled_consumer_queues_at_most_the_channel_capacity() {
    let env = setup(server_config()).await;
    let wanted: EventSet = [EventKind::MessageCreate].into_iter().collect();
    let config = client_config(&env, Compression::ZstdStream)
        .channel(EventChannel::new().events(wanted, false).capacity(CAPACITY));
    let mut gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .unwrap();
    let sequence = || handle.session(0).map_or(0, |s| s.sequence);
    tokio::time::sleep(Duration::from_secs(1)).await;
    let base = sequence();

    // A flood nobody reads.
    let mut first = None;
    for i in 0..FLOOD {
        let seq = env
            .server
            .dispatch(
                0,
                "MESSAGE_CREATE",
                &json!({"id": i.to_string(), "content": "x"}),
            )
            .unwrap();
        first.get_or_insert(seq);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!(
        gw.queued_events(),
        CAPACITY,
        "the channel filled up to its bound"
    );
    assert_eq!(sequence(), base, "nothing was consumed");

    // Stalled past the saturation wait: the connection stays up (heartbeats are read) and the
    // queue holds no more than its bound.
    tokio::time::sleep(SATURATION_WAIT * 4).await;
    assert_eq!(gw.queued_events(), CAPACITY);
    assert_eq!(sequence(), base);
    assert_eq!(env.server.connection_count(), 1, "the connection stayed up");

    // The consumer wakes up: the queued frames are the oldest ones, and the rest follows in
    // order, replayed after a resume.
    let first = first.unwrap();
    let mut expected = first;
    while expected < first + FLOOD {
        assert!(sequence() < expected, "not consumed before it is returned");
        let frame = next(&mut gw).await;
        assert_eq!(frame.seq, expected);
        assert!(sequence() >= expected, "consumed once returned");
        expected += 1;
    }
    let events = env.server.events();
    assert_eq!(
        resumes(&events),
        1,
        "one resume replayed what was not queued"
    );
    assert_eq!(identifies(&events), 1);

    // Caught up, it gets what follows.
    let later = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({"id": "later", "content": "y"}))
        .unwrap();
    assert_eq!(next(&mut gw).await.seq, later);
    handle.shutdown();
}
