//! How a shard reaches the gateway: a pluggable [`Connector`] gives a byte stream (TCP, TLS, or
//! an in-memory pipe to the emulator), then the WebSocket upgrade runs over it and fastwebsockets
//! speaks the protocol ([docs](https://discord.com/developers/docs/events/gateway#connecting)).

use std::future::Future;
use std::io;
use std::pin::Pin;

use bytes::Bytes;
use fastwebsockets::{Role, WebSocket, WebSocketRead, WebSocketWrite};
use http_body_util::Empty;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncWrite, ReadHalf, WriteHalf};

use super::compression::Compression;
use super::error::GatewayError;
use super::read_cap::ReadCap;

/// A byte stream a gateway connection can run over.
pub trait GatewayStream: AsyncRead + AsyncWrite + Send + Unpin + 'static {}
impl<T: AsyncRead + AsyncWrite + Send + Unpin + 'static> GatewayStream for T {}

/// A boxed [`GatewayStream`].
pub type BoxedStream = Box<dyn GatewayStream>;

/// The future a [`Connector`] returns.
pub type ConnectFuture<'a> = Pin<Box<dyn Future<Output = io::Result<BoxedStream>> + Send + 'a>>;

/// Opens the byte stream under a gateway connection.
pub trait Connector: Send + Sync + 'static {
    /// Opens a stream to `url`'s host (TLS already set up for `wss://`).
    fn connect<'a>(&'a self, url: &'a GatewayAddress) -> ConnectFuture<'a>;
}

/// Where a shard connects: a parsed `ws://` or `wss://` WebSocket address (scheme, host, port,
/// path). Not to be confused with the REST answers that carry the gateway's URL as text
/// ([`GatewayBot`](asyncord_model::gateway::GatewayBot)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayAddress {
    /// `wss://`.
    pub secure: bool,
    /// The host name.
    pub host: String,
    /// The port.
    pub port: u16,
    /// The path (at least `/`), without query.
    pub path: String,
}

impl GatewayAddress {
    /// Parses a gateway URL; any query string is dropped (the client adds its own).
    pub fn parse(url: &str) -> Result<Self, GatewayError> {
        let bad = |reason| GatewayError::InvalidUrl {
            url: url.to_owned(),
            reason,
        };
        let (secure, rest) = if let Some(r) = url.strip_prefix("wss://") {
            (true, r)
        } else if let Some(r) = url.strip_prefix("ws://") {
            (false, r)
        } else {
            return Err(bad("the scheme must be ws:// or wss://"));
        };
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || h.starts_with('[') => {
                (h, p.parse::<u16>().map_err(|_| bad("bad port"))?)
            }
            _ => (authority, if secure { 443 } else { 80 }),
        };
        if host.is_empty() {
            return Err(bad("no host"));
        }
        Ok(Self {
            secure,
            host: host.to_owned(),
            port,
            path: path.to_owned(),
        })
    }

    /// The URL as text (no query).
    pub fn base(&self) -> String {
        let scheme = if self.secure { "wss" } else { "ws" };
        format!("{scheme}://{}:{}{}", self.host, self.port, self.path)
    }

    /// Whether `resume`, a `resume_gateway_url` this gateway handed out, may receive the bot
    /// token: the same host, or a host of the same domain (Discord's resume URLs are other
    /// hosts of `discord.gg`), and never a downgrade from `wss://` to `ws://`.
    pub(crate) fn trusts_resume_host(&self, resume: &GatewayAddress) -> bool {
        if self.secure && !resume.secure {
            return false;
        }
        let host = self.host.to_ascii_lowercase();
        let other = resume.host.to_ascii_lowercase();
        host == other
            || registrable_domain(&host)
                .is_some_and(|d| other.ends_with(&format!(".{d}")) || other == d)
    }

    /// Whether the host is this machine (a name or address only loopback can answer).
    pub(crate) fn is_loopback(&self) -> bool {
        let host = self.host.trim_start_matches('[').trim_end_matches(']');
        host.eq_ignore_ascii_case("localhost")
            || host.to_ascii_lowercase().ends_with(".localhost")
            || host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }

    /// The request target with `v=10&encoding=json` and the compression parameter.
    pub(crate) fn request_target(&self, compression: Compression) -> String {
        let mut target = format!("{}?v=10&encoding=json", self.path);
        if let Some(c) = compression.query_value() {
            target.push_str("&compress=");
            target.push_str(c);
        }
        target
    }
}

/// The last two labels of a DNS name (`gateway.discord.gg` -> `discord.gg`); `None` for an IP
/// address or a single-label name, which only trust themselves.
fn registrable_domain(host: &str) -> Option<&str> {
    if host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return None;
    }
    let mut dots = host.rmatch_indices('.');
    dots.next()?;
    Some(dots.next().map_or(host, |(i, _)| &host[i + 1..]))
}

/// The default connector: TCP, with TLS for `wss://` (rustls with the webpki roots; a build
/// without asyncord's `rustls` feature refuses `wss://`).
#[derive(Debug, Default, Clone, Copy)]
pub struct TcpConnector;

impl Connector for TcpConnector {
    fn connect<'a>(&'a self, url: &'a GatewayAddress) -> ConnectFuture<'a> {
        Box::pin(async move {
            // Not connected yet: a build without TLS refuses `wss://` before connecting.
            let tcp = async {
                let tcp = tokio::net::TcpStream::connect((url.host.as_str(), url.port)).await?;
                tcp.set_nodelay(true)?;
                Ok(tcp)
            };
            if url.secure {
                crate::tls::gateway_stream(&url.host, tcp).await
            } else {
                Ok(Box::new(tcp.await?) as BoxedStream)
            }
        })
    }
}

