//! The emulator survives careless or hostile clients with bounded memory: request bodies are
//! capped (413 as Discord), the request and dispatch logs and the rate-limit counters keep a
//! bounded amount, connections are capped and timed out (silent clients, half request heads,
//! stalled bodies, idle keep-alive), and thousands of clients that connect and vanish leave
//! nothing unbounded behind while a well-behaved client still works. Raw HTTP/1.1 and
//! WebSockets over TCP to 127.0.0.1 (or the REST side in memory), on tokio's paused clock so
//! the timeouts elapse at once.

use std::time::Duration;

use asyncord_testkit::gateway::GatewayServerConfig;
use asyncord_testkit::rest::{RestConfig, RestServer, World};
use asyncord_testkit::{ConnectionLimits, Emulator};
use bytes::Bytes;
use fastwebsockets::{FragmentCollector, Frame, OpCode, Payload, Role, WebSocket};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::task::JoinSet;
use tokio::time::Instant;

/// How long (virtual time) any one wait may take.
const WAIT: Duration = Duration::from_secs(120);

const UA: &str = "DiscordBot (https://example.com, 1.0)";

fn front_of(emu: &Emulator) -> String {
    emu.rest_url()
        .strip_prefix("http://")
        .and_then(|r| r.strip_suffix("/api/v10"))
        .unwrap()
        .to_owned()
}

/// Reads until the peer closes (or fails); `None` when it is still open after `wait`.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let read = async {
        let mut buf = [0_u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(wait, read).await.ok()?;
    Some(out)
}

/// One request on a fresh connection (`Connection: close`): status and JSON body.
async fn request(addr: &str, head: &str, body: &[u8]) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(format!("{head}\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    stream.write_all(body).await.unwrap();
    let out = closed_within(&mut stream, WAIT)
        .await
        .expect("a response in time");
    let text = String::from_utf8_lossy(&out);
    let status = text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, body)
}

fn gateway_bot(addr: &str, token: &str) -> String {
    format!(
        "GET /api/v10/gateway/bot HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bot {token}\r\n\
         User-Agent: {UA}"
    )
}

/// A raw gateway client over TCP: upgraded, HELLO read.
async fn gateway(addr: &str) -> FragmentCollector<TcpStream> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let request = format!(
        "GET /?v=10&encoding=json HTTP/1.1\r\nHost: {addr}\r\nUpgrade: websocket\r\n\
         Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
         Sec-WebSocket-Version: 13\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        head.push(stream.read_u8().await.unwrap());
    }
    assert!(head.starts_with(b"HTTP/1.1 101"));
    let mut ws = FragmentCollector::new(WebSocket::after_handshake(stream, Role::Client));
    assert_eq!(next(&mut ws).await["op"], 10);
    ws
}

async fn next(ws: &mut FragmentCollector<TcpStream>) -> Value {
    let frame = tokio::time::timeout(WAIT, ws.read_frame())
        .await
        .expect("a frame in time")
        .unwrap();
    assert_ne!(frame.opcode, OpCode::Close, "closed");
    serde_json::from_slice(&frame.payload).unwrap()
}

/// Identifies as shard `[shard, count]` and waits for READY.
async fn identify(ws: &mut FragmentCollector<TcpStream>, token: &str, shard: u32, count: u32) {
    let identify = json!({"op": 2, "d": {
        "token": token, "intents": 0, "shard": [shard, count],
        "properties": {"os": "l", "browser": "b", "device": "d"},
    }});
    ws.write_frame(Frame::text(Payload::Owned(
        identify.to_string().into_bytes(),
    )))
    .await
    .unwrap();
    while next(ws).await["t"] != "READY" {}
}

