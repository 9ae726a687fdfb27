//! Application command options and choices
//! ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure)).

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Localizations;
use crate::channel::ChannelType;
use crate::int_enum;

int_enum! {
    /// The type of a command option ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-type)).
    pub enum ApplicationCommandOptionType: i64 {
        /// A subcommand.
        SubCommand = 1,
        /// A group of subcommands.
        SubCommandGroup = 2,
        /// A string.
        String = 3,
        /// An integer between -2^53 and 2^53.
        Integer = 4,
        /// A boolean.
        Boolean = 5,
        /// A user.
        User = 6,
        /// A channel (of any type unless `channel_types` is set).
        Channel = 7,
        /// A role.
        Role = 8,
        /// A user or a role.
        Mentionable = 9,
        /// A double between -2^53 and 2^53.
        Number = 10,
        /// An uploaded file.
        Attachment = 11,
    }
}

/// A number bound (`min_value`/`max_value`): an integer or a double.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumberValue {
    /// An integer.
    Integer(i64),
    /// A double.
    Float(f64),
}

impl NumberValue {
    /// The value as a double.
    pub fn as_f64(self) -> f64 {
        match self {
            Self::Integer(v) => v as f64,
            Self::Float(v) => v,
        }
    }
}

impl From<i64> for NumberValue {
    fn from(v: i64) -> Self {
        Self::Integer(v)
    }
}

impl From<f64> for NumberValue {
    fn from(v: f64) -> Self {
        Self::Float(v)
    }
}

impl Serialize for NumberValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match *self {
            Self::Integer(v) => s.serialize_i64(v),
            Self::Float(v) => s.serialize_f64(v),
        }
    }
}

impl<'de> Deserialize<'de> for NumberValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match ChoiceValue::deserialize(d)? {
            ChoiceValue::Integer(v) => Ok(Self::Integer(v)),
            ChoiceValue::Number(v) => Ok(Self::Float(v)),
            ChoiceValue::String(s) => Err(de::Error::invalid_type(
                de::Unexpected::Str(&s),
                &"an integer or a double",
            )),
        }
    }
}

/// The value of a choice: a string, an integer or a double (matching the option's type).
#[derive(Clone, Debug, PartialEq)]
pub enum ChoiceValue {
    /// A string value (≤ 100 characters).
    String(String),
    /// An integer value.
    Integer(i64),
    /// A double value.
    Number(f64),
}

impl From<&str> for ChoiceValue {
    fn from(v: &str) -> Self {
        Self::String(v.to_owned())
    }
}

impl From<String> for ChoiceValue {
    fn from(v: String) -> Self {
        Self::String(v)
    }
}

impl From<i64> for ChoiceValue {
    fn from(v: i64) -> Self {
        Self::Integer(v)
    }
}

impl From<f64> for ChoiceValue {
    fn from(v: f64) -> Self {
        Self::Number(v)
    }
}

impl Serialize for ChoiceValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(v) => s.serialize_str(v),
            Self::Integer(v) => s.serialize_i64(*v),
            Self::Number(v) => s.serialize_f64(*v),
        }
    }
}

