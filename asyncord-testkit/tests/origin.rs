//! Only requests naming a loopback host, from no web page or a loopback one, are answered over
//! the emulator's sockets: a page in a browser (DNS rebinding, a cross-site request or
//! WebSocket) must not reach the printed tokens. Raw HTTP/1.1 over TCP to 127.0.0.1, on the
//! front port and on each side's own port.

use std::time::Duration;

use asyncord_testkit::Emulator;
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const WAIT: Duration = Duration::from_secs(10);

/// Sends `head` (request line and headers, without the blank line) and returns the status and
/// the body as JSON (`Null` when none or not JSON).
async fn request(addr: &str, head: &str) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(format!("{head}\r\nConnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    let mut out = Vec::new();
    tokio::time::timeout(WAIT, stream.read_to_end(&mut out))
        .await
        .expect("a response in time")
        .unwrap();
    let text = String::from_utf8_lossy(&out);
    let status = text
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {text:?}"));
    let body = text
        .split_once("\r\n\r\n")
        .and_then(|(_, b)| serde_json::from_str(b).ok())
        .unwrap_or(Value::Null);
    (status, body)
}

/// `GET /api/v10/gateway/bot` with a valid token and these extra header lines.
fn gateway_bot(token: &str, headers: &str) -> String {
    format!(
        "GET /api/v10/gateway/bot HTTP/1.1\r\nAuthorization: Bot {token}\r\n\
         User-Agent: DiscordBot (https://example.com, 1.0)\r\n{headers}"
    )
}

/// A WebSocket upgrade with these extra header lines.
fn upgrade(headers: &str) -> String {
    format!(
        "GET /?v=10&encoding=json HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
         Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n{headers}"
    )
}

/// The status of an upgrade: only the response head is read (a 101 keeps the socket open).
async fn upgrade_status(addr: &str, headers: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(format!("{}\r\n\r\n", upgrade(headers).trim_end()).as_bytes())
        .await
        .unwrap();
    let mut out = Vec::new();
    let read = async {
        let mut buf = [0_u8; 1024];
        while !out.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buf).await.unwrap();
            assert!(n > 0, "closed before the response head");
            out.extend_from_slice(&buf[..n]);
        }
        // A refusal's body follows its head, then the connection is closed.
        if !out.starts_with(b"HTTP/1.1 101") {
            let _ = stream.read_to_end(&mut out).await;
        }
    };
    tokio::time::timeout(WAIT, read)
        .await
        .expect("a response in time");
    let text = String::from_utf8_lossy(&out).into_owned();
    (text[9..12].parse().unwrap(), text)
}

fn addr_of(url: &str) -> String {
    url.split("//")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loopback_hosts_and_origins_are_answered_others_get_403() {
    let emu = Emulator::builder().port(0).start().await.unwrap();
    let front = addr_of(&emu.rest_url());
    let port = front.rsplit(':').next().unwrap();
    let token = emu.token().to_owned();

    // Clients that are no browser: a loopback Host, no Origin.
    for host in [
        front.clone(),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, body) = request(&front, &gateway_bot(&token, &format!("Host: {host}"))).await;
        assert_eq!(status, 200, "Host {host}: {body}");
        assert_eq!(body["url"], emu.gateway_url());
    }
    // A page served from this machine.
    let (status, _) = request(
        &front,
        &gateway_bot(
            &token,
            &format!("Host: {front}\r\nOrigin: http://localhost:3000"),
        ),
    )
    .await;
    assert_eq!(status, 200);

    // DNS rebinding: the browser names the attacker's host.
    let (status, body) = request(
        &front,
        &gateway_bot(&token, &format!("Host: rebind.attacker.example:{port}")),
    )
    .await;
    assert_eq!(status, 403);
    let message = body["message"].as_str().unwrap();
    assert!(
        message.starts_with("403: Forbidden") && message.contains("rebind.attacker.example"),
        "{message}"
    );
    // A cross-site request: the browser names the page's origin.
    let (status, body) = request(
        &front,
        &gateway_bot(
            &token,
            &format!("Host: {front}\r\nOrigin: https://attacker.example"),
        ),
    )
    .await;
    assert_eq!(status, 403);
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("https://attacker.example")
    );
    let (status, _) = request(
        &front,
        &gateway_bot(&token, &format!("Host: {front}\r\nOrigin: null")),
    )
    .await;
    assert_eq!(status, 403, "a sandboxed page or a file");
    let recorded = emu.requests();
    assert_eq!(recorded.len(), 4, "refused requests never reach the API");
    assert!(recorded.iter().all(|r| r.status == 200));

    // WebSocket upgrades, on the front port and the gateway's own port.
    let gateway_port = emu.gateway().addr().to_string();
    for addr in [&front, &gateway_port] {
        let (status, _) = upgrade_status(addr, &format!("Host: {addr}")).await;
        assert_eq!(status, 101);
        let (status, _) = upgrade_status(
            addr,
            &format!("Host: {addr}\r\nOrigin: http://127.0.0.1:8080"),
        )
        .await;
        assert_eq!(status, 101);
        let (status, text) = upgrade_status(
            addr,
            &format!("Host: {addr}\r\nOrigin: https://attacker.example"),
        )
        .await;
        assert_eq!(status, 403, "{text}");
        assert!(text.contains("not a loopback origin"), "{text}");
        let (status, _) = upgrade_status(addr, "Host: attacker.example").await;
        assert_eq!(status, 403);
    }
    // The REST side's own port checks too.
    let rest_port = emu.rest().addr().unwrap().to_string();
    let (status, _) = request(
        &rest_port,
        &gateway_bot(&token, &format!("Host: {rest_port}")),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = request(&rest_port, &gateway_bot(&token, "Host: attacker.example")).await;
    assert_eq!(status, 403);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hosts_and_origins_allowed_for_a_proxy_are_answered() {
    let emu = Emulator::builder()
        .port(0)
        .allow_host("emulator.internal")
        .allow_origin("https://dashboard.example")
        .start()
        .await
        .unwrap();
    let front = addr_of(&emu.rest_url());
    let token = emu.token().to_owned();
    let (status, _) = request(&front, &gateway_bot(&token, "Host: emulator.internal:443")).await;
    assert_eq!(status, 200);
    let (status, _) = request(
        &front,
        &gateway_bot(
            &token,
            "Host: emulator.internal\r\nOrigin: https://dashboard.example",
        ),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = upgrade_status(
        &front,
        "Host: emulator.internal\r\nOrigin: https://dashboard.example",
    )
    .await;
    assert_eq!(status, 101);
    let (status, _) = request(&front, &gateway_bot(&token, "Host: other.example")).await;
    assert_eq!(status, 403);
    let (status, _) = upgrade_status(
        &front,
        "Host: emulator.internal\r\nOrigin: https://other.example",
    )
    .await;
    assert_eq!(status, 403);
    emu.shutdown().await;
}
