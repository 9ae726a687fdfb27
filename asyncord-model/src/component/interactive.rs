//! Interactive components: buttons, the five select menus, text inputs, file uploads, radio
//! groups, checkbox groups and checkboxes
//! ([docs](https://discord.com/developers/docs/components/reference#button)).
//!
//! Modal submissions come back in the same structs with `value` / `values` filled in.

use serde::{Deserialize, Serialize};

use crate::channel::ChannelType;
use crate::emoji::Emoji;
use crate::{AttachmentId, SkuId, Snowflake, int_enum, str_enum};

int_enum! {
    /// The style of a button ([docs](https://discord.com/developers/docs/components/reference#button-button-styles)).
    pub enum ButtonStyle: i64 {
        /// Blurple, needs `custom_id`.
        Primary = 1,
        /// Grey, needs `custom_id`.
        Secondary = 2,
        /// Green, needs `custom_id`.
        Success = 3,
        /// Red, needs `custom_id`.
        Danger = 4,
        /// Grey, navigates to `url`.
        Link = 5,
        /// Purchase button, needs `sku_id`.
        Premium = 6,
    }
}

/// A button (`type` 2) ([docs](https://discord.com/developers/docs/components/reference#button)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The style.
    pub style: ButtonStyle,
    /// Text on the button (≤ 80 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A partial emoji (`id`, `name`, `animated`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<Emoji>,
    /// Developer-defined id (1-100 characters), for non-link, non-premium buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_id: Option<String>,
    /// The SKU to purchase (premium buttons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_id: Option<SkuId>,
    /// The URL (link buttons, ≤ 512 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether the button is disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
}

impl Button {
    fn base(style: ButtonStyle) -> Self {
        Self {
            id: None,
            style,
            label: None,
            emoji: None,
            custom_id: None,
            sku_id: None,
            url: None,
            disabled: None,
        }
    }

    /// A button with a `custom_id` and a label in the given (non-link, non-premium) style.
    pub fn new(style: ButtonStyle, custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            custom_id: Some(custom_id.into()),
            label: Some(label.into()),
            ..Self::base(style)
        }
    }

    /// A blurple button.
    pub fn primary(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Self::new(ButtonStyle::Primary, custom_id, label)
    }

    /// A grey button.
    pub fn secondary(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Self::new(ButtonStyle::Secondary, custom_id, label)
    }

    /// A green button.
    pub fn success(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Self::new(ButtonStyle::Success, custom_id, label)
    }

    /// A red button.
    pub fn danger(custom_id: impl Into<String>, label: impl Into<String>) -> Self {
        Self::new(ButtonStyle::Danger, custom_id, label)
    }

    /// A link button.
    pub fn link(url: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            label: Some(label.into()),
            ..Self::base(ButtonStyle::Link)
        }
    }

    /// A premium (purchase) button for a SKU.
    pub fn premium(sku_id: SkuId) -> Self {
        Self {
            sku_id: Some(sku_id),
            ..Self::base(ButtonStyle::Premium)
        }
    }

    /// Sets the emoji.
    pub fn emoji(mut self, emoji: Emoji) -> Self {
        self.emoji = Some(emoji);
        self
    }

    /// Sets whether the button is disabled.
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = Some(disabled);
        self
    }
}

/// An option of a string select ([docs](https://discord.com/developers/docs/components/reference#string-select-select-option-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectOption {
    /// User-facing name (≤ 100 characters).
    pub label: String,
    /// Developer-defined value (≤ 100 characters).
    pub value: String,
    /// Additional description (≤ 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// A partial emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<Emoji>,
    /// Whether the option is selected by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
}

impl SelectOption {
    /// An option with a label and a value.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            ..Self::default()
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Marks the option as selected by default.
    pub fn default_selected(mut self, default: bool) -> Self {
        self.default = Some(default);
        self
    }
}

str_enum! {
    /// The kind of a select default value.
    pub enum SelectDefaultValueType {
        /// A user.
        User = "user",
        /// A role.
        Role = "role",
        /// A channel.
        Channel = "channel",
    }
}

/// A pre-selected value of an auto-populated select ([docs](https://discord.com/developers/docs/components/reference#user-select-select-default-value-structure)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectDefaultValue {
    /// The user, role or channel id.
    pub id: Snowflake,
    /// What `id` refers to.
    #[serde(rename = "type")]
    pub kind: SelectDefaultValueType,
}

/// A select menu: string (`type` 3), user (5), role (6), mentionable (7) or channel (8)
/// ([docs](https://discord.com/developers/docs/components/reference#string-select)).
///
/// The variant of [`Component`](super::Component) holding it says which one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectMenu {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Developer-defined id (1-100 characters).
    #[serde(default)]
    pub custom_id: String,
    /// The choices (string selects only, ≤ 25).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<SelectOption>,
    /// Channel types offered (channel selects only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_types: Option<Vec<ChannelType>>,
    /// Placeholder text (≤ 150 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Pre-selected users/roles/channels (auto-populated selects only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_values: Option<Vec<SelectDefaultValue>>,
    /// Minimum number of items to choose (0-25, default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_values: Option<u8>,
    /// Maximum number of items to choose (1-25, default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_values: Option<u8>,
    /// Whether a value is required (modals only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Whether the select is disabled (messages only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
    /// The selected values (modal submissions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

impl SelectMenu {
    /// A select with this `custom_id` (wrap it with `Component::StringSelect(..)` etc., or use the
    /// typed constructors below).
    pub fn new(custom_id: impl Into<String>) -> Self {
        Self {
            custom_id: custom_id.into(),
            ..Self::default()
        }
    }

    /// A string select with options.
    pub fn string(
        custom_id: impl Into<String>,
        options: impl IntoIterator<Item = SelectOption>,
    ) -> super::Component {
        super::Component::StringSelect(Self {
            options: options.into_iter().collect(),
            ..Self::new(custom_id)
        })
    }

