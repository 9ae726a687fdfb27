//! Keeps the IP clear of Cloudflare's ban: [`InvalidRequestLimiter`] counts invalid responses in
//! a sliding 10-minute window and holds requests back before the count can reach Discord's
//! threshold.
//!
//! Discord: "IP addresses that make too many invalid HTTP requests are automatically and
//! temporarily restricted from accessing the Discord API. Currently, this limit is 10,000 per
//! 10 minutes. An invalid request is one that results in 401, 403, or 429 statuses", 429s with
//! `X-RateLimit-Scope: shared` excepted; and "if a webhook returns a 404 status you should not
//! attempt to use it again - repeated attempts to do so will result in a temporary
//! restriction", so webhook 404s are counted here too.
//! <https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans>
//!
//! Every attempt takes a slot before it is sent and keeps it while it is in flight, since its
//! answer may turn out invalid: a request goes only while the invalid responses of the last
//! 10 minutes plus the requests in flight are fewer than the limit, so the limit holds however
//! many requests run at once. A request finding no slot waits for one (an invalid response
//! leaving the window, or a request in flight ending valid) at most `max_wait`; when the window
//! cannot have room by then, it fails at once with
//! [`RestError::InvalidRequestLimit`](super::RestError::InvalidRequestLimit), saying when to
//! retry. Responses are counted when they arrive, after Cloudflare counted them, so each stays
//! in this window a little longer than in Cloudflare's. Attempts that got no response (timeout,
//! connection error) are not counted.

use std::collections::VecDeque;
use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::{Instant, sleep_until};

/// The length of Discord's window.
pub const INVALID_REQUEST_WINDOW: Duration = Duration::from_secs(600);
/// Discord's ban threshold: invalid responses per [`INVALID_REQUEST_WINDOW`] per IP.
pub const BAN_THRESHOLD: u32 = 10_000;
/// The default limit of a client: 90 % of [`BAN_THRESHOLD`], the rest left to whatever else
/// shares the IP (another process, a deploy overlapping the old one).
pub const DEFAULT_INVALID_REQUEST_LIMIT: u32 = 9_000;
/// How long a request waits by default for the window to have room before it is refused.
pub const DEFAULT_INVALID_REQUEST_MAX_WAIT: Duration = Duration::from_secs(30);

/// What the window says when a request is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// Invalid responses in the window.
    pub count: u32,
    /// The limit.
    pub limit: u32,
    /// When the window has room even if every request now in flight turns out invalid.
    pub retry_after: Duration,
}

#[derive(Debug, Default)]
struct State {
    /// When each invalid response of the window arrived, oldest first.
    log: VecDeque<Instant>,
    /// Requests sent and not yet answered.
    in_flight: usize,
    /// Set once the window is full, cleared when it is below 90 % again (one warning each).
    full: bool,
}

impl State {
    fn forget_old(&mut self, now: Instant) {
        while self
            .log
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= INVALID_REQUEST_WINDOW)
        {
            self.log.pop_front();
        }
    }

    /// When the window has room for one more request if `assumed_invalid` of the requests in
    /// flight turn out invalid.
    fn room_at(&self, limit: usize, assumed_invalid: usize, now: Instant) -> Instant {
        // The oldest `n` entries must leave the window first.
        let n = (self.log.len() + assumed_invalid + 1).saturating_sub(limit);
        match n {
            0 => now,
            n if n <= self.log.len() => self.log[n - 1] + INVALID_REQUEST_WINDOW,
            _ => now + INVALID_REQUEST_WINDOW,
        }
    }
}

/// Counts invalid responses (401, 403, 429 except shared-scope ones, webhook 404s) in a sliding
/// 10-minute window and holds requests back so the count never reaches Discord's ban threshold
/// (see the module docs).
///
/// Each [`HttpClient`](super::HttpClient) has one; clients that share an IP in one process can
/// share one through [`HttpConfig::invalid_requests`](super::HttpConfig::invalid_requests), as
/// Cloudflare counts per IP.
pub struct InvalidRequestLimiter {
    limit: u32,
    max_wait: Duration,
    state: Mutex<State>,
    released: Notify,
}

