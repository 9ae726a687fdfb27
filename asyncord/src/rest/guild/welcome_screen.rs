//! A guild's welcome screen, and its new member welcome settings.
//! <https://discord.com/developers/docs/resources/guild#get-guild-welcome-screen>

use asyncord_model::GuildId;
use asyncord_model::guild::WelcomeScreen;
use asyncord_model::request::ModifyWelcomeScreen;
use asyncord_model::route;
use serde_json::Value;

use super::GuildsResource;
use crate::http::RestResult;

impl GuildsResource {
    /// `GET /guilds/{id}/welcome-screen`.
    pub async fn welcome_screen(&self, guild_id: impl Into<GuildId>) -> RestResult<WelcomeScreen> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_WELCOME_SCREEN, [&g]))
            .await
    }

    /// `PATCH /guilds/{id}/welcome-screen` (`enabled`, `welcome_channels`, `description`).
    pub async fn edit_welcome_screen(
        &self,
        guild_id: impl Into<GuildId>,
        body: ModifyWelcomeScreen,
    ) -> RestResult<WelcomeScreen> {
        let g = guild_id.into();
        let request = self.rest.req(&route::MODIFY_GUILD_WELCOME_SCREEN, [&g]);
        self.rest.send(request, &body).await
    }

    /// `GET /guilds/{id}/new-member-welcome`: the new member welcome settings (not
    /// documented in the docs; shape as the spec declares it).
    pub async fn new_member_welcome(&self, guild_id: impl Into<GuildId>) -> RestResult<Value> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_NEW_MEMBER_WELCOME, [&g]))
            .await
    }
}
