//! The HTTP layer under the REST resources: routes, the rate limiter, the transport, errors.
//!
//! - [`Route`]: an operation of the route table with its typed path parameters ([`Segment`],
//!   [`Secret`], ids), and its rate-limit identity (route + top-level resource).
//! - [`RateLimiter`] / [`RateLimitTicket`]: the limiter boundary; [`InMemoryRateLimiter`] is the
//!   default (per-bucket FIFO queues, pre-emptive waits, global limit).
//! - [`Transport`]: sends one request; [`HyperTransport`] is hyper 1 + rustls.
//! - [`InvalidRequestLimiter`]: holds requests back before the invalid responses of 10 minutes
//!   could get the IP banned by Cloudflare.
//! - [`HttpClient`]: ties them together, retries, and maps failures to [`RestError`].
//!
//! Discord docs: <https://discord.com/developers/docs/reference> and
//! <https://discord.com/developers/docs/topics/rate-limits>.

mod buckets;
mod client;
mod error;
mod global;
mod invalid;
mod limiter;
mod multipart;
mod request;
mod route;
mod transport;

pub use buckets::{DEFAULT_BUCKET_PRUNE_THRESHOLD, InMemoryRateLimiter};
pub use client::{DEFAULT_BASE_URL, HttpClient, HttpConfig};
pub use error::{ApiError, BoxError, FieldError, RateLimitScope, RestError, RestResult};
pub use global::GlobalLimiter;
pub use invalid::{
    BAN_THRESHOLD, DEFAULT_INVALID_REQUEST_LIMIT, DEFAULT_INVALID_REQUEST_MAX_WAIT,
    INVALID_REQUEST_WINDOW, InvalidRequestLimiter,
};
pub use limiter::{BoxFuture, RateLimitHeaders, RateLimitTicket, RateLimiter};
pub use request::{Body, FilePart, Request};
pub use route::{Method, PathParam, Route, Secret, Segment};
pub use transport::{HyperTransport, Transport};
