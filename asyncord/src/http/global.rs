//! The bot-wide global limit: at most `per_second` requests in any 1 second window.
//!
//! A sliding log of the last `per_second` send times is kept, so no window of one second (not
//! only aligned ones) ever holds more requests than allowed. A global 429 blocks every request
//! until its `retry_after` has passed.
//! <https://discord.com/developers/docs/topics/rate-limits#global-rate-limit>

use std::collections::VecDeque;
use std::sync::Mutex as StdMutex;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::{Instant, sleep_until};

const WINDOW: Duration = Duration::from_secs(1);

/// The global limiter (FIFO among waiters).
#[derive(Debug)]
pub struct GlobalLimiter {
    per_second: usize,
    sent: Mutex<VecDeque<Instant>>,
    blocked_until: StdMutex<Option<Instant>>,
}

impl GlobalLimiter {
    /// A limiter allowing `per_second` requests per second (`0` disables it).
    pub fn new(per_second: u32) -> Self {
        Self {
            per_second: per_second as usize,
            sent: Mutex::new(VecDeque::with_capacity(per_second.min(1024) as usize)),
            blocked_until: StdMutex::new(None),
        }
    }

    fn blocked_until(&self) -> Option<Instant> {
        *self
            .blocked_until
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Blocks every request for `d` (after a global 429).
    pub fn block_for(&self, d: Duration) {
        let until = Instant::now() + d;
        let mut b = self
            .blocked_until
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if b.is_none_or(|old| old < until) {
            *b = Some(until);
        }
    }

    /// Waits for a slot and takes it.
    pub async fn acquire(&self) {
        if self.per_second == 0 {
            if let Some(until) = self.blocked_until() {
                sleep_until(until).await;
            }
            return;
        }
        let mut sent = self.sent.lock().await;
        loop {
            let now = Instant::now();
            if let Some(until) = self.blocked_until()
                && until > now
            {
                sleep_until(until).await;
                continue;
            }
            while sent
                .front()
                .is_some_and(|t| now.saturating_duration_since(*t) >= WINDOW)
            {
                sent.pop_front();
            }
            if sent.len() < self.per_second {
                sent.push_back(now);
                return;
            }
            if let Some(oldest) = sent.front().copied() {
                sleep_until(oldest + WINDOW).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn never_more_than_the_limit_in_any_window() {
        let g = GlobalLimiter::new(5);
        let mut times = Vec::new();
        for _ in 0..23 {
            g.acquire().await;
            times.push(Instant::now());
        }
        for (i, t) in times.iter().enumerate() {
            let in_window = times[i..].iter().filter(|u| **u - *t < WINDOW).count();
            assert!(in_window <= 5, "{in_window} requests in one second");
        }
        // Five at once, then five more each second: request `i` goes at `i / 5` seconds.
        for (i, t) in times.iter().enumerate() {
            assert_eq!(
                *t - times[0],
                Duration::from_secs(i as u64 / 5),
                "request {i}"
            );
        }
    }

    #[tokio::test(start_paused = true)]
    async fn block_for_delays_everyone() {
        let g = GlobalLimiter::new(50);
        let start = Instant::now();
        g.block_for(Duration::from_millis(700));
        g.acquire().await;
        assert_eq!(Instant::now() - start, Duration::from_millis(700));
    }
}
