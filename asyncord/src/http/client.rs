//! [`HttpClient`]: sends a [`Request`] through the rate limiter and the transport, retries what
//! may be retried, and turns failures into [`RestError`]s.
//!
//! Headers sent: `Authorization: Bot <token>` (not on webhook-token routes), `User-Agent:
//! DiscordBot (url, version)`, `Content-Type`, `X-Audit-Log-Reason` (percent-encoded).
//! <https://discord.com/developers/docs/reference#http-api>
//!
//! The token goes only to the configured base URL: every request is built from it and a route
//! of the table, never from a URL a response gave, and redirects are not followed (a 3xx is
//! [`RestError::Redirected`]; hyper's client does not follow them either). A plain `http://`
//! base URL to a host other than this machine is accepted with one warning when the client is
//! built.

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ::http::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
use asyncord_model::route::Major;
use bytes::Bytes;
use percent_encoding::utf8_percent_encode;
use serde::de::DeserializeOwned;

use super::buckets::{DEFAULT_BUCKET_PRUNE_THRESHOLD, InMemoryRateLimiter};
use super::error::{ApiError, RateLimitScope, RestError, RestResult, snippet};
use super::invalid::{
    DEFAULT_INVALID_REQUEST_LIMIT, DEFAULT_INVALID_REQUEST_MAX_WAIT, InvalidRequestLimiter,
};
use super::limiter::{RateLimitHeaders, RateLimiter};
use super::multipart;
use super::request::{Body, Request};
use super::route::{COMPONENT, Route};
use super::transport::{FailedTransport, HyperTransport, Transport};
use crate::Token;

/// Discord's production API base URL.
pub const DEFAULT_BASE_URL: &str = "https://discord.com/api/v10";

/// The `Authorization` header value; its `Debug` never shows the token.
#[derive(Clone)]
struct Authorization(HeaderValue);

impl fmt::Debug for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bot <redacted>")
    }
}

/// Configures an [`HttpClient`].
#[derive(Debug)]
pub struct HttpConfig {
    /// The API base URL, without a trailing slash.
    pub base_url: String,
    /// The timeout of one attempt (connection + response).
    pub timeout: Duration,
    /// How many times a request is retried after a 429 or (idempotent methods) a 5xx.
    pub max_retries: u32,
    /// The first backoff after a server error (doubles on each retry).
    pub retry_backoff: Duration,
    /// The global limit (requests per second, `0` disables it).
    pub global_limit: u32,
    /// How many buckets the in-process limiter holds before it forgets those idle past their
    /// reset (default [`DEFAULT_BUCKET_PRUNE_THRESHOLD`]; unused with a custom `limiter`).
    pub bucket_prune_threshold: usize,
    /// At most this many invalid responses (401, 403, non-shared 429, webhook 404) per 10
    /// minutes (default [`DEFAULT_INVALID_REQUEST_LIMIT`], at most
    /// [`BAN_THRESHOLD`](super::BAN_THRESHOLD)): requests are held back before Cloudflare would
    /// ban the IP. Unused with `invalid_requests`.
    pub invalid_request_limit: u32,
    /// How long a request waits at most for the invalid-request window to have room before it
    /// fails with [`RestError::InvalidRequestLimit`] (default
    /// [`DEFAULT_INVALID_REQUEST_MAX_WAIT`]). Unused with `invalid_requests`.
    pub invalid_request_max_wait: Duration,
    /// An invalid-request limiter shared with other clients on the same IP (replaces the
    /// client's own, built from the two fields above).
    pub invalid_requests: Option<Arc<InvalidRequestLimiter>>,
    /// A custom rate limiter (replaces the in-process one, `global_limit` then unused).
    pub limiter: Option<Arc<dyn RateLimiter>>,
    /// A custom transport.
    pub transport: Option<Arc<dyn Transport>>,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout: Duration::from_secs(30),
            max_retries: 3,
            retry_backoff: Duration::from_millis(500),
            global_limit: 50,
            bucket_prune_threshold: DEFAULT_BUCKET_PRUNE_THRESHOLD,
            invalid_request_limit: DEFAULT_INVALID_REQUEST_LIMIT,
            invalid_request_max_wait: DEFAULT_INVALID_REQUEST_MAX_WAIT,
            invalid_requests: None,
            limiter: None,
            transport: None,
        }
    }
}

