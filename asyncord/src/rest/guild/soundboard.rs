//! `client.guilds.soundboard(guild_id)`: a guild's soundboard sounds.
//! <https://discord.com/developers/docs/resources/soundboard>

use asyncord_model::request::{CreateSoundboardSound, ModifySoundboardSound};
use asyncord_model::route;
use asyncord_model::soundboard::SoundboardSound;
use asyncord_model::{GuildId, SoundboardSoundId};
use serde::{Deserialize, Serialize};

use super::GuildsResource;
use crate::http::RestResult;
use crate::rest::base::resource;

impl GuildsResource {
    /// The guild's soundboard sounds.
    pub fn soundboard(&self, guild_id: impl Into<GuildId>) -> SoundboardResource {
        SoundboardResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }
}

resource! {
    /// The soundboard sounds of one guild (`client.guilds.soundboard(guild_id)`).
    SoundboardResource { guild_id: GuildId }
}

/// The list wrapper of `GET /guilds/{id}/soundboard-sounds`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct SoundboardSounds {
    /// The guild's sounds.
    pub items: Vec<SoundboardSound>,
}

impl SoundboardResource {
    /// `GET /guilds/{id}/soundboard-sounds`.
    pub async fn list(&self) -> RestResult<SoundboardSounds> {
        let request = self
            .rest
            .req(&route::LIST_GUILD_SOUNDBOARD_SOUNDS, [&self.guild_id]);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/soundboard-sounds/{sound_id}`.
    pub async fn get(&self, sound_id: impl Into<SoundboardSoundId>) -> RestResult<SoundboardSound> {
        let s = sound_id.into();
        let request = self
            .rest
            .req(&route::GET_GUILD_SOUNDBOARD_SOUND, [&self.guild_id, &s]);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/soundboard-sounds` (name, sound data URI, volume, emoji).
    pub async fn create(&self, body: CreateSoundboardSound) -> RestResult<SoundboardSound> {
        let request = self
            .rest
            .req(&route::CREATE_GUILD_SOUNDBOARD_SOUND, [&self.guild_id]);
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/soundboard-sounds/{sound_id}`.
    pub async fn edit(
        &self,
        sound_id: impl Into<SoundboardSoundId>,
        body: ModifySoundboardSound,
    ) -> RestResult<SoundboardSound> {
        let s = sound_id.into();
        let request = self
            .rest
            .req(&route::MODIFY_GUILD_SOUNDBOARD_SOUND, [&self.guild_id, &s]);
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/soundboard-sounds/{sound_id}`.
    pub async fn delete(&self, sound_id: impl Into<SoundboardSoundId>) -> RestResult<()> {
        let s = sound_id.into();
        let request = self
            .rest
            .req(&route::DELETE_GUILD_SOUNDBOARD_SOUND, [&self.guild_id, &s]);
        self.rest.call_empty(request).await
    }
}
