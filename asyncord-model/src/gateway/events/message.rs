//! Message events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#messages)).

use serde::{Deserialize, Serialize};

use crate::message::Message;
use crate::{ChannelId, GuildId, MessageId};

newtype_event! {
    /// `MESSAGE_CREATE`: a message was sent. The message carries the gateway extras
    /// `guild_id`, `member` (the author's partial member) and mentions with their members.
    MessageCreateEvent(Message)
}

newtype_event! {
    /// `MESSAGE_UPDATE`: a message was edited; the full message, with the same extras as
    /// `MESSAGE_CREATE` (`tts` is always false).
    MessageUpdateEvent(Message)
}

/// `MESSAGE_DELETE`: a message was deleted (ids only).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageDeleteEvent {
    /// The message.
    pub id: MessageId,
    /// The channel.
    pub channel_id: ChannelId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
}

/// `MESSAGE_DELETE_BULK`: several messages were deleted at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageDeleteBulkEvent {
    /// The messages.
    pub ids: Vec<MessageId>,
    /// The channel.
    pub channel_id: ChannelId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
}
