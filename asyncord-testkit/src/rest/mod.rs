//! The emulator's REST side: a loopback HTTP server speaking Discord's API v10.
//!
//! [`RestServer::start`] binds `127.0.0.1:0` and serves the [`World`]: stateful
//! messages, channels, threads, guilds, roles, members, bans, users, DMs, commands,
//! interactions, webhooks, invites, stage instances and stickers; Discord's error JSON; its
//! rate-limit headers from configurable [`BucketDef`]s; 429s of each scope, 5xx, slow and
//! non-JSON responses on demand ([`FaultRule`]); and a record of every request
//! ([`RecordedRequest`]). [`RestServer::in_memory`] serves the same without a socket, through
//! [`RestServer::handle`] or a [`RestEndpoint`], so rate-limit tests can run on tokio's paused
//! clock.
//!
//! Discord's reference: <https://discord.com/developers/docs/reference>.

mod config;
mod core;
mod faults;
mod handlers;
mod limits;
mod record;
mod reply;

use std::convert::Infallible;
use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

pub use crate::world::{Seed, World};
pub use config::{BucketDef, RestConfig};
pub use faults::{Fault, FaultRule};
pub use record::{Part, RecordedRequest, parse_multipart};

use self::core::Core;

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
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let core = Arc::clone(&serving);
                tokio::spawn(async move {
                    let service = service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                        let core = Arc::clone(&core);
                        async move {
                            let (parts, body) = req.into_parts();
                            let bytes = body
                                .collect()
                                .await
                                .map(http_body_util::Collected::to_bytes)
                                .unwrap_or_default();
                            let response =
                                core.handle(::http::Request::from_parts(parts, bytes)).await;
                            Ok::<_, Infallible>(response.map(Full::new))
                        }
                    });
                    if let Err(e) = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await
                    {
                        tracing::debug!(error = %e, "emulator connection ended with an error");
                    }
                });
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

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.core
            .records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The last request received.
    pub fn last_request(&self) -> Option<RecordedRequest> {
        self.core
            .records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .last()
            .cloned()
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        self.core
            .records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clear();
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
