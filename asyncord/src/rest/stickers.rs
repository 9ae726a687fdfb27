//! `client.stickers`: standard stickers and packs, and guild stickers (list, get, create with a
//! multipart upload, modify, delete).
//! <https://discord.com/developers/docs/resources/sticker>

use asyncord_model::Snowflake;
use asyncord_model::request::{FileUpload, ValidationError, ValidationErrorKind};
use asyncord_model::sticker::{Sticker, StickerPack, StickerPacks};

use super::base::{ApiBody, Rest, file_parts_named, resource};
use crate::http::{Body, Method, RestResult};

resource! {
    /// Stickers (`client.stickers`).
    StickersResource {}
}

/// A guild sticker to upload (sent as a multipart form with a `file` part).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateGuildSticker {
    /// Name (2–30 characters).
    pub name: String,
    /// Description (empty or 2–100 characters).
    pub description: String,
    /// Autocomplete/suggestion tags (1–200 characters), e.g. the name of a Unicode emoji.
    pub tags: String,
    /// The PNG, APNG, GIF or Lottie JSON file (≤ 512 KiB).
    pub file: FileUpload,
}

impl CreateGuildSticker {
    /// A sticker from its name, tags and file.
    pub fn new(name: impl Into<String>, tags: impl Into<String>, file: FileUpload) -> Self {
        Self {
            name: name.into(),
            description: String::new(),
            tags: tags.into(),
            file,
        }
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = description.into();
        self
    }

    fn validate(&self) -> Result<(), ValidationError> {
        let len = |path: &str, s: &str, min: usize, max: usize| {
            let n = s.chars().count();
            if n < min {
                Err(ValidationError {
                    path: path.to_owned(),
                    kind: ValidationErrorKind::TooShort { min, actual: n },
                })
            } else if n > max {
                Err(ValidationError {
                    path: path.to_owned(),
                    kind: ValidationErrorKind::TooLong { max, actual: n },
                })
            } else {
                Ok(())
            }
        };
        len("name", &self.name, 2, 30)?;
        if !self.description.is_empty() {
            len("description", &self.description, 2, 100)?;
        }
        len("tags", &self.tags, 1, 200)
    }
}

impl StickersResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /stickers/{id}`.
    pub async fn get(&self, sticker_id: impl Into<Snowflake>) -> RestResult<Sticker> {
        let s = sticker_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "stickers/{}", &[&s]))
            .await
    }

    /// `GET /sticker-packs`.
    pub async fn packs(&self) -> RestResult<StickerPacks> {
        self.rest
            .call(self.rest.req(Method::GET, "sticker-packs", &[]))
            .await
    }

    /// `GET /sticker-packs/{id}`.
    pub async fn pack(&self, pack_id: impl Into<Snowflake>) -> RestResult<StickerPack> {
        let p = pack_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "sticker-packs/{}", &[&p]))
            .await
    }

    /// `GET /guilds/{id}/stickers`.
    pub async fn guild_stickers(&self, guild_id: impl Into<Snowflake>) -> RestResult<Vec<Sticker>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(Method::GET, "guilds/{}/stickers", &[&g]))
            .await
    }

    /// `GET /guilds/{id}/stickers/{sticker_id}`.
    pub async fn guild_sticker(
        &self,
        guild_id: impl Into<Snowflake>,
        sticker_id: impl Into<Snowflake>,
    ) -> RestResult<Sticker> {
        let (g, s) = (guild_id.into(), sticker_id.into());
        self.rest
            .call(
                self.rest
                    .req(Method::GET, "guilds/{}/stickers/{}", &[&g, &s]),
            )
            .await
    }

    /// `POST /guilds/{id}/stickers` (multipart).
    pub async fn create_guild_sticker(
        &self,
        guild_id: impl Into<Snowflake>,
        body: CreateGuildSticker,
    ) -> RestResult<Sticker> {
        body.validate()?;
        let g = guild_id.into();
        let mut request = self.rest.req(Method::POST, "guilds/{}/stickers", &[&g]);
        request.body = Body::Multipart {
            payload_json: None,
            files: file_parts_named(std::slice::from_ref(&body.file), |_| "file".to_owned()),
            fields: vec![
                ("name".to_owned(), body.name),
                ("description".to_owned(), body.description),
                ("tags".to_owned(), body.tags),
            ],
        };
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/stickers/{sticker_id}`.
    pub async fn edit_guild_sticker(
        &self,
        guild_id: impl Into<Snowflake>,
        sticker_id: impl Into<Snowflake>,
        body: impl ApiBody,
    ) -> RestResult<Sticker> {
        let (g, s) = (guild_id.into(), sticker_id.into());
        self.rest
            .send(
                self.rest
                    .req(Method::PATCH, "guilds/{}/stickers/{}", &[&g, &s]),
                &body,
            )
            .await
    }

    /// `DELETE /guilds/{id}/stickers/{sticker_id}`.
    pub async fn delete_guild_sticker(
        &self,
        guild_id: impl Into<Snowflake>,
        sticker_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (g, s) = (guild_id.into(), sticker_id.into());
        self.rest
            .call_empty(
                self.rest
                    .req(Method::DELETE, "guilds/{}/stickers/{}", &[&g, &s]),
            )
            .await
    }
}
