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
//! ([`GatewayServer::connect_in_memory`], [`GatewayEndpoint`]), which paused-clock tests use.
//!
//! What a client can make it hold is bounded (see [`GatewayServerConfig`]): frames it sends
//! (4096 bytes, as Discord, else 4002), what waits to be sent to it (a client that stops reading
//! is dropped), sessions it left without resuming (forgotten after the resume window, and at
//! most so many), the event log; over a socket, also the connections, the handshake's head
//! timeout and the `Host` and `Origin` it may name
//! ([`ConnectionLimits`](crate::ConnectionLimits), [`OriginPolicy`](crate::OriginPolicy)).

mod close;
mod compression;
mod config;
mod conn;
mod deflate;
mod event_log;
mod handshake;
mod outbox;
mod server_event;
mod session;
mod session_store;
mod world;

use std::collections::{HashMap, HashSet};
use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use asyncord_model::UserId;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio::time::Instant;

pub use compression::GatewayCompressionSupport;
pub use config::{DISCORD_MAX_CLIENT_FRAME, GatewayServerConfig};
pub use server_event::{ServerEvent, ServerEventKind};
pub use world::{GatewayWorld, MemoryWorld};

pub(crate) use self::handshake::serve_socket;

use self::conn::Outgoing;
use self::event_log::EventLog;
use self::outbox::Outbox;
use self::session::{SessionEntry, control_text};
use self::session_store::SessionStore;
use crate::connections::ConnectionGate;

/// What the gateway side holds now (see [`GatewayServer::stats`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GatewayStats {
    /// Open WebSocket connections (socket and in-memory).
    pub connections: usize,
    /// Open socket connections (HTTP or WebSocket) on the gateway port or handed over by the
    /// front port.
    pub socket_connections: usize,
    /// Sessions kept: attached to a connection or resumable.
    pub sessions: usize,
    /// Sessions without a connection, kept for RESUME.
    pub resumable_sessions: usize,
    /// Events kept in the event log.
    pub logged_events: usize,
}

pub(crate) struct ConnEntry {
    pub id: u64,
    pub shard: Option<u32>,
    pub tx: Outbox,
}

pub(crate) struct ServerInner {
    pub world: Arc<dyn GatewayWorld>,
    pub config: GatewayServerConfig,
    pub url: String,
    pub next_conn: AtomicU64,
    conns: Mutex<Vec<ConnEntry>>,
    sessions: Mutex<SessionStore>,
    not_acking: Mutex<HashSet<u32>>,
    identified_at: Mutex<HashMap<(UserId, u32), Instant>>,
    log: Mutex<EventLog>,
    log_version: watch::Sender<u64>,
    /// The open socket connections.
    pub gate: ConnectionGate,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ServerInner {
    pub(crate) fn conns_lock(&self) -> MutexGuard<'_, Vec<ConnEntry>> {
        lock(&self.conns)
    }

    /// The shards that have a connection.
    pub(crate) fn connected_shards(&self) -> Vec<u32> {
        let mut shards: Vec<u32> = lock(&self.conns).iter().filter_map(|c| c.shard).collect();
        shards.sort_unstable();
        shards.dedup();
        shards
    }

    pub(crate) fn log(&self, conn: u64, kind: ServerEventKind) {
        lock(&self.log).push(conn::event(conn, kind));
        self.log_version.send_modify(|v| *v += 1);
    }

    /// Records an IDENTIFY of `bot`'s shard; `false` when its bucket identified less than 5 s ago.
    pub(crate) fn identify_allowed(&self, bot: UserId, shard: u32) -> bool {
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

    /// The sessions, after forgetting the expired ones (see [`session_store`]).
    fn sessions(&self) -> MutexGuard<'_, SessionStore> {
        let mut sessions = lock(&self.sessions);
        let gone = sessions.expire(
            Instant::now(),
            self.config.resume_window,
            self.config.max_resumable_sessions,
        );
        if !gone.is_empty() {
            tracing::debug!(
                sessions = gone.len(),
                "emulated gateway: forgot sessions not resumed in time"
            );
        }
        sessions
    }