impl fmt::Debug for InvalidRequestLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("InvalidRequestLimiter")
            .field("limit", &self.limit)
            .field("max_wait", &self.max_wait)
            .field("in_window", &state.log.len())
            .field("in_flight", &state.in_flight)
            .finish_non_exhaustive()
    }
}

impl Default for InvalidRequestLimiter {
    fn default() -> Self {
        Self::new(
            DEFAULT_INVALID_REQUEST_LIMIT,
            DEFAULT_INVALID_REQUEST_MAX_WAIT,
        )
    }
}

impl InvalidRequestLimiter {
    /// At most `limit` invalid responses per 10 minutes (kept within 1 and [`BAN_THRESHOLD`]);
    /// a request waits at most `max_wait` for room.
    pub fn new(limit: u32, max_wait: Duration) -> Self {
        let limit = limit.clamp(1, BAN_THRESHOLD);
        Self {
            limit,
            max_wait,
            state: Mutex::new(State {
                log: VecDeque::with_capacity(limit.min(1024) as usize),
                ..State::default()
            }),
            released: Notify::new(),
        }
    }

    /// The limit of invalid responses per 10 minutes.
    pub fn limit(&self) -> u32 {
        self.limit
    }

    /// How long a request waits for room at most.
    pub fn max_wait(&self) -> Duration {
        self.max_wait
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The invalid responses of the last 10 minutes.
    pub fn count(&self) -> u32 {
        let mut state = self.lock();
        state.forget_old(Instant::now());
        u32::try_from(state.log.len()).unwrap_or(u32::MAX)
    }

    /// Waits for a slot for one attempt (see the module docs).
    pub(crate) async fn acquire(&self) -> Result<InvalidRequestPermit<'_>, Refusal> {
        let limit = self.limit as usize;
        let deadline = Instant::now() + self.max_wait;
        loop {
            let released = self.released.notified();
            tokio::pin!(released);
            released.as_mut().enable();
            let (wake_at, newly_full) = {
                let mut state = self.lock();
                let now = Instant::now();
                state.forget_old(now);
                if state.log.len() + state.in_flight < limit {
                    state.in_flight += 1;
                    if state.full && state.log.len() < limit * 9 / 10 {
                        state.full = false;
                    }
                    return Ok(InvalidRequestPermit {
                        limiter: self,
                        invalid: false,
                    });
                }
                let count = u32::try_from(state.log.len()).unwrap_or(u32::MAX);
                // Held back by invalid responses (not only by requests in flight): say so once.
                let newly_full = !state.full && state.log.len() >= limit * 9 / 10;
                state.full |= newly_full;
                // Even if every request in flight ends valid, no room before `best`.
                let best = state.room_at(limit, 0, now);
                if now >= deadline || best > deadline {
                    let worst = state.room_at(limit, state.in_flight, now);
                    drop(state);
                    if newly_full {
                        self.warn_full(count);
                    }
                    return Err(Refusal {
                        count,
                        limit: self.limit,
                        retry_after: worst.max(best) - now,
                    });
                }
                // The window changes when its oldest entry leaves it or a request ends.
                let wake_at = state
                    .log
                    .front()
                    .map_or(deadline, |t| (*t + INVALID_REQUEST_WINDOW).min(deadline));
                (wake_at, newly_full.then_some(count))
            };
            if let Some(count) = newly_full {
                self.warn_full(count);
            }
            tokio::select! {
                () = sleep_until(wake_at) => {}
                () = &mut released => {}
            }
        }
    }

    fn warn_full(&self, count: u32) {
        tracing::warn!(
            count,
            limit = self.limit,
            ban_threshold = BAN_THRESHOLD,
            "{count} invalid requests (401/403/429/webhook 404) in the last 10 minutes: requests \
             are held back until the window has room, so that the IP is not banned"
        );
    }

    fn release(&self, invalid: bool) {
        let count = {
            let mut state = self.lock();
            state.in_flight = state.in_flight.saturating_sub(1);
            if invalid {
                let now = Instant::now();
                state.forget_old(now);
                state.log.push_back(now);
            }
            state.log.len()
        };
        self.released.notify_waiters();
        let limit = self.limit as usize;
        if invalid && [limit / 10, limit / 2, limit * 8 / 10, limit * 95 / 100].contains(&count) {
            tracing::warn!(
                count,
                limit = self.limit,
                ban_threshold = BAN_THRESHOLD,
                "{count} invalid requests (401/403/429/webhook 404) in the last 10 minutes; \
                 requests are held back at {limit}, Discord bans the IP at {BAN_THRESHOLD}"
            );
        }
    }
}

