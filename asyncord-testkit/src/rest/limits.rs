//! Server-side rate limits: per bucket + top-level resource windows, and a sliding global
//! window per bot. Produces Discord's headers
//! (<https://discord.com/developers/docs/topics/rate-limits#header-format>).
//!
//! The top-level resource is chosen by the client (the values of the route's major parameters:
//! any channel, guild, webhook or interaction id in the path, webhook and interaction tokens
//! included, which need no bot token), so the counters are bounded
//! ([`RestConfig::rate_limit_keys`](super::RestConfig::rate_limit_keys)): when a new counter
//! would exceed the bound, the counters whose window ended (which count nothing any more) are
//! forgotten, then, if still full, the one whose window ends first (it has the least left to
//! count).

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::time::Instant;

/// Seconds with 3 decimals, rounded **up** so a client waiting that long is never early.
pub(crate) fn secs_ceil(d: Duration) -> String {
    let ms = d.as_nanos().div_ceil(1_000_000);
    format!("{}.{:03}", ms / 1000, ms % 1000)
}

/// The headers of one counted request.
#[derive(Clone, Debug)]
pub(crate) struct BucketHeaders {
    pub bucket: String,
    pub limit: u32,
    pub remaining: u32,
    pub reset_after: Duration,
}

impl BucketHeaders {
    pub fn write(&self, headers: &mut Vec<(String, String)>) {
        let reset = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            + self.reset_after;
        headers.push(("x-ratelimit-bucket".into(), self.bucket.clone()));
        headers.push(("x-ratelimit-limit".into(), self.limit.to_string()));
        headers.push(("x-ratelimit-remaining".into(), self.remaining.to_string()));
        headers.push(("x-ratelimit-reset".into(), secs_ceil(reset)));
        headers.push((
            "x-ratelimit-reset-after".into(),
            secs_ceil(self.reset_after),
        ));
    }
}

/// One bucket window: when it started, how long it lasts, how many requests it counted.
#[derive(Clone, Copy, Debug)]
struct Window {
    start: Instant,
    per: Duration,
    count: u32,
}

/// The counters.
#[derive(Debug)]
pub(crate) struct Limits {
    buckets: Mutex<HashMap<(String, String), Window>>,
    global: Mutex<HashMap<String, VecDeque<Instant>>>,
    max_keys: usize,
}

impl Limits {
    /// Counters for at most `max_keys` bucket and resource pairs at once.
    pub fn new(max_keys: usize) -> Self {
        Self {
            buckets: Mutex::default(),
            global: Mutex::default(),
            max_keys: max_keys.max(1),
        }
    }

    /// How many bucket counters are kept.
    pub fn keys(&self) -> usize {
        self.buckets
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// Makes room for one more counter (see the module docs).
    fn make_room(buckets: &mut HashMap<(String, String), Window>, max_keys: usize, now: Instant) {
        if buckets.len() < max_keys {
            return;
        }
        buckets.retain(|_, w| now < w.start + w.per);
        while buckets.len() >= max_keys {
            let Some(oldest) = buckets
                .iter()
                .min_by_key(|(_, w)| w.start + w.per)
                .map(|(k, _)| k.clone())
            else {
                return;
            };
            buckets.remove(&oldest);
        }
    }

    /// Counts a request on `bucket` for `major`; `Err` carries the headers of the 429.
    pub fn take(
        &self,
        bucket: &str,
        major: &str,
        limit: u32,
        per: Duration,
    ) -> Result<BucketHeaders, BucketHeaders> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(PoisonError::into_inner);
        let key = (bucket.to_owned(), major.to_owned());
        if !buckets.contains_key(&key) {
            Self::make_room(&mut buckets, self.max_keys, now);
        }
        let entry = buckets.entry(key).or_insert(Window {
            start: now,
            per,
            count: 0,
        });
        if now >= entry.start + per {
            *entry = Window {
                start: now,
                per,
                count: 0,
            };
        }
        let reset_after = (entry.start + per).saturating_duration_since(now);
        let mut headers = BucketHeaders {
            bucket: bucket.to_owned(),
            limit,
            remaining: 0,
            reset_after,
        };
        if entry.count >= limit {
            return Err(headers);
        }
        entry.count += 1;
        headers.remaining = limit - entry.count;
        Ok(headers)
    }

    /// Counts a request against the global limit of `who`; `Err(retry_after)` when over.
    pub fn take_global(&self, who: &str, per_second: u32) -> Result<(), Duration> {
        if per_second == 0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut global = self.global.lock().unwrap_or_else(PoisonError::into_inner);
        let log = global.entry(who.to_owned()).or_default();
        while log
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= Duration::from_secs(1))
        {
            log.pop_front();
        }
        if log.len() >= per_second as usize {
            let oldest = log.front().copied().unwrap_or(now);
            return Err((oldest + Duration::from_secs(1)).saturating_duration_since(now));
        }
        log.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn counters_stay_bounded_and_live_ones_keep_counting() {
        let limits = Limits::new(100);
        let per = Duration::from_secs(60);
        assert!(limits.take("b", "kept", 2, per).is_ok());
        assert!(limits.take("b", "kept", 2, per).is_ok());
        tokio::time::advance(Duration::from_secs(1)).await;
        // a client inventing a new resource for every request
        for i in 0..10_000 {
            let _ = limits.take("b", &format!("webhook-{i}"), 5, Duration::from_secs(1));
            assert!(limits.keys() <= 100);
        }
        // the evicted counters were those ending first: the long window survives
        tokio::time::advance(Duration::from_secs(2)).await;
        let _ = limits.take("b", "one-more", 5, Duration::from_secs(1));
        assert!(
            limits.take("b", "kept", 2, per).is_err(),
            "its window is still full"
        );
        assert!(limits.keys() <= 100);
    }

    #[test]
    fn reset_after_rounds_up() {
        assert_eq!(secs_ceil(Duration::from_micros(1_234_001)), "1.235");
        assert_eq!(secs_ceil(Duration::from_millis(5)), "0.005");
    }
}
