//! Per-guild application command permissions
//! ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-permissions-object)).

use serde::{Deserialize, Serialize};

use crate::{ApplicationId, GuildId, Snowflake, int_enum};

int_enum! {
    /// What a command permission applies to.
    pub enum ApplicationCommandPermissionType: i64 {
        /// A role (`id` = role id, or guild id for @everyone).
        Role = 1,
        /// A user.
        User = 2,
        /// A channel (`id` = channel id, or guild id - 1 for all channels).
        Channel = 3,
    }
}

/// One permission overwrite of a command ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-permissions-object-application-command-permissions-structure)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationCommandPermission {
    /// The role, user or channel id (or a constant, see the type).
    pub id: Snowflake,
    /// What `id` refers to.
    #[serde(rename = "type")]
    pub kind: ApplicationCommandPermissionType,
    /// Allowed (`true`) or denied (`false`).
    pub permission: bool,
}

/// The permissions of one command (or of all commands, when `id` is the application id) in a
/// guild ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-permissions-object-guild-application-command-permissions-structure)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildApplicationCommandPermissions {
    /// The command id, or the application id for the app-wide default.
    pub id: Snowflake,
    /// The application id.
    pub application_id: ApplicationId,
    /// The guild id.
    pub guild_id: GuildId,
    /// The overwrites (≤ 100).
    #[serde(default)]
    pub permissions: Vec<ApplicationCommandPermission>,
}
