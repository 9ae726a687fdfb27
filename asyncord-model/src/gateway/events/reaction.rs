//! Message reaction events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#message-reaction-add)).

use serde::{Deserialize, Serialize};

use crate::emoji::Emoji;
use crate::member::Member;
use crate::message::ReactionType;
use crate::{ChannelId, GuildId, MessageId, UserId};

/// `MESSAGE_REACTION_ADD`: a user reacted to a message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageReactionAddEvent {
    /// The user who reacted.
    pub user_id: UserId,
    /// The channel.
    pub channel_id: ChannelId,
    /// The message.
    pub message_id: MessageId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The member who reacted, in guilds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Member>,
    /// The emoji (partial: `id` and `name`, `animated` for custom ones).
    pub emoji: Emoji,
    /// The author of the message reacted to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_author_id: Option<UserId>,
    /// Whether this is a super reaction.
    #[serde(default)]
    pub burst: bool,
    /// Super reaction animation colours, `#rrggbb`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub burst_colors: Vec<String>,
    /// The reaction type.
    #[serde(rename = "type", default = "normal")]
    pub kind: ReactionType,
}

fn normal() -> ReactionType {
    ReactionType::Normal
}

/// `MESSAGE_REACTION_REMOVE`: a user removed a reaction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageReactionRemoveEvent {
    /// The user whose reaction was removed.
    pub user_id: UserId,
    /// The channel.
    pub channel_id: ChannelId,
    /// The message.
    pub message_id: MessageId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The emoji (partial).
    pub emoji: Emoji,
    /// Whether it was a super reaction.
    #[serde(default)]
    pub burst: bool,
    /// The reaction type.
    #[serde(rename = "type", default = "normal")]
    pub kind: ReactionType,
}

/// `MESSAGE_REACTION_REMOVE_ALL`: all reactions were removed from a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageReactionRemoveAllEvent {
    /// The channel.
    pub channel_id: ChannelId,
    /// The message.
    pub message_id: MessageId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
}

/// `MESSAGE_REACTION_REMOVE_EMOJI`: all reactions with one emoji were removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageReactionRemoveEmojiEvent {
    /// The channel.
    pub channel_id: ChannelId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The message.
    pub message_id: MessageId,
    /// The emoji removed (partial).
    pub emoji: Emoji,
}