/// Polls `probe` every 10 ms (virtual) until it holds.
async fn until(what: &str, mut probe: impl FnMut() -> bool) {
    let wait = async {
        while !probe() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    tokio::time::timeout(WAIT, wait)
        .await
        .unwrap_or_else(|_| panic!("{what}: not in time"));
}

#[tokio::test(start_paused = true)]
async fn a_body_over_25_mib_is_answered_413_without_being_read() {
    let emu = Emulator::builder().port(0).start().await.unwrap();
    let addr = front_of(&emu);
    let channel = emu.channel_id();
    // Declared too large: answered at once, the body never sent.
    let (status, body) = request(
        &addr,
        &format!(
            "POST /api/v10/channels/{channel}/messages HTTP/1.1\r\nHost: {addr}\r\n\
             Authorization: Bot {}\r\nUser-Agent: {UA}\r\nContent-Type: application/json\r\n\
             Content-Length: {}",
            emu.token(),
            25 * 1024 * 1024 + 1
        ),
        b"",
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(
        body,
        json!({"message": "Request entity too large", "code": 40005})
    );
    let recorded = emu.requests();
    assert_eq!(recorded.len(), 1);
    assert_eq!((recorded[0].status, recorded[0].body.len()), (413, 0));

    // In memory too; 25 MiB exactly is handled.
    let in_memory = |len: usize| {
        http::Request::builder()
            .method("POST")
            .uri(format!("{}/channels/{channel}/messages", emu.rest().url()))
            .body(Bytes::from(vec![b' '; len]))
            .unwrap()
    };
    let response = emu.rest().handle(in_memory(25 * 1024 * 1024 + 1)).await;
    assert_eq!(response.status(), 413);
    let response = emu.rest().handle(in_memory(25 * 1024 * 1024)).await;
    assert_eq!(
        response.status(),
        401,
        "within the cap: on to authentication"
    );
    emu.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn a_chunked_body_over_the_cap_is_answered_413() {
    let emu = Emulator::builder()
        .port(0)
        .max_body_bytes(1024)
        .start()
        .await
        .unwrap();
    let addr = front_of(&emu);
    let chunk = format!("800\r\n{}\r\n", "x".repeat(0x800));
    let (status, body) = request(
        &addr,
        &format!(
            "POST /api/v10/channels/{}/messages HTTP/1.1\r\nHost: {addr}\r\n\
             Authorization: Bot {}\r\nUser-Agent: {UA}\r\nContent-Type: application/json\r\n\
             Transfer-Encoding: chunked",
            emu.channel_id(),
            emu.token(),
        ),
        format!("{chunk}0\r\n\r\n").as_bytes(),
    )
    .await;
    assert_eq!(status, 413);
    assert_eq!(body["code"], 40005);
    emu.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn the_request_log_keeps_the_most_recent_requests() {
    let (world, _) = World::seeded();
    let server = RestServer::in_memory(world, RestConfig::default());
    for i in 0..10_001 {
        let request = http::Request::builder()
            .uri(format!("{}/channels/{i}", server.url()))
            .body(Bytes::new())
            .unwrap();
        server.handle(request).await;
    }
    let requests = server.requests();
    assert_eq!(requests.len(), 10_000);
    assert_eq!(
        requests[0].path, "/channels/1",
        "the first one was forgotten"
    );
    assert_eq!(requests[9_999].path, "/channels/10000");

    // The bytes kept are bounded too.
    let (world, _) = World::seeded();
    let server = RestServer::in_memory(world, RestConfig::default().request_log(100, 10_000));
    for _ in 0..10 {
        let request = http::Request::builder()
            .method("POST")
            .uri(format!("{}/channels/1/messages", server.url()))
            .body(Bytes::from(vec![b'x'; 3_000]))
            .unwrap();
        server.handle(request).await;
    }
    let stats = server.stats();
    assert_eq!(stats.recorded_requests, 3);
    assert!(stats.recorded_bytes <= 10_000);
}

#[tokio::test(start_paused = true)]
async fn rate_limit_counters_for_client_chosen_resources_stay_bounded() {
    let (world, _) = World::seeded();
    let server = RestServer::in_memory(world, RestConfig::default().rate_limit_keys(100));
    // Webhook routes need no bot token; every id is a new top-level resource.
    for i in 0..1_000 {
        let request = http::Request::builder()
            .method("POST")
            .uri(format!("{}/webhooks/{i}/token-{i}", server.url()))
            .header("user-agent", UA)
            .header("content-type", "application/json")
            .body(Bytes::from_static(b"{\"content\":\"x\"}"))
            .unwrap();
        let response = server.handle(request).await;
        assert_eq!(response.status(), 404, "an unknown webhook, counted");
        assert!(server.stats().rate_limit_keys <= 100);
    }
    assert_eq!(server.stats().rate_limit_keys, 100);
}

#[tokio::test(start_paused = true)]
async fn the_dispatch_log_keeps_the_most_recent_dispatches() {
    let emu = Emulator::builder()
        .dispatch_log_capacity(100)
        .start()
        .await
        .unwrap();
    for batch in 0..10 {
        for i in 0..100 {
            let data = json!({"channel_id": "1", "n": batch * 100 + i});
            emu.world()
                .publish("TYPING_START", data, None, asyncord_model::Intents::empty());
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    until("the recorder caught up", || {
        emu.dispatches().last().map(|d| d.data["n"].clone()) == Some(json!(999))
    })
    .await;
    assert_eq!(emu.stats().recorded_dispatches, 100);
    let oldest = emu.next_event("TYPING_START").await.unwrap();
    assert_eq!(oldest.data["n"], 900);
}

#[tokio::test(start_paused = true)]
async fn silent_and_slow_clients_are_timed_out() {
    let emu = Emulator::builder().port(0).start().await.unwrap();
    let addr = front_of(&emu);

    // Connects and sends nothing.
    let mut silent = TcpStream::connect(&addr).await.unwrap();
    // Sends half a request head (slowloris).
    let mut half = TcpStream::connect(&addr).await.unwrap();
    half.write_all(b"GET /api/v10/gateway/bot HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        .await
        .unwrap();
    // Sends a whole head, then a body that stops half-way.
    let mut stalled = TcpStream::connect(&addr).await.unwrap();
    stalled
        .write_all(
            format!(
                "POST /api/v10/channels/1/messages HTTP/1.1\r\nHost: {addr}\r\n\
                 Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"content\""
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    // A request answered, then the connection kept idle.
    let mut idle = TcpStream::connect(&addr).await.unwrap();
    idle.write_all(format!("{}\r\n\r\n", gateway_bot(&addr, emu.token())).as_bytes())
        .await
        .unwrap();

    let started = Instant::now();
    for (what, stream) in [
        ("silent", &mut silent),
        ("half head", &mut half),
        ("stalled body", &mut stalled),
        ("idle keep-alive", &mut idle),
    ] {
        assert!(
            closed_within(stream, WAIT).await.is_some(),
            "the {what} connection is closed"
        );
    }
    let limits = ConnectionLimits::default();
    assert!(started.elapsed() >= limits.header_read_timeout.min(limits.idle_timeout));
    until("every connection ended", || {
        emu.stats().rest.connections == 0
    })
    .await;
    assert!(
        emu.requests().iter().all(|r| r.method == "GET"),
        "the stalled request was not handled"
    );
    let (status, _) = request(&addr, &gateway_bot(&addr, emu.token()), b"").await;
    assert_eq!(status, 200);
    emu.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn connections_beyond_the_cap_are_closed_at_once() {
    let emu = Emulator::builder().port(0).start().await.unwrap();
    let addr = front_of(&emu);
    let max = ConnectionLimits::default().max_connections;
    let mut open = Vec::new();
    for _ in 0..max {
        open.push(TcpStream::connect(&addr).await.unwrap());
    }
    until("every connection admitted", || {
        emu.stats().rest.connections == max
    })
    .await;
    let mut extra = TcpStream::connect(&addr).await.unwrap();
    assert!(
        closed_within(&mut extra, Duration::from_secs(1))
            .await
            .is_some(),
        "over the cap: closed at once"
    );
    assert!(
        closed_within(&mut open[max - 1], Duration::from_secs(1))
            .await
            .is_none(),
        "within the cap: still open"
    );
    drop(open);
    until("the connections ended", || {
        emu.stats().rest.connections == 0
    })
    .await;
    let (status, _) = request(&addr, &gateway_bot(&addr, emu.token()), b"").await;
    assert_eq!(status, 200);
    emu.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn thousands_of_clients_that_connect_and_vanish_leave_the_emulator_bounded() {
    const CLIENTS: u32 = 2_000;
    let gateway_config = GatewayServerConfig {
        // every client identifies as its own shard, so no IDENTIFY waits for another
        max_concurrency: CLIENTS,
        event_log_capacity: 1_000,
        ..GatewayServerConfig::default()
    };
    let emu = Emulator::builder()
        .port(0)
        .gateway_config(gateway_config.clone())
        .start()
        .await
        .unwrap();
    let addr = front_of(&emu);
    let token = emu.token().to_owned();

    // Gateway clients that identify, then vanish without a close frame.
    for batch in 0..CLIENTS / 50 {
        let mut clients = JoinSet::new();
        for shard in batch * 50..(batch + 1) * 50 {
            let (addr, token) = (addr.clone(), token.clone());
            clients.spawn(async move {
                let mut ws = gateway(&addr).await;
                identify(&mut ws, &token, shard, CLIENTS).await;
            });
        }
        while let Some(done) = clients.join_next().await {
            done.unwrap();
        }
    }
    // REST clients that send half a request, then vanish.
    for i in 0..CLIENTS {
        let mut stream = TcpStream::connect(&addr).await.unwrap();
        let half = format!("POST /api/v10/channels/{i}/messages HTTP/1.1\r\nHost: {addr}\r\nCont");
        stream.write_all(half.as_bytes()).await.unwrap();
    }
    until("every connection ended", || {
        let s = emu.stats();
        s.gateway.connections == 0 && s.gateway.socket_connections == 0 && s.rest.connections == 0
    })
    .await;

    let stats = emu.stats();
    assert_eq!(emu.gateway().identify_count(), CLIENTS as usize);
    assert_eq!(
        stats.gateway.resumable_sessions, gateway_config.max_resumable_sessions,
        "{stats:?}"
    );
    assert_eq!(
        stats.gateway.sessions,
        gateway_config.max_resumable_sessions
    );
    assert_eq!(stats.gateway.logged_events, 1_000);
    assert_eq!(
        stats.rest.recorded_requests, 0,
        "no half request was handled"
    );
    assert!(stats.recorded_dispatches <= 100_000);

    // Past the resume window, no session is left.
    tokio::time::sleep(gateway_config.resume_window).await;
    assert_eq!(emu.stats().gateway.sessions, 0);

    // A well-behaved client still works.
    let (status, body) = request(&addr, &gateway_bot(&addr, &token), b"").await;
    assert_eq!((status, &body["url"]), (200, &json!(emu.gateway_url())));
    let mut ws = gateway(&addr).await;
    identify(&mut ws, &token, 0, 1).await;
    assert_eq!(emu.stats().gateway.sessions, 1);
    emu.shutdown().await;
}

#[tokio::test(start_paused = true)]
async fn a_gateway_client_that_stops_reading_is_dropped_after_the_idle_timeout() {
    let emu = Emulator::builder().port(0).start().await.unwrap();
    let addr = front_of(&emu);
    let mut ws = gateway(&addr).await;
    identify(&mut ws, emu.token(), 0, 1).await;
    // The client reads nothing more: the socket's buffers fill, then the writer waits.
    let data = json!({"channel_id": "1", "pad": "x".repeat(10_000)}).to_string();
    for _ in 0..100 {
        emu.gateway()
            .flood(0, std::iter::repeat_n(("TYPING_START", data.as_str()), 50));
        tokio::task::yield_now().await;
    }
    let started = Instant::now();
    until("the connection dropped", || {
        emu.stats().gateway.socket_connections == 0
    })
    .await;
    assert!(started.elapsed() >= ConnectionLimits::default().idle_timeout);
    assert_eq!(emu.stats().gateway.resumable_sessions, 1);
    drop(ws);
    emu.shutdown().await;
}
