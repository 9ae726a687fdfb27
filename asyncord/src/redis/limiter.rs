//! [`RedisRateLimiter`]: the REST rate limits of a bot whose requests come from several
//! processes — each route's bucket and the global limit, counted in Redis so that together the
//! processes make no request Discord would answer with a 429
//! ([docs](https://discord.com/developers/docs/topics/rate-limits)).
//!
//! **Buckets.** A route's requests are counted under `bucket hash:major parameter` once Discord
//! named the bucket (`X-RateLimit-Bucket`; the route key → hash map is shared), under
//! `route key:major parameter` before. Each bucket holds its window: the limit, how many
//! requests were taken in it, when it resets, its length, and a generation number. Taking a
//! request (one Lua script, atomic) counts it if the window has room, or says how long to wait;
//! when the window has ended, the request starts a new one, taken to last a whole window until
//! the first answer says when it really ends. Answers raise the count to what Discord counted
//! (`limit - remaining`) and push the reset to `now + reset_after` — both only ever towards
//! caution, and only for answers of the current window (an answer of an older window is
//! recognised by its generation). A bucket whose limit is not known yet lets one request through
//! at a time, until its answer tells. A 429 closes the bucket until its `retry_after`; a global
//! 429 holds every request for its `retry_after`.
//!
//! **Global limit.** A sorted set of the send times of the last second (plus the margin), in
//! the same script: a request is counted in the bucket and the global limit together, or in
//! neither. Routes exempt from the global limit (interaction callbacks) skip it.
//!
//! **Time.** Every time is Redis's own (`TIME` inside the scripts), so clocks of different
//! machines never meet. The margin (default [`DEFAULT_REST_MARGIN`]) covers the time between a
//! request being counted here and reaching Discord, which varies between processes.
//!
//! **Order.** Within one process, the requests of one route and major parameter take their
//! turns in order (a local queue), so only the first of them asks Redis while the bucket is
//! exhausted. Across processes there is no order: the first to ask once the window has room
//! gets it.
//!
//! **Without Redis.** A request that cannot reach Redis (down, timed out) does not fail: it is
//! limited by an in-process [`InMemoryRateLimiter`] instead, with
//! [`RedisRateLimiterConfig::fallback_global_limit`] (set it to the global limit divided by the
//! number of processes to stay within it together). The outage is logged once; Redis is tried
//! again after a pause (growing to a few seconds), and used again as soon as it answers.

use std::collections::HashMap;
use std::sync::{Arc, Mutex as StdMutex, OnceLock, PoisonError};
use std::time::Duration;

use redis::{Script, Value};
use tokio::sync::{Mutex, OwnedMutexGuard};
use tokio::task::JoinHandle;

use super::RedisError;
use super::keys::Namespace;
use super::link::RedisLink;
use crate::http::{
    BoxFuture, InMemoryRateLimiter, RateLimitHeaders, RateLimitScope, RateLimitTicket, RateLimiter,
    Route,
};

/// The default margin: added to the global limit's one-second window and to each bucket's
/// reset, for the time between a request being counted and reaching Discord.
pub const DEFAULT_REST_MARGIN: Duration = Duration::from_millis(50);

/// How long the first request of a bucket whose limit is unknown holds the others back at
/// most (if its answer never comes: the process died, the request failed without one).
const PROBE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long an idle bucket is kept in Redis past its reset.
const IDLE_TTL: Duration = Duration::from_secs(10 * 60);

/// How many local queues are kept before the idle ones are forgotten.
const LOCAL_QUEUES_PRUNE_AT: usize = 4096;

fn acquire_script() -> &'static Script {
    static SCRIPT: OnceLock<Script> = OnceLock::new();
    SCRIPT.get_or_init(|| Script::new(include_str!("scripts/rest_acquire.lua")))
}

fn update_script() -> &'static Script {
    static SCRIPT: OnceLock<Script> = OnceLock::new();
    SCRIPT.get_or_init(|| Script::new(include_str!("scripts/rest_update.lua")))
}

/// Settings of a [`RedisRateLimiter`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedisRateLimiterConfig {
    /// Requests per second of the whole bot, all processes together (default 50, Discord's; `0`
    /// disables it).
    pub global_limit: u32,
    /// Added to the global limit's window and to each bucket's reset (default
    /// [`DEFAULT_REST_MARGIN`]).
    pub margin: Duration,
    /// The global limit of the in-process limiter used while Redis is unreachable (default 50).
    /// With `n` processes, `global_limit / n` keeps them within the global limit meanwhile.
    pub fallback_global_limit: u32,
}

impl Default for RedisRateLimiterConfig {
    fn default() -> Self {
        Self {
            global_limit: 50,
            margin: DEFAULT_REST_MARGIN,
            fallback_global_limit: 50,
        }
    }
}

impl RedisRateLimiterConfig {
    /// Sets the global limit.
    pub fn global_limit(mut self, per_second: u32) -> Self {
        self.global_limit = per_second;
        self
    }

