//! The emulator's gateway side: a loopback WebSocket server speaking gateway v10 as Discord does
//! ([docs](https://discord.com/developers/docs/events/gateway)).
//!
//! HELLO; IDENTIFY checked (the token with or without `Bot `; bad token 4004, privileged intents
//! not granted 4014, unknown intent bits 4013, bad shard 4010); READY then GUILD_CREATE per
//! guild; heartbeat ACKs; RESUME with replay of missed events from a buffer, else op 9;
//! `zlib-stream` and `zstd-stream` (or only what a foreign server supports:
//! [`GatewayCompressionSupport`]); 120 frames per 60 s enforced with 4008. Frames that are no
//! dispatch carry all four envelope keys, close frames Discord's reason text. Dispatches
//! published on the world's bus reach every session whose shard, guilds and intents cover them.
//! Tests script faults through [`GatewayServer`]'s methods: drop the connection, stop ACKing,
//! op 7, op 9 either way, any close code, raw (malformed) frames, arbitrary dispatches.
//!
//! The server listens on 127.0.0.1 and also serves in-memory connections
//! ([`GatewayServer::connector`]), which paused-clock tests use.

mod close;
mod compression;
mod conn;
mod deflate;
mod session;
mod world;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use asyncord_model::{Intents, Snowflake};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;
use tokio::time::Instant;

pub use compression::GatewayCompressionSupport;
pub use world::MemoryWorld;

use self::conn::Outgoing;
use self::session::{SessionEntry, control_text};
use super::GatewayWorld;
use crate::gateway::{ConnectFuture, Connector, GatewayAddress};

/// How the emulated gateway behaves.
#[derive(Clone, Debug)]
pub struct GatewayServerConfig {
    /// The heartbeat interval sent in HELLO (Discord: 41.25 s).
    pub heartbeat_interval: Duration,
    /// How many dispatches per session are kept for RESUME replay.
    pub replay_buffer: usize,
    /// The shard count `GET /gateway/bot` recommends.
    pub shards: u32,
    /// `max_concurrency` reported by `GET /gateway/bot`.
    pub max_concurrency: u32,
    /// `session_start_limit.total` reported by `GET /gateway/bot`.
    pub session_start_total: u32,
    /// Members per GUILD_MEMBERS_CHUNK.
    pub member_chunk_size: usize,
    /// Guilds one shard may hold before IDENTIFY gets 4011.
    pub max_guilds_per_shard: usize,
    /// Whether the 120/60 s limit is enforced.
    pub rate_limit: bool,
    /// Which transport compression is served (default: all of Discord's).
    pub compression: GatewayCompressionSupport,
}

impl Default for GatewayServerConfig {
    fn default() -> Self {
        Self {
            heartbeat_interval: Duration::from_millis(41_250),
            replay_buffer: 100_000,
            shards: 1,
            max_concurrency: 1,
            session_start_total: 1000,
            member_chunk_size: 1000,
            max_guilds_per_shard: 2500,
            rate_limit: true,
            compression: GatewayCompressionSupport::All,
        }
    }
}

/// Something the emulated gateway saw or did (for tests to assert on).
#[derive(Clone, Debug)]
pub struct ServerEvent {
    /// When (tokio clock).
    pub at: Instant,
    /// The connection (numbered from 1 in order of arrival).
    pub conn: u64,
    /// What happened.
    pub kind: ServerEventKind,
}

