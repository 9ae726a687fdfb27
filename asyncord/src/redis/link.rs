//! [`RedisLink`]: one Redis server as the backend's parts reach it — a shared multiplexed
//! connection that reconnects by itself, dedicated connections for blocking reads, bounded
//! timeouts, and one account of whether the server is reachable, so an outage is logged once
//! when it starts and once when it ends rather than by every request.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use tokio::sync::OnceCell;
use tokio::time::Instant;

use super::error::RedisError;
use super::tls::RedisTls;

/// How long one command may take before it fails (default).
pub const DEFAULT_RESPONSE_TIMEOUT: Duration = Duration::from_secs(2);

/// How long connecting may take before it fails (default).
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(2);

/// The first pause after a failure before Redis is tried again by parts that can do without it
/// meanwhile (the REST limiter); doubled on each failure up to [`MAX_RETRY_PAUSE`].
const FIRST_RETRY_PAUSE: Duration = Duration::from_millis(250);

/// The longest pause between two attempts to reach an unreachable server.
pub(crate) const MAX_RETRY_PAUSE: Duration = Duration::from_secs(5);

/// A Redis server shared by the backend's parts. Cheap to clone.
#[derive(Clone)]
pub struct RedisLink {
    inner: Arc<Inner>,
}

struct Inner {
    client: redis::Client,
    server: String,
    response_timeout: Duration,
    connect_timeout: Duration,
    shared: OnceCell<ConnectionManager>,
    outage: Mutex<Option<Outage>>,
}

/// An outage in progress: since when, how many failures, when to try again.
#[derive(Debug)]
struct Outage {
    since: Instant,
    failures: u32,
    retry_at: Instant,
}

impl fmt::Debug for RedisLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisLink")
            .field("server", &self.inner.server)
            .finish_non_exhaustive()
    }
}

impl RedisLink {
    /// A link to the server at `url` (`redis://[:password@]host[:port][/db]`, or `rediss://`
    /// for TLS, the server's certificate checked against the public roots), with the default
    /// timeouts. Nothing connects before the first command.
    ///
    /// # Errors
    /// [`RedisError::InvalidUrl`] when `url` is not a Redis URL.
    pub fn open(url: &str) -> Result<Self, RedisError> {
        Self::with_timeouts(url, DEFAULT_RESPONSE_TIMEOUT, DEFAULT_CONNECT_TIMEOUT)
    }

    /// A link to a `rediss://` server with these TLS settings (a private authority, a client
    /// certificate), and the default timeouts; with the default settings, [`RedisLink::open`].
    ///
    /// # Errors
    /// [`RedisError::InvalidUrl`] when `url` is not a Redis URL or a certificate or key of
    /// `tls` is not PEM of its kind.
    pub fn with_tls(url: &str, tls: &RedisTls) -> Result<Self, RedisError> {
        if tls.is_default() {
            return Self::open(url);
        }
        let client =
            redis::Client::build_with_tls(url, tls.certificates()?).map_err(|e| invalid(&e))?;
        Ok(Self::from_client(
            client,
            DEFAULT_RESPONSE_TIMEOUT,
            DEFAULT_CONNECT_TIMEOUT,
        ))
    }

    /// A link with its own timeouts: how long one command, and one connection attempt, may take.
    ///
    /// # Errors
    /// [`RedisError::InvalidUrl`] when `url` is not a Redis URL.
    pub fn with_timeouts(
        url: &str,
        response_timeout: Duration,
        connect_timeout: Duration,
    ) -> Result<Self, RedisError> {
        let client = redis::Client::open(url).map_err(|e| invalid(&e))?;
        Ok(Self::from_client(client, response_timeout, connect_timeout))
    }

    fn from_client(
        client: redis::Client,
        response_timeout: Duration,
        connect_timeout: Duration,
    ) -> Self {
        let server = client.get_connection_info().addr().to_string();
        Self {
            inner: Arc::new(Inner {
                client,
                server,
                response_timeout,
                connect_timeout,
                shared: OnceCell::new(),
                outage: Mutex::new(None),
            }),
        }
    }

    /// The server, as `host:port` (for logs and errors; never the password).
    pub fn server(&self) -> &str {
        &self.inner.server
    }

    fn config(&self, response_timeout: Duration) -> ConnectionManagerConfig {
        // One quick reconnection attempt inside a command: the callers keep their own bounded
        // retry loops (and know what to do meanwhile), so a command never hangs on reconnects.
        ConnectionManagerConfig::new()
            .set_response_timeout(Some(response_timeout))
            .set_connection_timeout(Some(self.inner.connect_timeout))
            .set_number_of_retries(1)
            .set_min_delay(Duration::from_millis(50))
            .set_max_delay(Duration::from_millis(200))
    }