/// The slot of one attempt in flight; dropped without [`settle`](Self::settle) (no response)
/// it counts nothing.
pub(crate) struct InvalidRequestPermit<'a> {
    limiter: &'a InvalidRequestLimiter,
    invalid: bool,
}

impl InvalidRequestPermit<'_> {
    /// Ends the attempt with its response: `invalid` when Discord counts it.
    pub fn settle(mut self, invalid: bool) {
        self.invalid = invalid;
    }
}

impl Drop for InvalidRequestPermit<'_> {
    fn drop(&mut self) {
        self.limiter.release(self.invalid);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn invalid(l: &InvalidRequestLimiter) {
        l.acquire().await.unwrap().settle(true);
    }

    #[tokio::test(start_paused = true)]
    async fn the_window_slides() {
        let l = InvalidRequestLimiter::new(100, Duration::ZERO);
        invalid(&l).await;
        tokio::time::advance(Duration::from_secs(300)).await;
        invalid(&l).await;
        invalid(&l).await;
        assert_eq!(l.count(), 3);
        tokio::time::advance(Duration::from_secs(299)).await;
        assert_eq!(l.count(), 3);
        tokio::time::advance(Duration::from_secs(1)).await;
        assert_eq!(
            l.count(),
            2,
            "the first left the window, the later ones stay"
        );
        tokio::time::advance(INVALID_REQUEST_WINDOW).await;
        assert_eq!(l.count(), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn a_full_window_refuses_what_cannot_go_in_time() {
        let l = InvalidRequestLimiter::new(3, Duration::from_secs(60));
        let start = Instant::now();
        for _ in 0..3 {
            invalid(&l).await;
        }
        let refusal = l.acquire().await.err().unwrap();
        assert_eq!(
            refusal,
            Refusal {
                count: 3,
                limit: 3,
                retry_after: INVALID_REQUEST_WINDOW
            }
        );
        assert_eq!(Instant::now(), start, "refused at once");
        // 30 s before room: the request waits for it, exactly.
        tokio::time::advance(Duration::from_secs(570)).await;
        let waited_from = Instant::now();
        drop(l.acquire().await.unwrap());
        assert_eq!(Instant::now() - waited_from, Duration::from_secs(30));
    }

    #[tokio::test(start_paused = true)]
    async fn requests_in_flight_hold_their_slot_until_answered() {
        let l = InvalidRequestLimiter::new(2, Duration::from_secs(5));
        let a = l.acquire().await.unwrap();
        let b = l.acquire().await.unwrap();
        // Both may turn out invalid: a third waits for one of them to end.
        let third = async {
            let start = Instant::now();
            let permit = l.acquire().await;
            (Instant::now() - start, permit)
        };
        let end_a = async {
            tokio::time::sleep(Duration::from_secs(2)).await;
            a.settle(false);
        };
        let ((waited, third), ()) = tokio::join!(third, end_a);
        assert_eq!(waited, Duration::from_secs(2));
        let _third = third.unwrap();
        // `b` ends invalid: with the third in flight the window is full; a fourth is refused
        // after waiting `max_wait` for an end that does not come.
        b.settle(true);
        let start = Instant::now();
        let refusal = l.acquire().await.err().unwrap();
        assert_eq!(Instant::now() - start, Duration::from_secs(5));
        assert_eq!(refusal.count, 1);
        assert_eq!(refusal.retry_after, Duration::from_secs(595));
    }

    #[tokio::test(start_paused = true)]
    async fn unanswered_requests_count_nothing() {
        let l = InvalidRequestLimiter::new(1, Duration::ZERO);
        for _ in 0..5 {
            drop(l.acquire().await.unwrap());
        }
        assert_eq!(l.count(), 0);
    }

    #[test]
    fn the_limit_never_exceeds_the_ban_threshold() {
        assert_eq!(
            InvalidRequestLimiter::new(50_000, Duration::ZERO).limit(),
            BAN_THRESHOLD
        );
        assert_eq!(InvalidRequestLimiter::new(0, Duration::ZERO).limit(), 1);
    }
}
