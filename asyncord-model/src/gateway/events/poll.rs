//! Poll vote events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#polls)).

use serde::{Deserialize, Serialize};

use crate::{ChannelId, GuildId, MessageId, UserId};

/// `MESSAGE_POLL_VOTE_ADD`: a user voted for an answer (one event per answer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagePollVoteAddEvent {
    /// The voter.
    pub user_id: UserId,
    /// The channel.
    pub channel_id: ChannelId,
    /// The poll's message.
    pub message_id: MessageId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The answer.
    pub answer_id: u32,
}

/// `MESSAGE_POLL_VOTE_REMOVE`: a user removed a vote (one event per answer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessagePollVoteRemoveEvent {
    /// The voter.
    pub user_id: UserId,
    /// The channel.
    pub channel_id: ChannelId,
    /// The poll's message.
    pub message_id: MessageId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The answer.
    pub answer_id: u32,
}
