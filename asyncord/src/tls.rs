//! TLS for the connections to Discord, `https://` for REST and `wss://` for the gateway
//! ([docs](https://discord.com/developers/docs/reference#encryption)): rustls with the ring
//! provider and the webpki roots, in the build with the `rustls` feature (on by default).
//!
//! Without it, asyncord speaks only plain `http://` and `ws://` (the emulator, a local proxy that
//! holds the TLS connection to Discord), and a `https://` or `wss://` URL fails at once with
//! [`MISSING`] unless the bot brings a transport or connector of its own.

use std::io;

use hyper_util::client::legacy::connect::HttpConnector;
use tokio::net::TcpStream;

use crate::gateway::BoxedStream;

/// Whether this build speaks TLS.
pub(crate) const AVAILABLE: bool = cfg!(feature = "rustls");

/// Why a `https://` or `wss://` connection fails in a build without TLS.
pub(crate) const MISSING: &str = "https:// and wss:// need TLS, which this build of asyncord \
    leaves out: enable its `rustls` feature, or give it a transport or connector of your own";

/// The connector the REST client's connection pool opens connections with.
#[cfg(feature = "rustls")]
pub(crate) type HttpsConnector = hyper_rustls::HttpsConnector<HttpConnector>;

/// The connector the REST client's connection pool opens connections with: plain TCP.
#[cfg(not(feature = "rustls"))]
pub(crate) type HttpsConnector = HttpConnector;

/// Wraps the REST client's TCP connector: TLS for `https://` URLs, plain TCP for `http://`.
#[cfg(feature = "rustls")]
pub(crate) fn https_connector(http: HttpConnector) -> io::Result<HttpsConnector> {
    let provider = tokio_rustls::rustls::crypto::ring::default_provider();
    Ok(hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_webpki_roots(provider)
        .map_err(io::Error::other)?
        .https_or_http()
        .enable_http1()
        .wrap_connector(http))
}

/// Without TLS the REST client opens plain TCP connections (`https://` is refused before).
#[cfg(not(feature = "rustls"))]
#[allow(clippy::unnecessary_wraps)]
pub(crate) fn https_connector(http: HttpConnector) -> io::Result<HttpsConnector> {
    Ok(http)
}

/// The gateway connection to `host` over TLS, on the TCP connection `tcp` opens.
#[cfg(feature = "rustls")]
pub(crate) async fn gateway_stream(
    host: &str,
    tcp: impl Future<Output = io::Result<TcpStream>>,
) -> io::Result<BoxedStream> {
    use std::sync::{Arc, OnceLock};

    use tokio_rustls::rustls;

    static CONFIG: OnceLock<Arc<rustls::ClientConfig>> = OnceLock::new();
    let config = if let Some(config) = CONFIG.get() {
        Arc::clone(config)
    } else {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(io::Error::other)?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Arc::clone(CONFIG.get_or_init(|| Arc::new(config)))
    };
    let name = rustls::pki_types::ServerName::try_from(host.to_owned())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    let tls = tokio_rustls::TlsConnector::from(config)
        .connect(name, tcp.await?)
        .await?;
    Ok(Box::new(tls))
}

/// Without TLS a `wss://` gateway cannot be reached: refused before `tcp` connects (async for
/// the same call as with TLS).
#[cfg(not(feature = "rustls"))]
#[allow(clippy::unused_async)]
pub(crate) async fn gateway_stream(
    host: &str,
    tcp: impl Future<Output = io::Result<TcpStream>>,
) -> io::Result<BoxedStream> {
    let _ = (host, tcp);
    Err(io::Error::new(io::ErrorKind::Unsupported, MISSING))
}
