//! The emulator's single front port: one 127.0.0.1 listener that serves both doors, so a client
//! configured with `http://127.0.0.1:PORT/api/v10` and `ws://127.0.0.1:PORT` reaches REST and
//! the gateway.
//!
//! Each accepted connection's request head is read first: a WebSocket upgrade is served by the
//! gateway side, anything else by the REST side, each on this same connection (the head
//! included) and held to that side's [`ConnectionLimits`](crate::ConnectionLimits) and
//! [`OriginPolicy`](crate::OriginPolicy). Until its head is read, a connection counts as a REST
//! one, and one whose head does not arrive within REST's `header_read_timeout` is closed.

use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};
use tokio::time::Instant;

use crate::connections::{Admission, accept_failed};
use crate::gateway::ServerInner;
use crate::prefixed::Prefixed;
use crate::rest::Core;

/// The largest request head looked at to choose a side.
const MAX_HEAD: usize = 16 * 1024;

/// A running front listener (stops, with every connection it serves, when dropped).
#[derive(Debug)]
pub(crate) struct Front {
    addr: SocketAddr,
    task: Option<JoinHandle<()>>,
}

impl Front {
    /// Serves `listener` with the REST side `rest` and the gateway side `gateway`.
    pub(crate) fn start(listener: TcpListener, rest: Arc<Core>, gateway: Arc<ServerInner>) -> Self {
        let addr = listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
        let task = tokio::spawn(async move {
            let mut served = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => match accepted {
                        Ok((stream, _)) => {
                            // Until its head is read, a connection counts as a REST one.
                            let Some(admission) = rest.gate.admit("front") else {
                                continue;
                            };
                            let _ = stream.set_nodelay(true);
                            served.spawn(serve(stream, admission, Arc::clone(&rest), Arc::clone(&gateway)));
                        }
                        Err(e) => accept_failed("front", &e).await,
                    },
                    Some(_) = served.join_next(), if !served.is_empty() => {}
                }
            }
        });
        tracing::debug!(%addr, "emulator front listening");
        Self {
            addr,
            task: Some(task),
        }
    }

    /// The listening address.
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops listening and returns once the listener socket is closed.
    pub(crate) async fn stop(mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            // The aborted task drops the listener (and its connections) before the join
            // completes.
            let _ = task.await;
        }
    }
}

impl Drop for Front {
    fn drop(&mut self) {
        // Aborting the accept task drops its JoinSet, which aborts every connection.
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Whether a request head asks for a WebSocket upgrade.
fn is_websocket(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    text.lines().any(|l| {
        l.split_once(':')
            .is_some_and(|(k, v)| k.trim() == "upgrade" && v.trim().contains("websocket"))
    })
}

/// Reads the request head of `client` (or as much as `MAX_HEAD`), then serves the connection,
/// those bytes included, on the side it is for.
async fn serve(
    mut client: TcpStream,
    admission: Admission,
    rest: Arc<Core>,
    gateway: Arc<ServerInner>,
) {
    let deadline = Instant::now() + rest.config.connections.header_read_timeout;
    let mut head = vec![0_u8; MAX_HEAD];
    let mut len = 0;
    while len < MAX_HEAD && !head[..len].windows(4).any(|w| w == b"\r\n\r\n") {
        match tokio::time::timeout_at(deadline, client.read(&mut head[len..])).await {
            Err(_) => {
                tracing::debug!("emulator front: no complete request head in time");
                return;
            }
            Ok(Ok(0) | Err(_)) => return,
            Ok(Ok(n)) => len += n,
        }
    }
    head.truncate(len);
    let websocket = is_websocket(&head);
    let client = Prefixed::new(Bytes::from(head), client);
    if websocket {
        drop(admission);
        let Some(admission) = gateway.gate.admit("front") else {
            return;
        };
        crate::gateway::serve_socket(gateway, client, admission).await;
    } else {
        crate::rest::serve_socket(rest, client, admission).await;
    }
}

#[cfg(test)]
mod tests {
    use super::is_websocket;

    #[test]
    fn recognises_upgrades_case_insensitively() {
        assert!(is_websocket(
            b"GET /?v=10 HTTP/1.1\r\nHost: x\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n"
        ));
        assert!(!is_websocket(
            b"GET /api/v10/gateway/bot HTTP/1.1\r\nHost: x\r\n\r\n"
        ));
    }
}
