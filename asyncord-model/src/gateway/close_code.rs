//! Gateway close codes and what a client should do after each
//! ([Discord docs](https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes)).
//!
//! Classification (conservative, from the docs' wording): the six codes the docs mark as
//! "don't reconnect" are [`CloseAction::Fatal`]; 4003, 4007 and 4009 lose the session, so the
//! client identifies again ([`CloseAction::NewSession`]); everything else, including non-4xxx
//! closes such as 1006, reconnects and resumes ([`CloseAction::Resume`]).

use std::fmt;

crate::int_enum! {
    /// A close code Discord's gateway sends when it closes the WebSocket.
    pub enum CloseCode: u16 {
        /// 4000: something went wrong on Discord's side; reconnect.
        UnknownError = 4000,
        /// 4001: the client sent an invalid opcode or an invalid payload for an opcode.
        UnknownOpcode = 4001,
        /// 4002: the client sent a payload Discord could not decode.
        DecodeError = 4002,
        /// 4003: a payload was sent before identifying, or the session was invalidated.
        NotAuthenticated = 4003,
        /// 4004: the token sent with Identify is invalid.
        AuthenticationFailed = 4004,
        /// 4005: the client sent more than one Identify.
        AlreadyAuthenticated = 4005,
        /// 4007: the sequence sent with Resume was invalid; start a new session.
        InvalidSeq = 4007,
        /// 4008: payloads were sent too quickly (more than 120 per 60 s).
        RateLimited = 4008,
        /// 4009: the session timed out; start a new one.
        SessionTimedOut = 4009,
        /// 4010: an invalid shard was sent with Identify.
        InvalidShard = 4010,
        /// 4011: the bot is in too many guilds for one connection; it must shard.
        ShardingRequired = 4011,
        /// 4012: an invalid gateway API version was requested.
        InvalidApiVersion = 4012,
        /// 4013: an invalid intents bit field was sent.
        InvalidIntents = 4013,
        /// 4014: a privileged intent was sent that is not enabled or approved for the bot.
        DisallowedIntents = 4014,
    }
}

/// What a client should do after the gateway closed the connection with a given code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CloseAction {
    /// Do not reconnect: the problem is in the bot's configuration (token, shards, intents...).
    Fatal,
    /// Reconnect and identify again: the session is gone.
    NewSession,
    /// Reconnect and resume the session.
    Resume,
}

impl CloseCode {
    /// What to do after this close code.
    pub const fn action(self) -> CloseAction {
        match self {
            Self::AuthenticationFailed
            | Self::InvalidShard
            | Self::ShardingRequired
            | Self::InvalidApiVersion
            | Self::InvalidIntents
            | Self::DisallowedIntents => CloseAction::Fatal,
            Self::NotAuthenticated | Self::InvalidSeq | Self::SessionTimedOut => {
                CloseAction::NewSession
            }
            _ => CloseAction::Resume,
        }
    }

    /// Whether the client must not reconnect.
    pub const fn is_fatal(self) -> bool {
        matches!(self.action(), CloseAction::Fatal)
    }

    /// The meaning of the code, as Discord documents it.
    pub const fn description(self) -> &'static str {
        match self {
            Self::UnknownError => "unknown error: Discord is not sure what went wrong",
            Self::UnknownOpcode => "unknown opcode: an invalid opcode or payload was sent",
            Self::DecodeError => "decode error: a payload Discord could not decode was sent",
            Self::NotAuthenticated => {
                "not authenticated: a payload was sent before identifying, or the session was invalidated"
            }
            Self::AuthenticationFailed => {
                "authentication failed: the token sent with Identify is incorrect"
            }
            Self::AlreadyAuthenticated => "already authenticated: more than one Identify was sent",
            Self::InvalidSeq => "invalid seq: the sequence sent when resuming was invalid",
            Self::RateLimited => "rate limited: payloads were sent too quickly",
            Self::SessionTimedOut => "session timed out",
            Self::InvalidShard => "invalid shard: an invalid shard was sent when identifying",
            Self::ShardingRequired => "sharding required: the session would handle too many guilds",
            Self::InvalidApiVersion => "invalid API version: an invalid gateway version was sent",
            Self::InvalidIntents => "invalid intents: an invalid intents value was sent",
            Self::DisallowedIntents => {
                "disallowed intents: a privileged intent was sent that is not enabled or approved"
            }
            Self::Unknown(_) => "a close code this version of asyncord does not know",
        }
    }

    /// For the fatal codes, what the bot's author must fix; `None` for the others.
    pub const fn fix_hint(self) -> Option<&'static str> {
        match self {
            Self::AuthenticationFailed => Some(
                "check the bot token: copy it again from the Bot page of the developer portal \
                 (no \"Bot \" prefix, no quotes or spaces); a token that was reset is invalid",
            ),
            Self::InvalidShard => Some(
                "check the shard configuration: the shard id must be below the shard count \
                 and the count must be at least 1",
            ),
            Self::ShardingRequired => Some(
                "the bot is in too many guilds for one connection: use more shards \
                 (the recommended count is in GET /gateway/bot)",
            ),
            Self::InvalidApiVersion => {
                Some("connect with gateway version 10 (`?v=10` in the gateway URL)")
            }
            Self::InvalidIntents => {
                Some("the intents value is not a valid bit field: build it from `Intents` flags")
            }
            Self::DisallowedIntents => Some(
                "a privileged intent (GUILD_MEMBERS, GUILD_PRESENCES or MESSAGE_CONTENT) is \
                 requested but not enabled: switch it on under Bot > Privileged Gateway Intents \
                 in the developer portal (verified bots in 100+ guilds need Discord's approval), \
                 or stop requesting it",
            ),
            _ => None,
        }
    }
}

impl fmt::Display for CloseCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.value(), self.description())?;
        if let Some(hint) = self.fix_hint() {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{CloseAction, CloseCode};

    #[test]
    fn classification_matches_the_docs() {
        for code in [4004u16, 4010, 4011, 4012, 4013, 4014] {
            let c = CloseCode::from(code);
            assert_eq!(c.action(), CloseAction::Fatal, "{code}");
            assert!(c.is_fatal());
            assert!(c.fix_hint().is_some(), "{code} needs a hint");
        }
        for code in [4003u16, 4007, 4009] {
            assert_eq!(
                CloseCode::from(code).action(),
                CloseAction::NewSession,
                "{code}"
            );
        }
        for code in [4000u16, 4001, 4002, 4005, 4008, 1000, 1006, 4999] {
            assert_eq!(
                CloseCode::from(code).action(),
                CloseAction::Resume,
                "{code}"
            );
            assert!(CloseCode::from(code).fix_hint().is_none());
        }
    }

    #[test]
    fn display_says_what_to_fix() {
        let text = CloseCode::DisallowedIntents.to_string();
        assert!(text.starts_with("4014"));
        assert!(text.contains("developer portal"));
        assert!(CloseCode::from(1006u16).to_string().starts_with("1006"));
    }
}
