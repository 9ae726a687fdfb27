//! Stage instances: a live stage in a stage channel, and its privacy level.
//!
//! Discord docs: [Stage instance resource](https://discord.com/developers/docs/resources/stage-instance).

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::{ChannelId, GuildId, ScheduledEventId, StageInstanceId, int_enum};

/// A live stage ([docs](https://discord.com/developers/docs/resources/stage-instance#stage-instance-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageInstance {
    /// The stage instance id.
    pub id: StageInstanceId,
    /// The guild.
    pub guild_id: GuildId,
    /// The stage channel.
    pub channel_id: ChannelId,
    /// The topic (1-120 characters).
    #[serde(default)]
    pub topic: String,
    /// The privacy level.
    pub privacy_level: StagePrivacyLevel,
    /// Whether stage discovery is disabled (deprecated).
    #[serde(default, deserialize_with = "null_as_default")]
    pub discoverable_disabled: bool,
    /// The scheduled event that started this stage.
    #[serde(default)]
    pub guild_scheduled_event_id: Option<ScheduledEventId>,
}

int_enum! {
    /// Who can see a stage
    /// ([docs](https://discord.com/developers/docs/resources/stage-instance#stage-instance-object-privacy-level)).
    pub enum StagePrivacyLevel: i64 {
        /// Public (deprecated).
        Public = 1,
        /// Guild members only.
        GuildOnly = 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-stage-instance-example-stage-instance.json"
    );

    #[test]
    fn docs_stage_instance_parses() {
        let s: StageInstance = serde_json::from_str(DOCS).unwrap();
        assert_eq!(s.privacy_level, StagePrivacyLevel::Public);
        let j = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<StageInstance>(&j).unwrap(), s);
    }
}
