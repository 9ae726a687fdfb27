//! Thread events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#thread-create)).

use serde::{Deserialize, Serialize};

use crate::channel::{Channel, ChannelType, ThreadMember};
use crate::lenient;
use crate::{ChannelId, GuildId, UserId};

newtype_event! {
    /// `THREAD_CREATE`: a thread was created (`newly_created` set), or the bot was added to
    /// a private thread (`member` set).
    ThreadCreateEvent(Channel)
}

newtype_event! {
    /// `THREAD_UPDATE`: a thread was updated.
    ThreadUpdateEvent(Channel)
}

/// `THREAD_DELETE`: a thread was deleted (only its ids and type are sent).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadDeleteEvent {
    /// The thread.
    pub id: ChannelId,
    /// The guild.
    pub guild_id: GuildId,
    /// The parent channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<ChannelId>,
    /// The thread's channel type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
}

lenient_event! {
    /// `THREAD_LIST_SYNC`: the bot gained access to a channel; its active threads.
    pub struct ThreadListSyncEvent {
        /// The guild.
        pub guild_id: GuildId,
        /// The parent channels synced (`None`: the whole guild).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub channel_ids: Option<Vec<ChannelId>>,
        /// The active threads the bot can access.
        #[serde(default, deserialize_with = "lenient::threads")]
        pub threads: Vec<Channel>,
        /// The bot's thread memberships among them.
        #[serde(default, deserialize_with = "lenient::members")]
        pub members: Vec<ThreadMember>,
    }
}

newtype_event! {
    /// `THREAD_MEMBER_UPDATE`: the bot's thread membership changed (`guild_id` is set).
    ThreadMemberUpdateEvent(ThreadMember)
}

/// `THREAD_MEMBERS_UPDATE`: members were added to or removed from a thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadMembersUpdateEvent {
    /// The thread.
    pub id: ChannelId,
    /// The guild.
    pub guild_id: GuildId,
    /// Approximate member count, capped at 50.
    pub member_count: u32,
    /// Members added (with their guild member).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added_members: Vec<ThreadMember>,
    /// Users removed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_member_ids: Vec<UserId>,
}