    pub(crate) fn add_session(&self, entry: &Arc<SessionEntry>, conn: u64) {
        self.sessions().insert(entry);
        self.set_conn_shard(conn, entry.shard[0]);
    }

    pub(crate) fn session(&self, id: &str) -> Option<Arc<SessionEntry>> {
        self.sessions().get(id)
    }

    /// The latest session of a shard.
    fn latest(&self, shard: u32) -> Option<Arc<SessionEntry>> {
        self.sessions().latest(shard).cloned()
    }

    pub(crate) fn remove_session(&self, id: &str) {
        lock(&self.sessions).remove(id);
    }

    /// Connection `conn` ended: its session (if it is still attached there) becomes
    /// resumable, within the bounds.
    pub(crate) fn detach_session(&self, session: &SessionEntry, conn: u64) {
        session.detach(conn);
        drop(self.sessions());
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
            if c.tx.send(out.clone()) {
                n += 1;
            }
        }
        n
    }

    fn route(&self, d: &crate::dispatch::Dispatch) {
        let sessions = self.sessions().all();
        for s in sessions {
            if let Some(data) = s.route(d) {
                s.push(&d.event, &data);
            }
        }
    }
}

/// The gateway reached without a socket (see [`GatewayServer::endpoint`]): each
/// [`connect`](Self::connect) is a `tokio::io::duplex` pipe served in-process, over which the
/// client speaks HTTP/1.1 and upgrades to a WebSocket as it would over TCP. asyncord's gateway
/// uses one as its connector.
#[derive(Clone)]
pub struct GatewayEndpoint(Arc<ServerInner>);

impl std::fmt::Debug for GatewayEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("GatewayEndpoint").field(&self.0.url).finish()
    }
}

/// The buffer of each direction of an in-memory gateway connection.
const PIPE_CAPACITY: usize = 256 * 1024;