    /// The shared multiplexed connection (made on first use; it reconnects by itself).
    pub(crate) async fn connection(&self) -> Result<ConnectionManager, RedisError> {
        self.inner
            .shared
            .get_or_try_init(|| async {
                ConnectionManager::new_lazy_with_config(
                    self.inner.client.clone(),
                    self.config(self.inner.response_timeout),
                )
                .map_err(|e| self.error("connecting", e))
            })
            .await
            .cloned()
    }

    /// A connection of its own, for a command that blocks the connection it runs on (a stream
    /// read with `BLOCK`): its response timeout is `block` plus the usual one.
    pub(crate) fn dedicated(&self, block: Duration) -> Result<ConnectionManager, RedisError> {
        ConnectionManager::new_lazy_with_config(
            self.inner.client.clone(),
            self.config(block + self.inner.response_timeout),
        )
        .map_err(|e| self.error("connecting", e))
    }

    /// Wraps a driver error with the server and what was being done.
    pub(crate) fn error(&self, what: &'static str, source: redis::RedisError) -> RedisError {
        RedisError::Command {
            server: self.inner.server.clone(),
            what,
            source,
        }
    }

    /// An unexpected reply.
    pub(crate) fn unexpected(&self, what: &'static str, detail: impl fmt::Display) -> RedisError {
        RedisError::Unexpected {
            server: self.inner.server.clone(),
            what,
            detail: detail.to_string(),
        }
    }

    fn outage(&self) -> std::sync::MutexGuard<'_, Option<Outage>> {
        self.inner
            .outage
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Records a failed command; the first failure of an outage is logged at warn with
    /// `meanwhile` (what the backend does until the server is back), later ones at debug.
    /// Returns how long to pause before trying again (growing, at most 5 s).
    pub(crate) fn failed(&self, error: &RedisError, meanwhile: &str) -> Duration {
        let now = Instant::now();
        let mut outage = self.outage();
        let failures = outage.as_ref().map_or(0, |o| o.failures) + 1;
        let pause = FIRST_RETRY_PAUSE
            .saturating_mul(1 << (failures - 1).min(8))
            .min(MAX_RETRY_PAUSE);
        match outage.as_mut() {
            None => {
                tracing::warn!(server = %self.inner.server, error = %error, "Redis is unreachable or failing; {meanwhile}; retrying every few seconds");
                *outage = Some(Outage {
                    since: now,
                    failures,
                    retry_at: now + pause,
                });
            }
            Some(o) => {
                tracing::debug!(server = %self.inner.server, error = %error, failures, "Redis still failing");
                o.failures = failures;
                o.retry_at = now + pause;
            }
        }
        pause
    }

    /// Records a successful command: ends an outage in progress (logged once, at info).
    pub(crate) fn succeeded(&self) {
        let mut outage = self.outage();
        if let Some(o) = outage.take() {
            tracing::info!(
                server = %self.inner.server,
                after = ?o.since.elapsed(),
                failures = o.failures,
                "Redis is reachable again"
            );
        }
    }

    /// Whether an outage is in progress and the next attempt is not due yet: parts that can
    /// do without Redis meanwhile skip it.
    pub(crate) fn is_resting(&self) -> bool {
        self.outage()
            .as_ref()
            .is_some_and(|o| Instant::now() < o.retry_at)
    }

    /// Whether an outage is in progress.
    pub fn is_down(&self) -> bool {
        self.outage().is_some()
    }

    /// Runs `invocation` of a script on the shared connection, recording the outcome.
    pub(crate) async fn run_script<T: redis::FromRedisValue>(
        &self,
        what: &'static str,
        invocation: &redis::ScriptInvocation<'_>,
    ) -> Result<T, RedisError> {
        let mut conn = self.connection().await?;
        let result = invocation
            .invoke_async::<T>(&mut conn)
            .await
            .map_err(|e| self.error(what, e));
        if result.is_ok() {
            self.succeeded();
        }
        result
    }

    /// Runs one command on the shared connection, recording the outcome.
    pub(crate) async fn run<T: redis::FromRedisValue>(
        &self,
        what: &'static str,
        cmd: &redis::Cmd,
    ) -> Result<T, RedisError> {
        let mut conn = self.connection().await?;
        let result = cmd
            .query_async::<T>(&mut conn)
            .await
            .map_err(|e| self.error(what, e));
        if result.is_ok() {
            self.succeeded();
        }
        result
    }
}

/// A URL or certificate the driver refuses. Its message names the part that is wrong, never
/// the password.
fn invalid(e: &redis::RedisError) -> RedisError {
    RedisError::InvalidUrl {
        reason: e.to_string(),
    }
}
