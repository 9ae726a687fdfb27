//! Interaction data: application command (and autocomplete), message component and modal
//! submit payloads, command option values, and resolved data
//! ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-interaction-data)).

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Error as _, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::channel::Channel;
use crate::command::{ApplicationCommandOptionType, ApplicationCommandType};
use crate::component::{Component, ComponentType};
use crate::member::Member;
use crate::message::{Attachment, Message};
use crate::role::Role;
use crate::user::User;
use crate::{AttachmentId, ChannelId, CommandId, GuildId, MessageId, RoleId, Snowflake, UserId};

/// Users, members, roles, channels, messages and attachments referenced by an interaction,
/// keyed by id ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-resolved-data-structure)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResolvedData {
    /// Users.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub users: HashMap<UserId, User>,
    /// Partial members (no `user`, `deaf`, `mute`).
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub members: HashMap<UserId, Member>,
    /// Roles.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub roles: HashMap<RoleId, Role>,
    /// Partial channels (id, name, type, permissions, thread fields).
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub channels: HashMap<ChannelId, Channel>,
    /// Messages.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub messages: HashMap<MessageId, Message>,
    /// Attachments.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub attachments: HashMap<AttachmentId, Attachment>,
}

/// The data of an application command or autocomplete interaction ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-application-command-data-structure)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationCommandData {
    /// The command id.
    pub id: CommandId,
    /// The command name.
    pub name: String,
    /// The command type.
    #[serde(rename = "type", default = "crate::command::chat_input")]
    pub kind: ApplicationCommandType,
    /// Resolved users, roles, channels, attachments and messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<ResolvedData>,
    /// The parameters and values given by the user.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CommandDataOption>,
    /// The guild the command is registered in (guild commands).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The user or message the command targets (user and message commands): `.cast()` it to a
    /// [`UserId`] or a [`MessageId`] as `kind` says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_id: Option<Snowflake>,
}

impl ApplicationCommandData {
    /// The top-level option named `name`.
    pub fn option(&self, name: &str) -> Option<&CommandDataOption> {
        self.options.iter().find(|o| o.name == name)
    }

    /// The option currently being autocompleted, searching nested subcommands.
    pub fn focused(&self) -> Option<&CommandDataOption> {
        fn find(options: &[CommandDataOption]) -> Option<&CommandDataOption> {
            options.iter().find_map(|o| {
                if o.focused == Some(true) {
                    Some(o)
                } else {
                    find(&o.options)
                }
            })
        }
        find(&self.options)
    }
}

/// A parameter value given to a command ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-application-command-interaction-data-option-structure)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommandDataOption {
    /// The parameter name.
    pub name: String,
    /// The parameter type.
    #[serde(rename = "type")]
    pub kind: ApplicationCommandOptionType,
    /// The value (absent for subcommands and groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<OptionValue>,
    /// Nested options (subcommands and groups).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<CommandDataOption>,
    /// Whether this option is the one being autocompleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focused: Option<bool>,
}

/// The value of a command option: a string (also ids, and partial input while autocompleting),
/// an integer, a double or a boolean.
#[derive(Clone, Debug, PartialEq)]
pub enum OptionValue {
    /// A string, or an id for user/channel/role/mentionable/attachment options.
    String(String),
    /// An integer.
    Integer(i64),
    /// A double.
    Number(f64),
    /// A boolean.
    Boolean(bool),
}

impl OptionValue {
    /// The string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    /// The integer value.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Self::Integer(v) => Some(*v),
            _ => None,
        }
    }

    /// The value as a double (integers are converted).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Self::Number(v) => Some(*v),
            Self::Integer(v) => Some(*v as f64),
            _ => None,
        }
    }

    /// The boolean value.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Boolean(v) => Some(*v),
            _ => None,
        }
    }

    /// The id value (user, channel, role, mentionable, attachment options): `.cast()` it to the
    /// option type's kind ([`UserId`], [`ChannelId`], [`RoleId`], [`AttachmentId`]); a
    /// mentionable is a user or a role, which `resolved` tells apart.
    pub fn as_id(&self) -> Option<Snowflake> {
        self.as_str().and_then(|s| s.parse().ok())
    }
}

