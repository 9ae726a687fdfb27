//! Local checks of the gateway commands' documented limits, so a bad command is a typed error
//! before it is sent instead of a close code after
//! ([Identify](https://discord.com/developers/docs/events/gateway-events#identify),
//! [Request Guild Members](https://discord.com/developers/docs/events/gateway-events#request-guild-members)).

use super::commands::{Identify, RequestGuildMembers};
use crate::request::{Validate, ValidationError, ValidationErrorKind};

fn error(path: &str, kind: ValidationErrorKind) -> ValidationError {
    ValidationError {
        path: path.to_owned(),
        kind,
    }
}

fn invalid(path: &str, reason: &str) -> ValidationError {
    error(
        path,
        ValidationErrorKind::Invalid {
            reason: reason.to_owned(),
        },
    )
}

impl Validate for Identify {
    /// `large_threshold` within 50–250; `shard` id below a non-zero count.
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(threshold) = self.large_threshold
            && !(50..=250).contains(&threshold)
        {
            return Err(error(
                "large_threshold",
                ValidationErrorKind::OutOfRange {
                    min: 50,
                    max: 250,
                    actual: threshold.into(),
                },
            ));
        }
        if let Some([id, count]) = self.shard {
            if count == 0 {
                return Err(invalid("shard", "the shard count must be at least 1"));
            }
            if id >= count {
                return Err(error(
                    "shard",
                    ValidationErrorKind::OutOfRange {
                        min: 0,
                        max: i64::from(count) - 1,
                        actual: id.into(),
                    },
                ));
            }
        }
        Ok(())
    }
}

impl Validate for RequestGuildMembers {
    /// Either `query` (with `limit`) or `user_ids` (at most 100); `nonce` at most 32 bytes.
    fn validate(&self) -> Result<(), ValidationError> {
        match (&self.query, &self.user_ids) {
            (Some(_), Some(_)) => {
                return Err(invalid(
                    "user_ids",
                    "send either `query` or `user_ids`, not both",
                ));
            }
            (None, None) => {
                return Err(invalid(
                    "query",
                    "send `query` (\"\" for everyone) or `user_ids`",
                ));
            }
            (Some(_), None) if self.limit.is_none() => {
                return Err(invalid(
                    "limit",
                    "`limit` is required with `query` (0: no limit)",
                ));
            }
            _ => {}
        }
        if let Some(ids) = &self.user_ids
            && ids.len() > 100
        {
            return Err(error(
                "user_ids",
                ValidationErrorKind::TooMany {
                    max: 100,
                    actual: ids.len(),
                },
            ));
        }
        if let Some(nonce) = &self.nonce
            && nonce.len() > 32
        {
            return Err(error(
                "nonce",
                ValidationErrorKind::TooLong {
                    max: 32,
                    actual: nonce.len(),
                },
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{GuildId, Intents, UserId};

    #[test]
    fn identify_limits() {
        let ok = Identify::new("t", Intents::GUILDS)
            .large_threshold(250)
            .shard(3, 4);
        assert_eq!(ok.validate(), Ok(()));
        assert_eq!(
            Identify::new("t", Intents::GUILDS)
                .large_threshold(50)
                .validate(),
            Ok(())
        );
        let err = Identify::new("t", Intents::GUILDS)
            .large_threshold(251)
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "large_threshold");
        assert!(
            Identify::new("t", Intents::GUILDS)
                .large_threshold(49)
                .validate()
                .is_err()
        );
        let err = Identify::new("t", Intents::GUILDS)
            .shard(4, 4)
            .validate()
            .unwrap_err();
        assert_eq!(
            err.kind,
            ValidationErrorKind::OutOfRange {
                min: 0,
                max: 3,
                actual: 4
            }
        );
        assert!(
            Identify::new("t", Intents::GUILDS)
                .shard(0, 0)
                .validate()
                .is_err()
        );
    }

    #[test]
    fn request_guild_members_limits() {
        let guild = GuildId::new(1);
        assert_eq!(RequestGuildMembers::all(guild).validate(), Ok(()));
        let ids = |n: u64| (1..=n).map(UserId::new);
        assert_eq!(
            RequestGuildMembers::user_ids(guild, ids(100)).validate(),
            Ok(())
        );
        let err = RequestGuildMembers::user_ids(guild, ids(101))
            .validate()
            .unwrap_err();
        assert_eq!(
            err.kind,
            ValidationErrorKind::TooMany {
                max: 100,
                actual: 101
            }
        );
        let at = RequestGuildMembers::all(guild).nonce("n".repeat(32));
        assert_eq!(at.validate(), Ok(()));
        let past = RequestGuildMembers::all(guild).nonce("n".repeat(33));
        assert_eq!(past.validate().unwrap_err().path, "nonce");
        let mut both = RequestGuildMembers::all(guild);
        both.user_ids = Some(vec![UserId::new(1)]);
        assert!(both.validate().is_err());
        let mut no_limit = RequestGuildMembers::all(guild);
        no_limit.limit = None;
        assert_eq!(no_limit.validate().unwrap_err().path, "limit");
    }
}