impl GatewayEndpoint {
    /// Opens a connection: the client's end of a byte pipe whose other end the server serves
    /// (in a task of the current tokio runtime).
    ///
    /// # Panics
    /// When called outside a tokio runtime.
    pub fn connect(&self) -> tokio::io::DuplexStream {
        let (client, server) = tokio::io::duplex(PIPE_CAPACITY);
        tokio::spawn(handshake::serve(Arc::clone(&self.0), server, None));
        client
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
            url: format!("ws://{addr}"),
            next_conn: AtomicU64::new(0),
            conns: Mutex::new(Vec::new()),
            sessions: Mutex::new(SessionStore::default()),
            not_acking: Mutex::new(HashSet::new()),
            identified_at: Mutex::new(HashMap::new()),
            log: Mutex::new(EventLog::new(config.event_log_capacity)),
            log_version: watch::channel(0).0,
            gate: ConnectionGate::new(config.connections.max_connections),
            config,
        });
        let accept_inner = inner.clone();
        let accept = tokio::spawn(async move {
            loop {
                let stream = match listener.accept().await {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        crate::connections::accept_failed("gateway", &e).await;
                        continue;
                    }
                };
                let Some(admission) = accept_inner.gate.admit("gateway") else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(handshake::serve_socket(
                    accept_inner.clone(),
                    stream,
                    admission,
                ));
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

    /// Opens an in-memory connection to this server (no socket; works on tokio's paused
    /// clock): the client's end of a byte pipe, to upgrade to a WebSocket as over TCP.
    ///
    /// # Panics
    /// When called outside a tokio runtime.
    pub fn connect_in_memory(&self) -> tokio::io::DuplexStream {
        self.endpoint().connect()
    }

    /// A cheap, cloneable handle that opens in-memory connections as
    /// [`connect_in_memory`](Self::connect_in_memory) does, and outlives a borrow of the server
    /// (a client's connector holds one).
    pub fn endpoint(&self) -> GatewayEndpoint {
        GatewayEndpoint(Arc::clone(&self.inner))
    }

    /// What the server recorded so far: the most recent
    /// [`GatewayServerConfig::event_log_capacity`] events.
    pub fn events(&self) -> Vec<ServerEvent> {
        lock(&self.inner.log).as_slice().to_vec()
    }

    /// Waits until `pred` holds for the recorded events.
    pub async fn wait_for(&self, pred: impl Fn(&[ServerEvent]) -> bool) {
        let mut rx = self.inner.log_version.subscribe();
        loop {
            if pred(lock(&self.inner.log).as_slice()) {
                return;
            }
            if rx.changed().await.is_err() {
                return;
            }
        }
    }

    /// How many IDENTIFYs were accepted since the start.
    pub fn identify_count(&self) -> usize {
        lock(&self.inner.log).identifies()
    }

    /// How many WebSocket connections were opened since the start.
    pub fn connection_count(&self) -> usize {
        lock(&self.inner.log).connections()
    }

    /// What the gateway side holds now: connections, sessions (attached or resumable) and
    /// the event log's length, each bounded by the configuration. Expired sessions are
    /// forgotten first.
    pub fn stats(&self) -> GatewayStats {
        let (sessions, resumable_sessions) = self.inner.sessions().counts();
        GatewayStats {
            connections: self.inner.conns_lock().len(),
            socket_connections: self.inner.gate.open(),
            sessions,
            resumable_sessions,
            logged_events: lock(&self.inner.log).len(),
        }
    }

    /// The shared state, for the front port.
    pub(crate) fn inner(&self) -> Arc<ServerInner> {
        Arc::clone(&self.inner)
    }

    /// The shards that have a connection now.
    pub(crate) fn connected_shards(&self) -> Vec<u32> {
        self.inner.connected_shards()
    }

    /// The current session of a shard.
    pub fn session_id(&self, shard: u32) -> Option<String> {
        self.inner.latest(shard).map(|s| s.id.clone())
    }

    /// The last sequence number of a shard's current session.
    pub fn last_seq(&self, shard: u32) -> Option<u64> {
        self.inner.latest(shard).map(|s| s.seq())
    }

    /// Whether a shard's current session has a connection attached.
    pub fn is_connected(&self, shard: u32) -> bool {
        self.inner
            .latest(shard)
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
        let s = self.inner.latest(shard)?;
        Some(s.push(event, data_json))
    }

    /// Sends many dispatches to the shard's current session; returns the last sequence number.
    pub fn flood<'a>(
        &self,
        shard: u32,
        events: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Option<u64> {
        let s = self.inner.latest(shard)?;
        let mut last = None;
        for (event, data) in events {
            last = Some(s.push(event, data));
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use asyncord_model::Intents;
    use fastwebsockets::{Frame, OpCode, Payload, Role, WebSocket, WebSocketRead, WebSocketWrite};
    use tokio::io::{AsyncReadExt, AsyncWriteExt, DuplexStream, ReadHalf, WriteHalf};

    use super::*;

    /// An in-memory connection upgraded by hand (`query` after `v=10&encoding=json`), split
    /// into its read and write halves: a client with no limiter of its own.
    async fn open(
        server: &GatewayServer,
        query: &str,
    ) -> (
        WebSocketRead<ReadHalf<DuplexStream>>,
        WebSocketWrite<WriteHalf<DuplexStream>>,
    ) {
        let mut stream = server.connect_in_memory();
        let request = format!(
            "GET /?v=10&encoding=json{query} HTTP/1.1\r\nHost: emulator\r\n\
             Upgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        );
        stream.write_all(request.as_bytes()).await.unwrap();
        // The response head byte by byte, so no frame after it is consumed.
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            head.push(stream.read_u8().await.unwrap());
        }
        assert!(head.starts_with(b"HTTP/1.1 101"));
        WebSocket::after_handshake(stream, Role::Client).split(tokio::io::split)
    }

    /// A raw client that ignores the client-side limiter: the emulator closes with 4008 at the
    /// 121st frame within a minute.
    #[tokio::test(start_paused = true)]
    async fn emulator_closes_4008_over_120_frames_per_minute() {
        let world = Arc::new(MemoryWorld::new());
        world.add_bot("t", 1, Intents::empty());
        let server = GatewayServer::start(world, GatewayServerConfig::default())
            .await
            .unwrap();
        let (read, mut write) = open(&server, "").await;
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
        let (read, mut write) = open(&server, "&compress=zlib-stream").await;
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
