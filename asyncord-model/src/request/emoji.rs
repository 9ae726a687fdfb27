//! Emoji bodies: create and modify a guild's or an application's emoji.
//! <https://discord.com/developers/docs/resources/emoji#create-guild-emoji>

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::image::ImageData;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};
use crate::RoleId;

/// The body of Create Guild Emoji / Create Application Emoji.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateEmoji {
    /// Name (2-32 characters).
    pub name: String,
    /// The image (128x128, ≤ 256 KiB).
    pub image: ImageData,
    /// Roles allowed to use the emoji (guild emojis only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleId>,
}

impl CreateEmoji {
    /// An emoji with a name and an image.
    pub fn new(name: impl Into<String>, image: ImageData) -> Self {
        Self {
            name: name.into(),
            image,
            roles: Vec::new(),
        }
    }
}

impl Validate for CreateEmoji {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("name"), &self.name, 2, 32)
    }
}

impl RequestBody for CreateEmoji {}

/// The body of Modify Guild Emoji / Modify Application Emoji.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyEmoji {
    /// New name (2-32 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New role list (`Patch::Clear` clears it; guild emojis only).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub roles: Patch<Vec<RoleId>>,
}

impl Validate for ModifyEmoji {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 32)
    }
}

impl RequestBody for ModifyEmoji {}

/// The body of [Modify Application Emoji](https://discord.com/developers/docs/resources/emoji#modify-application-emoji):
/// only the name can change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyApplicationEmoji {
    /// New name (2-32 characters).
    pub name: String,
}

impl ModifyApplicationEmoji {
    /// Renames the emoji.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
    }
}

impl Validate for ModifyApplicationEmoji {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("name"), &self.name, 2, 32)
    }
}

impl RequestBody for ModifyApplicationEmoji {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_emoji_name_limits() {
        assert!(ModifyApplicationEmoji::new("ab").validate().is_ok());
        assert!(
            ModifyApplicationEmoji::new("a".repeat(32))
                .validate()
                .is_ok()
        );
        assert_eq!(
            ModifyApplicationEmoji::new("a")
                .validate()
                .unwrap_err()
                .path,
            "name"
        );
        assert_eq!(
            ModifyApplicationEmoji::new("a".repeat(33))
                .validate()
                .unwrap_err()
                .path,
            "name"
        );
    }
}
