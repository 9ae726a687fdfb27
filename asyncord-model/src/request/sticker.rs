//! Sticker bodies: create (a multipart upload) and modify a guild sticker.
//! <https://discord.com/developers/docs/resources/sticker#create-guild-sticker>

use serde::{Deserialize, Serialize};

use super::files::{FileUpload, RequestBody};
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};

/// The body of [Create Guild Sticker](https://discord.com/developers/docs/resources/sticker#create-guild-sticker).
///
/// Sent as a multipart form: the REST layer uses [`CreateSticker::form_fields`] for the text
/// fields and sends the file as the part named `file` (not `files[0]`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateSticker {
    /// Name (2-30 characters).
    pub name: String,
    /// Description (empty or 2-100 characters).
    pub description: String,
    /// Autocomplete tags (≤ 200 characters).
    pub tags: String,
    /// The PNG, APNG, GIF or Lottie JSON file (≤ 512 KiB).
    pub file: FileUpload,
}

impl CreateSticker {
    /// The text form fields: `name`, `description`, `tags`.
    pub fn form_fields(&self) -> [(&'static str, &str); 3] {
        [
            ("name", self.name.as_str()),
            ("description", self.description.as_str()),
            ("tags", self.tags.as_str()),
        ]
    }
}

fn sticker_description(path: &Path<'_>, d: &str) -> Result<(), ValidationError> {
    if d.is_empty() {
        Ok(())
    } else {
        check::chars(path, d, 2, 100)
    }
}

impl Validate for CreateSticker {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("name"), &self.name, 2, 30)?;
        sticker_description(&Path::ROOT.field("description"), &self.description)?;
        check::chars(&Path::ROOT.field("tags"), &self.tags, 1, 200)
    }
}

impl RequestBody for CreateSticker {
    fn files(&self) -> &[FileUpload] {
        std::slice::from_ref(&self.file)
    }
}

/// The body of [Modify Guild Sticker](https://discord.com/developers/docs/resources/sticker#modify-guild-sticker).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifySticker {
    /// New name (2-30 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New description (`Patch::Clear` clears it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub description: Patch<String>,
    /// New tags (≤ 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
}

impl Validate for ModifySticker {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 30)?;
        if let Patch::Set(d) = &self.description {
            sticker_description(&Path::ROOT.field("description"), d)?;
        }
        check::opt_chars(&Path::ROOT.field("tags"), self.tags.as_deref(), 1, 200)
    }
}

impl RequestBody for ModifySticker {}
