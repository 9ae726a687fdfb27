//! A gateway written by hand, for tests that need a server the emulator will not be: a hostile
//! one, or one that holds READY back. It speaks raw bytes over an in-memory pipe (for tests on
//! tokio's paused clock) or over TCP on 127.0.0.1: the HTTP upgrade, then WebSocket frames built
//! here byte by byte (RFC 6455), compressed by hand for `zlib-stream` and `zstd-stream`.
//!
//! It shares none of the client's code, so it can send what the client would never expect.
#![allow(dead_code)]

use std::io;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::gateway::{
    BoxedStream, Compression, ConnectFuture, Connector, GatewayAddress, GatewayConfig, Shards,
};
use asyncord::model::Intents;
use flate2::{Compress, FlushCompress};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;
use zstd::stream::raw::{Encoder, InBuffer, Operation, OutBuffer};

pub const TOKEN: &str = "fake-token";

/// WebSocket opcodes.
pub const TEXT: u8 = 0x1;
pub const BINARY: u8 = 0x2;
pub const CONTINUATION: u8 = 0x0;
pub const CLOSE: u8 = 0x8;

/// A connector whose every connection is an in-memory pipe; the server's end goes to the
/// [`FakeGateway`] that made it.
#[derive(Debug)]
pub struct PipeConnector {
    tx: mpsc::UnboundedSender<(GatewayAddress, tokio::io::DuplexStream)>,
    /// Hosts that refuse connections (a dead resume URL).
    dead_hosts: Vec<String>,
}

impl Connector for PipeConnector {
    fn connect<'a>(&'a self, url: &'a GatewayAddress) -> ConnectFuture<'a> {
        Box::pin(async move {
            if self.dead_hosts.contains(&url.host) {
                return Err(io::Error::new(
                    io::ErrorKind::ConnectionRefused,
                    "dead host",
                ));
            }
            let (client, server) = tokio::io::duplex(1 << 20);
            self.tx
                .send((url.clone(), server))
                .map_err(|_| io::Error::other("fake gateway gone"))?;
            Ok(Box::new(client) as BoxedStream)
        })
    }
}

/// The server side: hands out each connection the client opens.
pub struct FakeGateway {
    rx: mpsc::UnboundedReceiver<(GatewayAddress, tokio::io::DuplexStream)>,
    connector: Arc<PipeConnector>,
}

impl FakeGateway {
    /// A fake gateway reached through in-memory pipes.
    pub fn new() -> Self {
        Self::with_dead_hosts(&[])
    }

    /// One whose connector refuses connections to `dead_hosts`.
    pub fn with_dead_hosts(dead_hosts: &[&str]) -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        Self {
            rx,
            connector: Arc::new(PipeConnector {
                tx,
                dead_hosts: dead_hosts.iter().map(|h| (*h).to_owned()).collect(),
            }),
        }
    }

    /// A client configuration that connects here (`ws://fake.gateway`, one shard).
    pub fn client_config(&self, compression: Compression) -> GatewayConfig {
        GatewayConfig::new(TOKEN, Intents::GUILDS | Intents::GUILD_MESSAGES)
            .url("ws://fake.gateway")
            .shards(Shards::all(1))
            .compression(compression)
            .connector(self.connector.clone())
    }

    /// The next connection, upgraded (answered with 101); `None` after `within` of virtual time.
    pub async fn accept_within(&mut self, within: Duration) -> Option<FakeConn> {
        let (url, stream) = tokio::time::timeout(within, self.rx.recv()).await.ok()??;
        let mut conn = FakeConn::new(Box::new(stream));
        conn.url = Some(url);
        conn.upgrade().await.ok()?;
        Some(conn)
    }

    /// The next connection (failing the test after 10 virtual minutes).
    pub async fn accept(&mut self) -> FakeConn {
        self.accept_within(Duration::from_secs(600))
            .await
            .expect("the client did not connect")
    }
}

/// A stream the fake server talks over.
pub trait RawStream: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + Unpin {}
impl<T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Send + Unpin> RawStream for T {}

/// How the fake compresses what it sends.
pub enum Packer {
    None,
    Zlib(Box<Compress>),
    Zstd(Box<Encoder<'static>>),
}

impl Packer {
    pub fn new(compression: Compression) -> Self {
        match compression {
            Compression::None => Self::None,
            Compression::ZlibStream => {
                Self::Zlib(Box::new(Compress::new(flate2::Compression::fast(), true)))
            }
            Compression::ZstdStream => Self::Zstd(Box::new(Encoder::new(1).unwrap())),
        }
    }

