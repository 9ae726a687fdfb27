//! The rate-limiter boundary: a [`RateLimiter`] hands out a [`RateLimitTicket`] per request and
//! learns from every response's [`RateLimitHeaders`].
//!
//! The in-process implementation is [`InMemoryRateLimiter`](super::InMemoryRateLimiter); a
//! limiter shared by several processes (Redis, a proxy...) can implement the same two traits
//! without touching the resources. Headers: <https://discord.com/developers/docs/topics/rate-limits#header-format>.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use ::http::HeaderMap;

use super::error::RateLimitScope;
use super::route::Route;

/// A boxed, sendable future (what the limiter traits return).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What a response said about rate limits.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RateLimitHeaders {
    /// The HTTP status of the response.
    pub status: u16,
    /// `X-RateLimit-Limit`.
    pub limit: Option<u32>,
    /// `X-RateLimit-Remaining`.
    pub remaining: Option<u32>,
    /// `X-RateLimit-Reset-After`.
    pub reset_after: Option<Duration>,
    /// `X-RateLimit-Bucket`: Discord's opaque bucket id.
    pub bucket: Option<String>,
    /// For a 429: how long to wait (body `retry_after`, else `Retry-After`).
    pub retry_after: Option<Duration>,
    /// For a 429: `X-RateLimit-Scope`.
    pub scope: Option<RateLimitScope>,
    /// For a 429: whether the global limit was hit (`X-RateLimit-Global` or body `global`).
    pub global: bool,
    /// For a 429: the message of the body.
    pub message: String,
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn seconds(v: &str) -> Option<Duration> {
    v.trim()
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(|s| Duration::from_secs_f64(s.min(86_400.0)))
}

impl RateLimitHeaders {
    /// Reads the headers (and, for a 429, the JSON body) of a response.
    pub fn parse(status: u16, headers: &HeaderMap, body: &[u8]) -> Self {
        let mut out = Self {
            status,
            limit: header(headers, "x-ratelimit-limit").and_then(|v| v.trim().parse().ok()),
            remaining: header(headers, "x-ratelimit-remaining").and_then(|v| v.trim().parse().ok()),
            reset_after: header(headers, "x-ratelimit-reset-after").and_then(seconds),
            bucket: header(headers, "x-ratelimit-bucket").map(str::to_owned),
            ..Self::default()
        };
        if status == 429 {
            let json: Option<serde_json::Value> = serde_json::from_slice(body).ok();
            let body_retry = json
                .as_ref()
                .and_then(|j| j.get("retry_after"))
                .and_then(serde_json::Value::as_f64)
                .and_then(|s| seconds(&s.to_string()));
            out.retry_after =
                body_retry.or_else(|| header(headers, "retry-after").and_then(seconds));
            out.global = header(headers, "x-ratelimit-global").is_some_and(|v| v == "true")
                || json
                    .as_ref()
                    .and_then(|j| j.get("global"))
                    .and_then(serde_json::Value::as_bool)
                    .unwrap_or(false);
            out.scope = Some(header(headers, "x-ratelimit-scope").map_or(
                if out.global {
                    RateLimitScope::Global
                } else {
                    RateLimitScope::User
                },
                RateLimitScope::from_header,
            ));
            json.as_ref()
                .and_then(|j| j.get("message"))
                .and_then(serde_json::Value::as_str)
                .unwrap_or("")
                .clone_into(&mut out.message);
        }
        out
    }

    /// Whether this response is a 429.
    pub fn is_rate_limited(&self) -> bool {
        self.status == 429
    }
}

/// Decides when requests may be sent.
pub trait RateLimiter: Send + Sync + fmt::Debug + 'static {
    /// Waits until a request on `route` may be sent (its bucket, in order, then the global
    /// limit unless the route is exempt) and returns the ticket that holds its place.
    fn acquire<'a>(&'a self, route: &'a Route) -> BoxFuture<'a, Box<dyn RateLimitTicket>>;
}

/// The right to send one request; dropping it lets the next request of its bucket go.
pub trait RateLimitTicket: Send {
    /// Records what the response said (called for every response, 429s included).
    fn update(&mut self, headers: &RateLimitHeaders);

    /// Waits until the request may be sent again (after a 429 or a retried server error),
    /// keeping its place ahead of later requests of the same bucket.
    fn ready(&mut self) -> BoxFuture<'_, ()>;
}
