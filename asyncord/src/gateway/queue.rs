//! The identify queue: `max_concurrency` buckets (`shard_id % max_concurrency`), one IDENTIFY per
//! bucket per 5 s, and the daily session start limit
//! ([docs](https://discord.com/developers/docs/events/gateway#session-start-limit-object)).
//!
//! [`IdentifyQueue`] is a small trait so a queue shared by several processes can plug in.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use asyncord_model::gateway::SessionStartLimit;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// The time between two identifies of one bucket.
pub const IDENTIFY_INTERVAL: Duration = Duration::from_secs(5);

/// Decides when a shard may send IDENTIFY.
pub trait IdentifyQueue: Send + Sync + 'static {
    /// Waits until `shard_id` may identify; the identify is then counted as sent.
    fn acquire(&self, shard_id: u32) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

#[derive(Debug)]
struct StartBudget {
    total: u32,
    remaining: u32,
    reset_at: Instant,
}

/// An in-process [`IdentifyQueue`].
#[derive(Debug)]
pub struct LocalIdentifyQueue {
    buckets: Vec<Mutex<Option<Instant>>>,
    budget: Mutex<Option<StartBudget>>,
}

impl LocalIdentifyQueue {
    /// A queue with `max_concurrency` buckets (at least 1) and no session start limit.
    pub fn new(max_concurrency: u32) -> Self {
        let n = max_concurrency.max(1) as usize;
        Self {
            buckets: (0..n).map(|_| Mutex::new(None)).collect(),
            budget: Mutex::new(None),
        }
    }

    /// Also honours a session start limit (from `GET /gateway/bot`): when no starts remain,
    /// identifies wait for the reset. Its `max_concurrency` is not read here (see
    /// [`LocalIdentifyQueue::new`]).
    pub fn with_start_limit(self, limit: SessionStartLimit) -> Self {
        Self {
            budget: Mutex::new(Some(StartBudget {
                total: limit.total,
                remaining: limit.remaining,
                reset_at: Instant::now() + Duration::from_millis(limit.reset_after),
            })),
            ..self
        }
    }

    /// The number of buckets.
    pub fn max_concurrency(&self) -> u32 {
        self.buckets.len() as u32
    }

    async fn take_start(&self) {
        let mut guard = self.budget.lock().await;
        let Some(budget) = guard.as_mut() else {
            return;
        };
        let now = Instant::now();
        if now >= budget.reset_at {
            budget.remaining = budget.total;
            budget.reset_at = now + Duration::from_secs(24 * 60 * 60);
        }
        if budget.remaining == 0 {
            tracing::warn!(
                wait_s = budget.reset_at.duration_since(now).as_secs(),
                "session start limit reached; waiting for it to reset before identifying"
            );
            tokio::time::sleep_until(budget.reset_at).await;
            budget.remaining = budget.total;
            budget.reset_at = Instant::now() + Duration::from_secs(24 * 60 * 60);
        }
        budget.remaining = budget.remaining.saturating_sub(1);
    }
}

impl IdentifyQueue for LocalIdentifyQueue {
    fn acquire(&self, shard_id: u32) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            let bucket = &self.buckets[shard_id as usize % self.buckets.len()];
            let mut next = bucket.lock().await;
            if let Some(at) = *next {
                tokio::time::sleep_until(at).await;
            }
            self.take_start().await;
            *next = Some(Instant::now() + IDENTIFY_INTERVAL);
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[tokio::test(start_paused = true)]
    async fn start_limit_waits_for_reset() {
        let q = Arc::new(
            LocalIdentifyQueue::new(1).with_start_limit(SessionStartLimit {
                total: 5,
                remaining: 1,
                reset_after: 3_600_000,
                max_concurrency: 1,
            }),
        );
        let t0 = Instant::now();
        q.acquire(0).await;
        assert_eq!(Instant::now(), t0);
        q.acquire(0).await;
        assert!(Instant::now() >= t0 + Duration::from_secs(3600));
    }
}
