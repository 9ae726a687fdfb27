//! One shard: its state shared with the handles ([`ShardShared`]) and its task, which opens a
//! connection, runs it (see `connection.rs`: handshake, then the event loop), and reconnects
//! after every recoverable failure with a backoff until told to stop or a fatal close code
//! arrives ([docs](https://discord.com/developers/docs/events/gateway#connection-lifecycle)).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use asyncord_model::gateway::GatewayCommand;
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep, timeout};

use super::compression::Compression;
use super::config::{GatewayConfig, Session};
use super::error::{CloseAction, GatewayError, close_action};
use super::negotiation::Negotiation;
use super::progress::Progress;
use super::queue::IdentifyQueue;
use super::sink::Target;
use super::transport::{self, Connector, GatewayAddress, WsRead, WsWrite};

/// How long to wait for a connection (TCP, TLS, upgrade) or for HELLO.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);

/// The state of a shard.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShardStatus {
    /// Connecting, identifying or resuming.
    Connecting,
    /// Identified or resumed: events flow.
    Connected,
    /// Waiting before reconnecting.
    Reconnecting,
    /// Stopped, with the fatal error's message if it stopped on one.
    Stopped(Option<String>),
}

/// A command queued for a shard: the whole frame, serialised.
#[derive(Debug)]
pub(crate) struct Outbound(pub String);

/// How a shard is asked to stop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stop {
    /// Keep running.
    Run,
    /// Close with a non-1000 code so the session stays resumable.
    KeepSession,
    /// Close with 1000: Discord ends the session.
    EndSession,
}

/// State of one shard shared between its tasks and the handles.
pub(crate) struct ShardShared {
    pub id: u32,
    pub count: u32,
    /// How far the current session's dispatches went (a new one per session).
    progress: Mutex<Arc<Progress>>,
    /// The last heartbeat round trip in µs (`u64::MAX`: none yet).
    pub latency_us: AtomicU64,
    /// How many dispatches the reader handed to the sink.
    pub delivered: AtomicU64,
    /// The largest capacity a receive buffer of its connections reached.
    pub buffer_peak: AtomicUsize,
    session: Mutex<Option<(String, String)>>,
    status: Mutex<ShardStatus>,
    /// The transport compression its connections use (probed, then settled).
    pub(super) compression: Mutex<Negotiation>,
    /// The `fetch_guild_members` waiting, by nonce (with an id telling waiters apart).
    chunks: Mutex<HashMap<String, ChunkWaiter>>,
    next_waiter: AtomicU64,
    pub commands: mpsc::Sender<Outbound>,
    /// Signalled whenever any shard of the gateway changes status (shared by all of them).
    status_changed: Arc<watch::Sender<()>>,
}

/// A `fetch_guild_members` waiting for chunks: its id, and where its chunks go.
type ChunkWaiter = (u64, mpsc::UnboundedSender<Vec<u8>>);

pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl ShardShared {
    pub(crate) fn new(
        id: u32,
        count: u32,
        commands: mpsc::Sender<Outbound>,
        saved: Option<Session>,
        compression: Compression,
        status_changed: Arc<watch::Sender<()>>,
    ) -> Self {
        let (sequence, session) = match saved {
            Some(s) => (s.sequence, Some((s.session_id, s.resume_url))),
            None => (0, None),
        };
        Self {
            id,
            count,
            progress: Mutex::new(Arc::new(Progress::at(sequence))),
            latency_us: AtomicU64::new(u64::MAX),
            delivered: AtomicU64::new(0),
            buffer_peak: AtomicUsize::new(0),
            session: Mutex::new(session),
            status: Mutex::new(ShardStatus::Connecting),
            compression: Mutex::new(Negotiation::new(compression)),
            chunks: Mutex::new(HashMap::new()),
            next_waiter: AtomicU64::new(0),
            commands,
            status_changed,
        }
    }

    pub(crate) fn set_session(&self, id: String, resume_url: String) {
        *lock(&self.session) = Some((id, resume_url));
    }

    pub(super) fn clear_session(&self) {
        *lock(&self.session) = None;
    }

    /// The current session's progress.
    pub(crate) fn progress(&self) -> Arc<Progress> {
        Arc::clone(&lock(&self.progress))
    }

    /// A new session starts (IDENTIFY): its sequence numbers start from 0.
    pub(super) fn start_session(&self) {
        *lock(&self.progress) = Arc::new(Progress::at(0));
    }

    /// The resumable session, if any: it resumes after the last dispatch consumed.
    pub(crate) fn session(&self) -> Option<Session> {
        lock(&self.session).as_ref().map(|(id, url)| Session {
            session_id: id.clone(),
            sequence: self.progress().consumed(),
            resume_url: url.clone(),
        })
    }

    pub(crate) fn status(&self) -> ShardStatus {
        lock(&self.status).clone()
    }

    pub(super) fn set_status(&self, status: ShardStatus) {
        *lock(&self.status) = status;
        // Wakes every `wait_connected` (the value carries nothing; the change is the signal).
        self.status_changed.send_replace(());
    }

    /// The transport compression its connections use: the requested one, or the one it fell
    /// back to against a server that does not support it.
    pub(crate) fn compression(&self) -> Compression {
        lock(&self.compression).current()
    }

    pub(crate) fn latency(&self) -> Option<Duration> {
        match self.latency_us.load(Ordering::Relaxed) {
            u64::MAX => None,
            us => Some(Duration::from_micros(us)),
        }
    }

    pub(crate) fn has_chunk_waiters(&self) -> bool {
        !lock(&self.chunks).is_empty()
    }

    pub(crate) fn deliver_chunk(&self, nonce: &str, data: &[u8]) {
        if let Some((_, tx)) = lock(&self.chunks).get(nonce) {
            let _ = tx.send(data.to_vec());
        }
    }

    /// Starts waiting for the chunks of `nonce`; returns the waiter's id and its receiver.
    pub(crate) fn wait_chunks(&self, nonce: String) -> (u64, mpsc::UnboundedReceiver<Vec<u8>>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let id = self.next_waiter.fetch_add(1, Ordering::Relaxed);
        lock(&self.chunks).insert(nonce, (id, tx));
        (id, rx)
    }

    /// Stops the wait `id` for `nonce` (a later waiter of the same nonce stays).
    pub(crate) fn stop_waiting_chunks(&self, nonce: &str, id: u64) {
        let mut chunks = lock(&self.chunks);
        if chunks.get(nonce).is_some_and(|(waiter, _)| *waiter == id) {
            chunks.remove(nonce);
        }
    }
}

/// Everything a shard task owns.
pub(crate) struct ShardTask {
    pub shared: Arc<ShardShared>,
    pub config: Arc<GatewayConfig>,
    pub base_url: GatewayAddress,
    pub queue: Arc<dyn IdentifyQueue>,
    pub connector: Arc<dyn Connector>,
    pub target: Target,
    pub commands: mpsc::Receiver<Outbound>,
    pub stop: watch::Receiver<Stop>,
    /// Connections to the session's resume URL that failed in a row.
    pub resume_failures: u32,
    /// Whether the shard already warned that a resume URL was on a foreign host.
    pub warned_foreign_resume: bool,
}

/// A connection that stayed up this long after READY/RESUMED resets the reconnect backoff; one
/// that failed sooner (a server closing every session at once, say) keeps backing off.
const STABLE_AFTER: Duration = Duration::from_secs(30);

pub(super) fn stable(ready_since: Option<Instant>) -> bool {
    ready_since.is_some_and(|t| t.elapsed() >= STABLE_AFTER)
}

/// How opening a connection went.
enum Opened {
    Ws(WsRead, WsWrite),
    /// The server refused the handshake with the requested compression and the shard fell back:
    /// reconnect at once.
    FellBack,
    /// Failed or timed out: reconnect after the backoff.
    Failed,
}

/// How one connection went.
pub(super) struct Outcome {
    pub(super) end: End,
    /// It stayed up long enough after READY/RESUMED (see [`stable`]).
    pub(super) healthy: bool,
    /// The server answered with HELLO.
    pub(super) hello: bool,
}

