//! Guild role events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#guild-role-create)).

use serde::{Deserialize, Serialize};

use crate::role::Role;
use crate::{GuildId, RoleId};

/// `GUILD_ROLE_CREATE`: a role was created.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildRoleCreateEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The new role.
    pub role: Role,
}

/// `GUILD_ROLE_UPDATE`: a role was updated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildRoleUpdateEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The role as it is now.
    pub role: Role,
}

/// `GUILD_ROLE_DELETE`: a role was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildRoleDeleteEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The deleted role.
    pub role_id: RoleId,
}
