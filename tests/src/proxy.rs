//! [`RecordingProxy`]: a small HTTP/1.1 proxy on 127.0.0.1 that sits between a REST client and
//! the emulator and keeps every request with the exact response bytes it got, so a test can
//! check both sides of each exchange (the emulator's own records keep only the status).
//!
//! It understands what the client and the emulator speak: keep-alive connections and bodies
//! sized by `Content-Length` (no chunked encoding).

use std::sync::{Arc, Mutex, PoisonError};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// One request and its response, as they crossed the proxy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// The method (`GET`...).
    pub method: String,
    /// The request target (`/api/v10/channels/1?x=y`).
    pub target: String,
    /// The request's `Content-Type`.
    pub content_type: Option<String>,
    /// Every request header, as sent (name, value), in order.
    pub headers: Vec<(String, String)>,
    /// The request body.
    pub body: Vec<u8>,
    /// The response status.
    pub status: u16,
    /// The response's `Content-Type`.
    pub response_type: Option<String>,
    /// The response body.
    pub response: Vec<u8>,
}

/// A running proxy; dropping it stops accepting connections.
#[derive(Debug)]
pub struct RecordingProxy {
    port: u16,
    log: Arc<Mutex<Vec<Exchange>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl RecordingProxy {
    /// Starts a proxy forwarding to `upstream` (`127.0.0.1:port`).
    ///
    /// # Errors
    /// When no local port can be bound.
    pub async fn start(upstream: std::net::SocketAddr) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let port = listener.local_addr()?.port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let shared = Arc::clone(&log);
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let log = Arc::clone(&shared);
                tokio::spawn(async move {
                    let _ = serve(client, upstream, log).await;
                });
            }
        });
        Ok(Self { port, log, task })
    }

    /// The base URL to give the client (`http://127.0.0.1:port` + `base_path`).
    pub fn url(&self, base_path: &str) -> String {
        format!("http://127.0.0.1:{}{base_path}", self.port)
    }

    /// Removes and returns the exchanges recorded so far.
    pub fn take(&self) -> Vec<Exchange> {
        std::mem::take(&mut *self.log.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

/// One HTTP message read off a stream: head lines and body.
struct Message {
    head: Vec<String>,
    raw_head: Vec<u8>,
    body: Vec<u8>,
}

impl Message {
    fn headers(&self) -> Vec<(String, String)> {
        self.head
            .iter()
            .skip(1)
            .filter_map(|line| {
                let (k, v) = line.split_once(':')?;
                Some((k.trim().to_owned(), v.trim().to_owned()))
            })
            .collect()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.head.iter().skip(1).find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Reads one message (`None` at a clean end of stream).
async fn read_message(
    stream: &mut TcpStream,
    buf: &mut Vec<u8>,
) -> std::io::Result<Option<Message>> {
    let end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let raw_head: Vec<u8> = buf.drain(..end).collect();
    let text = String::from_utf8_lossy(&raw_head).into_owned();
    let head: Vec<String> = text
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    let mut message = Message {
        head,
        raw_head,
        body: Vec::new(),
    };
    let length: usize = message
        .header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < length {
        let mut chunk = [0u8; 8192];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    message.body = buf.drain(..length).collect();
    Ok(Some(message))
}

async fn serve(
    mut client: TcpStream,
    upstream: std::net::SocketAddr,
    log: Arc<Mutex<Vec<Exchange>>>,
) -> std::io::Result<()> {
    let mut server = TcpStream::connect(upstream).await?;
    let (mut cbuf, mut sbuf) = (Vec::new(), Vec::new());
    while let Some(request) = read_message(&mut client, &mut cbuf).await? {
        server.write_all(&request.raw_head).await?;
        server.write_all(&request.body).await?;
        let Some(response) = read_message(&mut server, &mut sbuf).await? else {
            return Ok(());
        };
        let mut words = request.head[0].split(' ');
        let method = words.next().unwrap_or_default().to_owned();
        let target = words.next().unwrap_or_default().to_owned();
        let status = response.head[0]
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let exchange = Exchange {
            method,
            target,
            content_type: request.header("content-type").map(str::to_owned),
            headers: request.headers(),
            body: request.body.clone(),
            status,
            response_type: response.header("content-type").map(str::to_owned),
            response: response.body.clone(),
        };
        // recorded before the client sees the response, so a test reading the log after its
        // call returned finds the exchange
        log.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(exchange);
        client.write_all(&response.raw_head).await?;
        client.write_all(&response.body).await?;
    }
    Ok(())
}