/// What a [`ServerEvent`] records.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ServerEventKind {
    /// A WebSocket connection opened, with its `compress` parameter.
    Connected {
        /// `compress`.
        compress: Option<String>,
    },
    /// An IDENTIFY was accepted.
    Identified {
        /// `[shard_id, num_shards]`.
        shard: [u32; 2],
        /// The intents.
        intents: Intents,
        /// The new session.
        session_id: String,
    },
    /// A RESUME was accepted.
    Resumed {
        /// The session.
        session_id: String,
        /// How many events were replayed.
        replayed: usize,
    },
    /// A RESUME was answered with op 9.
    ResumeRejected,
    /// A heartbeat arrived.
    Heartbeat {
        /// Its `d`.
        seq: Option<u64>,
    },
    /// A command (op 3, 4, 8, 31, 43) arrived.
    Command {
        /// The opcode.
        op: u8,
        /// Its `d`.
        data: serde_json::Value,
    },
    /// An IDENTIFY came too soon after another of the same `max_concurrency` bucket and was
    /// answered with op 9.
    IdentifyTooFast {
        /// The shard id.
        shard: u32,
    },
    /// The server closed the connection with a code.
    ClosedByServer {
        /// The close code.
        code: u16,
    },
    /// The client sent a close frame (or the stream failed: `None`).
    ClientClosed {
        /// The close code.
        code: Option<u16>,
    },
    /// The connection ended.
    Disconnected,
    /// A WebSocket handshake was refused with HTTP 400 because the server does not support its
    /// `compress` parameter (see [`GatewayCompressionSupport`]); its number is the one the
    /// connection would have had.
    HandshakeRefused {
        /// `compress`.
        compress: Option<String>,
    },
}

pub(crate) struct ConnEntry {
    pub id: u64,
    pub shard: Option<u32>,
    pub tx: mpsc::UnboundedSender<Outgoing>,
}

pub(crate) struct ServerInner {
    pub world: Arc<dyn GatewayWorld>,
    pub config: GatewayServerConfig,
    pub url: String,
    pub next_conn: AtomicU64,
    conns: Mutex<Vec<ConnEntry>>,
    sessions: Mutex<HashMap<String, Arc<SessionEntry>>>,
    latest: Mutex<HashMap<u32, Arc<SessionEntry>>>,
    not_acking: Mutex<HashSet<u32>>,
    identified_at: Mutex<HashMap<(Snowflake, u32), Instant>>,
    log: Mutex<Vec<ServerEvent>>,
    log_version: watch::Sender<u64>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ServerInner {
    pub(crate) fn conns_lock(&self) -> MutexGuard<'_, Vec<ConnEntry>> {
        lock(&self.conns)
    }

    pub(crate) fn log(&self, conn: u64, kind: ServerEventKind) {
        lock(&self.log).push(conn::event(conn, kind));
        self.log_version.send_modify(|v| *v += 1);
    }

    /// Records an IDENTIFY of `bot`'s shard; `false` when its bucket identified less than 5 s ago.
    pub(crate) fn identify_allowed(&self, bot: Snowflake, shard: u32) -> bool {
        let bucket = shard % self.config.max_concurrency.max(1);
        let now = Instant::now();
        let mut at = lock(&self.identified_at);
        if at
            .get(&(bot, bucket))
            .is_some_and(|t| now.duration_since(*t) < Duration::from_secs(5))
        {
            return false;
        }
        at.insert((bot, bucket), now);
        true
    }

    pub(crate) fn acking(&self, shard: u32) -> bool {
        !lock(&self.not_acking).contains(&shard)
    }

    pub(crate) fn add_session(&self, entry: &Arc<SessionEntry>, conn: u64) {
        lock(&self.sessions).insert(entry.id.clone(), entry.clone());
        lock(&self.latest).insert(entry.shard[0], entry.clone());
        self.set_conn_shard(conn, entry.shard[0]);
    }

    pub(crate) fn session(&self, id: &str) -> Option<Arc<SessionEntry>> {
        lock(&self.sessions).get(id).cloned()
    }

    pub(crate) fn remove_session(&self, id: &str) {
        lock(&self.sessions).remove(id);
        lock(&self.latest).retain(|_, s| s.id != id);
    }

    pub(crate) fn set_conn_shard(&self, conn: u64, shard: u32) {
        if let Some(c) = lock(&self.conns).iter_mut().find(|c| c.id == conn) {
            c.shard = Some(shard);
        }
    }

    fn to_shard(&self, shard: u32, out: &Outgoing) -> usize {
        let conns = lock(&self.conns);
        let mut n = 0;
        for c in conns.iter().filter(|c| c.shard == Some(shard)) {
            if c.tx.send(out.clone()).is_ok() {
                n += 1;
            }
        }
        n
    }

