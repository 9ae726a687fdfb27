//! Soundboard sounds (default and guild sounds).
//!
//! Discord docs: [Soundboard resource](https://discord.com/developers/docs/resources/soundboard).

use serde::{Deserialize, Serialize};

use crate::user::User;
use crate::{EmojiId, GuildId, SoundboardSoundId};

/// A soundboard sound ([docs](https://discord.com/developers/docs/resources/soundboard#soundboard-sound-object)).
///
/// Default sounds have small ids (`"1"`, `"2"`, ...) and no `guild_id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SoundboardSound {
    /// The sound name.
    pub name: String,
    /// The sound id.
    pub sound_id: SoundboardSoundId,
    /// Volume, from 0 to 1.
    #[serde(default = "full_volume")]
    pub volume: f64,
    /// The custom emoji id.
    #[serde(default)]
    pub emoji_id: Option<EmojiId>,
    /// The unicode emoji.
    #[serde(default)]
    pub emoji_name: Option<String>,
    /// The guild the sound belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// Whether the sound can be used (false when the guild lost boosts).
    #[serde(default = "yes", deserialize_with = "null_as_true")]
    pub available: bool,
    /// The user who uploaded the sound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

fn full_volume() -> f64 {
    1.0
}

fn yes() -> bool {
    true
}

fn null_as_true<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Option::<bool>::deserialize(d).map(|b| b.unwrap_or(true))
}

impl SoundboardSound {
    /// Whether this is one of Discord's default sounds.
    pub fn is_default(&self) -> bool {
        self.guild_id.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! docs {
        ($name:literal) => {
            include_str!(concat!("../../testdata/discord-api/payloads/docs/", $name))
        };
    }

    #[test]
    fn docs_sounds_parse() {
        for (text, default) in [
            (
                docs!("docs-resources-soundboard-example-default-soundboard-sound.json"),
                true,
            ),
            (
                docs!("docs-resources-soundboard-example-guild-soundboard-sound.json"),
                false,
            ),
        ] {
            let s: SoundboardSound = serde_json::from_str(text).unwrap();
            assert_eq!(s.is_default(), default);
            assert!(s.available);
            assert!((s.volume - 1.0).abs() < f64::EPSILON);
            let j = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<SoundboardSound>(&j).unwrap(), s);
        }
    }
}
