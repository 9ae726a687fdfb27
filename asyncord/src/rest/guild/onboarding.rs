//! A guild's onboarding: the prompts new members answer.
//! <https://discord.com/developers/docs/resources/guild#get-guild-onboarding>

use asyncord_model::GuildId;
use asyncord_model::guild::Onboarding;
use asyncord_model::request::ModifyOnboarding;
use asyncord_model::route;

use super::GuildsResource;
use crate::http::RestResult;

impl GuildsResource {
    /// `GET /guilds/{id}/onboarding`.
    pub async fn onboarding(&self, guild_id: impl Into<GuildId>) -> RestResult<Onboarding> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_ONBOARDING, [&g]))
            .await
    }

    /// `PUT /guilds/{id}/onboarding` (`prompts`, `default_channel_ids`, `enabled`, `mode`).
    pub async fn edit_onboarding(
        &self,
        guild_id: impl Into<GuildId>,
        body: ModifyOnboarding,
    ) -> RestResult<Onboarding> {
        let g = guild_id.into();
        let request = self.rest.req(&route::MODIFY_GUILD_ONBOARDING, [&g]);
        self.rest.send(request, &body).await
    }
}