    fn route(&self, d: &crate::testkit::Dispatch) {
        let sessions: Vec<_> = lock(&self.sessions).values().cloned().collect();
        for s in sessions {
            if let Some(data) = s.route(d) {
                s.push(&d.event, &data);
            }
        }
    }
}

/// The in-memory connector: each connection is a `tokio::io::duplex` pipe served in-process.
struct MemoryConnector(Arc<ServerInner>);

impl Connector for MemoryConnector {
    fn connect<'a>(&'a self, _url: &'a GatewayAddress) -> ConnectFuture<'a> {
        Box::pin(async move {
            let (client, server) = tokio::io::duplex(256 * 1024);
            tokio::spawn(conn::serve(self.0.clone(), server));
            Ok(Box::new(client) as crate::gateway::BoxedStream)
        })
    }
}

/// A running emulated gateway.
pub struct GatewayServer {
    inner: Arc<ServerInner>,
    addr: SocketAddr,
    tasks: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for GatewayServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Drop for GatewayServer {
    fn drop(&mut self) {
        for t in &self.tasks {
            t.abort();
        }
    }
}

impl GatewayServer {
    /// Stops serving and returns once the listener socket and every session task are gone.
    pub async fn stop(mut self) {
        for t in std::mem::take(&mut self.tasks) {
            t.abort();
            let _ = t.await;
        }
    }