/// How one connection ended.
pub(super) enum End {
    Stop,
    Fatal(GatewayError),
    Resume,
    /// The consumer has room again after the reader discarded dispatches: resume at once to
    /// have them replayed (not a failure).
    Replay,
    NewSession(Duration),
    /// The server does not speak the connection's compression: reconnect at once with the mode
    /// the shard fell back to (resuming if a session exists).
    FallBack,
}

fn backoff(attempt: u32, cap: Duration) -> Duration {
    if attempt == 0 {
        return Duration::ZERO;
    }
    let base = Duration::from_millis(500).saturating_mul(1 << attempt.min(16));
    let capped = base.min(cap);
    capped.mul_f64(0.5 + fastrand::f64() * 0.5)
}

impl ShardTask {
    /// Runs the shard until it is stopped (`Ok`) or a fatal close code arrives (`Err`).
    pub(crate) async fn run(mut self) -> Result<(), GatewayError> {
        let mut attempt = 0u32;
        let result = loop {
            if *self.stop.borrow() != Stop::Run {
                break Ok(());
            }
            self.shared.set_status(ShardStatus::Connecting);
            let url = match self.shared.session() {
                Some(s) => self.resume_address(&s.resume_url),
                None => self.base_url.clone(),
            };
            // Failures count against the session only on a resume URL of its own.
            let resume_url = url != self.base_url;
            let compression = self.shared.compression();
            let (read, write) = match self.open(&url, compression).await {
                Opened::Ws(read, write) => (read, write),
                // Not a failure loop: at most two of these in a shard's life.
                Opened::FellBack => continue,
                Opened::Failed => {
                    if resume_url {
                        self.resume_failed(&url);
                    }
                    attempt += 1;
                    if self.pause(backoff(attempt, self.config.max_backoff)).await {
                        break Ok(());
                    }
                    continue;
                }
            };
            let outcome = self.connection(read, write, compression, &url).await;
            if outcome.hello {
                self.resume_failures = 0;
            } else if resume_url {
                self.resume_failed(&url);
            }
            let end = outcome.end;
            attempt = match end {
                End::FallBack | End::Replay => attempt,
                _ if outcome.healthy => 0,
                _ => attempt + 1,
            };
            let delay = match end {
                End::Stop => break Ok(()),
                End::Fatal(e) => break Err(e),
                // Reconnect at once: not a failure the backoff counts.
                End::FallBack | End::Replay => Duration::ZERO,
                End::Resume => backoff(attempt, self.config.max_backoff),
                End::NewSession(delay) => {
                    self.shared.clear_session();
                    delay.max(backoff(attempt, self.config.max_backoff))
                }
            };
            if self.pause(delay).await {
                break Ok(());
            }
        };
        let message = result.as_ref().err().map(ToString::to_string);
        if let Some(m) = &message {
            tracing::error!(shard = self.shared.id, error = %m, "shard stopped");
        }
        self.drop_queued_commands();
        self.shared.set_status(ShardStatus::Stopped(message));
        result
    }

    /// Where to resume: the session's `resume_gateway_url`, unless it does not parse or is a
    /// host the bot token must not go to (another domain than the configured gateway's, or a
    /// downgrade to `ws://`): then the main URL, with a warning once per shard.
    fn resume_address(&mut self, resume_url: &str) -> GatewayAddress {
        let Ok(address) = GatewayAddress::parse(resume_url) else {
            return self.base_url.clone();
        };
        if self.base_url.trusts_resume_host(&address) {
            return address;
        }
        if !self.warned_foreign_resume {
            self.warned_foreign_resume = true;
            tracing::warn!(
                shard = self.shared.id,
                resume_url = %address.base(),
                main_url = %self.base_url.base(),
                "the gateway's resume URL is on a host the bot token was not configured for: \
                 resuming on the main URL instead"
            );
        }
        self.base_url.clone()
    }

