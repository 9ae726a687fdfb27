//! A guild's widget: its settings, the public widget and its image.
//! <https://discord.com/developers/docs/resources/guild#get-guild-widget-settings>

use asyncord_model::GuildId;
use asyncord_model::guild::{GuildWidget, GuildWidgetSettings};
use asyncord_model::request::ModifyGuildWidget;
use asyncord_model::route;
use bytes::Bytes;

use super::GuildsResource;
use crate::http::RestResult;

impl GuildsResource {
    /// `GET /guilds/{id}/widget`: the widget settings.
    pub async fn widget_settings(
        &self,
        guild_id: impl Into<GuildId>,
    ) -> RestResult<GuildWidgetSettings> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_WIDGET_SETTINGS, [&g]))
            .await
    }

    /// `PATCH /guilds/{id}/widget` (`enabled`, `channel_id`).
    pub async fn edit_widget(
        &self,
        guild_id: impl Into<GuildId>,
        body: ModifyGuildWidget,
    ) -> RestResult<GuildWidgetSettings> {
        let g = guild_id.into();
        let request = self.rest.req(&route::MODIFY_GUILD_WIDGET, [&g]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/widget.json`: the public widget.
    pub async fn widget(&self, guild_id: impl Into<GuildId>) -> RestResult<GuildWidget> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_WIDGET, [&g]))
            .await
    }

    /// `GET /guilds/{id}/widget.png`: the widget image (`style`: `shield`, `banner1`...`banner4`).
    pub async fn widget_image(
        &self,
        guild_id: impl Into<GuildId>,
        style: Option<&str>,
    ) -> RestResult<Bytes> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(&route::GET_GUILD_WIDGET_IMAGE, [&g])
            .query_opt("style", style);
        self.rest.http.execute(request).await
    }
}
