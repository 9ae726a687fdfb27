//! The emulator's REST configuration: rate-limit bucket definitions, the global limit, the
//! gateway URL returned by `GET /gateway/bot`.

use std::time::Duration;

/// One rate-limit bucket: an opaque id shared by several routes, `limit` requests per `per`,
/// counted separately for each top-level resource (channel, guild, webhook).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BucketDef {
    /// The opaque id sent as `X-RateLimit-Bucket`.
    pub id: String,
    /// Requests allowed per window.
    pub limit: u32,
    /// The window.
    pub per: Duration,
    /// The routes in the bucket, as `"METHOD template"` with `{}` for every parameter, e.g.
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
