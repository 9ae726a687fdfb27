//! Soundboard events
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#guild-soundboard-sound-create)).

use serde::{Deserialize, Serialize};

use crate::lenient;
use crate::soundboard::SoundboardSound;
use crate::{GuildId, SoundboardSoundId};

newtype_event! {
    /// `GUILD_SOUNDBOARD_SOUND_CREATE`: a soundboard sound was created.
    GuildSoundboardSoundCreateEvent(SoundboardSound)
}

newtype_event! {
    /// `GUILD_SOUNDBOARD_SOUND_UPDATE`: a soundboard sound was updated.
    GuildSoundboardSoundUpdateEvent(SoundboardSound)
}

/// `GUILD_SOUNDBOARD_SOUND_DELETE`: a soundboard sound was deleted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildSoundboardSoundDeleteEvent {
    /// The deleted sound.
    pub sound_id: SoundboardSoundId,
    /// The guild it was in.
    pub guild_id: GuildId,
}

lenient_event! {
    /// `GUILD_SOUNDBOARD_SOUNDS_UPDATE`: several of a guild's soundboard sounds were updated.
    pub struct GuildSoundboardSoundsUpdateEvent {
        /// The guild's sounds.
        #[serde(default, deserialize_with = "lenient::soundboard_sounds")]
        pub soundboard_sounds: Vec<SoundboardSound>,
        /// The guild.
        pub guild_id: GuildId,
    }
}

lenient_event! {
    /// `SOUNDBOARD_SOUNDS`: a guild's soundboard sounds, the reply to Request Soundboard Sounds.
    pub struct SoundboardSoundsEvent {
        /// The guild's sounds.
        #[serde(default, deserialize_with = "lenient::soundboard_sounds")]
        pub soundboard_sounds: Vec<SoundboardSound>,
        /// The guild.
        pub guild_id: GuildId,
    }
}
