//! The body of Modify Current User Voice State and Modify User Voice State.
//! <https://discord.com/developers/docs/resources/voice#modify-current-user-voice-state>

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::patch::Patch;
use super::validate::{Validate, ValidationError};
use crate::ChannelId;
use crate::timestamp::Timestamp;

/// The body of [Modify Current User Voice State](https://discord.com/developers/docs/resources/voice#modify-current-user-voice-state)
/// and (without `request_to_speak_timestamp`) Modify User Voice State.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyVoiceState {
    /// The stage channel the user is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// Toggles the user's suppress state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppress: Option<bool>,
    /// Requests to speak (current user only; `Patch::Clear` withdraws the request).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub request_to_speak_timestamp: Patch<Timestamp>,
}

impl Validate for ModifyVoiceState {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for ModifyVoiceState {}
