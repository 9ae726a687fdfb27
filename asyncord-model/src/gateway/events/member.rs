//! Guild member events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#guild-member-add)).

use serde::{Deserialize, Serialize};

use crate::lenient;
use crate::member::Member;
use crate::presence::PresenceUpdate;
use crate::user::User;
use crate::{GuildId, UserId};

newtype_event! {
    /// `GUILD_MEMBER_ADD`: a user joined a guild (`guild_id` is set).
    GuildMemberAddEvent(Member)
}

newtype_event! {
    /// `GUILD_MEMBER_UPDATE`: a member (or their user) changed (`guild_id` and `user` are set).
    GuildMemberUpdateEvent(Member)
}

/// `GUILD_MEMBER_REMOVE`: a user left, was kicked or was banned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildMemberRemoveEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The user who was removed.
    pub user: User,
}

lenient_event! {
    /// `GUILD_MEMBERS_CHUNK`: a part of the reply to Request Guild Members.
    pub struct GuildMembersChunkEvent {
        /// The guild.
        pub guild_id: GuildId,
        /// The members in this chunk.
        #[serde(default, deserialize_with = "lenient::members")]
        pub members: Vec<Member>,
        /// This chunk's index (`0 <= chunk_index < chunk_count`).
        pub chunk_index: u32,
        /// How many chunks the reply has.
        pub chunk_count: u32,
        /// Requested user ids that were not found.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub not_found: Vec<UserId>,
        /// The members' presences, when requested.
        #[serde(
            default,
            deserialize_with = "lenient::presences",
            skip_serializing_if = "Option::is_none"
        )]
        pub presences: Option<Vec<PresenceUpdate>>,
        /// The request's nonce.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub nonce: Option<String>,
    }
}