/// The HTTP layer of the REST client (shared by every resource through an `Arc`).
#[derive(Debug)]
pub struct HttpClient {
    token: Option<Authorization>,
    base_url: String,
    user_agent: HeaderValue,
    timeout: Duration,
    max_retries: u32,
    retry_backoff: Duration,
    transport: Arc<dyn Transport>,
    limiter: Arc<dyn RateLimiter>,
    token_invalid: AtomicBool,
    invalid: Arc<InvalidRequestLimiter>,
}

impl HttpClient {
    /// Builds the client. A token with characters not allowed in a header is kept out and every
    /// authenticated request fails with [`RestError::InvalidRequest`].
    pub fn new(token: impl Into<Token>, config: HttpConfig) -> Self {
        let token: Token = token.into();
        let token = HeaderValue::from_str(&format!("Bot {}", token.expose_secret()))
            .ok()
            .map(|mut v| {
                v.set_sensitive(true);
                Authorization(v)
            });
        let transport = config
            .transport
            .unwrap_or_else(|| match HyperTransport::new() {
                Ok(t) => Arc::new(t),
                Err(e) => {
                    tracing::error!(error = %e, "could not build the HTTPS transport");
                    Arc::new(FailedTransport(format!(
                        "the HTTPS transport could not be built: {e}"
                    )))
                }
            });
        let base_url = config.base_url.trim_end_matches('/').to_owned();
        warn_if_plain_text(&base_url);
        let limiter = config.limiter.unwrap_or_else(|| {
            Arc::new(InMemoryRateLimiter::with_config(
                config.global_limit,
                config.bucket_prune_threshold,
            ))
        });
        Self {
            token,
            base_url,
            user_agent: HeaderValue::from_static(concat!(
                "DiscordBot (https://github.com/asyncord/asyncord-rs, ",
                env!("CARGO_PKG_VERSION"),
                ")"
            )),
            timeout: config.timeout,
            max_retries: config.max_retries,
            retry_backoff: config.retry_backoff,
            transport,
            limiter,
            token_invalid: AtomicBool::new(false),
            invalid: config.invalid_requests.unwrap_or_else(|| {
                Arc::new(InvalidRequestLimiter::new(
                    config.invalid_request_limit,
                    config.invalid_request_max_wait,
                ))
            }),
        }
    }

    /// The API base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// How many invalid responses (401, 403, non-shared 429, webhook 404) the last 10 minutes
    /// hold.
    pub fn invalid_request_count(&self) -> u32 {
        self.invalid.count()
    }

    /// The invalid-request limiter (to share it with another client on the same IP).
    pub fn invalid_requests(&self) -> &Arc<InvalidRequestLimiter> {
        &self.invalid
    }

    /// Whether Discord rejected the token (after which authenticated requests are not sent).
    pub fn is_token_invalidated(&self) -> bool {
        self.token_invalid.load(Ordering::Relaxed)
    }

    /// Sends a request and parses the JSON response into `T`.
    pub async fn request<T: DeserializeOwned>(&self, request: Request) -> RestResult<T> {
        let method = request.route.method().to_string();
        let path = request.route.log_path().to_owned();
        let body = self.execute(request).await?;
        asyncord_model::lenient::from_slice(&body).map_err(|source| RestError::Decode {
            method,
            path,
            source,
            snippet: snippet(&body, 200),
        })
    }

    /// Sends a request whose response has no useful body (204).
    pub async fn request_empty(&self, request: Request) -> RestResult<()> {
        self.execute(request).await.map(drop)
    }

