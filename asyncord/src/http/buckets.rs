//! The default, in-process [`RateLimiter`]: one FIFO queue per bucket and top-level resource.
//!
//! - Before Discord names a route's bucket, the route has its own queue (`METHOD template` +
//!   major id). Once a response carries `X-RateLimit-Bucket`, the route maps to
//!   `bucket hash + major id`, so every route sharing that bucket shares one queue.
//! - One request per queue is in flight; the next waits for the response, so requests of a
//!   bucket reach Discord in the order they were made, and when `Remaining` is 0 the next waits
//!   for `Reset-After` instead of provoking a 429.
//! - After the bucket, the global limit ([`GlobalLimiter`]) applies unless the route is exempt.
//! - Memory stays bounded: past a threshold, buckets that are idle and past their reset are
//!   forgotten; an exhausted bucket (remaining 0, reset ahead) is never forgotten, so its limit
//!   keeps applying ([`InMemoryRateLimiter::with_config`]).
//!
//! <https://discord.com/developers/docs/topics/rate-limits>

use std::collections::HashMap;
use std::sync::{Arc, Mutex as StdMutex, PoisonError};
use std::time::Duration;

use tokio::sync::{Mutex, OwnedMutexGuard};
use tokio::time::{Instant, sleep_until};

use super::error::RateLimitScope;
use super::global::GlobalLimiter;
use super::limiter::{BoxFuture, RateLimitHeaders, RateLimitTicket, RateLimiter};
use super::route::Route;

/// What is known about one bucket.
#[derive(Debug, Default)]
struct BucketState {
    limit: Option<u32>,
    remaining: Option<u32>,
    reset_at: Option<Instant>,
}

impl BucketState {
    /// Waits while the bucket is exhausted, then counts the request.
    async fn wait(&mut self) {
        if let Some(reset) = self.reset_at {
            if self.remaining == Some(0) && reset > Instant::now() {
                tracing::debug!(wait = ?(reset - Instant::now()), "bucket exhausted, waiting for its reset");
                sleep_until(reset).await;
            }
            if reset <= Instant::now() {
                self.remaining = self.limit;
                self.reset_at = None;
            }
        }
        if let Some(r) = self.remaining.as_mut() {
            *r = r.saturating_sub(1);
        }
    }

    /// Whether the bucket still says something at `now`: its reset is ahead.
    fn limits_until(&self, now: Instant) -> bool {
        self.reset_at.is_some_and(|reset| reset > now)
    }

    fn apply(&mut self, h: &RateLimitHeaders) {
        let now = Instant::now();
        if h.limit.is_some() {
            self.limit = h.limit;
        }
        if h.remaining.is_some() {
            self.remaining = h.remaining;
        }
        if let Some(after) = h.reset_after {
            self.reset_at = Some(now + after);
        }
        if h.is_rate_limited() && !h.global {
            let wait = h.retry_after.unwrap_or(Duration::from_secs(1));
            self.remaining = Some(0);
            let until = now + wait;
            if self.reset_at.is_none_or(|r| r < until) {
                self.reset_at = Some(until);
            }
        }
    }
}

type Bucket = Arc<Mutex<BucketState>>;

/// How many buckets the limiter holds before it forgets the idle ones (see
/// [`InMemoryRateLimiter::with_config`]).
pub const DEFAULT_BUCKET_PRUNE_THRESHOLD: usize = 10_000;

/// The buckets, and the size at which the next pruning runs.
#[derive(Debug)]
struct Buckets {
    map: HashMap<String, Bucket>,
    prune_at: usize,
}

#[derive(Debug)]
struct Inner {
    global: GlobalLimiter,
    buckets: StdMutex<Buckets>,
    hashes: StdMutex<HashMap<String, String>>,
    prune_threshold: usize,
}

impl Inner {
    fn key_for(&self, route: &Route) -> String {
        let hashes = self.hashes.lock().unwrap_or_else(PoisonError::into_inner);
        match hashes.get(&route.route_key()) {
            Some(hash) => format!("{hash}:{}", route.major()),
            None => format!("{}:{}", route.route_key(), route.major()),
        }
    }

