//! Bodies of the issue-8 routes: emojis, scheduled events, templates, test entitlements, and
//! [`JsonBody`] for bodies without a typed struct yet.
//! <https://discord.com/developers/docs/resources/emoji#create-guild-emoji>,
//! <https://discord.com/developers/docs/resources/guild-scheduled-event#create-guild-scheduled-event>,
//! <https://discord.com/developers/docs/resources/guild-template#create-guild-template>,
//! <https://discord.com/developers/docs/resources/entitlement#create-test-entitlement>.

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::image::ImageData;
use super::{Path, Validate, ValidationError, check};
use crate::Snowflake;
use crate::timestamp::Timestamp;

/// Any JSON body, sent as is (no local checks): for routes whose body has no typed struct.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JsonBody(pub serde_json::Value);

impl Validate for JsonBody {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for JsonBody {}

/// The body of Create Guild Emoji / Create Application Emoji.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateEmoji {
    /// Name (2-32 characters).
    pub name: String,
    /// The image (128x128, ≤ 256 KiB).
    pub image: ImageData,
    /// Roles allowed to use the emoji (guild emojis only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Snowflake>,
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
    /// New role list (`Some(None)` clears it; guild emojis only).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub roles: Option<Option<Vec<Snowflake>>>,
}

impl Validate for ModifyEmoji {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 32)
    }
}

impl RequestBody for ModifyEmoji {}

/// The body of Create Guild Scheduled Event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateScheduledEvent {
    /// Name (1-100 characters).
    pub name: String,
    /// Privacy level (2 = guild only, the only value).
    pub privacy_level: u8,
    /// Start time.
    pub scheduled_start_time: Timestamp,
    /// End time (required for external events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduled_end_time: Option<Timestamp>,
    /// 1 stage instance, 2 voice, 3 external.
    pub entity_type: u8,
    /// The channel (stage and voice events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Snowflake>,
    /// `{"location": ...}` for external events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_metadata: Option<serde_json::Value>,
    /// Description (1-1000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Cover image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<ImageData>,
}

impl CreateScheduledEvent {
    /// An external event at `location` between `start` and `end`.
    pub fn external(
        name: impl Into<String>,
        location: impl Into<String>,
        start: Timestamp,
        end: Timestamp,
    ) -> Self {
        Self {
            name: name.into(),
            privacy_level: 2,
            scheduled_start_time: start,
            scheduled_end_time: Some(end),
            entity_type: 3,
            channel_id: None,
            entity_metadata: Some(serde_json::json!({ "location": location.into() })),
            description: None,
            image: None,
        }
    }
}

impl Validate for CreateScheduledEvent {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("name"), &self.name, 1, 100)?;
        check::opt_chars(
            &Path::ROOT.field("description"),
            self.description.as_deref(),
            1,
            1000,
        )
    }
}

impl RequestBody for CreateScheduledEvent {}

/// The body of Create / Modify Guild Template.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildTemplateBody {
    /// Name (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description (0-120 characters).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub description: Option<Option<String>>,
}

impl Validate for GuildTemplateBody {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 1, 100)?;
        check::opt_chars(
            &Path::ROOT.field("description"),
            self.description.as_ref().and_then(Option::as_deref),
            0,
            120,
        )
    }
}

impl RequestBody for GuildTemplateBody {}

/// The body of Create Test Entitlement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateTestEntitlement {
    /// The SKU to grant.
    pub sku_id: Snowflake,
    /// The guild or user that receives it.
    pub owner_id: Snowflake,
    /// 1 guild, 2 user.
    pub owner_type: u8,
}

impl Validate for CreateTestEntitlement {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for CreateTestEntitlement {}