    fn build(
        &self,
        request: &Request,
        body: &(Option<HeaderValue>, Bytes),
    ) -> RestResult<::http::Request<Bytes>> {
        let route = &request.route;
        let mut uri = String::with_capacity(self.base_url.len() + route.path().len() + 32);
        uri.push_str(&self.base_url);
        uri.push_str(route.path());
        for (i, (k, v)) in request.query.iter().enumerate() {
            uri.push(if i == 0 { '?' } else { '&' });
            uri.push_str(k);
            uri.push('=');
            uri.extend(utf8_percent_encode(v, COMPONENT));
        }
        let mut builder = ::http::Request::builder()
            .method(route.method().clone())
            .uri(uri)
            .header(USER_AGENT, self.user_agent.clone());
        if route.is_authenticated() {
            let token = self.token.as_ref().ok_or_else(|| {
                RestError::InvalidRequest(
                    "the bot token contains characters not allowed in a header".into(),
                )
            })?;
            builder = builder.header(AUTHORIZATION, token.0.clone());
        }
        if let Some(ct) = &body.0 {
            builder = builder.header(CONTENT_TYPE, ct.clone());
        }
        if let Some(reason) = &request.reason {
            let encoded = utf8_percent_encode(reason, COMPONENT).to_string();
            let value = HeaderValue::from_str(&encoded)
                .map_err(|e| RestError::InvalidRequest(format!("audit-log reason: {e}")))?;
            builder = builder.header("x-audit-log-reason", value);
        }
        builder
            .body(body.1.clone())
            .map_err(|e| RestError::InvalidRequest(e.to_string()))
    }

    fn encode_body(body: &Body) -> RestResult<(Option<HeaderValue>, Bytes)> {
        Ok(match body {
            Body::Empty => (None, Bytes::new()),
            Body::Json(b) => (
                Some(HeaderValue::from_static("application/json")),
                b.clone(),
            ),
            Body::Multipart {
                payload_json,
                files,
                fields,
            } => {
                let (ct, bytes) = multipart::encode(payload_json.as_ref(), files, fields);
                let ct = HeaderValue::from_str(&ct)
                    .map_err(|e| RestError::InvalidRequest(e.to_string()))?;
                (Some(ct), bytes)
            }
        })
    }

