//! The transport boundary: sends one HTTP request, returns the whole response.
//!
//! [`HyperTransport`] is the real one (hyper 1 + hyper-rustls with ring, a keep-alive pool);
//! the emulator provides an in-memory one so rate-limit tests run on tokio's paused clock.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use super::error::BoxError;
use super::limiter::BoxFuture;

/// Sends HTTP requests.
pub trait Transport: Send + Sync + fmt::Debug + 'static {
    /// Sends `request` and reads the whole response body.
    fn send(
        &self,
        request: ::http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<::http::Response<Bytes>, BoxError>>;
}

/// The default transport: hyper, HTTP/1.1 keep-alive, with rustls (ring provider, webpki roots)
/// for `https://` (a build without asyncord's `rustls` feature refuses `https://` URLs).
#[derive(Clone)]
pub struct HyperTransport {
    client: Client<crate::tls::HttpsConnector, Full<Bytes>>,
}

impl fmt::Debug for HyperTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HyperTransport")
    }
}

impl HyperTransport {
    /// Builds the connection pool.
    pub fn new() -> Result<Self, BoxError> {
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(Duration::from_secs(10)));
        let https = crate::tls::https_connector(http)?;
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(90))
            .pool_max_idle_per_host(32)
            .build(https);
        Ok(Self { client })
    }
}

impl Transport for HyperTransport {
    fn send(
        &self,
        request: ::http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<::http::Response<Bytes>, BoxError>> {
        Box::pin(async move {
            if !crate::tls::AVAILABLE && request.uri().scheme() == Some(&::http::uri::Scheme::HTTPS)
            {
                return Err(crate::tls::MISSING.into());
            }
            let (parts, body) = request.into_parts();
            let response = self
                .client
                .request(::http::Request::from_parts(parts, Full::new(body)))
                .await?;
            let (parts, body) = response.into_parts();
            let bytes = body.collect().await?.to_bytes();
            Ok(::http::Response::from_parts(parts, bytes))
        })
    }
}

/// A transport that could not be built; every request fails with the reason.
#[derive(Debug)]
pub(crate) struct FailedTransport(pub String);

impl Transport for FailedTransport {
    fn send(
        &self,
        _request: ::http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<::http::Response<Bytes>, BoxError>> {
        let reason = self.0.clone();
        Box::pin(async move { Err(reason.into()) })
    }
}
