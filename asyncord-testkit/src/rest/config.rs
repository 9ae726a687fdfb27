//! The emulator's REST configuration: rate-limit bucket definitions, the global limit, the
//! gateway URL returned by `GET /gateway/bot`, and the bounds that keep a careless or hostile
//! client from making the server grow without limit (body size, request log, rate-limit
//! counters, connections, allowed hosts and origins).

use std::time::Duration;

use crate::access::OriginPolicy;
use crate::connections::ConnectionLimits;

/// The default [`RestConfig::max_body_bytes`]: 25 MiB, the largest upload Discord has accepted
/// from bots by default (larger ones are answered `413` with code 40005).
pub const DEFAULT_MAX_BODY_BYTES: usize = 25 * 1024 * 1024;

/// One rate-limit bucket: an opaque id shared by several routes, `limit` requests per `per`,
/// counted separately for each top-level resource (the values of the route's major parameters
/// in Discord's route table: a channel, a guild, a webhook with its token, an interaction with
/// its token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BucketDef {
    /// The opaque id sent as `X-RateLimit-Bucket`.
    pub id: String,
    /// Requests allowed per window.
    pub limit: u32,
    /// The window.
    pub per: Duration,
    /// The routes in the bucket, as `"METHOD template"`: the operation's path in Discord's route
    /// table ([`asyncord_model::route`]) without the leading `/`, `{}` for every parameter, e.g.
    /// `"POST channels/{}/messages"`, `"PATCH channels/{}/messages/{}"`.
    pub routes: Vec<String>,
}

impl BucketDef {
    /// A bucket with `limit` requests per `per` over `routes`.
    pub fn new(id: impl Into<String>, limit: u32, per: Duration, routes: &[&str]) -> Self {
        Self {
            id: id.into(),
            limit,
            per,
            routes: routes.iter().map(|r| (*r).to_owned()).collect(),
        }
    }
}

/// How the emulator's REST side behaves.
#[derive(Clone, Debug)]
pub struct RestConfig {
    /// Explicit buckets; a route in none of them gets its own bucket with the default limit.
    pub buckets: Vec<BucketDef>,
    /// Requests per window of routes not in an explicit bucket.
    pub default_limit: u32,
    /// The window of routes not in an explicit bucket.
    pub default_per: Duration,
    /// The global limit per bot per second (`0`: none).
    pub global_limit: u32,
    /// What `GET /gateway/bot` returns as `url`.
    pub gateway_url: String,
    /// What `GET /gateway/bot` returns as `shards`.
    pub shards: u32,
    /// The path prefix of the API (`/api/v10`).
    pub base_path: String,
    /// The largest request body accepted (default [`DEFAULT_MAX_BODY_BYTES`], 25 MiB); a
    /// larger one is answered `413` with Discord's error JSON
    /// (`{"message": "Request entity too large", "code": 40005}`), without reading it.
    pub max_body_bytes: usize,
    /// How many requests the request log keeps, the most recent ones (default 10,000).
    pub request_log_capacity: usize,
    /// How many bytes of bodies, paths and headers the request log keeps at most (default
    /// 64 MiB, two uploads of the largest size and thousands of ordinary requests); the oldest
    /// requests are forgotten first.
    pub request_log_bytes: usize,
    /// How many rate-limit counters (one per bucket and top-level resource, which clients
    /// choose: channel, guild, webhook, interaction) are kept at once (default 10,000). When
    /// full, expired windows are forgotten, then the counters whose window ends first.
    pub rate_limit_keys: usize,
    /// The socket connections' limits (count, head and idle timeouts).
    pub connections: ConnectionLimits,
    /// Which `Host` and `Origin` headers requests over a socket may carry (loopback only by
    /// default).
    pub origin_policy: OriginPolicy,
}

impl Default for RestConfig {
    fn default() -> Self {
        Self {
            buckets: vec![BucketDef::new(
                "5c3b4e0a9d1f2a7e8b6c4d3e2f1a0b9c",
                50,
                Duration::from_secs(1),
                &[
                    "POST channels/{}/messages",
                    "PATCH channels/{}/messages/{}",
                    "DELETE channels/{}/messages/{}",
                ],
            )],
            default_limit: 50,
            default_per: Duration::from_secs(1),
            global_limit: 50,
            gateway_url: "wss://gateway.discord.gg".to_owned(),
            shards: 1,
            base_path: "/api/v10".to_owned(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            request_log_capacity: 10_000,
            request_log_bytes: 64 * 1024 * 1024,
            rate_limit_keys: 10_000,
            connections: ConnectionLimits::default(),
            origin_policy: OriginPolicy::default(),
        }
    }
}

impl RestConfig {
    /// Replaces the bucket definitions.
    pub fn buckets(mut self, buckets: Vec<BucketDef>) -> Self {
        self.buckets = buckets;
        self
    }

    /// Sets the global limit (`0`: none).
    pub fn global_limit(mut self, per_second: u32) -> Self {
        self.global_limit = per_second;
        self
    }

    /// Sets the limit of routes outside explicit buckets.
    pub fn default_limit(mut self, limit: u32, per: Duration) -> Self {
        self.default_limit = limit;
        self.default_per = per;
        self
    }

    /// Sets the gateway URL returned by `GET /gateway/bot`.
    pub fn gateway_url(mut self, url: impl Into<String>) -> Self {
        self.gateway_url = url.into();
        self
    }

    /// Sets the largest request body accepted (see [`RestConfig::max_body_bytes`]).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// Sets how many requests, and how many bytes of them, the request log keeps.
    pub fn request_log(mut self, capacity: usize, bytes: usize) -> Self {
        self.request_log_capacity = capacity;
        self.request_log_bytes = bytes;
        self
    }

    /// Sets how many rate-limit counters are kept at once.
    pub fn rate_limit_keys(mut self, keys: usize) -> Self {
        self.rate_limit_keys = keys;
        self
    }

    /// Sets the socket connections' limits.
    pub fn connections(mut self, limits: ConnectionLimits) -> Self {
        self.connections = limits;
        self
    }

    /// Sets which `Host` and `Origin` headers requests over a socket may carry.
    pub fn origin_policy(mut self, policy: OriginPolicy) -> Self {
        self.origin_policy = policy;
        self
    }

    /// The bucket of a route key: its id, limit and window.
    pub(crate) fn bucket_for(&self, route_key: &str) -> (String, u32, Duration) {
        self.buckets
            .iter()
            .find(|b| b.routes.iter().any(|r| r == route_key))
            .map_or_else(
                || {
                    (
                        format!("{:016x}", fnv(route_key)),
                        self.default_limit,
                        self.default_per,
                    )
                },
                |b| (b.id.clone(), b.limit, b.per),
            )
    }
}

/// FNV-1a, to derive stable opaque bucket ids from route keys.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
