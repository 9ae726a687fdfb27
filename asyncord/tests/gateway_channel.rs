//! The built-in channel behind `Gateway::next_event` is bounded: a consumer that stalls during
//! a flood holds the shard back (it stops reading, the backlog waits in the socket) for up to
//! `SATURATION_WAIT`, and however long it stalls, at most the channel's capacity is queued.
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
    let read = sequence() - base;
    assert!(
        read <= CAPACITY as u64 + 1,
        "the shard stopped reading once the channel was full ({read} frames read)"
    );

    // Stalled past the saturation wait: the shard reads on (its heartbeats must get through),
    // and the queue still holds no more than its bound.
    tokio::time::sleep(SATURATION_WAIT * 4).await;
    assert_eq!(sequence() - base, FLOOD, "the shard read the whole flood");
    assert_eq!(gw.queued_events(), CAPACITY);
    assert_eq!(env.server.connection_count(), 1, "the connection stayed up");

    // The consumer wakes up: the queued frames are the oldest ones, in order.
    let first = first.unwrap();
    for offset in 0..CAPACITY as u64 {
        let frame = next(&mut gw).await;
        assert_eq!(frame.seq, first + offset);
    }
    assert_eq!(gw.queued_events(), 0);

    // Caught up, it gets what follows.
    let later = env
        .server
        .dispatch(0, "MESSAGE_CREATE", &json!({"id": "later", "content": "y"}))
        .unwrap();
    assert_eq!(next(&mut gw).await.seq, later);
    handle.shutdown();
}