    /// Starts a server on 127.0.0.1 (a free port) reading `world`.
    pub async fn start(
        world: Arc<dyn GatewayWorld>,
        config: GatewayServerConfig,
    ) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let mut bus = world.dispatch_bus().subscribe();
        let inner = Arc::new(ServerInner {
            world,
            config,
            url: format!("ws://{addr}"),
            next_conn: AtomicU64::new(0),
            conns: Mutex::new(Vec::new()),
            sessions: Mutex::new(HashMap::new()),
            latest: Mutex::new(HashMap::new()),
            not_acking: Mutex::new(HashSet::new()),
            identified_at: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            log_version: watch::channel(0).0,
        });
        let accept_inner = inner.clone();
        let accept = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let _ = stream.set_nodelay(true);
                tokio::spawn(conn::serve(accept_inner.clone(), stream));
            }
        });
        let router_inner = Arc::downgrade(&inner);
        let router = tokio::spawn(async move {
            loop {
                match bus.recv().await {
                    Ok(d) => match router_inner.upgrade() {
                        Some(inner) => inner.route(&d),
                        None => return,
                    },
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(
                            missed = n,
                            "emulated gateway lagged behind the dispatch bus"
                        );
                    }
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
                }
            }
        });
        Ok(Self {
            inner,
            addr,
            tasks: vec![accept, router],
        })
    }

    /// The WebSocket URL (`ws://127.0.0.1:port`).
    pub fn url(&self) -> String {
        self.inner.url.clone()
    }

    /// The REST base that answers `GET /gateway/bot` (`http://127.0.0.1:port/api/v10`).
    pub fn api_base(&self) -> String {
        format!("http://{}/api/v10", self.addr)
    }

    /// The listening address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// A connector that opens in-memory connections to this server (no sockets; works on
    /// tokio's paused clock).
    pub fn connector(&self) -> Arc<dyn Connector> {
        Arc::new(MemoryConnector(self.inner.clone()))
    }

    /// Everything the server recorded so far.
    pub fn events(&self) -> Vec<ServerEvent> {
        lock(&self.inner.log).clone()
    }

    /// Waits until `pred` holds for the recorded events.
    pub async fn wait_for(&self, pred: impl Fn(&[ServerEvent]) -> bool) {
        let mut rx = self.inner.log_version.subscribe();
        loop {
            if pred(&lock(&self.inner.log)) {
                return;
            }
            if rx.changed().await.is_err() {
                return;
            }
        }
    }

    /// How many IDENTIFYs were accepted.
    pub fn identify_count(&self) -> usize {
        lock(&self.inner.log)
            .iter()
            .filter(|e| matches!(e.kind, ServerEventKind::Identified { .. }))
            .count()
    }

    /// How many connections were opened.
    pub fn connection_count(&self) -> usize {
        lock(&self.inner.log)
            .iter()
            .filter(|e| matches!(e.kind, ServerEventKind::Connected { .. }))
            .count()
    }

    /// The current session of a shard.
    pub fn session_id(&self, shard: u32) -> Option<String> {
        lock(&self.inner.latest).get(&shard).map(|s| s.id.clone())
    }

    /// The last sequence number of a shard's current session.
    pub fn last_seq(&self, shard: u32) -> Option<u64> {
        lock(&self.inner.latest).get(&shard).map(|s| s.seq())
    }

    /// Whether a shard's current session has a connection attached.
    pub fn is_connected(&self, shard: u32) -> bool {
        lock(&self.inner.latest)
            .get(&shard)
            .is_some_and(|s| s.connection().is_some())
    }

    /// Fault: drops the shard's connections without a close frame.
    pub fn drop_connection(&self, shard: u32) -> usize {
        self.inner.to_shard(shard, &Outgoing::Drop)
    }

    /// Fault: stops (or resumes) ACKing the shard's heartbeats.
    pub fn set_acking(&self, shard: u32, ack: bool) {
        let mut s = lock(&self.inner.not_acking);
        if ack {
            s.remove(&shard);
        } else {
            s.insert(shard);
        }
    }

    /// Sends op 7 RECONNECT to the shard.
    pub fn send_reconnect(&self, shard: u32) -> usize {
        self.inner
            .to_shard(shard, &Outgoing::Text(Arc::from(control_text(7, "null"))))
    }

    /// Sends op 1 (the server asking for a heartbeat now).
    pub fn request_heartbeat(&self, shard: u32) -> usize {
        self.inner
            .to_shard(shard, &Outgoing::Text(Arc::from(control_text(1, "null"))))
    }

    /// Sends op 9 INVALID_SESSION; with `resumable: false` the session is also forgotten.
    pub fn invalidate_session(&self, shard: u32, resumable: bool) -> usize {
        if !resumable && let Some(id) = self.session_id(shard) {
            self.inner.remove_session(&id);
        }
        let text = control_text(9, if resumable { "true" } else { "false" });
        self.inner.to_shard(shard, &Outgoing::Text(Arc::from(text)))
    }

    /// Closes the shard's connections with `code`; codes that end the session (4003, 4007,
    /// 4009 and the fatal ones) also forget it.
    pub fn close(&self, shard: u32, code: u16) -> usize {
        if matches!(code, 4003 | 4004 | 4007 | 4009..=4014)
            && let Some(id) = self.session_id(shard)
        {
            self.inner.remove_session(&id);
        }
        let conns: Vec<u64> = self
            .inner
            .conns_lock()
            .iter()
            .filter(|c| c.shard == Some(shard))
            .map(|c| c.id)
            .collect();
        for c in conns {
            self.inner.log(c, ServerEventKind::ClosedByServer { code });
        }
        self.inner.to_shard(shard, &Outgoing::Close(code))
    }

    /// Sends raw text (for example a malformed frame) to the shard, unsequenced.
    pub fn send_raw(&self, shard: u32, text: &str) -> usize {
        self.inner.to_shard(shard, &Outgoing::Text(Arc::from(text)))
    }

    /// Fault: sends `bytes` to the shard as one binary frame, bypassing transport compression
    /// (for example a corrupt compressed frame in the middle of a stream).
    pub fn send_raw_binary(&self, shard: u32, bytes: &[u8]) -> usize {
        self.inner
            .to_shard(shard, &Outgoing::Binary(Arc::from(bytes)))
    }

    /// Sends a dispatch to the shard's current session (sequenced and buffered for replay);
    /// returns its sequence number.
    pub fn dispatch(&self, shard: u32, event: &str, data: &serde_json::Value) -> Option<u64> {
        self.dispatch_raw(shard, event, &data.to_string())
    }

    /// Like [`GatewayServer::dispatch`] with `d` given as JSON text.
    pub fn dispatch_raw(&self, shard: u32, event: &str, data_json: &str) -> Option<u64> {
        let s = lock(&self.inner.latest).get(&shard).cloned()?;
        Some(s.push(event, data_json))
    }

    /// Sends many dispatches to the shard's current session; returns the last sequence number.
    pub fn flood<'a>(
        &self,
        shard: u32,
        events: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<u64> {
        let s = lock(&self.inner.latest).get(&shard).cloned()?;
        let mut last = None;
        for (event, data) in events {
            last = Some(s.push(event, data));
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use fastwebsockets::{Frame, OpCode, Payload};

    use super::*;
    use crate::gateway::{Compression, GatewayAddress};

    /// A raw client that ignores the client-side limiter: the emulator closes with 4008 at the
    /// 121st frame within a minute.
    #[tokio::test(start_paused = true)]
    async fn emulator_closes_4008_over_120_frames_per_minute() {
        let world = Arc::new(MemoryWorld::new());
        world.add_bot("t", 1, Intents::empty());
        let server = GatewayServer::start(world, GatewayServerConfig::default())
            .await
            .unwrap();
        let url = GatewayAddress::parse(&server.url()).unwrap();
        let (read, mut write) =
            crate::gateway::transport::open(&*server.connector(), &url, Compression::None)
                .await
                .unwrap();
        let mut read = fastwebsockets::FragmentCollectorRead::new(read);
        let mut no_send = |_| async { Ok::<_, std::convert::Infallible>(()) };
        let hello = read.read_frame(&mut no_send).await.unwrap();
        assert!(
            std::str::from_utf8(&hello.payload)
                .unwrap()
                .contains("\"op\":10")
        );
        let identify = r#"{"op":2,"d":{"token":"t","intents":0,"properties":{"os":"l","browser":"b","device":"d"}}}"#;
        write
            .write_frame(Frame::text(Payload::Borrowed(identify.as_bytes())))
            .await
            .unwrap();
        for _ in 0..120 {
            write
                .write_frame(Frame::text(Payload::Borrowed(br#"{"op":1,"d":null}"#)))
                .await
                .unwrap();
        }
        let code = loop {
            let f = read.read_frame(&mut no_send).await.unwrap();
            if f.opcode == OpCode::Close {
                break u16::from_be_bytes([f.payload[0], f.payload[1]]);
            }
        };
        assert_eq!(code, 4008);
        let events = server.events();
        let beats = events
            .iter()
            .filter(|e| matches!(e.kind, ServerEventKind::Heartbeat { .. }))
            .count();
        assert_eq!(
            beats, 119,
            "IDENTIFY + 119 heartbeats fit, the 121st frame does not"
        );
        assert!(
            events
                .iter()
                .any(|e| e.kind == ServerEventKind::ClosedByServer { code: 4008 })
        );
    }

    /// A client that stops heartbeating is timed out with 4009 and its session is gone.
    #[tokio::test(start_paused = true)]
    async fn emulator_times_out_a_silent_client_with_4009() {
        let world = Arc::new(MemoryWorld::new());
        world.add_bot("t", 1, Intents::empty());
        let server = GatewayServer::start(world, GatewayServerConfig::default())
            .await
            .unwrap();
        let url = GatewayAddress::parse(&server.url()).unwrap();
        let (read, mut write) =
            crate::gateway::transport::open(&*server.connector(), &url, Compression::ZlibStream)
                .await
                .unwrap();
        let mut read = fastwebsockets::FragmentCollectorRead::new(read);
        let mut no_send = |_| async { Ok::<_, std::convert::Infallible>(()) };
        let identify = r#"{"op":2,"d":{"token":"t","intents":1,"properties":{"os":"l","browser":"b","device":"d"}}}"#;
        write
            .write_frame(Frame::text(Payload::Borrowed(identify.as_bytes())))
            .await
            .unwrap();
        let start = Instant::now();
        let code = loop {
            let f = read.read_frame(&mut no_send).await.unwrap();
            if f.opcode == OpCode::Close {
                break u16::from_be_bytes([f.payload[0], f.payload[1]]);
            }
        };
        assert_eq!(code, 4009);
        assert!(start.elapsed() >= Duration::from_millis(82_500));
        assert_eq!(server.identify_count(), 1);
        assert_eq!(server.session_id(0), None);
    }
}