    fn bucket(&self, key: &str) -> Bucket {
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(b) = buckets.map.get(key) {
            return Arc::clone(b);
        }
        if buckets.map.len() >= buckets.prune_at {
            // Forget the buckets that are idle (nobody holds or waits on them) and past their
            // reset, so memory stays bounded. A bucket whose reset is still ahead is kept: it
            // is what makes the next request wait instead of provoking a 429.
            let now = Instant::now();
            buckets.map.retain(|_, b| {
                Arc::strong_count(b) > 1 || b.try_lock().map_or(true, |s| s.limits_until(now))
            });
            // Pruning again only once the map has doubled keeps each insertion O(1) amortised
            // when most buckets are still limiting.
            buckets.prune_at = self.prune_threshold.max(buckets.map.len() * 2);
        }
        let b = Bucket::default();
        buckets.map.insert(key.to_owned(), Arc::clone(&b));
        b
    }
}

/// The default in-process rate limiter (see the module docs).
#[derive(Clone, Debug)]
pub struct InMemoryRateLimiter {
    inner: Arc<Inner>,
}

impl InMemoryRateLimiter {
    /// A limiter with Discord's default global limit of 50 requests per second.
    pub fn new() -> Self {
        Self::with_global_limit(50)
    }

    /// A limiter with a custom global limit (large bots get more from Discord; `0` disables it).
    pub fn with_global_limit(per_second: u32) -> Self {
        Self::with_config(per_second, DEFAULT_BUCKET_PRUNE_THRESHOLD)
    }

    /// A limiter with a custom global limit and bucket prune threshold.
    ///
    /// Every route and top-level resource the bot reaches gets a bucket. When the limiter
    /// holds `prune_threshold` buckets (default [`DEFAULT_BUCKET_PRUNE_THRESHOLD`]), it forgets
    /// those that are idle (no request holds or waits on them) **and** past their reset; a
    /// bucket whose reset is ahead is kept, whatever its age, so its limit still applies. When
    /// most buckets are still limiting, the next pruning waits until the count has doubled.
    pub fn with_config(global_per_second: u32, prune_threshold: usize) -> Self {
        let prune_threshold = prune_threshold.max(1);
        Self {
            inner: Arc::new(Inner {
                global: GlobalLimiter::new(global_per_second),
                buckets: StdMutex::new(Buckets {
                    map: HashMap::new(),
                    prune_at: prune_threshold,
                }),
                hashes: StdMutex::default(),
                prune_threshold,
            }),
        }
    }

    /// How many buckets the limiter holds now.
    pub fn bucket_count(&self) -> usize {
        self.inner
            .buckets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .map
            .len()
    }

    /// The bucket hash Discord named for a route key (`"GET /channels/{channel_id}"`), if known.
    pub fn bucket_of(&self, route_key: &str) -> Option<String> {
        self.inner
            .hashes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(route_key)
            .cloned()
    }
}

impl Default for InMemoryRateLimiter {
    fn default() -> Self {
        Self::new()
    }
}

impl RateLimiter for InMemoryRateLimiter {
    fn acquire<'a>(&'a self, route: &'a Route) -> BoxFuture<'a, Box<dyn RateLimitTicket>> {
        Box::pin(async move {
            let (key, guard) = loop {
                let key = self.inner.key_for(route);
                let guard = self.inner.bucket(&key).lock_owned().await;
                // The route may have been mapped to a shared bucket while we waited: move there.
                if self.inner.key_for(route) == key {
                    break (key, guard);
                }
            };
            let mut ticket = Ticket {
                inner: Arc::clone(&self.inner),
                route_key: route.route_key(),
                major: route.major().to_owned(),
                global_exempt: route.is_global_exempt(),
                key,
                guard,
            };
            ticket.wait().await;
            Box::new(ticket) as Box<dyn RateLimitTicket>
        })
    }
}

struct Ticket {
    inner: Arc<Inner>,
    route_key: String,
    major: String,
    global_exempt: bool,
    key: String,
    guard: OwnedMutexGuard<BucketState>,
}

impl Ticket {
    async fn wait(&mut self) {
        self.guard.wait().await;
        if !self.global_exempt {
            self.inner.global.acquire().await;
        }
    }
}