/// The read half of an open gateway WebSocket.
pub(crate) type WsRead = WebSocketRead<ReadCap<ReadHalf<TokioIo<hyper::upgrade::Upgraded>>>>;
/// The write half of an open gateway WebSocket.
pub(crate) type WsWrite = WebSocketWrite<WriteHalf<TokioIo<hyper::upgrade::Upgraded>>>;

/// Why a connection could not be opened.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ConnectError {
    #[error("connect failed: {0}")]
    Io(#[from] io::Error),
    #[error("websocket upgrade failed: {0}")]
    Http(#[from] hyper::Error),
    #[error("the server refused the websocket upgrade with HTTP {0}")]
    Refused(u16),
    #[error("the server's answer to the upgrade lacks `{0}` for a websocket")]
    NotWebSocket(&'static str),
    #[error("bad upgrade request: {0}")]
    Request(#[from] http::Error),
}

impl ConnectError {
    /// The status of an upgrade the server refused with an HTTP client error that may be about
    /// the request's parameters (any 4xx but 429, which is about its rate).
    pub(crate) fn refused_status(&self) -> Option<u16> {
        match self {
            Self::Refused(status @ (400..=428 | 430..=499)) => Some(*status),
            _ => None,
        }
    }
}

/// Opens a WebSocket to `url` and splits it.
pub(crate) async fn open(
    connector: &dyn Connector,
    url: &GatewayAddress,
    compression: Compression,
) -> Result<(WsRead, WsWrite), ConnectError> {
    let stream = connector.connect(url).await?;
    let host = if (url.secure && url.port == 443) || (!url.secure && url.port == 80) {
        url.host.clone()
    } else {
        format!("{}:{}", url.host, url.port)
    };
    let request = http::Request::builder()
        .method("GET")
        .uri(url.request_target(compression))
        .header(http::header::HOST, host)
        .header(http::header::UPGRADE, "websocket")
        .header(http::header::CONNECTION, "upgrade")
        .header("Sec-WebSocket-Key", super::upgrade::key())
        .header("Sec-WebSocket-Version", "13")
        .body(Empty::<Bytes>::new())?;
    let upgraded = super::upgrade::upgrade(stream, request).await?;
    Ok(split(WebSocket::after_handshake(upgraded, Role::Client)))
}

fn split(mut ws: WebSocket<TokioIo<hyper::upgrade::Upgraded>>) -> (WsRead, WsWrite) {
    ws.set_auto_close(false);
    ws.set_auto_pong(false);
    ws.set_max_message_size(256 << 20);
    ws.split(|stream| {
        let (read, write) = tokio::io::split(stream);
        (ReadCap(read), write)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_gateway_urls() {
        let u = GatewayAddress::parse("wss://gateway.discord.gg/?v=10&encoding=json").unwrap();
        assert_eq!(
            (u.secure, u.host.as_str(), u.port, u.path.as_str()),
            (true, "gateway.discord.gg", 443, "/")
        );
        assert_eq!(
            u.request_target(Compression::ZstdStream),
            "/?v=10&encoding=json&compress=zstd-stream"
        );
        let u = GatewayAddress::parse("ws://127.0.0.1:9000").unwrap();
        assert_eq!((u.secure, u.port, u.path.as_str()), (false, 9000, "/"));
        assert_eq!(u.base(), "ws://127.0.0.1:9000/");
        assert!(GatewayAddress::parse("http://x").is_err());
        assert!(GatewayAddress::parse("ws://:80").is_err());
        assert!(GatewayAddress::parse("ws://h:notaport/").is_err());
    }

    #[test]
    fn resume_hosts_the_token_may_go_to() {
        let main = GatewayAddress::parse("wss://gateway.discord.gg").unwrap();
        let trusted = |url: &str| main.trusts_resume_host(&GatewayAddress::parse(url).unwrap());
        assert!(trusted("wss://gateway-us-east1-b.discord.gg"));
        assert!(trusted("wss://gateway.discord.gg:443/"));
        assert!(trusted("wss://discord.gg"));
        assert!(
            !trusted("ws://gateway-us-east1-b.discord.gg"),
            "no downgrade to ws://"
        );
        assert!(!trusted("wss://evil.example"));
        assert!(!trusted("wss://discord.gg.evil.example"));
        assert!(!trusted("wss://notdiscord.gg"));
        let local = GatewayAddress::parse("ws://127.0.0.1:7878").unwrap();
        let from_local = |url: &str| local.trusts_resume_host(&GatewayAddress::parse(url).unwrap());
        assert!(from_local("ws://127.0.0.1:7879"), "same host, another port");
        assert!(!from_local("ws://127.0.0.2:7878"));
        assert!(!from_local("ws://localhost:7878"));
    }

    #[test]
    fn loopback_hosts() {
        for url in [
            "ws://127.0.0.1:1",
            "ws://localhost",
            "ws://a.localhost",
            "ws://[::1]:5",
        ] {
            assert!(GatewayAddress::parse(url).unwrap().is_loopback(), "{url}");
        }
        for url in [
            "ws://gateway.discord.gg",
            "ws://10.0.0.1",
            "ws://localhost.evil.example",
        ] {
            assert!(!GatewayAddress::parse(url).unwrap().is_loopback(), "{url}");
        }
    }
}
