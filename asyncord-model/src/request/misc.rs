//! Smaller bodies: stage instances, stickers, DMs and the current user
//! ([stage](https://discord.com/developers/docs/resources/stage-instance#create-stage-instance),
//! [sticker](https://discord.com/developers/docs/resources/sticker#create-guild-sticker),
//! [user](https://discord.com/developers/docs/resources/user#modify-current-user)).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::files::{FileUpload, RequestBody};
use super::{Path, Validate, ValidationError, check};
use crate::Snowflake;
use crate::stage_instance::StagePrivacyLevel;

/// The body of [Create Stage Instance](https://discord.com/developers/docs/resources/stage-instance#create-stage-instance).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateStageInstance {
    /// The stage channel.
    pub channel_id: Snowflake,
    /// The topic (1-120 characters).
    pub topic: String,
    /// Privacy level (default guild only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_level: Option<StagePrivacyLevel>,
    /// Notify @everyone that the stage started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_start_notification: Option<bool>,
    /// The scheduled event of the stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_scheduled_event_id: Option<Snowflake>,
}

impl CreateStageInstance {
    /// A stage instance in a channel with a topic.
    pub fn new(channel_id: Snowflake, topic: impl Into<String>) -> Self {
        Self {
            channel_id,
            topic: topic.into(),
            privacy_level: None,
            send_start_notification: None,
            guild_scheduled_event_id: None,
        }
    }
}

impl Validate for CreateStageInstance {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("topic"), &self.topic, 1, 120)
    }
}

impl RequestBody for CreateStageInstance {}

/// The body of [Modify Stage Instance](https://discord.com/developers/docs/resources/stage-instance#modify-stage-instance).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyStageInstance {
    /// New topic (1-120 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// New privacy level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_level: Option<StagePrivacyLevel>,
}

impl Validate for ModifyStageInstance {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("topic"), self.topic.as_deref(), 1, 120)
    }
}

impl RequestBody for ModifyStageInstance {}

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
#[allow(clippy::option_option)]
pub struct ModifySticker {
    /// New name (2-30 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New description (`Some(None)` clears it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub description: Option<Option<String>>,
    /// New tags (≤ 200 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<String>,
}

impl Validate for ModifySticker {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 30)?;
        if let Some(Some(d)) = &self.description {
            sticker_description(&Path::ROOT.field("description"), d)?;
        }
        check::opt_chars(&Path::ROOT.field("tags"), self.tags.as_deref(), 1, 200)
    }
}

impl RequestBody for ModifySticker {}

/// The body of [Create DM](https://discord.com/developers/docs/resources/user#create-dm).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateDm {
    /// The recipient.
    pub recipient_id: Snowflake,
}

impl CreateDm {
    /// A DM with a user.
    pub fn new(recipient_id: Snowflake) -> Self {
        Self { recipient_id }
    }
}

impl RequestBody for CreateDm {}

impl Validate for CreateDm {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// The body of [Create Group DM](https://discord.com/developers/docs/resources/user#create-group-dm)
/// (OAuth2 access tokens of users who granted `gdm.join`).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateGroupDm {
    /// The users' access tokens.
    pub access_tokens: Vec<String>,
    /// Nicknames by user id.
    #[serde(default)]
    pub nicks: HashMap<Snowflake, String>,
}

impl std::fmt::Debug for CreateGroupDm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateGroupDm")
            .field(
                "access_tokens",
                &format_args!("<{} redacted>", self.access_tokens.len()),
            )
            .field("nicks", &self.nicks)
            .finish()
    }
}

impl RequestBody for CreateGroupDm {}

impl Validate for CreateGroupDm {
    fn validate(&self) -> Result<(), ValidationError> {
        check::count(
            &Path::ROOT.field("access_tokens"),
            self.access_tokens.len(),
            1,
            usize::MAX,
        )
    }
}

/// The body of [Modify Current User](https://discord.com/developers/docs/resources/user#modify-current-user).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::option_option)]
pub struct ModifyCurrentUser {
    /// New username (2-32 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// New avatar (data URI; `Some(None)` removes it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub avatar: Option<Option<String>>,
    /// New banner (data URI; `Some(None)` removes it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub banner: Option<Option<String>>,
}

impl Validate for ModifyCurrentUser {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(
            &Path::ROOT.field("username"),
            self.username.as_deref(),
            2,
            32,
        )
    }
}

impl RequestBody for ModifyCurrentUser {}
