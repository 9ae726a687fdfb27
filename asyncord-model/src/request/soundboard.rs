//! Soundboard bodies: create and modify a guild's sound, play a sound in a voice channel.
//! <https://discord.com/developers/docs/resources/soundboard>

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::image::ImageData;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};
use crate::{EmojiId, GuildId, SoundboardSoundId};

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
    pub emoji_id: Option<EmojiId>,
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
    /// New volume, 0 to 1 (`Patch::Clear` resets it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub volume: Patch<f64>,
}

impl Validate for ModifySoundboardSound {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 32)?;
        check_volume(self.volume.get().copied())
    }
}

impl RequestBody for ModifySoundboardSound {}

/// The body of [Send Soundboard Sound](https://discord.com/developers/docs/resources/soundboard#send-soundboard-sound).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SendSoundboardSound {
    /// The sound to play.
    pub sound_id: SoundboardSoundId,
    /// The guild the sound is from (required for sounds of another guild).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_guild_id: Option<GuildId>,
}

impl SendSoundboardSound {
    /// Plays `sound_id` (a default sound or one of the channel's guild).
    pub fn new(sound_id: SoundboardSoundId) -> Self {
        Self {
            sound_id,
            source_guild_id: None,
        }
    }

    /// Plays a sound of another guild.
    #[must_use]
    pub fn from_guild(mut self, guild_id: GuildId) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn send_soundboard_sound_shape() {
        let body = SendSoundboardSound::new(SoundboardSoundId::new(7));
        assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"sound_id":"7"}"#);
        let other = body.from_guild(GuildId::new(9));
        assert_eq!(
            serde_json::to_string(&other).unwrap(),
            r#"{"sound_id":"7","source_guild_id":"9"}"#
        );
        assert!(other.validate().is_ok());
    }
}
