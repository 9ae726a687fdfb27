//! Role bodies: create and modify a guild role.
//! <https://discord.com/developers/docs/resources/guild#create-guild-role>

use serde::{Deserialize, Serialize};

use crate::Permissions;
use crate::common::Color;
use crate::request::files::RequestBody;
use crate::request::patch::Patch;
use crate::request::validate::{Path, Validate, ValidationError, check};
use crate::role::RoleColors;

/// The body of [Create Guild Role](https://discord.com/developers/docs/resources/guild#create-guild-role).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateRole {
    /// Name (≤ 100 characters, default "new role").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Permissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    /// Deprecated single colour (use `colors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Primary, secondary and tertiary colours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colors: Option<RoleColors>,
    /// Displayed separately in the sidebar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hoist: Option<bool>,
    /// Icon (data URI; needs the ROLE_ICONS feature).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Unicode emoji icon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unicode_emoji: Option<String>,
    /// Mentionable by everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentionable: Option<bool>,
}

impl CreateRole {
    /// A role with a name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// Sets the permissions.
    pub fn permissions(mut self, permissions: Permissions) -> Self {
        self.permissions = Some(permissions);
        self
    }

    /// Sets the colour.
    pub fn color(mut self, color: impl Into<Color>) -> Self {
        self.color = Some(color.into());
        self
    }

    /// Shows the role separately.
    pub fn hoist(mut self, hoist: bool) -> Self {
        self.hoist = Some(hoist);
        self
    }

    /// Makes the role mentionable.
    pub fn mentionable(mut self, mentionable: bool) -> Self {
        self.mentionable = Some(mentionable);
        self
    }
}

impl Validate for CreateRole {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 0, 100)
    }
}

impl RequestBody for CreateRole {}

/// The body of [Modify Guild Role](https://discord.com/developers/docs/resources/guild#modify-guild-role).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyRole {
    /// Name (≤ 100 characters).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub name: Patch<String>,
    /// Permissions.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub permissions: Patch<Permissions>,
    /// Deprecated single colour.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub color: Patch<Color>,
    /// Colours.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub colors: Patch<RoleColors>,
    /// Hoist.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub hoist: Patch<bool>,
    /// Icon (data URI).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub icon: Patch<String>,
    /// Unicode emoji icon.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub unicode_emoji: Patch<String>,
    /// Mentionable.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub mentionable: Patch<bool>,
}

impl Validate for ModifyRole {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 0, 100)
    }
}

impl RequestBody for ModifyRole {}