    /// A user select.
    pub fn user(custom_id: impl Into<String>) -> super::Component {
        super::Component::UserSelect(Self::new(custom_id))
    }

    /// A role select.
    pub fn role(custom_id: impl Into<String>) -> super::Component {
        super::Component::RoleSelect(Self::new(custom_id))
    }

    /// A user-and-role select.
    pub fn mentionable(custom_id: impl Into<String>) -> super::Component {
        super::Component::MentionableSelect(Self::new(custom_id))
    }

    /// A channel select, optionally limited to some channel types.
    pub fn channel(
        custom_id: impl Into<String>,
        channel_types: impl IntoIterator<Item = ChannelType>,
    ) -> super::Component {
        let types: Vec<ChannelType> = channel_types.into_iter().collect();
        super::Component::ChannelSelect(Self {
            channel_types: (!types.is_empty()).then_some(types),
            ..Self::new(custom_id)
        })
    }
}

int_enum! {
    /// The style of a text input.
    pub enum TextInputStyle: i64 {
        /// Single line.
        Short = 1,
        /// Multiple lines.
        Paragraph = 2,
    }
}

/// A text input in a modal (`type` 4) ([docs](https://discord.com/developers/docs/components/reference#text-input)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextInput {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Developer-defined id (1-100 characters).
    #[serde(default)]
    pub custom_id: String,
    /// Short or paragraph (absent in submissions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<TextInputStyle>,
    /// Deprecated label (use a [`Label`](super::Label) around the input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Minimum input length (0-4000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u16>,
    /// Maximum input length (1-4000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u16>,
    /// Whether the input is required (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Pre-filled value (≤ 4000 characters); the submitted text in modal submissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Placeholder (≤ 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
}

impl TextInput {
    /// A text input.
    pub fn new(custom_id: impl Into<String>, style: TextInputStyle) -> Self {
        Self {
            id: None,
            custom_id: custom_id.into(),
            style: Some(style),
            label: None,
            min_length: None,
            max_length: None,
            required: None,
            value: None,
            placeholder: None,
        }
    }

    /// A single-line text input.
    pub fn short(custom_id: impl Into<String>) -> Self {
        Self::new(custom_id, TextInputStyle::Short)
    }

    /// A multi-line text input.
    pub fn paragraph(custom_id: impl Into<String>) -> Self {
        Self::new(custom_id, TextInputStyle::Paragraph)
    }

    /// Sets the placeholder.
    pub fn placeholder(mut self, placeholder: impl Into<String>) -> Self {
        self.placeholder = Some(placeholder.into());
        self
    }

    /// Sets the pre-filled value.
    pub fn value(mut self, value: impl Into<String>) -> Self {
        self.value = Some(value.into());
        self
    }

    /// Sets the length bounds.
    pub fn length(mut self, min: u16, max: u16) -> Self {
        self.min_length = Some(min);
        self.max_length = Some(max);
        self
    }

    /// Sets whether the input is required.
    pub fn required(mut self, required: bool) -> Self {
        self.required = Some(required);
        self
    }
}

/// A file upload in a modal (`type` 19) ([docs](https://discord.com/developers/docs/components/reference#file-upload)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileUpload {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Developer-defined id (1-100 characters).
    #[serde(default)]
    pub custom_id: String,
    /// Minimum number of files (0-10, default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_values: Option<u8>,
    /// Maximum number of files (1-10, default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_values: Option<u8>,
    /// Whether a file is required (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// Accepted file types (≤ 10, e.g. `.png` or `image/png`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_types: Option<Vec<String>>,
    /// The uploaded attachment ids (modal submissions; see `resolved.attachments`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<AttachmentId>>,
}

impl FileUpload {
    /// A file upload.
    pub fn new(custom_id: impl Into<String>) -> Self {
        Self {
            custom_id: custom_id.into(),
            ..Self::default()
        }
    }
}

/// An option of a radio group or checkbox group ([docs](https://discord.com/developers/docs/components/reference#radio-group)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupOption {
    /// Developer-defined value (≤ 100 characters).
    pub value: String,
    /// User-facing label (≤ 100 characters).
    pub label: String,
    /// Description (≤ 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the option is selected by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
}

impl GroupOption {
    /// An option with a label and value.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            value: value.into(),
            label: label.into(),
            ..Self::default()
        }
    }
}

/// A single choice among 2-10 options in a modal (`type` 21) ([docs](https://discord.com/developers/docs/components/reference#radio-group)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RadioGroup {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Developer-defined id (1-100 characters).
    #[serde(default)]
    pub custom_id: String,
    /// The options (2-10).
    #[serde(default)]
    pub options: Vec<GroupOption>,
    /// Whether a choice is required (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// The chosen value (modal submissions; `None` when nothing was chosen).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Several choices among 1-10 options in a modal (`type` 22) ([docs](https://discord.com/developers/docs/components/reference#checkbox-group)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckboxGroup {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Developer-defined id (1-100 characters).
    #[serde(default)]
    pub custom_id: String,
    /// The options (1-10).
    #[serde(default)]
    pub options: Vec<GroupOption>,
    /// Minimum number of checked options (0-10, default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_values: Option<u8>,
    /// Maximum number of checked options (1-10, default: the number of options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_values: Option<u8>,
    /// Whether a choice is required (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// The checked values (modal submissions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// A single yes/no checkbox in a modal (`type` 23) ([docs](https://discord.com/developers/docs/components/reference#checkbox)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkbox {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Developer-defined id (1-100 characters).
    #[serde(default)]
    pub custom_id: String,
    /// Whether the box is checked by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    /// Whether it was checked (modal submissions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<bool>,
}
