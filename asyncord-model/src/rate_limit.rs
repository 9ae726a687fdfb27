//! Which rate limit a 429 came from: the values of Discord's `X-RateLimit-Scope` header
//! ([docs](https://discord.com/developers/docs/topics/rate-limits#header-format)).
//!
//! The REST client reads it to decide whether a 429 counts against the bot; the emulator
//! writes it.

use std::fmt;

/// Which limit a 429 came from (the `X-RateLimit-Scope` header).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RateLimitScope {
    /// The per-route limit of this bot.
    User,
    /// The bot's global limit.
    Global,
    /// A limit shared by everyone on the resource (does not count as an invalid request).
    Shared,
}

impl RateLimitScope {
    /// Parses the header value (unknown values count as `User`).
    pub fn from_header(v: &str) -> Self {
        match v {
            "global" => Self::Global,
            "shared" => Self::Shared,
            _ => Self::User,
        }
    }

    /// The header value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Global => "global",
            Self::Shared => "shared",
        }
    }
}

impl fmt::Display for RateLimitScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::RateLimitScope;

    #[test]
    fn header_values_round_trip_and_unknown_ones_count_as_user() {
        for scope in [
            RateLimitScope::User,
            RateLimitScope::Global,
            RateLimitScope::Shared,
        ] {
            assert_eq!(RateLimitScope::from_header(scope.as_str()), scope);
            assert_eq!(scope.to_string(), scope.as_str());
        }
        assert_eq!(RateLimitScope::from_header("bucket"), RateLimitScope::User);
    }
}
