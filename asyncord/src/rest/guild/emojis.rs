//! `client.guilds.emojis(guild_id)`: a guild's custom emojis.
//! <https://discord.com/developers/docs/resources/emoji>

use asyncord_model::emoji::Emoji;
use asyncord_model::request::{CreateEmoji, ModifyEmoji};
use asyncord_model::route;
use asyncord_model::{EmojiId, GuildId};

use super::GuildsResource;
use crate::http::RestResult;
use crate::rest::base::resource;

impl GuildsResource {
    /// The guild's custom emojis.
    pub fn emojis(&self, guild_id: impl Into<GuildId>) -> GuildEmojisResource {
        GuildEmojisResource {
            rest: self.rest.clone(),
            guild_id: guild_id.into(),
        }
    }
}

resource! {
    /// The custom emojis of one guild (`client.guilds.emojis(guild_id)`).
    GuildEmojisResource { guild_id: GuildId }
}

impl GuildEmojisResource {
    /// `GET /guilds/{id}/emojis`.
    pub async fn list(&self) -> RestResult<Vec<Emoji>> {
        let request = self.rest.req(&route::LIST_GUILD_EMOJIS, [&self.guild_id]);
        self.rest.call(request).await
    }

    /// `GET /guilds/{id}/emojis/{emoji_id}`.
    pub async fn get(&self, emoji_id: impl Into<EmojiId>) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self.rest.req(&route::GET_GUILD_EMOJI, [&self.guild_id, &e]);
        self.rest.call(request).await
    }

    /// `POST /guilds/{id}/emojis` (name, image data URI, roles).
    pub async fn create(&self, body: CreateEmoji) -> RestResult<Emoji> {
        let request = self.rest.req(&route::CREATE_GUILD_EMOJI, [&self.guild_id]);
        self.rest.send(request, &body).await
    }

    /// `PATCH /guilds/{id}/emojis/{emoji_id}` (name, roles).
    pub async fn edit(&self, emoji_id: impl Into<EmojiId>, body: ModifyEmoji) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(&route::MODIFY_GUILD_EMOJI, [&self.guild_id, &e]);
        self.rest.send(request, &body).await
    }

    /// `DELETE /guilds/{id}/emojis/{emoji_id}`.
    pub async fn delete(&self, emoji_id: impl Into<EmojiId>) -> RestResult<()> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(&route::DELETE_GUILD_EMOJI, [&self.guild_id, &e]);
        self.rest.call_empty(request).await
    }
}
