//! [`CountingConnector`]: the bytes a client receives, counted at asyncord's transport seam (a
//! [`Connector`] whose streams count what they read), WebSocket framing and the HTTP upgrade
//! included.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};

use asyncord::gateway::{BoxedStream, ConnectFuture, Connector, GatewayAddress};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// Opens plain TCP connections to loopback hosts only, and counts every byte read from them.
#[derive(Clone, Debug, Default)]
pub struct CountingConnector {
    received: Arc<AtomicU64>,
}

impl CountingConnector {
    /// A connector whose count starts at 0.
    pub fn new() -> Self {
        Self::default()
    }

    /// The bytes read so far from every connection it opened.
    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }
}

impl Connector for CountingConnector {
    fn connect<'a>(&'a self, url: &'a GatewayAddress) -> ConnectFuture<'a> {
        Box::pin(async move {
            if url.secure || !crate::contract::is_loopback(&url.host) {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "the bench connects to ws:// on loopback only, not {}",
                        url.base()
                    ),
                ));
            }
            let tcp = TcpStream::connect((url.host.as_str(), url.port)).await?;
            tcp.set_nodelay(true)?;
            Ok(Box::new(Counted {
                inner: tcp,
                received: Arc::clone(&self.received),
            }) as BoxedStream)
        })
    }
}

/// A stream that adds what it reads to a shared count.
struct Counted {
    inner: TcpStream,
    received: Arc<AtomicU64>,
}

impl AsyncRead for Counted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        let read = buf.filled().len() - before;
        if read > 0 {
            self.received.fetch_add(read as u64, Ordering::Relaxed);
        }
        polled
    }
}

impl AsyncWrite for Counted {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