    /// Compresses `chunks` (one message, given in pieces so a huge one needs no huge buffer),
    /// flushed so the message ends here.
    pub fn pack<'a>(&mut self, chunks: impl IntoIterator<Item = &'a [u8]>) -> Vec<u8> {
        let mut out = Vec::with_capacity(4096);
        match self {
            Self::None => {
                for c in chunks {
                    out.extend_from_slice(c);
                }
            }
            Self::Zlib(z) => {
                for c in chunks {
                    let start = z.total_in();
                    loop {
                        if out.capacity() - out.len() < 1024 {
                            out.reserve(out.capacity().max(4096));
                        }
                        let used = (z.total_in() - start) as usize;
                        z.compress_vec(&c[used..], &mut out, FlushCompress::None)
                            .unwrap();
                        if (z.total_in() - start) as usize == c.len() {
                            break;
                        }
                    }
                }
                loop {
                    if out.capacity() - out.len() < 1024 {
                        out.reserve(out.capacity().max(4096));
                    }
                    z.compress_vec(&[], &mut out, FlushCompress::Sync).unwrap();
                    if out.len() < out.capacity() && out.ends_with(&[0, 0, 0xff, 0xff]) {
                        break;
                    }
                }
            }
            Self::Zstd(e) => {
                for c in chunks {
                    let mut input = InBuffer::around(c);
                    while input.pos() < c.len() {
                        if out.capacity() - out.len() < 1024 {
                            out.reserve(out.capacity().max(4096));
                        }
                        let len = out.len();
                        let mut o = OutBuffer::around_pos(&mut out, len);
                        e.run(&mut input, &mut o).unwrap();
                    }
                }
                loop {
                    if out.capacity() - out.len() < 1024 {
                        out.reserve(out.capacity().max(4096));
                    }
                    let len = out.len();
                    let mut o = OutBuffer::around_pos(&mut out, len);
                    if e.flush(&mut o).unwrap() == 0 {
                        break;
                    }
                }
            }
        }
        out
    }
}

/// One connection, seen from the server.
pub struct FakeConn {
    stream: Box<dyn RawStream>,
    buf: Vec<u8>,
    /// The upgrade request's target (`/?v=10&encoding=json&compress=...`).
    pub target: String,
    /// Where the client connected.
    pub url: Option<GatewayAddress>,
    pub packer: Packer,
    /// The `resume_gateway_url` READY gives.
    pub resume_url: String,
}

impl FakeConn {
    pub fn new(stream: Box<dyn RawStream>) -> Self {
        Self {
            stream,
            buf: Vec::new(),
            target: String::new(),
            url: None,
            packer: Packer::None,
            resume_url: "ws://fake.gateway".to_owned(),
        }
    }

