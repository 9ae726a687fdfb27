//! `client.applications.emojis(application_id)`: the emojis an application owns.
//! <https://discord.com/developers/docs/resources/emoji#list-application-emojis>

use asyncord_model::emoji::{ApplicationEmojis, Emoji};
use asyncord_model::request::{CreateEmoji, ModifyApplicationEmoji};
use asyncord_model::route;
use asyncord_model::{ApplicationId, EmojiId};

use super::ApplicationsResource;
use crate::http::RestResult;
use crate::rest::base::resource;
use crate::rest::checks;

impl ApplicationsResource {
    /// The emojis owned by the application.
    pub fn emojis(&self, application_id: impl Into<ApplicationId>) -> ApplicationEmojisResource {
        ApplicationEmojisResource {
            rest: self.rest.clone(),
            application_id: application_id.into(),
        }
    }
}

resource! {
    /// The emojis owned by an application (`client.applications.emojis(app_id)`).
    ApplicationEmojisResource { application_id: ApplicationId }
}

impl ApplicationEmojisResource {
    /// `GET /applications/{id}/emojis`.
    pub async fn list(&self) -> RestResult<ApplicationEmojis> {
        let request = self
            .rest
            .req(&route::LIST_APPLICATION_EMOJIS, [&self.application_id]);
        self.rest.call(request).await
    }

    /// `GET /applications/{id}/emojis/{emoji_id}`.
    pub async fn get(&self, emoji_id: impl Into<EmojiId>) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(&route::GET_APPLICATION_EMOJI, [&self.application_id, &e]);
        self.rest.call(request).await
    }

    /// `POST /applications/{id}/emojis` (name, image data URI; `roles` must stay empty).
    pub async fn create(&self, body: CreateEmoji) -> RestResult<Emoji> {
        if !body.roles.is_empty() {
            return Err(checks::invalid_field(
                "roles",
                "application emojis have no roles",
            ));
        }
        let request = self
            .rest
            .req(&route::CREATE_APPLICATION_EMOJI, [&self.application_id]);
        self.rest.send(request, &body).await
    }

    /// `PATCH /applications/{id}/emojis/{emoji_id}` (name).
    pub async fn edit(
        &self,
        emoji_id: impl Into<EmojiId>,
        body: ModifyApplicationEmoji,
    ) -> RestResult<Emoji> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(&route::MODIFY_APPLICATION_EMOJI, [&self.application_id, &e]);
        self.rest.send(request, &body).await
    }

    /// `DELETE /applications/{id}/emojis/{emoji_id}`.
    pub async fn delete(&self, emoji_id: impl Into<EmojiId>) -> RestResult<()> {
        let e = emoji_id.into();
        let request = self
            .rest
            .req(&route::DELETE_APPLICATION_EMOJI, [&self.application_id, &e]);
        self.rest.call_empty(request).await
    }
}