    /// Sets the margin.
    pub fn margin(mut self, margin: Duration) -> Self {
        self.margin = margin;
        self
    }

    /// Sets the global limit used while Redis is unreachable.
    pub fn fallback_global_limit(mut self, per_second: u32) -> Self {
        self.fallback_global_limit = per_second;
        self
    }
}

/// A [`RateLimiter`] shared by every process of a bot through Redis (see the module docs).
#[derive(Clone, Debug)]
pub struct RedisRateLimiter {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    link: RedisLink,
    routes: String,
    global: String,
    global_blocked: String,
    bucket_prefix: String,
    config: RedisRateLimiterConfig,
    fallback: InMemoryRateLimiter,
    /// This process's queue per route and major parameter.
    queues: StdMutex<HashMap<String, Arc<Mutex<()>>>>,
}

/// What Redis answered a request for a place.
enum Taken {
    Go {
        id: String,
        generation: i64,
        probe: bool,
    },
    Wait(Duration),
}

impl RedisRateLimiter {
    /// A limiter for the bot whose keys live under `namespace`, with the default settings.
    pub fn new(link: RedisLink, namespace: &Namespace) -> Self {
        Self::with_config(link, namespace, RedisRateLimiterConfig::default())
    }

    /// A limiter with these settings.
    pub fn with_config(
        link: RedisLink,
        namespace: &Namespace,
        config: RedisRateLimiterConfig,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                link,
                routes: namespace.rest_routes(),
                global: namespace.rest_global(),
                global_blocked: namespace.rest_global_blocked(),
                bucket_prefix: namespace.rest_bucket_prefix(),
                fallback: InMemoryRateLimiter::with_global_limit(config.fallback_global_limit),
                config,
                queues: StdMutex::default(),
            }),
        }
    }

    /// The settings.
    pub fn config(&self) -> &RedisRateLimiterConfig {
        &self.inner.config
    }
}

/// The part of a route the limiter needs (kept by the ticket for retries).
#[derive(Clone, Debug)]
struct RouteKey {
    key: String,
    major: String,
    exempt: bool,
}

impl Inner {
    fn queue(&self, route: &RouteKey) -> Arc<Mutex<()>> {
        let mut queues = self.queues.lock().unwrap_or_else(PoisonError::into_inner);
        let name = format!("{}:{}", route.key, route.major);
        if let Some(q) = queues.get(&name) {
            return Arc::clone(q);
        }
        if queues.len() >= LOCAL_QUEUES_PRUNE_AT {
            queues.retain(|_, q| Arc::strong_count(q) > 1);
        }
        let q = Arc::new(Mutex::new(()));
        queues.insert(name, Arc::clone(&q));
        q
    }

    async fn try_take(&self, route: &RouteKey) -> Result<Taken, RedisError> {
        let config = &self.config;
        let reply: Vec<Value> = self
            .link
            .run_script(
                "taking a REST rate limit place",
                acquire_script()
                    .key(&self.routes)
                    .key(&self.global)
                    .key(&self.global_blocked)
                    .arg(&self.bucket_prefix)
                    .arg(&route.key)
                    .arg(&route.major)
                    .arg(if route.exempt { "1" } else { "0" })
                    .arg(config.global_limit)
                    .arg(config.margin.as_millis() as u64)
                    .arg(PROBE_TIMEOUT.as_millis() as u64)
                    .arg(IDLE_TTL.as_millis() as u64),
            )
            .await?;
        let what = "taking a REST rate limit place";
        match reply.as_slice() {
            [Value::Int(1), id, Value::Int(generation), Value::Int(probe)] => {
                let id: String =
                    redis::from_redis_value_ref(id).map_err(|e| self.link.unexpected(what, e))?;
                Ok(Taken::Go {
                    id,
                    generation: *generation,
                    probe: *probe == 1,
                })
            }
            [Value::Int(0), Value::Int(ms)] => Ok(Taken::Wait(Duration::from_millis(
                (*ms).max(1).unsigned_abs(),
            ))),
            other => Err(self.link.unexpected(what, format!("{other:?}"))),
        }
    }

    /// Waits for a place in Redis; `None` when Redis cannot be reached (use the fallback).
    async fn take(&self, route: &RouteKey) -> Option<(String, i64, bool)> {
        if self.link.is_resting() {
            return None;
        }
        let queue = self.queue(route);
        let _turn: OwnedMutexGuard<()> = queue.lock_owned().await;
        loop {
            match self.try_take(route).await {
                Ok(Taken::Go {
                    id,
                    generation,
                    probe,
                }) => return Some((id, generation, probe)),
                Ok(Taken::Wait(wait)) => {
                    tracing::trace!(route = %route.key, ?wait, "rate limited (shared): waiting");
                    tokio::time::sleep(wait).await;
                }
                Err(e) => {
                    self.link.failed(
                        &e,
                        "REST requests are rate limited by each process on its own meanwhile",
                    );
                    return None;
                }
            }
        }
    }
}

