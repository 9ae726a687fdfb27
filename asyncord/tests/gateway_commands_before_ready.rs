//! Commands asked for while a connection is identifying or resuming wait until the session is
//! ready (READY or RESUMED): sent earlier, Discord would drop them.

mod gateway_fake;

use std::time::Duration;

use asyncord::gateway::{Compression, Gateway};
use asyncord::model::gateway::{Presence, Status};
use gateway_fake::{FakeConn, FakeGateway};

/// The ops of the frames the client sends within `window` (heartbeats answered).
async fn ops_within(conn: &mut FakeConn, window: Duration) -> Vec<u64> {
    let mut ops = Vec::new();
    let _ = tokio::time::timeout(window, async {
        while let Some(v) = conn.recv_json().await {
            let op = v["op"].as_u64().unwrap();
            if op == 1 {
                conn.ack().await.unwrap();
            }
            ops.push(op);
        }
    })
    .await;
    ops
}

#[tokio::test(start_paused = true)]
async fn a_command_sent_before_ready_waits_for_it() {
    let mut fake = FakeGateway::new();
    let gw = Gateway::connect(fake.client_config(Compression::None))
        .await
        .unwrap();
    let handle = gw.handle();
    let mut conn = fake.accept().await;
    conn.hello(41_250).await.unwrap();
    conn.expect_op(2).await.expect("IDENTIFY");

    // IDENTIFY sent, READY held back: the bot updates its presence meanwhile.
    handle
        .update_presence(Presence::new(Status::Idle))
        .await
        .expect("queued");
    let early = ops_within(&mut conn, Duration::from_secs(5)).await;
    assert!(!early.contains(&3), "sent before READY: {early:?}");

    conn.ready("s").await.unwrap();
    let after = ops_within(&mut conn, Duration::from_secs(5)).await;
    assert!(after.contains(&3), "sent once READY arrived: {after:?}");
    handle.shutdown();
}

#[tokio::test(start_paused = true)]
async fn a_command_sent_while_resuming_waits_for_resumed() {
    let mut fake = FakeGateway::new();
    let gw = Gateway::connect(fake.client_config(Compression::None))
        .await
        .unwrap();
    let handle = gw.handle();
    let mut conn = fake.accept().await;
    conn.handshake(41_250).await.unwrap();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .unwrap();
    // The server asks for a reconnect: the shard resumes on a new connection.
    conn.send(r#"{"t":null,"s":null,"op":7,"d":null}"#)
        .await
        .unwrap();
    let mut conn = fake.accept().await;
    conn.hello(41_250).await.unwrap();
    conn.expect_op(6).await.expect("RESUME");
    handle
        .update_presence(Presence::new(Status::Idle))
        .await
        .expect("queued");
    let early = ops_within(&mut conn, Duration::from_secs(5)).await;
    assert!(!early.contains(&3), "sent before RESUMED: {early:?}");
    conn.dispatch(2, "RESUMED", "{}").await.unwrap();
    let after = ops_within(&mut conn, Duration::from_secs(5)).await;
    assert!(after.contains(&3), "sent once RESUMED arrived: {after:?}");
    handle.shutdown();
}
