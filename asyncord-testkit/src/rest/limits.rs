//! Server-side rate limits: per bucket + top-level resource windows, and a sliding global
//! window per bot. Produces Discord's headers
//! (<https://discord.com/developers/docs/topics/rate-limits#header-format>).

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

/// The counters.
#[derive(Debug, Default)]
pub(crate) struct Limits {
    buckets: Mutex<HashMap<(String, String), (Instant, u32)>>,
    global: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl Limits {
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
        let entry = buckets
            .entry((bucket.to_owned(), major.to_owned()))
            .or_insert((now, 0));
        if now >= entry.0 + per {
            *entry = (now, 0);
        }
        let reset_after = (entry.0 + per).saturating_duration_since(now);
        let mut headers = BucketHeaders {
            bucket: bucket.to_owned(),
            limit,
            remaining: 0,
            reset_after,
        };
        if entry.1 >= limit {
            return Err(headers);
        }
        entry.1 += 1;
        headers.remaining = limit - entry.1;
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

    #[test]
    fn reset_after_rounds_up() {
        assert_eq!(secs_ceil(Duration::from_micros(1_234_001)), "1.235");
        assert_eq!(secs_ceil(Duration::from_millis(5)), "0.005");
    }
}
