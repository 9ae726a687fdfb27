//! Voice states (who is in which voice channel, muted, streaming...) and voice regions.
//!
//! Discord docs: [Voice resource](https://discord.com/developers/docs/resources/voice).

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::member::Member;
use crate::{ChannelId, GuildId, Timestamp, UserId};

/// A user's voice connection status
/// ([docs](https://discord.com/developers/docs/resources/voice#voice-state-object)); also the
/// `VOICE_STATE_UPDATE` payload.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceState {
    /// The guild (absent in `GUILD_CREATE.voice_states`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The voice channel (`None` when the user left voice).
    #[serde(default)]
    pub channel_id: Option<ChannelId>,
    /// The user.
    pub user_id: UserId,
    /// The guild member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Member>,
    /// The voice session id.
    #[serde(default)]
    pub session_id: String,
    /// Deafened by the server.
    #[serde(default, deserialize_with = "null_as_default")]
    pub deaf: bool,
    /// Muted by the server.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mute: bool,
    /// Deafened locally.
    #[serde(default, deserialize_with = "null_as_default")]
    pub self_deaf: bool,
    /// Muted locally.
    #[serde(default, deserialize_with = "null_as_default")]
    pub self_mute: bool,
    /// Streaming with "Go Live".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_stream: Option<bool>,
    /// Camera on.
    #[serde(default, deserialize_with = "null_as_default")]
    pub self_video: bool,
    /// Muted by the current user (stage audience).
    #[serde(default, deserialize_with = "null_as_default")]
    pub suppress: bool,
    /// When the user asked to speak (stage channels).
    #[serde(default)]
    pub request_to_speak_timestamp: Option<Timestamp>,
}

/// A voice region ([docs](https://discord.com/developers/docs/resources/voice#voice-region-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceRegion {
    /// The region id.
    pub id: String,
    /// The region name.
    #[serde(default)]
    pub name: String,
    /// Whether this is the closest region to the current user's client.
    #[serde(default, deserialize_with = "null_as_default")]
    pub optimal: bool,
    /// Whether the region is deprecated.
    #[serde(default, deserialize_with = "null_as_default")]
    pub deprecated: bool,
    /// Whether this is a custom region (events).
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS_VOICE_STATE: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-voice-example-voice-state.json"
    );
    const CAPTURED: &str = include_str!(
        "../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_voice_state_update.json"
    );

    #[derive(Deserialize)]
    struct Frame {
        d: VoiceState,
    }

    fn round_trip(v: &VoiceState) {
        let s = serde_json::to_string(v).unwrap();
        assert_eq!(&serde_json::from_str::<VoiceState>(&s).unwrap(), v);
    }

    #[test]
    fn docs_voice_state_parses() {
        let v: VoiceState = serde_json::from_str(DOCS_VOICE_STATE).unwrap();
        assert!(v.self_mute && !v.self_deaf);
        assert!(v.request_to_speak_timestamp.is_some());
        assert_eq!(v.guild_id, None);
        round_trip(&v);
    }

    #[test]
    fn captured_voice_state_updates_parse() {
        let frames: Vec<Frame> = serde_json::from_str(CAPTURED).unwrap();
        assert!(!frames.is_empty());
        for f in &frames {
            assert!(f.d.guild_id.is_some());
            round_trip(&f.d);
        }
    }

    #[test]
    fn region_parses() {
        let r: VoiceRegion =
            serde_json::from_str(r#"{"id":"rotterdam","name":"Rotterdam","optimal":true,"deprecated":false,"custom":false}"#)
                .unwrap();
        assert!(r.optimal);
    }
}
