//! The body of Create and Modify Guild Template.
//! <https://discord.com/developers/docs/resources/guild-template#create-guild-template>

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};

/// The body of Create / Modify Guild Template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildTemplateBody {
    /// Name (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description (0-120 characters).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub description: Patch<String>,
}

impl Validate for GuildTemplateBody {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 1, 100)?;
        check::opt_chars(
            &Path::ROOT.field("description"),
            self.description.as_deref(),
            0,
            120,
        )
    }
}

impl RequestBody for GuildTemplateBody {}
