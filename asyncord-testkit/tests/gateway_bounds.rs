//! What one gateway client can make the emulated gateway hold is bounded: messages it sends
//! (4096 bytes, as Discord, else 4002), frames it does not read (its send queue; then it is
//! dropped), sessions it leaves without resuming (forgotten after the resume window, and at most
//! `max_resumable_sessions`), and the event log. In-memory connections on tokio's paused clock.

use std::sync::Arc;
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_testkit::gateway::{GatewayServer, GatewayServerConfig, MemoryWorld, ServerEventKind};
use fastwebsockets::{Frame, OpCode, Payload, Role, WebSocket};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream};

/// How long (virtual time) any one wait may take.
const WAIT: Duration = Duration::from_secs(600);

type Ws = WebSocket<DuplexStream>;

async fn server(config: GatewayServerConfig) -> GatewayServer {
    let world = Arc::new(MemoryWorld::new());
    world.add_bot("t", 1, Intents::empty());
    GatewayServer::start(world, config).await.unwrap()
}

/// An in-memory connection upgraded by hand, its HELLO read.
async fn open(server: &GatewayServer) -> Ws {
    let mut stream = server.connect_in_memory();
    let request = "GET /?v=10&encoding=json HTTP/1.1\r\nHost: 127.0.0.1\r\n\
                   Upgrade: websocket\r\nConnection: Upgrade\r\n\
                   Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        head.push(stream.read_u8().await.unwrap());
    }
    assert!(head.starts_with(b"HTTP/1.1 101"));
    let mut ws = WebSocket::after_handshake(stream, Role::Client);
    ws.set_auto_close(false);
    let hello = next(&mut ws).await;
    assert_eq!(hello["op"], 10);
    ws
}

/// The next frame: JSON, or `{"close": code}`.
async fn next(ws: &mut Ws) -> Value {
    let frame = tokio::time::timeout(WAIT, ws.read_frame())
        .await
        .expect("a frame in time")
        .unwrap();
    if frame.opcode == OpCode::Close {
        return json!({"close": u16::from_be_bytes([frame.payload[0], frame.payload[1]])});
    }
    serde_json::from_slice(&frame.payload).unwrap()
}

async fn send(ws: &mut Ws, text: &str) {
    ws.write_frame(Frame::text(Payload::Borrowed(text.as_bytes())))
        .await
        .unwrap();
}

/// Identifies as shard `[shard, count]`; returns READY's session id.
async fn identify(ws: &mut Ws, shard: u32, count: u32) -> String {
    let identify = json!({"op": 2, "d": {
        "token": "t", "intents": 0, "shard": [shard, count],
        "properties": {"os": "l", "browser": "b", "device": "d"},
    }});
    send(ws, &identify.to_string()).await;
    loop {
        let f = next(ws).await;
        if f["t"] == "READY" {
            return f["d"]["session_id"].as_str().unwrap().to_owned();
        }
    }
}

/// Resumes `session` from sequence `seq` on a new connection; returns the first frame answered
/// that is no replayed dispatch (RESUMED, op 9, a close).
async fn resume(server: &GatewayServer, session: &str, seq: u64) -> Value {
    let mut ws = open(server).await;
    let resume = json!({"op": 6, "d": {"token": "t", "session_id": session, "seq": seq}});
    send(&mut ws, &resume.to_string()).await;
    loop {
        let f = next(&mut ws).await;
        if f["t"] == "RESUMED" || f["op"] != 0 {
            return f;
        }
    }
}

/// Waits until the server saw `n` connections end.
async fn disconnected(server: &GatewayServer, n: usize) {
    let ended = server.wait_for(|ev| {
        ev.iter()
            .filter(|e| e.kind == ServerEventKind::Disconnected)
            .count()
            >= n
    });
    tokio::time::timeout(WAIT, ended)
        .await
        .expect("the connections ended");
}

/// A heartbeat of exactly `len` bytes (padded with a field the server ignores).
fn heartbeat_of(len: usize) -> String {
    let head = r#"{"op":1,"d":null,"pad":""#;
    let pad = "x".repeat(len - head.len() - 2);
    format!("{head}{pad}\"}}")
}

#[tokio::test(start_paused = true)]
async fn a_session_left_without_resuming_is_forgotten_after_the_resume_window() {
    let server = server(GatewayServerConfig::default()).await;
    let mut ws = open(&server).await;
    let session = identify(&mut ws, 0, 1).await;
    drop(ws); // no close frame: the session stays resumable
    disconnected(&server, 1).await;

    // Within the window, RESUME works.
    tokio::time::sleep(Duration::from_secs(120)).await;
    assert_eq!(resume(&server, &session, 1).await["t"], "RESUMED");
    disconnected(&server, 2).await;

    // Past it, the session is gone: op 9, not resumable.
    tokio::time::sleep(Duration::from_secs(181)).await;
    let answer = resume(&server, &session, 2).await;
    assert_eq!((&answer["op"], &answer["d"]), (&json!(9), &json!(false)));
    assert!(
        server
            .events()
            .iter()
            .any(|e| e.kind == ServerEventKind::ResumeRejected)
    );
    assert_eq!(server.stats().sessions, 0);
}

