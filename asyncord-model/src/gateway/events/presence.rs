//! Presence, typing and user events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#presence)).

use serde::{Deserialize, Serialize};

use crate::member::Member;
use crate::presence::PresenceUpdate;
use crate::user::User;
use crate::{ChannelId, GuildId, UserId};

newtype_event! {
    /// `PRESENCE_UPDATE`: a user's status, activities or user info changed (needs the
    /// GUILD_PRESENCES intent). The user may be partial (only `id` is certain).
    PresenceUpdateEvent(PresenceUpdate)
}

/// `TYPING_START`: a user started typing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypingStartEvent {
    /// The channel.
    pub channel_id: ChannelId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The user.
    pub user_id: UserId,
    /// Unix time (seconds) when the user started typing.
    pub timestamp: u64,
    /// The member, in guilds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Member>,
}

newtype_event! {
    /// `USER_UPDATE`: the bot's user changed.
    UserUpdateEvent(User)
}
