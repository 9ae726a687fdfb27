//! [`ConnectionLimits`]: how many TCP connections a listener of the emulator serves at once and
//! how long it waits for a slow or silent client, and the gate that counts them.
//!
//! A client that opens connections and sends nothing, sends half a request head (slowloris) or
//! stops reading would otherwise hold a task, a socket and buffers for ever. Each listener (the
//! front port, the REST side's port, the gateway side's port) refuses connections beyond
//! [`ConnectionLimits::max_connections`] — it accepts and closes them at once, with a warning in
//! the log — and closes one whose request head is not complete
//! [`header_read_timeout`](ConnectionLimits::header_read_timeout) after it opened or after the
//! previous response (so also an idle keep-alive connection). A REST connection on which no
//! byte moved either way for [`idle_timeout`](ConnectionLimits::idle_timeout) is closed too (a
//! stalled body upload, a client that stopped reading its response). A WebSocket, once
//! upgraded, is dropped when a frame waits longer than `idle_timeout` for the client to accept
//! it, and is otherwise bounded by the gateway's heartbeat timeout and send queue
//! ([`GatewayServerConfig`](crate::gateway::GatewayServerConfig)). In-memory connections are
//! not limited.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The limits of one listener's TCP connections (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// Connections served at once (default 256: far more than a bot, its shards and a test
    /// harness open, few enough that a flood of idle connections costs little).
    pub max_connections: usize,
    /// How long a client has to send a complete request head, counted from when the
    /// connection opened or the previous response was sent — so it also closes an idle
    /// keep-alive connection (default 30 s, hyper's own default).
    pub header_read_timeout: Duration,
    /// How long a REST connection may go without a byte moving either way — a body that stops
    /// arriving, a response the client stops reading, an idle keep-alive connection (whichever
    /// of the two timeouts is shorter) — and how long a WebSocket frame may wait for the client
    /// to accept it (default 30 s).
    pub idle_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            max_connections: 256,
            header_read_timeout: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(30),
        }
    }
}

/// Counts one listener's open connections against [`ConnectionLimits::max_connections`].
#[derive(Clone, Debug)]
pub(crate) struct ConnectionGate {
    permits: Arc<Semaphore>,
    max: usize,
}

/// One admitted connection; dropping it frees its place.
pub(crate) type Admission = OwnedSemaphorePermit;

impl ConnectionGate {
    pub(crate) fn new(max: usize) -> Self {
        let max = max.clamp(1, Semaphore::MAX_PERMITS);
        Self {
            permits: Arc::new(Semaphore::new(max)),
            max,
        }
    }

    /// A place for one more connection, or `None` when `max_connections` are open (the
    /// caller closes the connection; `side` names the listener in the warning).
    pub(crate) fn admit(&self, side: &str) -> Option<Admission> {
        let admitted = Arc::clone(&self.permits).try_acquire_owned().ok();
        if admitted.is_none() {
            tracing::warn!(
                side,
                max_connections = self.max,
                "emulator: too many open connections, closing a new one"
            );
        }
        admitted
    }

    /// How many connections are open.
    pub(crate) fn open(&self) -> usize {
        self.max - self.permits.available_permits()
    }
}

/// The HTTP/1.1 server settings shared by the REST and gateway sides: the head timeout of
/// `limits` on tokio's clock, upgrades allowed.
pub(crate) fn http1(limits: &ConnectionLimits) -> hyper::server::conn::http1::Builder {
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder
}

/// Waits a little after a failed `accept` (for example when out of file descriptors), so an
/// accept loop does not spin.
pub(crate) async fn accept_failed(side: &str, error: &std::io::Error) {
    tracing::debug!(side, %error, "emulator: accept failed");
    tokio::time::sleep(Duration::from_millis(10)).await;
}