#[tokio::test(start_paused = true)]
async fn resumable_sessions_are_bounded_and_the_longest_detached_go_first() {
    let server = server(GatewayServerConfig {
        max_concurrency: 150,
        max_resumable_sessions: 100,
        ..GatewayServerConfig::default()
    })
    .await;
    let mut sessions = Vec::new();
    for shard in 0..150 {
        let mut ws = open(&server).await;
        sessions.push(identify(&mut ws, shard, 150).await);
        drop(ws);
        disconnected(&server, shard as usize + 1).await;
        assert!(server.stats().resumable_sessions <= 100);
    }
    let stats = server.stats();
    assert_eq!((stats.sessions, stats.resumable_sessions), (100, 100));
    assert_eq!(resume(&server, &sessions[0], 1).await["op"], 9);
    assert_eq!(resume(&server, &sessions[149], 1).await["t"], "RESUMED");
}

#[tokio::test(start_paused = true)]
async fn a_message_over_4096_bytes_is_closed_with_4002() {
    let server = server(GatewayServerConfig::default()).await;
    let mut ws = open(&server).await;
    send(&mut ws, &heartbeat_of(4096)).await;
    assert_eq!(next(&mut ws).await["op"], 11, "4096 bytes are fine");
    send(&mut ws, &heartbeat_of(4097)).await;
    assert_eq!(next(&mut ws).await["close"], 4002);

    // Fragments count together.
    let mut ws = open(&server).await;
    let text = heartbeat_of(6000);
    let (first, second) = text.as_bytes().split_at(3000);
    ws.write_frame(Frame::new(
        false,
        OpCode::Text,
        None,
        Payload::Borrowed(first),
    ))
    .await
    .unwrap();
    ws.write_frame(Frame::new(
        true,
        OpCode::Continuation,
        None,
        Payload::Borrowed(second),
    ))
    .await
    .unwrap();
    assert_eq!(next(&mut ws).await["close"], 4002);
    disconnected(&server, 2).await;
}

#[tokio::test(start_paused = true)]
async fn a_client_that_stops_reading_is_dropped_and_may_resume() {
    let server = server(GatewayServerConfig {
        send_queue_capacity: 1_000,
        ..GatewayServerConfig::default()
    })
    .await;
    let mut ws = open(&server).await;
    let session = identify(&mut ws, 0, 1).await;
    // A client that reads keeps up with bursts its queue holds.
    let data = json!({"channel_id": "1", "pad": "x".repeat(1_000)}).to_string();
    server.flood(0, std::iter::repeat_n(("TYPING_START", data.as_str()), 900));
    for _ in 0..900 {
        assert_eq!(next(&mut ws).await["t"], "TYPING_START");
    }
    // Now it stops reading: the pipe fills, then the queue, then the connection is dropped.
    for _ in 0..20 {
        server.flood(0, std::iter::repeat_n(("TYPING_START", data.as_str()), 100));
        tokio::task::yield_now().await;
    }
    disconnected(&server, 1).await;
    assert!(
        server
            .events()
            .iter()
            .any(|e| e.kind == ServerEventKind::SendQueueFull { capacity: 1_000 })
    );
    assert_eq!(server.stats().resumable_sessions, 1);
    drop(ws);
    // The session resumes: what was not read is replayed.
    assert_eq!(resume(&server, &session, 901).await["t"], "RESUMED");
}

#[tokio::test(start_paused = true)]
async fn the_event_log_keeps_the_most_recent_events_and_counts_all() {
    let server = server(GatewayServerConfig {
        rate_limit: false,
        ..GatewayServerConfig::default()
    })
    .await;
    let mut ws = open(&server).await;
    for _ in 0..10_050 {
        send(&mut ws, r#"{"op":1,"d":null}"#).await;
    }
    for _ in 0..10_050 {
        assert_eq!(next(&mut ws).await["op"], 11, "every heartbeat is ACKed");
    }
    let events = server.events();
    assert_eq!(events.len(), 10_000);
    assert!(
        events
            .iter()
            .all(|e| matches!(e.kind, ServerEventKind::Heartbeat { .. })),
        "the oldest events (the connection) were forgotten"
    );
    assert_eq!(server.connection_count(), 1, "counted all the same");
    assert_eq!(server.stats().logged_events, 10_000);
}
