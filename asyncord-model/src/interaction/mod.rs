//! Interactions (ping, application command, component, autocomplete, modal submit), their data
//! and resolved data, and interaction responses.
//!
//! Implements [Receiving and Responding](https://discord.com/developers/docs/interactions/receiving-and-responding).
//! [`Interaction`] is also the payload of INTERACTION_CREATE.

mod data;
mod response;

pub use data::{
    ApplicationCommandData, CommandDataOption, InteractionData, MessageComponentData,
    ModalSubmitData, OptionValue, ResolvedData,
};
pub use response::{
    ActivityInstanceResource, AutocompleteData, InteractionCallback, InteractionCallbackResource,
    InteractionCallbackResponse, InteractionCallbackType, InteractionMessageData,
    InteractionResponse, ModalData,
};

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::channel::Channel;
use crate::command::{ApplicationIntegrationType, InteractionContextType};
use crate::common::Locale;
use crate::member::Member;
use crate::message::Message;
use crate::monetization::Entitlement;
use crate::user::User;
use crate::{
    ApplicationId, ChannelId, GuildId, InteractionId, Permissions, Snowflake, UserId, int_enum,
};

int_enum! {
    /// The kind of an interaction ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-type)).
    pub enum InteractionType: i64 {
        /// A ping (HTTP interactions only).
        Ping = 1,
        /// A slash, user or message command.
        ApplicationCommand = 2,
        /// A button click or select choice.
        MessageComponent = 3,
        /// An autocomplete request for a command option.
        ApplicationCommandAutocomplete = 4,
        /// A modal was submitted.
        ModalSubmit = 5,
    }
}

/// The partial guild sent with an interaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteractionGuild {
    /// The guild id.
    pub id: GuildId,
    /// The guild's preferred locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// Enabled guild features.
    #[serde(default)]
    pub features: Vec<String>,
}

/// An interaction: a command, a component use, an autocomplete request or a modal submission
/// ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Interaction {
    /// The interaction id (0 when absent, as in some docs examples).
    #[serde(default)]
    pub id: InteractionId,
    /// The application id (0 when absent, as in some docs examples).
    #[serde(default)]
    pub application_id: ApplicationId,
    /// The interaction type.
    #[serde(rename = "type")]
    pub kind: InteractionType,
    /// The payload (absent for pings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<InteractionData>,
    /// The guild it was sent from (partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild: Option<InteractionGuild>,
    /// The guild id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The channel it was sent from (partial).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<Box<Channel>>,
    /// The channel id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// The invoking member (guilds), including `permissions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Box<Member>>,
    /// The invoking user (DMs; in guilds see `member.user`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The continuation token for responding (valid 15 minutes). Never log it.
    #[serde(default)]
    pub token: InteractionToken,
    /// Always 1.
    #[serde(default)]
    pub version: u8,
    /// The message a component was attached to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Box<Message>>,
    /// The app's permissions in the channel.
    #[serde(default)]
    pub app_permissions: Permissions,
    /// The invoking user's locale (all but pings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The guild's preferred locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_locale: Option<Locale>,
    /// The invoking user's and guild's entitlements for the app.
    #[serde(default)]
    pub entitlements: Vec<Entitlement>,
    /// Installation contexts that authorised the interaction, keyed by integration type: a guild
    /// id for a guild install (`0` in the bot's DM), a user id for a user install.
    #[serde(default)]
    pub authorizing_integration_owners: BTreeMap<ApplicationIntegrationType, Snowflake>,
    /// Where the interaction was triggered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<InteractionContextType>,
    /// Maximum upload size in bytes for a response or follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_size_limit: Option<u64>,
}

impl Interaction {
    /// The invoking user, from `member.user` in guilds or `user` in DMs.
    pub fn author(&self) -> Option<&User> {
        self.member
            .as_ref()
            .and_then(|m| m.user.as_deref())
            .or(self.user.as_ref())
    }

    /// The invoking user's id.
    pub fn author_id(&self) -> Option<UserId> {
        self.author().map(|u| u.id)
    }

    /// The command data (application command and autocomplete interactions).
    pub fn command_data(&self) -> Option<&ApplicationCommandData> {
        match &self.data {
            Some(InteractionData::ApplicationCommand(d)) => Some(d),
            _ => None,
        }
    }

    /// The component data (message component interactions).
    pub fn component_data(&self) -> Option<&MessageComponentData> {
        match &self.data {
            Some(InteractionData::MessageComponent(d)) => Some(d),
            _ => None,
        }
    }

    /// The modal data (modal submit interactions).
    pub fn modal_data(&self) -> Option<&ModalSubmitData> {
        match &self.data {
            Some(InteractionData::ModalSubmit(d)) => Some(d),
            _ => None,
        }
    }
}

/// An interaction's continuation token: a credential, so `Debug` does not show it.
#[derive(Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InteractionToken(pub String);

impl InteractionToken {
    /// The token text (for building webhook URLs; never log it).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for InteractionToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InteractionToken(<redacted>)")
    }
}

impl From<String> for InteractionToken {
    fn from(v: String) -> Self {
        Self(v)
    }
}

impl From<&str> for InteractionToken {
    fn from(v: &str) -> Self {
        Self(v.to_owned())
    }
}

#[cfg(test)]
mod tests;
