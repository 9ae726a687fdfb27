//! The outbound limit: 120 frames per 60 s per connection, with room kept for heartbeats
//! ([docs](https://discord.com/developers/docs/events/gateway#rate-limiting)).

use std::collections::VecDeque;
use std::time::Duration;

use tokio::time::Instant;

/// Frames allowed per window.
pub(crate) const LIMIT: usize = 120;
/// The window.
pub(crate) const WINDOW: Duration = Duration::from_secs(60);

/// A sliding-window counter of the frames sent on one connection.
#[derive(Debug)]
pub(crate) struct CommandLimiter {
    sent: VecDeque<Instant>,
    reserved: usize,
}

impl CommandLimiter {
    /// A limiter keeping room for the heartbeats of `heartbeat_interval` (plus identify/resume).
    pub(crate) fn new(heartbeat_interval: Duration) -> Self {
        let beats = WINDOW.as_millis() / heartbeat_interval.as_millis().max(1);
        let reserved = (beats as usize + 3).min(LIMIT / 2);
        Self {
            sent: VecDeque::with_capacity(LIMIT),
            reserved,
        }
    }

    fn prune(&mut self, now: Instant) {
        while let Some(&t) = self.sent.front() {
            if now.duration_since(t) >= WINDOW {
                self.sent.pop_front();
            } else {
                break;
            }
        }
    }

    /// Whether a command (not a heartbeat) may be sent now.
    pub(crate) fn command_allowed(&mut self, now: Instant) -> bool {
        self.prune(now);
        self.sent.len() < LIMIT - self.reserved
    }

    /// When the next command slot frees up.
    pub(crate) fn next_free(&self) -> Instant {
        let idx = self.sent.len().saturating_sub(LIMIT - self.reserved);
        self.sent
            .get(idx)
            .map_or_else(Instant::now, |&t| t + WINDOW)
    }

    /// Records one frame sent (of any kind).
    pub(crate) fn record(&mut self, now: Instant) {
        self.prune(now);
        self.sent.push_back(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn keeps_room_for_heartbeats() {
        let mut l = CommandLimiter::new(Duration::from_millis(41_250));
        let now = Instant::now();
        let mut commands = 0;
        while l.command_allowed(now) {
            l.record(now);
            commands += 1;
        }
        assert!(commands < LIMIT);
        assert!(commands >= LIMIT - 10);
        // the reserved room is still there for heartbeats
        assert!(l.sent.len() + 2 <= LIMIT);
        let free = l.next_free();
        assert_eq!(free, now + WINDOW);
        assert!(l.command_allowed(free));
    }
}
