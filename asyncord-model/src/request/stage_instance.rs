//! Stage instance bodies: create and modify.
//! <https://discord.com/developers/docs/resources/stage-instance#create-stage-instance>

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::validate::{Path, Validate, ValidationError, check};
use crate::stage_instance::StagePrivacyLevel;
use crate::{ChannelId, ScheduledEventId};

/// The body of [Create Stage Instance](https://discord.com/developers/docs/resources/stage-instance#create-stage-instance).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateStageInstance {
    /// The stage channel.
    pub channel_id: ChannelId,
    /// The topic (1-120 characters).
    pub topic: String,
    /// Privacy level (default guild only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_level: Option<StagePrivacyLevel>,
    /// Notify @everyone that the stage started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_start_notification: Option<bool>,
    /// The scheduled event of the stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_scheduled_event_id: Option<ScheduledEventId>,
}

impl CreateStageInstance {
    /// A stage instance in a channel with a topic.
    pub fn new(channel_id: ChannelId, topic: impl Into<String>) -> Self {
        Self {
            channel_id,
            topic: topic.into(),
            privacy_level: None,
            send_start_notification: None,
            guild_scheduled_event_id: None,
        }
    }
}

impl Validate for CreateStageInstance {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("topic"), &self.topic, 1, 120)
    }
}

impl RequestBody for CreateStageInstance {}

/// The body of [Modify Stage Instance](https://discord.com/developers/docs/resources/stage-instance#modify-stage-instance).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyStageInstance {
    /// New topic (1-120 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// New privacy level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_level: Option<StagePrivacyLevel>,
}

impl Validate for ModifyStageInstance {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("topic"), self.topic.as_deref(), 1, 120)
    }
}

impl RequestBody for ModifyStageInstance {}
