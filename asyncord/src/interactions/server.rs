//! [`InteractionsServer`]: the HTTP/1.1 server of the interactions endpoint (hyper), its
//! connections (at most [`InteractionsConfig::max_connections`] at once), and its graceful
//! shutdown: stop accepting, let each connection finish the request it is answering (bounded
//! by a grace period), then close.

use std::convert::Infallible;
use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

use super::config::InteractionsConfig;
use super::request::Endpoint;
use crate::dispatcher::Dispatcher;
use crate::rest::RestClient;

/// A running interactions endpoint.
///
/// Requests are verified (Ed25519 signature and replay window), PINGs answered with PONG, and
/// every other interaction dispatched to `dispatcher` as an
/// [`InteractionCreateEvent`](crate::model::gateway::InteractionCreateEvent), exactly as the
/// gateway delivers it. A handler answers as it would over the gateway, with
/// `client.interactions.respond(..)` on the `client` given here (the group's `client`): the
/// response travels in the HTTP answer. See the [module docs](super) for the deadline.
pub struct InteractionsServer {
    local_addr: SocketAddr,
    stop: watch::Sender<Option<Duration>>,
    task: JoinHandle<()>,
}

impl fmt::Debug for InteractionsServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InteractionsServer")
            .field("local_addr", &self.local_addr)
            .finish_non_exhaustive()
    }
}

impl InteractionsServer {
    /// Binds `config.addr` and serves until [`shutdown`](Self::shutdown). `client` must be the
    /// REST client the handlers answer with (the group's `client` argument).
    ///
    /// # Errors
    /// When the address cannot be bound.
    pub async fn bind(
        config: InteractionsConfig,
        dispatcher: Dispatcher,
        client: &RestClient,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind(config.addr).await?;
        let local_addr = listener.local_addr()?;
        let endpoint = Arc::new(Endpoint {
            config,
            dispatcher,
            answers: Arc::clone(client.interactions.answers()),
        });
        let (stop, stopped) = watch::channel(None);
        let task = tokio::spawn(accept(listener, endpoint, stopped));
        tracing::info!(%local_addr, "interactions endpoint listening");
        Ok(Self {
            local_addr,
            stop,
            task,
        })
    }

    /// The address it listens on (the port, when `addr` asked for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Stops accepting connections at once; requests being answered get up to `grace` to
    /// finish (their handlers are bounded by the deadline anyway); then every connection
    /// closes.
    pub async fn shutdown(self, grace: Duration) {
        self.stop.send_replace(Some(grace));
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the interactions endpoint's task ended abnormally");
        }
        tracing::info!(local_addr = %self.local_addr, "interactions endpoint stopped");
    }
}

async fn accept(
    listener: TcpListener,
    endpoint: Arc<Endpoint>,
    stopped: watch::Receiver<Option<Duration>>,
) {
    let mut connections = JoinSet::new();
    let mut stop = stopped.clone();
    let limit = endpoint.config.max_connections.max(1);
    let mut at_limit = false;
    loop {
        // At the limit, accept nothing until a connection closes: clients wait in the listen
        // queue (and the system refuses them once that is full).
        let full = connections.len() >= limit;
        if full && !at_limit {
            tracing::warn!(
                limit,
                "the interactions endpoint serves its limit of connections; new ones wait until one closes"
            );
        }
        at_limit = full;
        tokio::select! {
            biased;
            () = stopping(&mut stop) => break,
            accepted = listener.accept(), if !full => match accepted {
                Ok((stream, peer)) => {
                    connections.spawn(serve(stream, peer, Arc::clone(&endpoint), stopped.clone()));
                }
                Err(e) => {
                    // Out of file descriptors and the like: wait a little instead of spinning.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let grace = stopped.borrow().unwrap_or_default();
    let drained = tokio::time::timeout(grace, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        tracing::warn!(
            connections = connections.len(),
            "interactions connections still open after the shutdown grace; closing them"
        );
        connections.shutdown().await;
    }
}

async fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    endpoint: Arc<Endpoint>,
    mut stopped: watch::Receiver<Option<Duration>>,
) {
    let _ = stream.set_nodelay(true);
    // The endpoint's read timeout also bounds how long an idle keep-alive connection may wait
    // before its next request's head.
    let read_timeout = endpoint.config.read_timeout.max(Duration::from_millis(100));
    let service = service_fn(move |request| {
        let endpoint = Arc::clone(&endpoint);
        async move { Ok::<_, Infallible>(endpoint.handle(request).await) }
    });
    let connection = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(read_timeout)
        .serve_connection(TokioIo::new(stream), service);
    let mut connection = std::pin::pin!(connection);
    let result = tokio::select! {
        result = connection.as_mut() => result,
        () = stopping(&mut stopped) => {
            connection.as_mut().graceful_shutdown();
            connection.await
        }
    };
    if let Err(e) = result {
        tracing::debug!(%peer, error = %e, "interactions connection ended with an error");
    }
}

/// Resolves when the server is told to stop.
async fn stopping(stopped: &mut watch::Receiver<Option<Duration>>) {
    let _ = stopped.wait_for(Option::is_some).await;
}