    /// A connection to the session's resume URL failed; after
    /// [`GatewayLimits::resume_attempts`](super::GatewayLimits::resume_attempts) in a row the
    /// session is dropped, and the shard identifies on the main URL.
    fn resume_failed(&mut self, url: &GatewayAddress) {
        self.resume_failures += 1;
        let attempts = self.config.limits.resume_attempts;
        if self.resume_failures < attempts {
            return;
        }
        tracing::warn!(
            shard = self.shared.id,
            resume_url = %url.base(),
            attempts,
            main_url = %self.base_url.base(),
            "the session's resume URL did not answer: dropping the session and identifying \
             on the main gateway URL (dispatches since the last one received are lost)"
        );
        self.resume_failures = 0;
        self.shared.clear_session();
    }

    /// The shard stopped: commands still queued for it will not be sent. Says so, and closes the
    /// queue so that later ones fail.
    fn drop_queued_commands(&mut self) {
        self.commands.close();
        let mut dropped = 0usize;
        while self.commands.try_recv().is_ok() {
            dropped += 1;
        }
        if dropped > 0 {
            tracing::warn!(
                shard = self.shared.id,
                dropped,
                "the shard stopped with commands still queued: they were not sent"
            );
        }
    }

    /// Opens a WebSocket to `url` (TCP, TLS, upgrade), within [`CONNECT_TIMEOUT`].
    async fn open(&self, url: &GatewayAddress, compression: Compression) -> Opened {
        let opened = timeout(
            CONNECT_TIMEOUT,
            transport::open(&*self.connector, url, compression),
        )
        .await;
        match opened {
            Ok(Ok((read, write))) => Opened::Ws(read, write),
            Ok(Err(e)) => {
                if let Some(status) = e.refused_status()
                    && let Some(next) = lock(&self.shared.compression).refused()
                {
                    tracing::debug!(shard = self.shared.id, server = %server(url), status, refused = %compression, next = %next, "gateway handshake refused with compression; falling back");
                    return Opened::FellBack;
                }
                tracing::warn!(shard = self.shared.id, url = %url.base(), error = %e, "gateway connection failed");
                Opened::Failed
            }
            Err(_) => {
                tracing::warn!(shard = self.shared.id, "gateway connection timed out");
                Opened::Failed
            }
        }
    }

    /// Sleeps before reconnecting; `true` when asked to stop meanwhile.
    async fn pause(&mut self, delay: Duration) -> bool {
        if delay.is_zero() {
            return *self.stop.borrow() != Stop::Run;
        }
        self.shared.set_status(ShardStatus::Reconnecting);
        tokio::select! {
            () = sleep(delay) => *self.stop.borrow() != Stop::Run,
            _ = self.stop.changed() => true,
        }
    }

    /// The last sequence number received, for heartbeats.
    pub(super) fn last_seq(&self) -> Option<u64> {
        match self.shared.progress().read() {
            0 => None,
            s => Some(s),
        }
    }

    pub(super) fn on_close(&self, code: Option<u16>) -> End {
        let id = self.shared.id;
        let Some(code) = code else {
            tracing::info!(
                shard = id,
                "gateway closed the connection without a code; resuming"
            );
            return End::Resume;
        };
        match close_action(code) {
            CloseAction::Fatal => End::Fatal(
                GatewayError::from_close_code(code).unwrap_or(GatewayError::InvalidShard),
            ),
            CloseAction::NewSession => {
                tracing::info!(
                    shard = id,
                    code,
                    "gateway closed the session; identifying again"
                );
                End::NewSession(Duration::ZERO)
            }
            CloseAction::Resume => {
                tracing::info!(shard = id, code, "gateway closed the connection; resuming");
                End::Resume
            }
        }
    }
}

/// A server's `host:port`, for logs (no path, no query).
pub(super) fn server(url: &GatewayAddress) -> String {
    format!("{}:{}", url.host, url.port)
}

/// Serialises a command frame. Commands are plain data; serialising them cannot fail.
pub(crate) fn command_text<C: GatewayCommand + serde::Serialize>(command: &C) -> String {
    serde_json::to_string(command).unwrap_or_default()
}
