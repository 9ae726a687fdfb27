//! The emulator's single front port: one 127.0.0.1 listener that serves both doors, so a client
//! configured with `http://127.0.0.1:PORT/api/v10` and `ws://127.0.0.1:PORT` reaches REST and
//! the gateway.
//!
//! Each accepted connection's request head is peeked (not consumed): a WebSocket upgrade goes to
//! the gateway side, anything else to the REST side; the bytes are then relayed both ways
//! unchanged.

use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// The largest request head looked at to choose a side.
const MAX_HEAD: usize = 16 * 1024;

/// A running front listener (stops, with every relayed connection, when dropped).
#[derive(Debug)]
pub(crate) struct Front {
    addr: SocketAddr,
    task: Option<JoinHandle<()>>,
}

impl Front {
    /// Serves `listener`, relaying to the REST server at `rest` and the gateway at `gateway`.
    pub(crate) fn start(listener: TcpListener, rest: SocketAddr, gateway: SocketAddr) -> Self {
        let addr = listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)));
        let task = tokio::spawn(async move {
            let mut relays = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => match accepted {
                        Ok((stream, _)) => {
                            let _ = stream.set_nodelay(true);
                            relays.spawn(relay(stream, rest, gateway));
                        }
                        Err(e) => {
                            tracing::debug!(error = %e, "emulator front: accept failed");
                            tokio::time::sleep(Duration::from_millis(10)).await;
                        }
                    },
                    Some(_) = relays.join_next(), if !relays.is_empty() => {}
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
            // The aborted task drops the listener (and its relays) before the join completes.
            let _ = task.await;
        }
    }
}

impl Drop for Front {
    fn drop(&mut self) {
        // Aborting the accept task drops its JoinSet, which aborts every relay.
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

/// Peeks the request head of `stream`, then relays it to the side it is for.
async fn relay(mut client: TcpStream, rest: SocketAddr, gateway: SocketAddr) {
    let mut buf = vec![0_u8; MAX_HEAD];
    let mut seen = 0;
    for _ in 0..200 {
        match client.peek(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => {
                if buf[..n].windows(4).any(|w| w == b"\r\n\r\n") || n == MAX_HEAD {
                    seen = n;
                    break;
                }
                if n == seen {
                    // Only part of the head has arrived: wait for more.
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
                seen = n;
            }
        }
    }
    let target = if is_websocket(&buf[..seen]) {
        gateway
    } else {
        rest
    };
    let Ok(mut upstream) = TcpStream::connect(target).await else {
        tracing::debug!(%target, "emulator front: upstream unreachable");
        return;
    };
    let _ = upstream.set_nodelay(true);
    let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
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
