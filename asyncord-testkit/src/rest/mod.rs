//! The emulator's REST side: a loopback HTTP server speaking Discord's API v10.
//!
//! [`RestServer::start`] binds `127.0.0.1:0` and serves the [`World`]: stateful
//! messages, channels, threads, guilds, roles, members, bans, users, DMs, commands,
//! interactions, webhooks, invites, stage instances and stickers; Discord's error JSON; its
//! rate-limit headers from configurable [`BucketDef`]s; 429s of each scope, 5xx, slow and
//! non-JSON responses on demand ([`FaultRule`]); and a record of the requests
//! ([`RecordedRequest`], the most recent ones: [`RestConfig::request_log_capacity`]).
//! [`RestServer::in_memory`] serves the same without a socket, through [`RestServer::handle`]
//! or a [`RestEndpoint`], so rate-limit tests can run on tokio's paused clock. Over a socket,
//! requests are also held to the [`ConnectionLimits`](crate::ConnectionLimits) and the
//! [`OriginPolicy`](crate::OriginPolicy) of the configuration; in both, a body over
//! [`RestConfig::max_body_bytes`] is answered `413`.
//!
//! Requests are routed through Discord's route table ([`asyncord_model::route`], the one
//! asyncord's client sends from): the table gives the operation called, its parameters, the
//! parameters its rate limit is counted per and whether it needs the bot's token; each Discord
//! resource's handlers answer its operations. A path the table does not have is answered `404`,
//! a path it has with a method it has not `405`, as Discord answers them.
//!
//! Discord's reference: <https://discord.com/developers/docs/reference>.

mod config;
mod core;
mod faults;
mod handlers;
mod limits;
mod record;
mod reply;
mod request_log;
mod router;
mod socket;

#[cfg(test)]
mod route_table_tests;

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use crate::world::{Seed, World};
pub use config::{BucketDef, DEFAULT_MAX_BODY_BYTES, RestConfig};
pub use faults::{Fault, FaultRule};
pub use record::{Part, RecordedRequest, parse_multipart};

pub(crate) use self::core::Core;
pub(crate) use self::socket::serve as serve_socket;

use self::core::lock;

/// What the REST side holds now (see [`RestServer::stats`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RestStats {
    /// Open socket connections.
    pub connections: usize,
    /// Requests kept in the request log.
    pub recorded_requests: usize,
    /// Bytes of bodies, paths and headers the request log keeps.
    pub recorded_bytes: usize,
    /// Rate-limit counters kept (one per bucket and top-level resource).
    pub rate_limit_keys: usize,
}

/// The emulator's REST server (stops when dropped).
pub struct RestServer {
    core: Arc<Core>,
    addr: Option<SocketAddr>,
    task: Option<JoinHandle<()>>,
}

impl fmt::Debug for RestServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RestServer")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl RestServer {
    /// Starts a server on `127.0.0.1:0` with the default configuration.
    pub async fn start(world: Arc<World>) -> std::io::Result<Self> {
        Self::start_with(world, RestConfig::default()).await
    }

    /// Starts a server on `127.0.0.1:0`.
    pub async fn start_with(world: Arc<World>, config: RestConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let core = Arc::new(Core::new(world, config));
        let serving = Arc::clone(&core);
        let task = tokio::spawn(async move {
            loop {
                let stream = match listener.accept().await {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        crate::connections::accept_failed("rest", &e).await;
                        continue;
                    }
                };
                let Some(admission) = serving.gate.admit("rest") else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(socket::serve(Arc::clone(&serving), stream, admission));
            }
        });
        tracing::debug!(%addr, "emulator REST server listening");
        Ok(Self {
            core,
            addr: Some(addr),
            task: Some(task),
        })
    }

    /// A server without a socket: reach it with [`handle`](Self::handle) or an
    /// [`endpoint`](Self::endpoint).
    pub fn in_memory(world: Arc<World>, config: RestConfig) -> Self {
        Self {
            core: Arc::new(Core::new(world, config)),
            addr: None,
            task: None,
        }
    }

    /// The API base URL (`http://127.0.0.1:port/api/v10`); for an in-memory server, a URL
    /// only its [`endpoint`](Self::endpoint) understands.
    pub fn url(&self) -> String {
        match self.addr {
            Some(addr) => format!("http://{addr}{}", self.core.config.base_path),
            None => format!("http://emulator.invalid{}", self.core.config.base_path),
        }
    }

    /// The socket address, for a started server.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.addr
    }

    /// Answers one request in memory, as the socket would (no socket, no clock use): the
    /// request's URI carries the path under [`url`](Self::url), its body is complete.
    pub async fn handle(&self, request: ::http::Request<Bytes>) -> ::http::Response<Bytes> {
        self.core.handle(request).await
    }

    /// A cheap, cloneable handle that answers requests in memory as [`handle`](Self::handle)
    /// does, and outlives a borrow of the server (a client's transport holds one).
    pub fn endpoint(&self) -> RestEndpoint {
        RestEndpoint {
            core: Arc::clone(&self.core),
        }
    }

    /// The world served.
    pub fn world(&self) -> &Arc<World> {
        &self.core.world
    }

    /// The configuration.
    pub fn config(&self) -> &RestConfig {
        &self.core.config
    }

    /// The requests received so far, in order: the most recent
    /// [`RestConfig::request_log_capacity`] (and [`RestConfig::request_log_bytes`]).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.core.records).all()
    }

    /// The last request received.
    pub fn last_request(&self) -> Option<RecordedRequest> {
        lock(&self.core.records).last().cloned()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        lock(&self.core.records).clear();
    }

    /// What the REST side holds now: open connections, the request log's size, the rate-limit
    /// counters (each bounded by the configuration).
    pub fn stats(&self) -> RestStats {
        let records = lock(&self.core.records);
        RestStats {
            connections: self.core.gate.open(),
            recorded_requests: records.len(),
            recorded_bytes: records.bytes(),
            rate_limit_keys: self.core.rate_limit_keys(),
        }
    }

    /// The shared pipeline, for the front port.
    pub(crate) fn core(&self) -> Arc<Core> {
        Arc::clone(&self.core)
    }

    /// Turns request recording on or off (on by default; benchmarks turn it off).
    pub fn set_recording(&self, on: bool) {
        self.core
            .recording
            .store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// Adds a fault.
    pub fn inject(&self, rule: FaultRule) {
        self.core
            .faults
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(rule);
    }
}

impl RestServer {
    /// Stops serving and returns once the listener socket is closed.
    pub async fn stop(mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }
}

impl Drop for RestServer {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// The REST side reached without a socket (see [`RestServer::endpoint`]): requests are
/// answered in the caller's task. asyncord's REST client uses one as its transport.
#[derive(Clone)]
pub struct RestEndpoint {
    core: Arc<Core>,
}

impl fmt::Debug for RestEndpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RestEndpoint")
    }
}

impl RestEndpoint {
    /// Answers one request, as [`RestServer::handle`].
    pub async fn handle(&self, request: ::http::Request<Bytes>) -> ::http::Response<Bytes> {
        self.core.handle(request).await
    }
}
