//! Cooldowns: how often a command may run per user, per guild, per channel or everywhere. A use
//! inside the cooldown is refused with the time left, before the command runs. Time is tokio's
//! (`tokio::time::Instant`), so tests run them on the paused clock; memory stays bounded by
//! forgetting cooldowns that ended.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

use super::context::CommandContext;
use super::error::CommandError;

/// What a cooldown counts per.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CooldownScope {
    /// Each user.
    User,
    /// Each guild (outside guilds: each channel).
    Guild,
    /// Each channel.
    Channel,
    /// Everyone everywhere.
    Global,
}

impl fmt::Display for CooldownScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::User => "per user",
            Self::Guild => "per server",
            Self::Channel => "per channel",
            Self::Global => "for everyone",
        })
    }
}

/// How many remembered uses trigger forgetting the ended ones.
const PRUNE_AT: usize = 1024;

/// A command's cooldowns: one duration per scope; a use must be outside all of them.
///
/// ```
/// use std::time::Duration;
/// use asyncord::commands::Cooldown;
/// let cooldown = Cooldown::new()
///     .per_user(Duration::from_secs(10))
///     .per_guild(Duration::from_secs(2));
/// ```
#[derive(Default)]
pub struct Cooldown {
    limits: Vec<(CooldownScope, Duration)>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// When each key may run again.
    until: HashMap<(CooldownScope, u64), Instant>,
    /// The size at which ended entries are forgotten next.
    prune_at: usize,
}

impl fmt::Debug for Cooldown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cooldown")
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

impl Cooldown {
    /// No limits yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a cooldown of `duration` per `scope` (replacing one of the same scope).
    pub fn with(mut self, scope: CooldownScope, duration: Duration) -> Self {
        self.limits.retain(|(s, _)| *s != scope);
        self.limits.push((scope, duration));
        self
    }

    /// Each user waits `duration` between uses.
    pub fn per_user(self, duration: Duration) -> Self {
        self.with(CooldownScope::User, duration)
    }

    /// Each guild waits `duration` between uses.
    pub fn per_guild(self, duration: Duration) -> Self {
        self.with(CooldownScope::Guild, duration)
    }

    /// Each channel waits `duration` between uses.
    pub fn per_channel(self, duration: Duration) -> Self {
        self.with(CooldownScope::Channel, duration)
    }

    /// Everyone waits `duration` between uses.
    pub fn global(self, duration: Duration) -> Self {
        self.with(CooldownScope::Global, duration)
    }

    /// The limits.
    pub fn limits(&self) -> &[(CooldownScope, Duration)] {
        &self.limits
    }

    /// Counts a use by the context's user, guild and channel, or refuses it with the longest
    /// time left.
    pub(crate) fn hit(&self, ctx: &CommandContext) -> Result<(), CommandError> {
        let user = u64::from(ctx.user().id);
        let channel = ctx.channel_id().map_or(0, u64::from);
        let guild = ctx.guild_id().map_or(channel, u64::from);
        self.hit_keys(user, guild, channel, Instant::now())
    }

    fn hit_keys(
        &self,
        user: u64,
        guild: u64,
        channel: u64,
        now: Instant,
    ) -> Result<(), CommandError> {
        let key = |scope| {
            (
                scope,
                match scope {
                    CooldownScope::User => user,
                    CooldownScope::Guild => guild,
                    CooldownScope::Channel => channel,
                    CooldownScope::Global => 0,
                },
            )
        };
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let waiting = self
            .limits
            .iter()
            .filter_map(|(scope, _)| {
                let until = *state.until.get(&key(*scope))?;
                (until > now).then(|| (*scope, until - now))
            })
            .max_by_key(|(_, left)| *left);
        if let Some((scope, remaining)) = waiting {
            return Err(CommandError::Cooldown { scope, remaining });
        }
        for (scope, duration) in &self.limits {
            state.until.insert(key(*scope), now + *duration);
        }
        if state.until.len() >= state.prune_at.max(PRUNE_AT) {
            state.until.retain(|_, until| *until > now);
            state.prune_at = state.until.len() * 2;
        }
        Ok(())
    }

    #[cfg(test)]
    fn remembered(&self) -> usize {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .until
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_use_inside_the_cooldown_is_refused_with_the_time_left() {
        let cooldown = Cooldown::new()
            .per_user(Duration::from_secs(10))
            .per_channel(Duration::from_secs(3));
        let start = Instant::now();
        cooldown.hit_keys(1, 100, 7, start).unwrap();
        // Another user in the same channel waits for the channel's cooldown.
        match cooldown.hit_keys(2, 100, 7, start + Duration::from_secs(1)) {
            Err(CommandError::Cooldown { scope, remaining }) => {
                assert_eq!(scope, CooldownScope::Channel);
                assert_eq!(remaining, Duration::from_secs(2));
            }
            other => panic!("expected a cooldown, got {other:?}"),
        }
        // The same user, elsewhere, waits for their own.
        match cooldown.hit_keys(1, 100, 8, start + Duration::from_secs(4)) {
            Err(CommandError::Cooldown { scope, remaining }) => {
                assert_eq!(scope, CooldownScope::User);
                assert_eq!(remaining, Duration::from_secs(6));
            }
            other => panic!("expected a cooldown, got {other:?}"),
        }
        cooldown
            .hit_keys(1, 100, 8, start + Duration::from_secs(10))
            .unwrap();
    }

    #[test]
    fn ended_cooldowns_are_forgotten() {
        let cooldown = Cooldown::new().per_user(Duration::from_secs(1));
        let start = Instant::now();
        // Ten waves of new users, each after the previous wave's cooldowns ended: what is
        // remembered stays within two waves, not ten.
        let wave = PRUNE_AT as u64;
        for round in 0..10_u64 {
            let now = start + Duration::from_secs(2 * round);
            for user in 0..wave {
                cooldown.hit_keys(round * wave + user, 0, 0, now).unwrap();
                assert!(cooldown.remembered() <= 2 * PRUNE_AT);
            }
        }
        assert!(cooldown.remembered() >= PRUNE_AT, "live cooldowns are kept");
    }
}
