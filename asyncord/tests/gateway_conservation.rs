//! Event conservation end to end: every dispatch a shard's session holds reaches the consumer
//! exactly once and in order — on every shard of a sharded gateway, and through a long run in
//! which faults strike at random points (fixed seed): dropped connections, op 7, op 9
//! (resumable), zombied connections, closes by the server, and a consumer that stalls.

mod gateway_support;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::dispatcher::{Dispatcher, RawEvent};
use asyncord::gateway::{Compression, Gateway, Shards};
use asyncord::testkit::gateway::{GatewayServer, GatewayServerConfig};
use gateway_support::*;

const MESSAGE: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"x","embeds":[],"attachments":[],"mentions":[]}"#;

type PerShard = Arc<Mutex<Vec<Vec<u64>>>>;

/// Waits (virtual time) until every shard's consumer has the last dispatch its session holds.
async fn caught_up(server: &GatewayServer, seen: &PerShard, shards: u32) {
    tokio::time::timeout(Duration::from_secs(24 * 3600), async {
        loop {
            let done = (0..shards).all(|s| {
                let last = server.last_seq(s).unwrap_or(0);
                seen.lock().unwrap()[s as usize]
                    .last()
                    .copied()
                    .unwrap_or(0)
                    >= last
            });
            if done {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    })
    .await
    .expect("the consumer caught up");
}

/// Asserts that each shard's consumer saw `1..=last` of its session, once each, in order.
fn complete(server: &GatewayServer, seen: &PerShard, shards: u32) {
    let seen = seen.lock().unwrap();
    for s in 0..shards {
        let last = server.last_seq(s).unwrap();
        let got = &seen[s as usize];
        let expected: Vec<u64> = (1..=last).collect();
        assert_eq!(got.len(), expected.len(), "shard {s}: wrong count");
        assert!(
            *got == expected,
            "shard {s}: a gap, a duplicate or a reordering"
        );
    }
}

fn flood_config(events: usize) -> GatewayServerConfig {
    GatewayServerConfig {
        replay_buffer: 2 * events,
        send_queue_capacity: 2 * events,
        ..server_config()
    }
}

#[tokio::test(start_paused = true)]
async fn every_shard_of_a_sharded_gateway_gets_its_whole_sequence() {
    const SHARDS: u32 = 4;
    const PER_SHARD: usize = 5_000;
    let env = setup(flood_config(PER_SHARD)).await;
    let seen: PerShard = Arc::new(Mutex::new(vec![Vec::new(); SHARDS as usize]));
    let dispatcher = Dispatcher::new();
    let record = seen.clone();
    dispatcher.add_raw_handler(move |event: RawEvent, _ctx| {
        record.lock().unwrap()[event.shard_id as usize].push(event.seq);
        async {}
    });
    let config = client_config(&env, Compression::ZlibStream)
        .shards(Shards::all(SHARDS))
        .sink(dispatcher);
    let gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(600), handle.wait_connected())
        .await
        .unwrap();
    let batch = || std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), PER_SHARD / 2);
    for shard in 0..SHARDS {
        env.server.flood(shard, batch()).unwrap();
    }
    // One fault per shard, each of a different kind, while the floods are read.
    env.server.drop_connection(0);
    env.server.send_reconnect(1);
    env.server.invalidate_session(2, true);
    env.server.close(3, 4000);
    for shard in 0..SHARDS {
        env.server.flood(shard, batch()).unwrap();
    }
    caught_up(&env.server, &seen, SHARDS).await;
    complete(&env.server, &seen, SHARDS);
    assert_eq!(identifies(&env.server.events()), SHARDS as usize);
    handle.shutdown();
}

#[tokio::test(start_paused = true)]
async fn a_hundred_thousand_events_through_random_faults_arrive_once_in_order_per_shard() {
    const SHARDS: u32 = 2;
    const TOTAL: usize = 100_000;
    let env = setup(flood_config(TOTAL)).await;
    let config = client_config(&env, Compression::ZstdStream).shards(Shards::all(SHARDS));
    let mut gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    tokio::time::timeout(Duration::from_secs(600), handle.wait_connected())
        .await
        .unwrap();

    // The consumer: records every frame, and stalls when asked (for that many virtual ms).
    let seen: PerShard = Arc::new(Mutex::new(vec![Vec::new(); SHARDS as usize]));
    let stall = Arc::new(AtomicU64::new(0));
    let consumer = tokio::spawn({
        let (seen, stall) = (seen.clone(), stall.clone());
        async move {
            while let Some(frame) = gw.next_event().await {
                seen.lock().unwrap()[frame.shard_id as usize].push(frame.seq);
                let ms = stall.swap(0, Ordering::AcqRel);
                if ms > 0 {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                }
            }
        }
    });

    let server = &env.server;
    let mut rng = fastrand::Rng::with_seed(0x5eed_cafe);
    let mut sent = 0;
    let mut faults = [0usize; 7];
    while sent < TOTAL {
        let shard = rng.u32(..SHARDS);
        let n = rng.usize(200..4_000).min(TOTAL - sent);
        server
            .flood(shard, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), n))
            .unwrap();
        sent += n;
        let fault = rng.usize(..10);
        match fault {
            0 => {
                server.drop_connection(shard);
            }
            1 => {
                server.send_reconnect(shard);
            }
            2 => {
                server.invalidate_session(shard, true);
            }
            3 => {
                let codes = [4000, 4001, 4008, 1001, 1011];
                server.close(shard, codes[rng.usize(..codes.len())]);
            }
            4 => {
                // A zombie: ACKs stop until the client gives the connection up and connects
                // again.
                let connections = server.connection_count();
                server.set_acking(shard, false);
                tokio::time::timeout(Duration::from_secs(600), async {
                    while server.connection_count() == connections {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                })
                .await
                .expect("the zombie was noticed");
                server.set_acking(shard, true);
            }
            5 => stall.store(rng.u64(1_000..20_000), Ordering::Release),
            _ => {}
        }
        faults[fault.min(6)] += 1;
        tokio::time::sleep(Duration::from_millis(rng.u64(0..300))).await;
    }
    caught_up(server, &seen, SHARDS).await;
    complete(server, &seen, SHARDS);
    assert!(
        faults[..6].iter().all(|n| *n > 0),
        "every kind of fault struck: {faults:?}"
    );
    assert_eq!(
        identifies(&server.events()),
        SHARDS as usize,
        "no session was lost"
    );
    handle.shutdown();
    consumer.await.unwrap();
}