    /// Sends a request: waits for the rate limiter, sends, retries 429s and (for idempotent
    /// methods) server errors, and returns the body of a successful response.
    pub async fn execute(&self, request: Request) -> RestResult<Bytes> {
        let route = &request.route;
        let method = route.method().to_string();
        let path = route.log_path().to_owned();
        if route.is_authenticated() && self.is_token_invalidated() {
            return Err(RestError::TokenInvalidated);
        }
        let body = Self::encode_body(&request.body)?;
        let mut ticket = self.limiter.acquire(route).await;
        let mut attempts = 0u32;
        loop {
            attempts += 1;
            if route.is_authenticated() && self.is_token_invalidated() {
                return Err(RestError::TokenInvalidated);
            }
            let http_request = self.build(&request, &body)?;
            let slot =
                self.invalid
                    .acquire()
                    .await
                    .map_err(|refusal| RestError::InvalidRequestLimit {
                        method: method.clone(),
                        path: path.clone(),
                        count: refusal.count,
                        limit: refusal.limit,
                        retry_after: refusal.retry_after,
                    })?;
            tracing::trace!(route = %route, attempt = attempts, "sending");
            let response =
                match tokio::time::timeout(self.timeout, self.transport.send(http_request)).await {
                    Err(_) => {
                        return Err(RestError::Timeout {
                            method,
                            path,
                            after: self.timeout,
                        });
                    }
                    Ok(Err(source)) => {
                        return Err(RestError::Transport {
                            method,
                            path,
                            source,
                        });
                    }
                    Ok(Ok(r)) => r,
                };
            let status = response.status().as_u16();
            let (parts, bytes) = response.into_parts();
            let headers = RateLimitHeaders::parse(status, &parts.headers, &bytes);
            slot.settle(is_invalid(route, status, &headers));
            ticket.update(&headers);
            match status {
                200..=299 => return Ok(bytes),
                429 => {
                    let scope = headers.scope.unwrap_or(RateLimitScope::User);
                    let retry_after = headers.retry_after.unwrap_or(Duration::from_secs(1));
                    if attempts > self.max_retries {
                        return Err(RestError::RateLimited {
                            method,
                            path,
                            scope,
                            retry_after,
                            global: headers.global,
                            message: headers.message,
                            attempts,
                        });
                    }
                    tracing::warn!(route = %route, %scope, ?retry_after, "rate limited (429), retrying");
                    ticket.ready().await;
                }
                500..=599 => {
                    if !route.is_idempotent() || attempts > self.max_retries {
                        return Err(RestError::Server {
                            method,
                            path,
                            status,
                            attempts,
                        });
                    }
                    let backoff = self
                        .retry_backoff
                        .saturating_mul(1 << (attempts - 1).min(6));
                    tracing::warn!(route = %route, status, ?backoff, "server error, retrying");
                    tokio::time::sleep(backoff).await;
                    ticket.ready().await;
                }
                300..=399 => {
                    // Never followed: the next request would carry the token to wherever the
                    // response points. Only the target's host is kept (its path may hold a
                    // webhook token).
                    let location = parts
                        .headers
                        .get(::http::header::LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.parse::<::http::Uri>().ok())
                        .map(|uri| {
                            uri.authority()
                                .map_or_else(|| "the same host".to_owned(), ToString::to_string)
                        });
                    return Err(RestError::Redirected {
                        method,
                        path,
                        status,
                        location,
                    });
                }
                _ => return Err(self.client_error(route, status, &bytes)),
            }
        }
    }

    fn client_error(&self, route: &Route, status: u16, bytes: &Bytes) -> RestError {
        let method = route.method().to_string();
        let path = route.log_path().to_owned();
        if status == 401 && route.is_authenticated() {
            self.token_invalid.store(true, Ordering::Relaxed);
            tracing::error!(
                route = %route,
                "Discord rejected the bot token (401); this client sends no more authenticated requests"
            );
        }
        match serde_json::from_slice::<serde_json::Value>(bytes) {
            Ok(json) if json.is_object() => {
                RestError::from_api(ApiError::from_body(&method, &path, status, &json))
            }
            _ => RestError::NotJson {
                method,
                path,
                status,
                snippet: snippet(bytes, 200),
            },
        }
    }
}

/// Whether Discord counts the response toward the invalid request limit: 401, 403, a 429 not of
/// the shared scope, and a webhook's 404.
/// <https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans>
fn is_invalid(route: &Route, status: u16, headers: &RateLimitHeaders) -> bool {
    match status {
        401 | 403 => true,
        429 => headers.scope != Some(RateLimitScope::Shared),
        404 => matches!(
            route.operation().major(),
            Major::WebhookId | Major::WebhookIdAndToken
        ),
        _ => false,
    }
}

/// Warns (once, when the client is built) about a base URL that sends the token in plain text
/// over the network: `http://` to a host that is not this machine (loopback: the emulator or a
/// local proxy, which is fine).
fn warn_if_plain_text(base_url: &str) {
    let Ok(uri) = base_url.parse::<::http::Uri>() else {
        return;
    };
    if uri.scheme() != Some(&::http::uri::Scheme::HTTP) {
        return;
    }
    let host = uri.host().unwrap_or_default();
    if is_loopback(host) {
        return;
    }
    tracing::warn!(
        host,
        "the REST base URL is plain http:// to a host that is not this machine: the bot token \
         and every request travel unencrypted; use https:// (or a proxy on localhost)"
    );
}

/// Whether `host` (as a URI writes it, IPv6 in brackets) is this machine: `localhost`, a name
/// under `.localhost`, `127.0.0.0/8` or `::1`.
fn is_loopback(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
