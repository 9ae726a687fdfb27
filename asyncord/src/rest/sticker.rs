//! `client.stickers`: standard stickers and packs, and guild stickers (list, get, create with a
//! multipart upload, modify, delete).
//! <https://discord.com/developers/docs/resources/sticker>

use asyncord_model::request::{CreateSticker, ModifySticker, Validate};
use asyncord_model::route;
use asyncord_model::sticker::{Sticker, StickerPack, StickerPacks};
use asyncord_model::{GuildId, StickerId, StickerPackId};

use super::base::{Rest, file_part, resource};
use crate::http::RestResult;

resource! {
    /// Stickers (`client.stickers`).
    StickersResource {}
}

impl StickersResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /stickers/{id}`.
    pub async fn get(&self, sticker_id: impl Into<StickerId>) -> RestResult<Sticker> {
        let s = sticker_id.into();
        self.rest
            .call(self.rest.req(&route::GET_STICKER, [&s]))
            .await
    }

    /// `GET /sticker-packs`.
    pub async fn packs(&self) -> RestResult<StickerPacks> {
        self.rest
            .call(self.rest.req(&route::LIST_STICKER_PACKS, []))
            .await
    }

    /// `GET /sticker-packs/{id}`.
    pub async fn pack(&self, pack_id: impl Into<StickerPackId>) -> RestResult<StickerPack> {
        let p = pack_id.into();
        self.rest
            .call(self.rest.req(&route::GET_STICKER_PACK, [&p]))
            .await
    }

    /// `GET /guilds/{id}/stickers`.
    pub async fn guild_stickers(&self, guild_id: impl Into<GuildId>) -> RestResult<Vec<Sticker>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::LIST_GUILD_STICKERS, [&g]))
            .await
    }

    /// `GET /guilds/{id}/stickers/{sticker_id}`.
    pub async fn guild_sticker(
        &self,
        guild_id: impl Into<GuildId>,
        sticker_id: impl Into<StickerId>,
    ) -> RestResult<Sticker> {
        let (g, s) = (guild_id.into(), sticker_id.into());
        self.rest
            .call(self.rest.req(&route::GET_GUILD_STICKER, [&g, &s]))
            .await
    }

    /// `POST /guilds/{id}/stickers` (multipart).
    pub async fn create_guild_sticker(
        &self,
        guild_id: impl Into<GuildId>,
        body: CreateSticker,
    ) -> RestResult<Sticker> {
        body.validate()?;
        let g = guild_id.into();
        let request = self.rest.req(&route::CREATE_GUILD_STICKER, [&g]);
        let fields = body
            .form_fields()
            .iter()
            .map(|(k, v)| (*k, (*v).to_owned()))
            .collect();
        let request = request.multipart(vec![file_part("file", &body.file)?], fields);
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/stickers/{sticker_id}`.
    pub async fn edit_guild_sticker(
        &self,
        guild_id: impl Into<GuildId>,
        sticker_id: impl Into<StickerId>,
        body: ModifySticker,
    ) -> RestResult<Sticker> {
        let (g, s) = (guild_id.into(), sticker_id.into());
        self.rest
            .send(self.rest.req(&route::MODIFY_GUILD_STICKER, [&g, &s]), &body)
            .await
    }

    /// `DELETE /guilds/{id}/stickers/{sticker_id}`.
    pub async fn delete_guild_sticker(
        &self,
        guild_id: impl Into<GuildId>,
        sticker_id: impl Into<StickerId>,
    ) -> RestResult<()> {
        let (g, s) = (guild_id.into(), sticker_id.into());
        self.rest
            .call_empty(self.rest.req(&route::DELETE_GUILD_STICKER, [&g, &s]))
            .await
    }
}
