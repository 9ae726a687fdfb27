//! Invite events (sent only with MANAGE_CHANNELS on the channel)
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#invites)).

use serde::{Deserialize, Serialize};

use crate::application::Application;
use crate::invite::InviteTargetType;
use crate::user::User;
use crate::{ChannelId, GuildId, RoleId, Timestamp};

/// `INVITE_CREATE`: an invite was created.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InviteCreateEvent {
    /// The channel the invite is for.
    pub channel_id: ChannelId,
    /// The invite code.
    pub code: String,
    /// When the invite was created.
    pub created_at: Timestamp,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// Who created the invite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inviter: Option<User>,
    /// How long the invite is valid, in seconds (0: forever).
    pub max_age: u32,
    /// How many times it can be used (0: unlimited).
    pub max_uses: u32,
    /// The target type of a voice channel invite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<InviteTargetType>,
    /// The user whose stream the invite shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_user: Option<User>,
    /// The embedded application the invite opens (partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_application: Option<Application>,
    /// Whether members who join with it are kicked when they disconnect (unless given a role).
    #[serde(default)]
    pub temporary: bool,
    /// How many times it was used (always 0).
    #[serde(default)]
    pub uses: u32,
    /// When it expires.
    #[serde(default)]
    pub expires_at: Option<Timestamp>,
    /// Roles given to the users who accept it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role_ids: Vec<RoleId>,
}

/// `INVITE_DELETE`: an invite was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteDeleteEvent {
    /// The channel of the invite.
    pub channel_id: ChannelId,
    /// The guild.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The invite code.
    pub code: String,
}
