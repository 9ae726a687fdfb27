//! Counts invalid responses (401, 403, non-shared 429) per 10 minutes and warns long before
//! Cloudflare's ban at 10,000.
//! <https://discord.com/developers/docs/topics/rate-limits#invalid-request-limit-aka-cloudflare-bans>

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

const WINDOW: Duration = Duration::from_secs(600);
/// Discord's ban threshold.
pub const BAN_THRESHOLD: u32 = 10_000;
const WARN_AT: [u32; 4] = [1_000, 5_000, 8_000, 9_500];

/// The counter (a fixed 10-minute window starting at the first invalid response).
#[derive(Debug, Default)]
pub struct InvalidRequests {
    state: Mutex<Option<(Instant, u32)>>,
}

impl InvalidRequests {
    /// Counts one invalid response, warning when a threshold is crossed; returns the count.
    pub fn record(&self) -> u32 {
        let now = Instant::now();
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (start, count) = match *state {
            Some((start, count)) if now.saturating_duration_since(start) < WINDOW => {
                (start, count + 1)
            }
            _ => (now, 1),
        };
        *state = Some((start, count));
        if WARN_AT.contains(&count) {
            tracing::warn!(
                count,
                limit = BAN_THRESHOLD,
                "{count} invalid requests (401/403/429) in the last 10 minutes; Discord bans the IP at {BAN_THRESHOLD}"
            );
        }
        count
    }

    /// The count in the current window.
    pub fn count(&self) -> u32 {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        match *state {
            Some((start, count)) if Instant::now().saturating_duration_since(start) < WINDOW => {
                count
            }
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn window_resets_after_ten_minutes() {
        let c = InvalidRequests::default();
        for _ in 0..3 {
            c.record();
        }
        assert_eq!(c.count(), 3);
        tokio::time::advance(WINDOW).await;
        assert_eq!(c.count(), 0);
        assert_eq!(c.record(), 1);
    }
}
