//! The body of Modify Guild Incident Actions: pause invites or DMs during a raid.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-incident-actions>

use serde::{Deserialize, Serialize};

use crate::request::files::RequestBody;
use crate::request::patch::Patch;
use crate::request::validate::{Path, Validate, ValidationError};
use crate::timestamp::Timestamp;

/// The body of [Modify Guild Incident Actions](https://discord.com/developers/docs/resources/guild#modify-guild-incident-actions)
/// (a `PUT`): each time is at most 24 hours ahead; `Patch::Clear` ends the action now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyIncidentActions {
    /// Invites are disabled until then.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub invites_disabled_until: Patch<Timestamp>,
    /// Direct messages between members are disabled until then.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub dms_disabled_until: Patch<Timestamp>,
}

impl ModifyIncidentActions {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Disables invites until `until` (`None` re-enables them).
    #[must_use]
    pub fn invites_disabled_until(mut self, until: Option<Timestamp>) -> Self {
        self.invites_disabled_until = Patch::set_or_clear(until);
        self
    }

    /// Disables DMs until `until` (`None` re-enables them).
    #[must_use]
    pub fn dms_disabled_until(mut self, until: Option<Timestamp>) -> Self {
        self.dms_disabled_until = Patch::set_or_clear(until);
        self
    }
}

impl Validate for ModifyIncidentActions {
    fn validate(&self) -> Result<(), ValidationError> {
        let latest = Timestamp::now() + std::time::Duration::from_secs(24 * 3600);
        for (name, value) in [
            ("invites_disabled_until", self.invites_disabled_until),
            ("dms_disabled_until", self.dms_disabled_until),
        ] {
            if value.get().is_some_and(|t| *t > latest) {
                return Err(Path::ROOT
                    .field(name)
                    .invalid("at most 24 hours in the future"));
            }
        }
        Ok(())
    }
}

impl RequestBody for ModifyIncidentActions {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn incident_actions_at_most_a_day_ahead() {
        let now = Timestamp::now();
        let ok = ModifyIncidentActions::new()
            .invites_disabled_until(Some(now + Duration::from_secs(23 * 3600)))
            .dms_disabled_until(None);
        assert!(ok.validate().is_ok());
        assert_eq!(
            serde_json::to_value(&ok).unwrap()["dms_disabled_until"],
            serde_json::Value::Null
        );
        let late = ModifyIncidentActions::new()
            .dms_disabled_until(Some(now + Duration::from_secs(25 * 3600)));
        assert_eq!(late.validate().unwrap_err().path, "dms_disabled_until");
    }
}
