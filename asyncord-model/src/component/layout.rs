//! Layout components: action rows, sections, containers, separators and labels
//! ([docs](https://discord.com/developers/docs/components/reference#action-row)).

use serde::{Deserialize, Serialize};

use super::Component;
use crate::common::Color;
use crate::int_enum;

/// A row of up to 5 buttons or one select menu (`type` 1) ([docs](https://discord.com/developers/docs/components/reference#action-row)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionRow {
    /// Optional identifier, unique within the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The buttons or the select menu.
    #[serde(default)]
    pub components: Vec<Component>,
}

impl ActionRow {
    /// A row with these components.
    pub fn new(components: impl IntoIterator<Item = impl Into<Component>>) -> Self {
        Self {
            id: None,
            components: components.into_iter().map(Into::into).collect(),
        }
    }

    /// Adds a component.
    pub fn push(mut self, component: impl Into<Component>) -> Self {
        self.components.push(component.into());
        self
    }
}

/// Text displays with an accessory (`type` 9, components v2) ([docs](https://discord.com/developers/docs/components/reference#section)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// One to three text displays.
    #[serde(default)]
    pub components: Vec<Component>,
    /// A thumbnail or a button.
    pub accessory: Box<Component>,
}

impl Section {
    /// A section with these text displays and an accessory.
    pub fn new(
        texts: impl IntoIterator<Item = impl Into<Component>>,
        accessory: impl Into<Component>,
    ) -> Self {
        Self {
            id: None,
            components: texts.into_iter().map(Into::into).collect(),
            accessory: Box::new(accessory.into()),
        }
    }
}

/// Visually grouped components with an optional accent colour (`type` 17, components v2)
/// ([docs](https://discord.com/developers/docs/components/reference#container)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Container {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Child components (action rows, text displays, sections, media galleries, separators, files).
    #[serde(default)]
    pub components: Vec<Component>,
    /// Colour of the left bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_color: Option<Color>,
    /// Whether the container is blurred as a spoiler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoiler: Option<bool>,
}

impl Container {
    /// A container with these children.
    pub fn new(components: impl IntoIterator<Item = impl Into<Component>>) -> Self {
        Self {
            components: components.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Adds a child.
    pub fn push(mut self, component: impl Into<Component>) -> Self {
        self.components.push(component.into());
        self
    }

    /// Sets the accent colour.
    pub fn accent_color(mut self, color: impl Into<Color>) -> Self {
        self.accent_color = Some(color.into());
        self
    }

    /// Marks the container as a spoiler.
    pub fn spoiler(mut self, spoiler: bool) -> Self {
        self.spoiler = Some(spoiler);
        self
    }
}

int_enum! {
    /// Padding size of a separator.
    pub enum SeparatorSpacing: i64 {
        /// Small padding.
        Small = 1,
        /// Large padding.
        Large = 2,
    }
}

/// Vertical padding with an optional divider line (`type` 14, components v2)
/// ([docs](https://discord.com/developers/docs/components/reference#separator)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Separator {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// Whether a divider line is shown (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub divider: Option<bool>,
    /// Padding size (default small).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spacing: Option<SeparatorSpacing>,
}

impl Separator {
    /// A default separator (divider, small padding).
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets whether a divider line is shown.
    pub fn divider(mut self, divider: bool) -> Self {
        self.divider = Some(divider);
        self
    }

    /// Sets the padding size.
    pub fn spacing(mut self, spacing: SeparatorSpacing) -> Self {
        self.spacing = Some(spacing);
        self
    }
}

/// A label and description wrapping one modal input (`type` 18)
/// ([docs](https://discord.com/developers/docs/components/reference#label)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Label {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The label text (≤ 45 characters).
    #[serde(default)]
    pub label: String,
    /// A description (≤ 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The wrapped input: text input, select, file upload, radio group, checkbox (group).
    pub component: Box<Component>,
}

impl Label {
    /// A label around `component`.
    pub fn new(label: impl Into<String>, component: impl Into<Component>) -> Self {
        Self {
            id: None,
            label: label.into(),
            description: None,
            component: Box::new(component.into()),
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}