impl RateLimiter for RedisRateLimiter {
    fn acquire<'a>(&'a self, route: &'a Route) -> BoxFuture<'a, Box<dyn RateLimitTicket>> {
        Box::pin(async move {
            let key = RouteKey {
                key: route.route_key(),
                major: route.major().to_owned(),
                exempt: route.is_global_exempt(),
            };
            let ticket: Box<dyn RateLimitTicket> = match self.inner.take(&key).await {
                Some((id, generation, probe)) => Box::new(Ticket {
                    inner: Arc::clone(&self.inner),
                    route: key,
                    full: route.clone(),
                    place: Place::Shared {
                        id,
                        generation,
                        probe,
                    },
                    update: None,
                }),
                None => Box::new(Ticket {
                    inner: Arc::clone(&self.inner),
                    route: key,
                    full: route.clone(),
                    place: Place::Local(self.inner.fallback.acquire(route).await),
                    update: None,
                }),
            };
            ticket
        })
    }
}

/// Where a ticket's place was taken.
enum Place {
    /// In Redis: the bucket id and window generation it was counted in, and whether it probes
    /// an unknown bucket.
    Shared {
        id: String,
        generation: i64,
        probe: bool,
    },
    /// In the in-process fallback (Redis was unreachable).
    Local(Box<dyn RateLimitTicket>),
}

struct Ticket {
    inner: Arc<Inner>,
    route: RouteKey,
    /// The route itself, for the fallback limiter.
    full: Route,
    place: Place,
    /// The answer being recorded in Redis.
    update: Option<JoinHandle<()>>,
}

fn millis(d: Option<Duration>) -> i64 {
    d.map_or(-1, |d| d.as_millis().min(i64::MAX as u128) as i64)
}

impl Ticket {
    /// Records an answer in Redis (on a task of its own: `update` cannot wait).
    fn record(&mut self, id: &str, generation: i64, h: &RateLimitHeaders) {
        let global = h.is_rate_limited() && (h.global || h.scope == Some(RateLimitScope::Global));
        let inner = Arc::clone(&self.inner);
        let route = self.route.clone();
        let id = id.to_owned();
        let h = h.clone();
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        self.update = Some(runtime.spawn(async move {
            let result: Result<i64, RedisError> = inner
                .link
                .run_script(
                    "recording a REST rate limit answer",
                    update_script()
                        .key(&inner.routes)
                        .key(&inner.global_blocked)
                        .arg(&inner.bucket_prefix)
                        .arg(&id)
                        .arg(generation)
                        .arg(h.status)
                        .arg(h.limit.map_or(-1, i64::from))
                        .arg(h.remaining.map_or(-1, i64::from))
                        .arg(millis(h.reset_after))
                        .arg(h.bucket.as_deref().unwrap_or(""))
                        .arg(&route.key)
                        .arg(&route.major)
                        .arg(millis(h.retry_after))
                        .arg(if global { "1" } else { "0" })
                        .arg(IDLE_TTL.as_millis() as u64),
                )
                .await;
            if let Err(e) = result {
                inner.link.failed(
                    &e,
                    "a rate limit answer could not be shared (the next ones will)",
                );
            }
        }));
    }
}

impl RateLimitTicket for Ticket {
    fn update(&mut self, headers: &RateLimitHeaders) {
        match &mut self.place {
            Place::Local(ticket) => ticket.update(headers),
            Place::Shared {
                id,
                generation,
                probe,
            } => {
                *probe = false;
                let (id, generation) = (id.clone(), *generation);
                self.record(&id, generation, headers);
            }
        }
    }

    fn ready(&mut self) -> BoxFuture<'_, ()> {
        Box::pin(async move {
            // The answer (a 429, a server error) is recorded before the retry asks for a place.
            if let Some(update) = self.update.take() {
                let _ = update.await;
            }
            if let Place::Local(ticket) = &mut self.place {
                ticket.ready().await;
                return;
            }
            // A retry is one more request for the bucket and the global limit.
            self.place = match self.inner.take(&self.route).await {
                Some((id, generation, probe)) => Place::Shared {
                    id,
                    generation,
                    probe,
                },
                // Redis went away between the attempts: the retry goes by the local limiter.
                None => Place::Local(self.inner.fallback.acquire(&self.full).await),
            };
        })
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        // A probe that got no answer (the request failed before one came) lets the bucket's
        // next request go now rather than at the probe's timeout.
        if let Place::Shared {
            id, probe: true, ..
        } = &self.place
        {
            let inner = Arc::clone(&self.inner);
            let key = format!("{}{id}", inner.bucket_prefix);
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(async move {
                    let _ = inner
                        .link
                        .run::<i64>(
                            "ending a REST rate limit probe",
                            redis::cmd("HDEL").arg(&key).arg("probe"),
                        )
                        .await;
                });
            }
        }
    }
}
