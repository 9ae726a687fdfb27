//! Application commands: options, choices, localisations, permissions, contexts and
//! integration types.
//!
//! Implements [Application Commands](https://discord.com/developers/docs/interactions/application-commands).
//! The request bodies that create and edit commands live in
//! [`request::command`](crate::request::command).

mod option;
mod permissions;

pub use option::{
    ApplicationCommandOption, ApplicationCommandOptionChoice, ApplicationCommandOptionType,
    ChoiceValue, NumberValue,
};
pub use permissions::{
    ApplicationCommandPermission, ApplicationCommandPermissionType,
    GuildApplicationCommandPermissions,
};

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::common::Locale;
use crate::{ApplicationId, CommandId, GuildId, Permissions, Snowflake, int_enum};

/// Localised strings keyed by locale (`{"fr": "...", "de": "..."}`).
pub type Localizations = HashMap<Locale, String>;

int_enum! {
    /// The kind of an application command ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-types)).
    pub enum ApplicationCommandType: i64 {
        /// A slash command.
        ChatInput = 1,
        /// A command in a user's context menu.
        User = 2,
        /// A command in a message's context menu.
        Message = 3,
        /// The primary entry point of an app's activity.
        PrimaryEntryPoint = 4,
    }
}

int_enum! {
    /// Where an app can be installed ([docs](https://discord.com/developers/docs/resources/application#application-object-application-integration-types)).
    pub enum ApplicationIntegrationType: i64 {
        /// Installed to a guild.
        GuildInstall = 0,
        /// Installed to a user.
        UserInstall = 1,
    }
}

int_enum! {
    /// Where an interaction can be used ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-context-types)).
    pub enum InteractionContextType: i64 {
        /// In guilds.
        Guild = 0,
        /// In the bot's DM.
        BotDm = 1,
        /// In group DMs and DMs other than the bot's.
        PrivateChannel = 2,
    }
}

int_enum! {
    /// Who handles a primary entry point command ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-object-entry-point-command-handler-types)).
    pub enum EntryPointCommandHandlerType: i64 {
        /// The app handles the interaction.
        AppHandler = 1,
        /// Discord launches the activity and sends a follow-up message.
        DiscordLaunchActivity = 2,
    }
}

/// An application command ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationCommand {
    /// The command id.
    pub id: CommandId,
    /// The command type (default chat input).
    #[serde(rename = "type", default = "chat_input")]
    pub kind: ApplicationCommandType,
    /// The application id.
    pub application_id: ApplicationId,
    /// The guild id (guild commands only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The name (1-32 characters).
    pub name: String,
    /// Localised names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localizations: Option<Localizations>,
    /// The name in the requested locale (when fetched with `with_localizations=false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localized: Option<String>,
    /// The description (1-100 characters; empty for user and message commands).
    #[serde(default)]
    pub description: String,
    /// Localised descriptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_localizations: Option<Localizations>,
    /// The description in the requested locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_localized: Option<String>,
    /// Parameters (chat input commands, ≤ 25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<ApplicationCommandOption>>,
    /// Permissions a member needs by default (`None`: everyone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_member_permissions: Option<Permissions>,
    /// Deprecated: use `contexts`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dm_permission: Option<bool>,
    /// Deprecated: use `default_member_permissions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_permission: Option<bool>,
    /// Whether the command is age-restricted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// Installation contexts where the command is available.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_types: Option<Vec<ApplicationIntegrationType>>,
    /// Interaction contexts where the command can be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contexts: Option<Vec<InteractionContextType>>,
    /// Auto-incrementing version id, updated on substantial changes.
    #[serde(default)]
    pub version: Snowflake,
    /// Who handles a primary entry point command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<EntryPointCommandHandlerType>,
}

pub(crate) fn chat_input() -> ApplicationCommandType {
    ApplicationCommandType::ChatInput
}

impl ApplicationCommand {
    /// A `</name:id>` mention of this command (chat input commands).
    pub fn mention(&self) -> String {
        format!("</{}:{}>", self.name, self.id)
    }
}

#[cfg(test)]
mod tests;
