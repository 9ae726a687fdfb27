//! [`RedisIdentifyQueue`]: the identify queue of a bot whose shards run in several processes
//! ([docs](https://discord.com/developers/docs/events/gateway#sharding-max-concurrency)).
//!
//! Each `max_concurrency` bucket (`shard_id % max_concurrency`) is a key in Redis holding a
//! lease: a process may send IDENTIFY for a shard of the bucket only after setting the key,
//! which expires 5 s (plus a margin for the time between taking the lease and the frame
//! reaching Discord) later. The lease is the spacing: nobody identifies in the bucket until it
//! expires, and a process that dies holding one blocks the bucket for those 5 s only. The same
//! script takes one session start from the day's budget (seeded from `GET /gateway/bot`'s
//! `session_start_limit`, refilled when its period ends) and, when none is left, says how long
//! until the reset.
//!
//! Within one process, the shards of a bucket queue in order behind a local lock, so only one
//! of them asks Redis at a time. While Redis cannot be reached, shards that must identify wait
//! (identifying without the shared queue could spend the day's budget or collide with other
//! processes); the outage is logged once, attempts go on every few seconds, and the queue goes
//! on by itself when Redis answers again. Shards that resume do not use the queue at all.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use asyncord_model::gateway::SessionStartLimit;
use redis::Script;
use tokio::sync::Mutex;

use super::RedisError;
use super::keys::Namespace;
use super::link::RedisLink;
use crate::gateway::{IDENTIFY_INTERVAL, IdentifyQueue};

/// The default margin added to the 5 s between two IDENTIFYs of one bucket: the time between a
/// process taking the lease and its IDENTIFY reaching Discord varies with load and network.
pub const DEFAULT_IDENTIFY_MARGIN: Duration = Duration::from_millis(250);

/// A day, the session-start budget's period when Discord does not say.
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The longest single wait before asking Redis again (a budget reset far ahead is waited for
/// in steps, so a budget seeded anew by another process is seen).
const MAX_WAIT: Duration = Duration::from_secs(60);

fn identify_script() -> &'static Script {
    static SCRIPT: std::sync::OnceLock<Script> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| Script::new(include_str!("scripts/identify.lua")))
}

fn budget_script() -> &'static Script {
    static SCRIPT: std::sync::OnceLock<Script> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| Script::new(include_str!("scripts/budget.lua")))
}

/// An [`IdentifyQueue`] shared by every process of a bot through Redis (see the module docs).
#[derive(Debug, Clone)]
pub struct RedisIdentifyQueue {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    link: RedisLink,
    namespace: Namespace,
    /// One lock per bucket: this process's shards of a bucket take turns.
    buckets: Vec<Mutex<()>>,
    lease: Duration,
    budget_total: u32,
    owner: String,
}

impl RedisIdentifyQueue {
    /// A queue with `max_concurrency` buckets (at least 1; every process of the bot must use the
    /// same number, the one `GET /gateway/bot` reports) and no session-start budget.
    pub fn new(link: RedisLink, namespace: Namespace, max_concurrency: u32) -> Self {
        Self::build(link, namespace, max_concurrency, DEFAULT_IDENTIFY_MARGIN, 0)
    }

    fn build(
        link: RedisLink,
        namespace: Namespace,
        max_concurrency: u32,
        margin: Duration,
        budget_total: u32,
    ) -> Self {
        let n = max_concurrency.max(1) as usize;
        Self {
            inner: Arc::new(Inner {
                link,
                namespace,
                buckets: (0..n).map(|_| Mutex::new(())).collect(),
                lease: IDENTIFY_INTERVAL + margin,
                budget_total,
                owner: format!("{}:{}", host_name(), std::process::id()),
            }),
        }
    }

    /// The same queue with another margin added to the 5 s lease (default
    /// [`DEFAULT_IDENTIFY_MARGIN`]).
    pub fn margin(self, margin: Duration) -> Self {
        let inner = &self.inner;
        Self::build(
            inner.link.clone(),
            inner.namespace.clone(),
            inner.buckets.len() as u32,
            margin,
            inner.budget_total,
        )
    }

    /// Also honours the session-start budget of `limit` (from `GET /gateway/bot`): stores what
    /// is left unless a lower count is stored already (another process started shards since),
    /// and when none is left, identifies wait for the reset. Its `max_concurrency` is not read
    /// here (see [`RedisIdentifyQueue::new`]).
    ///
    /// # Errors
    /// When Redis cannot store the budget.
    pub async fn with_start_limit(self, limit: SessionStartLimit) -> Result<Self, RedisError> {
        let inner = &self.inner;
        if limit.reset_after > 0 {
            let key = inner.namespace.identify_budget();
            let stored: i64 = inner
                .link
                .run_script(
                    "storing the session start budget",
                    budget_script()
                        .key(&key)
                        .arg(limit.remaining)
                        .arg(limit.reset_after),
                )
                .await?;
            tracing::debug!(stored, total = limit.total, "session start budget in Redis");
        }
        let margin = inner.lease.saturating_sub(IDENTIFY_INTERVAL);
        Ok(Self::build(
            inner.link.clone(),
            inner.namespace.clone(),
            inner.buckets.len() as u32,
            margin,
            limit.total,
        ))
    }

    /// The number of buckets.
    pub fn max_concurrency(&self) -> u32 {
        self.inner.buckets.len() as u32
    }

    /// Asks Redis once: `Ok(None)` when the IDENTIFY may go, else how long to wait (and
    /// whether for the budget).
    async fn try_take(&self, bucket: u32) -> Result<Option<(Duration, bool)>, RedisError> {
        let inner = &self.inner;
        let reply: i64 = inner
            .link
            .run_script(
                "taking an identify lease",
                identify_script()
                    .key(inner.namespace.identify_bucket(bucket))
                    .key(inner.namespace.identify_budget())
                    .arg(&inner.owner)
                    .arg(inner.lease.as_millis() as u64)
                    .arg(inner.budget_total)
                    .arg(DAY.as_millis() as u64),
            )
            .await?;
        Ok(match reply {
            0 => None,
            ms if ms > 0 => Some((Duration::from_millis(ms as u64), false)),
            ms => Some((Duration::from_millis(ms.unsigned_abs()), true)),
        })
    }
}

impl IdentifyQueue for RedisIdentifyQueue {
    fn acquire(&self, shard_id: u32) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            let inner = &self.inner;
            let bucket = shard_id % inner.buckets.len() as u32;
            let _turn = inner.buckets[bucket as usize].lock().await;
            let mut budget_warned = false;
            loop {
                match self.try_take(bucket).await {
                    Ok(None) => return,
                    Ok(Some((wait, budget))) => {
                        if budget && !budget_warned {
                            budget_warned = true;
                            tracing::warn!(
                                shard = shard_id,
                                wait_s = wait.as_secs(),
                                "session start limit reached (shared through Redis); waiting \
                                 for it to reset before identifying"
                            );
                        }
                        // A little jitter, so processes waiting on one lease do not all ask at
                        // the same instant.
                        let jitter = Duration::from_millis(fastrand::u64(1..20));
                        tokio::time::sleep(wait.min(MAX_WAIT) + jitter).await;
                    }
                    Err(e) => {
                        let pause = inner.link.failed(
                            &e,
                            "shards that must identify wait for it (resuming shards do not)",
                        );
                        tokio::time::sleep(pause).await;
                    }
                }
            }
        })
    }
}

/// This machine's name, for telling lease holders and consumers apart (`HOSTNAME`, else
/// `/etc/hostname`, else `host`).
pub(crate) fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|h| !h.trim().is_empty())
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "host".to_owned())
}
