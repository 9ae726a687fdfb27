//! Voice events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#voice)).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::emoji::Emoji;
use crate::voice::VoiceState;
use crate::{ChannelId, GuildId, SoundboardSoundId, UserId};

crate::int_enum! {
    /// The animation of a [`VoiceChannelEffectSendEvent`].
    pub enum VoiceAnimationType: i64 {
        /// A fun animation, sent by a Nitro subscriber.
        Premium = 0,
        /// The standard animation.
        Basic = 1,
    }
}

/// `VOICE_CHANNEL_EFFECT_SEND`: someone sent an emoji reaction or a soundboard sound in the
/// voice channel the bot is in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoiceChannelEffectSendEvent {
    /// The channel.
    pub channel_id: ChannelId,
    /// The guild.
    pub guild_id: GuildId,
    /// The user who sent the effect.
    pub user_id: UserId,
    /// The emoji (emoji reactions and soundboard effects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<Emoji>,
    /// The animation type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animation_type: Option<VoiceAnimationType>,
    /// The animation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animation_id: Option<u64>,
    /// The soundboard sound (a snowflake, or a small integer for default sounds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sound_id: Option<SoundboardSoundId>,
    /// The sound's volume, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sound_volume: Option<f64>,
}

newtype_event! {
    /// `VOICE_STATE_UPDATE`: someone joined, left or moved between voice channels, or
    /// changed their mute/deaf/stream state.
    VoiceStateUpdateEvent(VoiceState)
}

/// `VOICE_SERVER_UPDATE`: the voice server to connect to (on joining voice, and on failover).
///
/// Its `Debug` hides the voice token.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceServerUpdateEvent {
    /// The voice connection token.
    pub token: String,
    /// The guild.
    pub guild_id: GuildId,
    /// The voice server host; `None` while a new server is being allocated.
    #[serde(default)]
    pub endpoint: Option<String>,
}

impl fmt::Debug for VoiceServerUpdateEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VoiceServerUpdateEvent")
            .field("token", &"<redacted>")
            .field("guild_id", &self.guild_id)
            .field("endpoint", &self.endpoint)
            .finish()
    }
}