impl<'de> Deserialize<'de> for ChoiceValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ChoiceValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, an integer or a double")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ChoiceValue, E> {
                Ok(ChoiceValue::String(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ChoiceValue, E> {
                Ok(ChoiceValue::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ChoiceValue, E> {
                Ok(i64::try_from(v).map_or(ChoiceValue::Number(v as f64), ChoiceValue::Integer))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<ChoiceValue, E> {
                Ok(ChoiceValue::Number(v))
            }
        }
        d.deserialize_any(V)
    }
}

/// A choice of a string, integer or number option ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationCommandOptionChoice {
    /// The name (1-100 characters).
    pub name: String,
    /// Localised names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localizations: Option<Localizations>,
    /// The value.
    pub value: ChoiceValue,
}

impl ApplicationCommandOptionChoice {
    /// A choice.
    pub fn new(name: impl Into<String>, value: impl Into<ChoiceValue>) -> Self {
        Self {
            name: name.into(),
            name_localizations: None,
            value: value.into(),
        }
    }
}

/// A parameter of a chat input command, or a subcommand (group) ([docs](https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplicationCommandOption {
    /// The option type.
    #[serde(rename = "type")]
    pub kind: ApplicationCommandOptionType,
    /// The name (1-32 characters).
    pub name: String,
    /// Localised names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_localizations: Option<Localizations>,
    /// The description (1-100 characters).
    #[serde(default)]
    pub description: String,
    /// Localised descriptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_localizations: Option<Localizations>,
    /// Whether the parameter is required (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Fixed choices (string, integer, number; ≤ 25).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<ApplicationCommandOptionChoice>>,
    /// Nested options (subcommands and groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<ApplicationCommandOption>>,
    /// Allowed channel types (channel options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_types: Option<Vec<ChannelType>>,
    /// Minimum value (integer and number options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<NumberValue>,
    /// Maximum value (integer and number options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<NumberValue>,
    /// Minimum length (string options, 0-6000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u16>,
    /// Maximum length (string options, 1-6000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
    /// Whether autocomplete is enabled (not with `choices`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autocomplete: Option<bool>,
}

impl ApplicationCommandOption {
    /// An option of a type with a name and description.
    pub fn new(
        kind: ApplicationCommandOptionType,
        name: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            name: name.into(),
            name_localizations: None,
            description: description.into(),
            description_localizations: None,
            required: None,
            choices: None,
            options: None,
            channel_types: None,
            min_value: None,
            max_value: None,
            min_length: None,
            max_length: None,
            autocomplete: None,
        }
    }

    /// A string option.
    pub fn string(name: impl Into<String>, description: impl Into<String>) -> Self {
        Self::new(ApplicationCommandOptionType::String, name, description)
    }

    /// An integer option.
    pub fn integer(name: impl Into<String>, description: impl Into<String>) -> Self {
        Self::new(ApplicationCommandOptionType::Integer, name, description)
    }

    /// A subcommand with nested options.
    pub fn sub_command(
        name: impl Into<String>,
        description: impl Into<String>,
        options: impl IntoIterator<Item = ApplicationCommandOption>,
    ) -> Self {
        let options: Vec<_> = options.into_iter().collect();
        Self {
            options: (!options.is_empty()).then_some(options),
            ..Self::new(ApplicationCommandOptionType::SubCommand, name, description)
        }
    }

    /// A subcommand group.
    pub fn sub_command_group(
        name: impl Into<String>,
        description: impl Into<String>,
        sub_commands: impl IntoIterator<Item = ApplicationCommandOption>,
    ) -> Self {
        Self {
            options: Some(sub_commands.into_iter().collect()),
            ..Self::new(
                ApplicationCommandOptionType::SubCommandGroup,
                name,
                description,
            )
        }
    }

    /// Sets `required`.
    pub fn required(mut self, required: bool) -> Self {
        self.required = Some(required);
        self
    }

    /// Adds a choice.
    pub fn choice(mut self, name: impl Into<String>, value: impl Into<ChoiceValue>) -> Self {
        self.choices
            .get_or_insert_with(Vec::new)
            .push(ApplicationCommandOptionChoice::new(name, value));
        self
    }

    /// Enables autocomplete.
    pub fn autocomplete(mut self, autocomplete: bool) -> Self {
        self.autocomplete = Some(autocomplete);
        self
    }

    /// Sets the value bounds (integer and number options).
    pub fn value_range(mut self, min: impl Into<NumberValue>, max: impl Into<NumberValue>) -> Self {
        self.min_value = Some(min.into());
        self.max_value = Some(max.into());
        self
    }

    /// Sets the length bounds (string options).
    pub fn length_range(mut self, min: u16, max: u16) -> Self {
        self.min_length = Some(min);
        self.max_length = Some(max);
        self
    }

    /// Limits a channel option to these channel types.
    pub fn channel_types(mut self, types: impl IntoIterator<Item = ChannelType>) -> Self {
        self.channel_types = Some(types.into_iter().collect());
        self
    }
}