impl Serialize for OptionValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(v) => s.serialize_str(v),
            Self::Integer(v) => s.serialize_i64(*v),
            Self::Number(v) => s.serialize_f64(*v),
            Self::Boolean(v) => s.serialize_bool(*v),
        }
    }
}

impl<'de> Deserialize<'de> for OptionValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = OptionValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, number or boolean option value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OptionValue, E> {
                Ok(OptionValue::String(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OptionValue, E> {
                Ok(OptionValue::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OptionValue, E> {
                Ok(i64::try_from(v).map_or(OptionValue::Number(v as f64), OptionValue::Integer))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<OptionValue, E> {
                Ok(OptionValue::Number(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<OptionValue, E> {
                Ok(OptionValue::Boolean(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// The data of a message component interaction ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-message-component-data-structure)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageComponentData {
    /// The component's `custom_id`.
    pub custom_id: String,
    /// The component type.
    pub component_type: ComponentType,
    /// The chosen values (select menus).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Resolved users, members, roles and channels (auto-populated selects).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<ResolvedData>,
    /// The component's numeric id (undocumented, sent by Discord).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
}

/// The data of a modal submit interaction ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object-modal-submit-data-structure)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModalSubmitData {
    /// The modal's `custom_id`.
    pub custom_id: String,
    /// The submitted components with their values.
    #[serde(default)]
    pub components: Vec<Component>,
    /// Resolved users, members, roles, channels and attachments (selects and file uploads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<ResolvedData>,
}

impl ModalSubmitData {
    /// Every submitted component, nested ones included.
    pub fn fields(&self) -> Vec<&Component> {
        let mut out = Vec::new();
        for c in &self.components {
            c.walk(&mut |c| out.push(c));
        }
        out
    }

    /// The submitted component with this `custom_id`, wherever it is nested.
    pub fn field(&self, custom_id: &str) -> Option<&Component> {
        self.fields()
            .into_iter()
            .find(|c| c.custom_id() == Some(custom_id))
    }

    /// The text of the text input with this `custom_id`.
    pub fn text_value(&self, custom_id: &str) -> Option<&str> {
        match self.field(custom_id)? {
            Component::TextInput(t) => t.value.as_deref(),
            _ => None,
        }
    }
}

/// The `data` of an interaction; its shape depends on the interaction type.
///
/// Parsed by shape: `component_type` means a component, `custom_id` with `components` a modal,
/// otherwise a command (application command and autocomplete share a shape).
#[derive(Clone, Debug, PartialEq)]
pub enum InteractionData {
    /// Application command and autocomplete interactions.
    ApplicationCommand(ApplicationCommandData),
    /// Message component interactions.
    MessageComponent(MessageComponentData),
    /// Modal submit interactions.
    ModalSubmit(ModalSubmitData),
    /// A shape this version does not recognise, kept as raw JSON.
    Unknown(serde_json::Value),
}

impl Serialize for InteractionData {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::ApplicationCommand(d) => d.serialize(s),
            Self::MessageComponent(d) => d.serialize(s),
            Self::ModalSubmit(d) => d.serialize(s),
            Self::Unknown(v) => v.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for InteractionData {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        let Some(obj) = value.as_object() else {
            return Err(D::Error::custom("interaction data must be an object"));
        };
        if obj.contains_key("component_type") {
            MessageComponentData::deserialize(value)
                .map(Self::MessageComponent)
                .map_err(D::Error::custom)
        } else if obj.contains_key("custom_id") && obj.contains_key("components") {
            ModalSubmitData::deserialize(value)
                .map(Self::ModalSubmit)
                .map_err(D::Error::custom)
        } else if obj.contains_key("name") && obj.contains_key("id") {
            ApplicationCommandData::deserialize(value)
                .map(Self::ApplicationCommand)
                .map_err(D::Error::custom)
        } else {
            Ok(Self::Unknown(value))
        }
    }
}
