//! `APPLICATION_COMMAND_PERMISSIONS_UPDATE`
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#application-command-permissions-update)).

use crate::command::GuildApplicationCommandPermissions;

newtype_event! {
    /// `APPLICATION_COMMAND_PERMISSIONS_UPDATE`: a command's permissions in a guild changed.
    ApplicationCommandPermissionsUpdateEvent(GuildApplicationCommandPermissions)
}
