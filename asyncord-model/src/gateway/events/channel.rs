//! Channel events: create/update/delete, pins, channel info and voice channel status
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#channels)).

use serde::{Deserialize, Serialize};

use crate::channel::Channel;
use crate::{ChannelId, GuildId, Timestamp};

newtype_event! {
    /// `CHANNEL_CREATE`: a guild channel was created.
    ChannelCreateEvent(Channel)
}

newtype_event! {
    /// `CHANNEL_UPDATE`: a channel was updated (not sent for `last_message_id` changes).
    ChannelUpdateEvent(Channel)
}

newtype_event! {
    /// `CHANNEL_DELETE`: a channel was deleted.
    ChannelDeleteEvent(Channel)
}

/// `CHANNEL_PINS_UPDATE`: a message was pinned or unpinned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelPinsUpdateEvent {
    /// The guild (absent in DMs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The channel.
    pub channel_id: ChannelId,
    /// When the most recent pinned message was pinned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_pin_timestamp: Option<Timestamp>,
}

/// `CHANNEL_INFO`: ephemeral channel data, the reply to Request Channel Info.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelInfoEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The channels' data.
    #[serde(default)]
    pub channels: Vec<ChannelInfo>,
}

/// One channel of [`ChannelInfoEvent`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelInfo {
    /// The channel.
    pub id: ChannelId,
    /// The voice channel status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Unix time (seconds) when the voice session started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_start_time: Option<u64>,
}

/// `VOICE_CHANNEL_STATUS_UPDATE`: a voice channel's status text changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceChannelStatusUpdateEvent {
    /// The channel.
    pub id: ChannelId,
    /// The guild.
    pub guild_id: GuildId,
    /// The new status (`None` when cleared).
    #[serde(default)]
    pub status: Option<String>,
}

/// `VOICE_CHANNEL_START_TIME_UPDATE`: a voice session started or ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceChannelStartTimeUpdateEvent {
    /// The channel.
    pub id: ChannelId,
    /// The guild.
    pub guild_id: GuildId,
    /// Unix time (seconds) when the voice session started; `None` when it ended.
    #[serde(default)]
    pub voice_start_time: Option<u64>,
}

/// `WEBHOOKS_UPDATE`: a webhook of a channel was created, updated or deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhooksUpdateEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The channel.
    pub channel_id: ChannelId,
}