    /// Reads the upgrade request and answers 101 (the client does not check the accept key).
    /// The packer follows the requested `compress`.
    pub async fn upgrade(&mut self) -> io::Result<()> {
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            head.push(self.stream.read_u8().await?);
        }
        let head = String::from_utf8_lossy(&head).into_owned();
        head.split_whitespace()
            .nth(1)
            .unwrap_or_default()
            .clone_into(&mut self.target);
        self.packer = Packer::new(if self.target.contains("compress=zstd-stream") {
            Compression::ZstdStream
        } else if self.target.contains("compress=zlib-stream") {
            Compression::ZlibStream
        } else {
            Compression::None
        });
        self.stream
            .write_all(
                b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\
                  Connection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n",
            )
            .await?;
        self.stream.flush().await
    }

    /// A frame's header (server frames are not masked).
    pub fn header(fin: bool, opcode: u8, len: usize) -> Vec<u8> {
        let mut h = vec![(u8::from(fin) << 7) | opcode];
        if len < 126 {
            h.push(len as u8);
        } else if let Ok(len) = u16::try_from(len) {
            h.push(126);
            h.extend_from_slice(&len.to_be_bytes());
        } else {
            h.push(127);
            h.extend_from_slice(&(len as u64).to_be_bytes());
        }
        h
    }

    /// Writes raw bytes.
    pub async fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.stream.write_all(bytes).await?;
        self.stream.flush().await
    }

    /// Writes one frame.
    pub async fn frame(&mut self, fin: bool, opcode: u8, payload: &[u8]) -> io::Result<()> {
        let mut bytes = Self::header(fin, opcode, payload.len());
        bytes.extend_from_slice(payload);
        self.raw(&bytes).await
    }

    /// Sends one message as the connection's compression frames it (text when uncompressed,
    /// one binary frame otherwise).
    pub async fn send(&mut self, json: &str) -> io::Result<()> {
        if matches!(self.packer, Packer::None) {
            return self.frame(true, TEXT, json.as_bytes()).await;
        }
        let packed = self.packer.pack([json.as_bytes()]);
        self.frame(true, BINARY, &packed).await
    }

    pub async fn hello(&mut self, interval_ms: u64) -> io::Result<()> {
        self.send(&format!(
            r#"{{"t":null,"s":null,"op":10,"d":{{"heartbeat_interval":{interval_ms}}}}}"#
        ))
        .await
    }

    pub async fn ack(&mut self) -> io::Result<()> {
        self.send(r#"{"t":null,"s":null,"op":11,"d":null}"#).await
    }

    pub async fn dispatch(&mut self, seq: u64, name: &str, d: &str) -> io::Result<()> {
        self.send(&format!(r#"{{"t":"{name}","s":{seq},"op":0,"d":{d}}}"#))
            .await
    }

    pub async fn ready(&mut self, session: &str) -> io::Result<()> {
        let d = format!(
            r#"{{"v":10,"user":{{"id":"1","username":"bot"}},"guilds":[],"session_id":"{session}","resume_gateway_url":"{}","shard":[0,1],"application":{{"id":"1","flags":0}}}}"#,
            self.resume_url
        );
        self.dispatch(1, "READY", &d).await
    }

    /// The next complete message from the client (`None` once it closed or the pipe broke),
    /// with its opcode. Client frames are masked; fragments are joined.
    pub async fn recv(&mut self) -> Option<(u8, Vec<u8>)> {
        let mut message = Vec::new();
        let mut first_op = None;
        loop {
            let mut h = [0u8; 2];
            self.stream.read_exact(&mut h).await.ok()?;
            let fin = h[0] & 0x80 != 0;
            let op = h[0] & 0x0f;
            let len = match h[1] & 0x7f {
                126 => usize::from(self.stream.read_u16().await.ok()?),
                127 => usize::try_from(self.stream.read_u64().await.ok()?).ok()?,
                n => usize::from(n),
            };
            let mut mask = [0u8; 4];
            if h[1] & 0x80 != 0 {
                self.stream.read_exact(&mut mask).await.ok()?;
            }
            let mut payload = vec![0u8; len];
            self.stream.read_exact(&mut payload).await.ok()?;
            for (i, b) in payload.iter_mut().enumerate() {
                *b ^= mask[i % 4];
            }
            if op >= 0x8 {
                return Some((op, payload));
            }
            first_op.get_or_insert(op);
            message.extend_from_slice(&payload);
            if fin {
                return Some((first_op.unwrap_or(op), message));
            }
        }
    }

    /// The next text message from the client as JSON (close frames end it: `None`).
    pub async fn recv_json(&mut self) -> Option<serde_json::Value> {
        loop {
            let (op, payload) = self.recv().await?;
            match op {
                TEXT | BINARY => return serde_json::from_slice(&payload).ok(),
                CLOSE => return None,
                _ => {}
            }
        }
    }

    /// Waits for the client's next frame with opcode `gateway_op` (answering heartbeats).
    pub async fn expect_op(&mut self, gateway_op: u64) -> Option<serde_json::Value> {
        loop {
            let v = self.recv_json().await?;
            let op = v["op"].as_u64();
            if op == Some(gateway_op) {
                return Some(v);
            }
            if op == Some(1) {
                self.ack().await.ok()?;
            }
        }
    }

    /// Answers heartbeats until the client closes or goes away; returns the close code.
    pub async fn serve_heartbeats(&mut self) -> Option<u16> {
        loop {
            let (op, payload) = self.recv().await?;
            if op == CLOSE {
                return payload.get(..2).map(|c| u16::from_be_bytes([c[0], c[1]]));
            }
            if serde_json::from_slice::<serde_json::Value>(&payload)
                .is_ok_and(|v| v["op"].as_u64() == Some(1))
            {
                self.ack().await.ok()?;
            }
        }
    }

    /// HELLO, IDENTIFY, READY: a connected session.
    pub async fn handshake(&mut self, interval_ms: u64) -> io::Result<()> {
        self.hello(interval_ms).await?;
        self.expect_op(2)
            .await
            .ok_or_else(|| io::Error::other("no IDENTIFY"))?;
        self.ready("fake-session").await
    }
}

/// Log lines captured on the current thread (the tests' runtime is single-threaded, so every
/// task of the test logs here).
#[derive(Clone, Default)]
pub struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    /// Captures every log line of this thread while the guard lives.
    pub fn capture() -> (Self, tracing::subscriber::DefaultGuard) {
        let logs = Self::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::DEBUG)
            .with_writer(move || writer.clone())
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// The captured lines that contain every one of `parts`.
    pub fn lines_with(&self, parts: &[&str]) -> Vec<String> {
        self.text()
            .lines()
            .filter(|l| parts.iter().all(|p| l.contains(p)))
            .map(str::to_owned)
            .collect()
    }
}

impl io::Write for Logs {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        io::Write::write(&mut *self.0.lock().unwrap(), buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
