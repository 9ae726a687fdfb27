//! Smaller bodies of the issue-8 routes: emojis, templates, test entitlements, soundboard
//! sounds, prune, voice states, group DM recipients, and [`JsonBody`] for the foreign payloads
//! of the Slack/GitHub-compatible webhook routes.
//! <https://discord.com/developers/docs/resources/emoji#create-guild-emoji>,
//! <https://discord.com/developers/docs/resources/soundboard#send-soundboard-sound>,
//! <https://discord.com/developers/docs/resources/channel#group-dm-add-recipient>,
//! <https://discord.com/developers/docs/resources/guild-template#create-guild-template>,
//! <https://discord.com/developers/docs/resources/entitlement#create-test-entitlement>.

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::image::ImageData;
use super::{Path, Validate, ValidationError, check};
use crate::Snowflake;
use crate::timestamp::Timestamp;

/// Any JSON body, sent as is (no local checks): for the Slack- and GitHub-compatible webhook
/// routes, whose payloads are Slack's and GitHub's formats, not Discord's.
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

/// The body of [Create Guild Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#create-guild-soundboard-sound).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateSoundboardSound {
    /// Name (2-32 characters).
    pub name: String,
    /// The sound (MP3 or Ogg, ≤ 512 KiB, ≤ 5.2 s): [`ImageData::sound_from_bytes`].
    pub sound: ImageData,
    /// Volume, 0 to 1 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<f64>,
    /// A custom emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji_id: Option<Snowflake>,
    /// A unicode emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji_name: Option<String>,
}

impl Validate for CreateSoundboardSound {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("name"), &self.name, 2, 32)?;
        check_volume(self.volume)
    }
}

impl RequestBody for CreateSoundboardSound {}

/// The body of [Modify Guild Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#modify-guild-soundboard-sound).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifySoundboardSound {
    /// New name (2-32 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New volume, 0 to 1 (`Some(None)` resets it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub volume: Option<Option<f64>>,
}

impl Validate for ModifySoundboardSound {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 32)?;
        check_volume(self.volume.flatten())
    }
}

impl RequestBody for ModifySoundboardSound {}

/// The body of [Send Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#send-soundboard-sound).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendSoundboardSound {
    /// The sound to play.
    pub sound_id: Snowflake,
    /// The guild the sound is from (required for sounds of another guild).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_guild_id: Option<Snowflake>,
}

impl SendSoundboardSound {
    /// Plays `sound_id` (a default sound or one of the channel's guild).
    pub fn new(sound_id: Snowflake) -> Self {
        Self {
            sound_id,
            source_guild_id: None,
        }
    }

    /// Plays a sound of another guild.
    #[must_use]
    pub fn from_guild(mut self, guild_id: Snowflake) -> Self {
        self.source_guild_id = Some(guild_id);
        self
    }
}

impl Validate for SendSoundboardSound {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for SendSoundboardSound {}

/// Volume is a fraction in `0..=1` (a value out of range is reported as -1 or 2).
fn check_volume(volume: Option<f64>) -> Result<(), ValidationError> {
    match volume {
        Some(v) if !(0.0..=1.0).contains(&v) => check::range(
            &Path::ROOT.field("volume"),
            if v < 0.0 { -1 } else { 2 },
            0,
            1,
        ),
        _ => Ok(()),
    }
}

/// The body of [Begin Guild Prune](https://discord.com/developers/docs/resources/guild#begin-guild-prune).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BeginGuildPrune {
    /// Days of inactivity, 1-30 (default 7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u8>,
    /// Return the count (`false` for large guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_prune_count: Option<bool>,
    /// Roles whose members are pruned too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include_roles: Vec<Snowflake>,
}

impl Validate for BeginGuildPrune {
    fn validate(&self) -> Result<(), ValidationError> {
        match self.days {
            Some(d) => check::range(&Path::ROOT.field("days"), i64::from(d), 1, 30),
            None => Ok(()),
        }
    }
}

impl RequestBody for BeginGuildPrune {}

/// The body of [Modify Current User Voice State](https://discord.com/developers/docs/resources/voice#modify-current-user-voice-state)
/// and (without `request_to_speak_timestamp`) Modify User Voice State.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyVoiceState {
    /// The stage channel the user is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<Snowflake>,
    /// Toggles the user's suppress state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppress: Option<bool>,
    /// Requests to speak (current user only; `Some(None)` withdraws the request).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub request_to_speak_timestamp: Option<Option<Timestamp>>,
}

impl Validate for ModifyVoiceState {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for ModifyVoiceState {}

/// The body of [Group DM Add Recipient](https://discord.com/developers/docs/resources/channel#group-dm-add-recipient).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddGroupDmRecipient {
    /// An OAuth2 access token of the user, with the `gdm.join` scope.
    pub access_token: String,
    /// The user's nickname in the group DM.
    pub nick: String,
}

impl AddGroupDmRecipient {
    /// Adds the user of `access_token` as `nick`.
    pub fn new(access_token: impl Into<String>, nick: impl Into<String>) -> Self {
        Self {
            access_token: access_token.into(),
            nick: nick.into(),
        }
    }
}

impl Validate for AddGroupDmRecipient {
    fn validate(&self) -> Result<(), ValidationError> {
        if self.access_token.is_empty() {
            return Err(Path::ROOT.field("access_token").invalid("empty"));
        }
        Ok(())
    }
}

impl RequestBody for AddGroupDmRecipient {}

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

    #[test]
    fn send_soundboard_sound_shape() {
        let body = SendSoundboardSound::new(Snowflake::new(7));
        assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"sound_id":"7"}"#);
        let other = body.from_guild(Snowflake::new(9));
        assert_eq!(
            serde_json::to_string(&other).unwrap(),
            r#"{"sound_id":"7","source_guild_id":"9"}"#
        );
        assert!(other.validate().is_ok());
    }

    #[test]
    fn group_dm_recipient_needs_a_token() {
        let body = AddGroupDmRecipient::new("token", "nick");
        assert!(body.validate().is_ok());
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"access_token":"token","nick":"nick"}"#
        );
        let empty = AddGroupDmRecipient::new("", "nick");
        assert_eq!(empty.validate().unwrap_err().path, "access_token");
    }
}