impl RateLimitTicket for Ticket {
    fn update(&mut self, h: &RateLimitHeaders) {
        if h.is_rate_limited() && (h.global || h.scope == Some(RateLimitScope::Global)) {
            self.inner
                .global
                .block_for(h.retry_after.unwrap_or(Duration::from_secs(1)));
        }
        self.guard.apply(h);
        if let Some(hash) = &h.bucket {
            let new_key = format!("{hash}:{}", self.major);
            let changed = {
                let mut hashes = self
                    .inner
                    .hashes
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                hashes.insert(self.route_key.clone(), hash.clone()).as_ref() != Some(hash)
            };
            if changed && new_key != self.key {
                // Seed the shared bucket with what we just learnt, unless someone is using it.
                if let Ok(mut shared) = self.inner.bucket(&new_key).try_lock_owned() {
                    shared.apply(h);
                }
            }
        }
    }

    fn ready(&mut self) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            // A retry is one more request for the bucket and the global limit.
            self.wait().await;
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use asyncord_model::ChannelId;
    use asyncord_model::route::{GET_CHANNEL, GET_CHANNEL_PINS, TRIGGER_TYPING_INDICATOR};

    fn headers(remaining: u32, reset_after_ms: u64, bucket: &str) -> RateLimitHeaders {
        RateLimitHeaders {
            status: 200,
            limit: Some(2),
            remaining: Some(remaining),
            reset_after: Some(Duration::from_millis(reset_after_ms)),
            bucket: Some(bucket.to_owned()),
            ..RateLimitHeaders::default()
        }
    }

    #[tokio::test(start_paused = true)]
    async fn waits_for_reset_when_remaining_is_zero() {
        let l = InMemoryRateLimiter::new();
        let r = Route::new(&GET_CHANNEL, [&ChannelId::new(1)]);
        let start = Instant::now();
        let mut t = l.acquire(&r).await;
        t.update(&headers(0, 1500, "abc"));
        drop(t);
        let _t = l.acquire(&r).await;
        assert_eq!(Instant::now() - start, Duration::from_millis(1500));
        assert_eq!(
            l.bucket_of("GET /channels/{channel_id}").as_deref(),
            Some("abc")
        );
    }

    #[tokio::test(start_paused = true)]
    async fn routes_sharing_a_bucket_share_the_wait() {
        let l = InMemoryRateLimiter::new();
        let a = Route::new(&GET_CHANNEL_PINS, [&ChannelId::new(1)]);
        let b = Route::new(&TRIGGER_TYPING_INDICATOR, [&ChannelId::new(1)]);
        let mut t = l.acquire(&a).await;
        t.update(&headers(1, 1000, "same"));
        drop(t);
        let mut t = l.acquire(&b).await;
        t.update(&headers(0, 1000, "same"));
        drop(t);
        let start = Instant::now();
        let _t = l.acquire(&a).await;
        assert_eq!(Instant::now() - start, Duration::from_secs(1));
    }

    #[tokio::test(start_paused = true)]
    async fn other_major_ids_are_independent() {
        let l = InMemoryRateLimiter::new();
        let a = Route::new(&GET_CHANNEL, [&ChannelId::new(1)]);
        let b = Route::new(&GET_CHANNEL, [&ChannelId::new(2)]);
        let mut t = l.acquire(&a).await;
        t.update(&headers(0, 5000, "x"));
        drop(t);
        let start = Instant::now();
        let _t = l.acquire(&b).await;
        assert_eq!(Instant::now(), start);
    }

    #[tokio::test(start_paused = true)]
    async fn pruning_bounds_memory_and_keeps_buckets_still_limiting() {
        let l = InMemoryRateLimiter::with_config(0, 100);
        let exhausted = Route::new(&GET_CHANNEL, [&ChannelId::new(1)]);
        let mut t = l.acquire(&exhausted).await;
        t.update(&headers(0, 5000, "a"));
        drop(t);
        let start = Instant::now();
        for id in 2..1_000 {
            let r = Route::new(&GET_CHANNEL_PINS, [&ChannelId::new(id)]);
            drop(l.acquire(&r).await);
            assert!(l.bucket_count() <= 100, "{} buckets", l.bucket_count());
        }
        assert_eq!(Instant::now(), start);
        let _t = l.acquire(&exhausted).await;
        assert_eq!(Instant::now() - start, Duration::from_secs(5));
    }
}
