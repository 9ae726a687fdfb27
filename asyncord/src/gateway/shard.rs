//! One shard: connects, identifies or resumes, heartbeats, sends commands within the rate limit,
//! and reconnects after every recoverable failure until told to stop or a fatal close code
//! arrives ([docs](https://discord.com/developers/docs/events/gateway#connection-lifecycle)).

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use asyncord_model::gateway::{GatewayCommand, Heartbeat, Identify, Resume};
use fastwebsockets::{Frame, Payload};
use tokio::sync::{mpsc, watch};
use tokio::time::{Instant, sleep, sleep_until, timeout};

use super::config::{Compression, GatewayConfig, Session};
use super::error::{CloseAction, GatewayError, close_action};
use super::inflate::Inflater;
use super::limiter::CommandLimiter;
use super::negotiation::{FirstMessage, Negotiation, Step};
use super::queue::IdentifyQueue;
use super::reader::{self, Control, Output};
use super::transport::{self, Connector, GatewayUrl, WsWrite};

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
    /// The last sequence number delivered (0: none yet).
    pub seq: AtomicU64,
    /// The last heartbeat round trip in µs (`u64::MAX`: none yet).
    pub latency_us: AtomicU64,
    session: Mutex<Option<(String, String)>>,
    status: Mutex<ShardStatus>,
    /// The transport compression its connections use (probed, then settled).
    compression: Mutex<Negotiation>,
    chunks: Mutex<HashMap<String, mpsc::UnboundedSender<Vec<u8>>>>,
    pub commands: mpsc::Sender<Outbound>,
    /// Signalled whenever any shard of the gateway changes status (shared by all of them).
    status_changed: Arc<watch::Sender<()>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
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
        let (seq, session) = match saved {
            Some(s) => (s.sequence, Some((s.session_id, s.resume_url))),
            None => (0, None),
        };
        Self {
            id,
            count,
            seq: AtomicU64::new(seq),
            latency_us: AtomicU64::new(u64::MAX),
            session: Mutex::new(session),
            status: Mutex::new(ShardStatus::Connecting),
            compression: Mutex::new(Negotiation::new(compression)),
            chunks: Mutex::new(HashMap::new()),
            commands,
            status_changed,
        }
    }

    pub(crate) fn set_session(&self, id: String, resume_url: String) {
        *lock(&self.session) = Some((id, resume_url));
    }

    fn clear_session(&self) {
        *lock(&self.session) = None;
    }

    /// The resumable session, if any.
    pub(crate) fn session(&self) -> Option<Session> {
        lock(&self.session).as_ref().map(|(id, url)| Session {
            session_id: id.clone(),
            sequence: self.seq.load(Ordering::Acquire),
            resume_url: url.clone(),
        })
    }

    pub(crate) fn status(&self) -> ShardStatus {
        lock(&self.status).clone()
    }

    fn set_status(&self, status: ShardStatus) {
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
        if let Some(tx) = lock(&self.chunks).get(nonce) {
            let _ = tx.send(data.to_vec());
        }
    }

    pub(crate) fn wait_chunks(&self, nonce: String) -> mpsc::UnboundedReceiver<Vec<u8>> {
        let (tx, rx) = mpsc::unbounded_channel();
        lock(&self.chunks).insert(nonce, tx);
        rx
    }

    pub(crate) fn stop_waiting_chunks(&self, nonce: &str) {
        lock(&self.chunks).remove(nonce);
    }
}

/// Everything a shard task owns.
pub(crate) struct ShardTask {
    pub shared: Arc<ShardShared>,
    pub config: Arc<GatewayConfig>,
    pub base_url: GatewayUrl,
    pub queue: Arc<dyn IdentifyQueue>,
    pub connector: Arc<dyn Connector>,
    pub output: Output,
    pub commands: mpsc::Receiver<Outbound>,
    pub stop: watch::Receiver<Stop>,
}

/// A connection that stayed up this long after READY/RESUMED resets the reconnect backoff; one
/// that failed sooner (a server closing every session at once, say) keeps backing off.
const STABLE_AFTER: Duration = Duration::from_secs(30);

fn stable(ready_since: Option<Instant>) -> bool {
    ready_since.is_some_and(|t| t.elapsed() >= STABLE_AFTER)
}

/// How one connection ended.
enum End {
    Stop,
    Fatal(GatewayError),
    Resume,
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
                Some(s) => {
                    GatewayUrl::parse(&s.resume_url).unwrap_or_else(|_| self.base_url.clone())
                }
                None => self.base_url.clone(),
            };
            let compression = self.shared.compression();
            let opened = timeout(
                CONNECT_TIMEOUT,
                transport::open(&*self.connector, &url, compression),
            )
            .await;
            let (read, write) = match opened {
                Ok(Ok(ws)) => ws,
                Ok(Err(e)) => {
                    if let Some(status) = e.refused_status()
                        && let Some(next) = lock(&self.shared.compression).refused()
                    {
                        // Not a failure loop: at most two of these in a shard's life.
                        tracing::debug!(shard = self.shared.id, server = %server(&url), status, refused = %compression, next = %next, "gateway handshake refused with compression; falling back");
                        continue;
                    }
                    attempt += 1;
                    tracing::warn!(shard = self.shared.id, url = %url.base(), error = %e, "gateway connection failed");
                    if self.pause(backoff(attempt, self.config.max_backoff)).await {
                        break Ok(());
                    }
                    continue;
                }
                Err(_) => {
                    attempt += 1;
                    tracing::warn!(shard = self.shared.id, "gateway connection timed out");
                    if self.pause(backoff(attempt, self.config.max_backoff)).await {
                        break Ok(());
                    }
                    continue;
                }
            };
            let (end, healthy) = self.connection(read, write, compression, &url).await;
            attempt = match end {
                End::FallBack => attempt,
                _ if healthy => 0,
                _ => attempt + 1,
            };
            match end {
                End::Stop => break Ok(()),
                // Reconnect at once: not a failure the backoff counts (at most two in a
                // shard's life).
                End::FallBack => {}
                End::Fatal(e) => break Err(e),
                End::Resume => {
                    if self.pause(backoff(attempt, self.config.max_backoff)).await {
                        break Ok(());
                    }
                }
                End::NewSession(delay) => {
                    self.shared.clear_session();
                    let delay = delay.max(backoff(attempt, self.config.max_backoff));
                    if self.pause(delay).await {
                        break Ok(());
                    }
                }
            }
        };
        let message = result.as_ref().err().map(ToString::to_string);
        if let Some(m) = &message {
            tracing::error!(shard = self.shared.id, error = %m, "shard stopped");
        }
        self.shared.set_status(ShardStatus::Stopped(message));
        result
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

    /// Runs one connection opened with `compression`; returns how it ended and whether it was
    /// stable (see [`STABLE_AFTER`]).
    async fn connection(
        &mut self,
        read: transport::WsRead,
        mut write: WsWrite,
        compression: Compression,
        url: &GatewayUrl,
    ) -> (End, bool) {
        let inflater = match Inflater::new(compression) {
            Ok(i) => i,
            Err(e) => {
                return (
                    End::Fatal(GatewayError::InvalidConfig(e.to_string())),
                    false,
                );
            }
        };
        let (ctl_tx, mut ctl) = mpsc::unbounded_channel();
        let reader = tokio::spawn(reader::run(
            read,
            inflater,
            self.shared.clone(),
            self.output.clone(),
            ctl_tx,
        ));
        let (end, healthy) = self.drive(&mut write, &mut ctl, url).await;
        reader.abort();
        let _ = reader.await;
        let code = match &end {
            End::Stop if *self.stop.borrow() == Stop::EndSession => Some(1000),
            End::Stop | End::Resume | End::NewSession(_) | End::FallBack => Some(4000),
            End::Fatal(_) => None,
        };
        if let Some(code) = code {
            let _ = timeout(Duration::from_secs(2), async {
                let _ = write.write_frame(Frame::close(code, b"")).await;
                let _ = write.flush().await;
            })
            .await;
        }
        (end, healthy)
    }

    async fn send(write: &mut WsWrite, limiter: &mut CommandLimiter, text: String) -> bool {
        limiter.record(Instant::now());
        write
            .write_frame(Frame::text(Payload::Owned(text.into_bytes())))
            .await
            .is_ok()
    }

    /// The control loop of one connection.
    async fn drive(
        &mut self,
        write: &mut WsWrite,
        ctl: &mut mpsc::UnboundedReceiver<Control>,
        url: &GatewayUrl,
    ) -> (End, bool) {
        let id = self.shared.id;
        // HELLO first.
        let interval = loop {
            let msg = tokio::select! {
                m = timeout(CONNECT_TIMEOUT, ctl.recv()) => m,
                _ = self.stop.changed() => return (End::Stop, false),
            };
            match msg {
                Ok(Some(Control::Hello(ms))) => break Duration::from_millis(ms.max(1)),
                Ok(Some(Control::First(how))) => self.on_first_message(how, url),
                Ok(Some(Control::FirstUndecodable(e))) => {
                    return (self.on_undecodable_first_message(&e, url), false);
                }
                Ok(Some(Control::Closed(code))) => return (self.on_close(code), false),
                Ok(Some(Control::Failed(e))) => {
                    tracing::warn!(shard = id, error = %e, "gateway connection failed before HELLO");
                    return (End::Resume, false);
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => return (End::Resume, false),
            }
        };
        let mut limiter = CommandLimiter::new(interval);
        let mut next_beat = Instant::now() + interval.mul_f64(fastrand::f64());
        let mut awaiting_ack = false;
        let mut last_beat = Instant::now();
        let mut ready_since = None;

        // RESUME at once, or IDENTIFY when the queue allows.
        let mut identified = false;
        let queue = self.queue.clone();
        let mut identify_wait = None;
        if let Some(session) = self.shared.session() {
            let resume = Resume {
                token: self.config.token().to_owned(),
                session_id: session.session_id,
                seq: session.sequence,
            };
            tracing::debug!(shard = id, seq = session.sequence, "resuming");
            if !Self::send(write, &mut limiter, command_text(&resume)).await {
                return (End::Resume, false);
            }
            identified = true;
        } else {
            identify_wait = Some(queue.acquire(id));
        }

        loop {
            let now = Instant::now();
            let command_ok = identified && limiter.command_allowed(now);
            let free_at = limiter.next_free();
            tokio::select! {
                msg = ctl.recv() => match msg {
                    Some(Control::Ack) => {
                        awaiting_ack = false;
                        let rtt = Instant::now().duration_since(last_beat);
                        self.shared.latency_us.store(rtt.as_micros() as u64, Ordering::Relaxed);
                    }
                    Some(Control::HeartbeatNow) => {
                        let beat = Heartbeat { last_sequence: self.last_seq() };
                        last_beat = Instant::now();
                        if !Self::send(write, &mut limiter, command_text(&beat)).await {
                            return (End::Resume, stable(ready_since));
                        }
                    }
                    Some(Control::Ready | Control::Resumed) => {
                        ready_since = Some(Instant::now());
                        self.shared.set_status(ShardStatus::Connected);
                    }
                    Some(Control::Reconnect) => {
                        tracing::info!(shard = id, "gateway asked to reconnect");
                        return (End::Resume, stable(ready_since));
                    }
                    Some(Control::InvalidSession(true)) => {
                        tracing::info!(shard = id, "session invalidated (resumable)");
                        return (End::Resume, stable(ready_since));
                    }
                    Some(Control::InvalidSession(false)) => {
                        tracing::info!(shard = id, "session invalidated; identifying again");
                        let delay = Duration::from_millis(1000 + fastrand::u64(0..4000));
                        return (End::NewSession(delay), stable(ready_since));
                    }
                    Some(Control::Closed(code)) => return (self.on_close(code), stable(ready_since)),
                    Some(Control::Failed(e)) => {
                        tracing::warn!(shard = id, error = %e, "gateway connection failed");
                        return (End::Resume, stable(ready_since));
                    }
                    Some(Control::First(how)) => self.on_first_message(how, url),
                    Some(Control::FirstUndecodable(e)) => {
                        return (self.on_undecodable_first_message(&e, url), stable(ready_since));
                    }
                    Some(Control::Hello(_)) => {}
                    None => return (End::Resume, stable(ready_since)),
                },
                () = sleep_until(next_beat) => {
                    if awaiting_ack {
                        tracing::warn!(shard = id, "no heartbeat ACK: zombied connection, reconnecting");
                        return (End::Resume, stable(ready_since));
                    }
                    let beat = Heartbeat { last_sequence: self.last_seq() };
                    last_beat = Instant::now();
                    awaiting_ack = true;
                    next_beat = last_beat + interval;
                    if !Self::send(write, &mut limiter, command_text(&beat)).await {
                        return (End::Resume, stable(ready_since));
                    }
                }
                () = async { if let Some(w) = identify_wait.as_mut() { w.await } else { std::future::pending().await } }, if identify_wait.is_some() => {
                    identify_wait = None;
                    self.shared.seq.store(0, Ordering::Release);
                    let mut identify = Identify::new(self.config.token(), self.config.intents)
                        .shard(id, self.shared.count);
                    identify.presence.clone_from(&self.config.presence);
                    identify.large_threshold = self.config.large_threshold;
                    tracing::debug!(shard = id, "identifying");
                    if !Self::send(write, &mut limiter, command_text(&identify)).await {
                        return (End::NewSession(Duration::ZERO), stable(ready_since));
                    }
                    identified = true;
                }
                cmd = self.commands.recv(), if command_ok => {
                    let Some(Outbound(text)) = cmd else { return (End::Stop, stable(ready_since)) };
                    if !Self::send(write, &mut limiter, text).await {
                        return (End::Resume, stable(ready_since));
                    }
                }
                () = sleep_until(free_at), if identified && !command_ok => {}
                _ = self.stop.changed() => return (End::Stop, stable(ready_since)),
            }
        }
    }

    /// A connection's first message arrived and was read (a text frame, or a binary frame its
    /// decompressor read): settles the shard's compression if it was still probing, with one
    /// warning when it settles on a mode other than the requested one.
    fn on_first_message(&self, how: FirstMessage, url: &GatewayUrl) {
        let step = lock(&self.shared.compression).first_message(how);
        if let Step::Settled(mode) = step {
            tracing::warn!(
                shard = self.shared.id,
                server = %server(url),
                requested = %self.config.compression,
                settled = %mode,
                "the gateway server does not support the requested transport compression; \
                 this shard uses {mode}"
            );
        }
    }

    /// A connection's first message was a binary frame its decompressor could not read: fall
    /// back while the shard is probing, else a corrupt connection (resume).
    fn on_undecodable_first_message(&self, error: &str, url: &GatewayUrl) -> End {
        let id = self.shared.id;
        let tried = self.shared.compression();
        let step = lock(&self.shared.compression).first_message(FirstMessage::Undecodable);
        if let Step::FallBack(next) = step {
            tracing::debug!(shard = id, server = %server(url), tried = %tried, next = %next, error, "gateway sent data the requested compression cannot read; falling back");
            End::FallBack
        } else {
            tracing::warn!(shard = id, error, "gateway connection failed");
            End::Resume
        }
    }

    fn last_seq(&self) -> Option<u64> {
        match self.shared.seq.load(Ordering::Acquire) {
            0 => None,
            s => Some(s),
        }
    }

    fn on_close(&self, code: Option<u16>) -> End {
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
fn server(url: &GatewayUrl) -> String {
    format!("{}:{}", url.host, url.port)
}

/// Serialises a command frame. Commands are plain data; serialising them cannot fail.
pub(crate) fn command_text<C: GatewayCommand + serde::Serialize>(command: &C) -> String {
    serde_json::to_string(command).unwrap_or_default()
}
