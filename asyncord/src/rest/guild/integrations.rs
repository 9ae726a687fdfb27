//! A guild's integrations: list and delete.
//! <https://discord.com/developers/docs/resources/guild#get-guild-integrations>

use asyncord_model::guild::Integration;
use asyncord_model::route;
use asyncord_model::{GuildId, IntegrationId};

use super::GuildsResource;
use crate::http::RestResult;

impl GuildsResource {
    /// `GET /guilds/{id}/integrations`.
    pub async fn integrations(&self, guild_id: impl Into<GuildId>) -> RestResult<Vec<Integration>> {
        let g = guild_id.into();
        self.rest
            .call(self.rest.req(&route::GET_GUILD_INTEGRATIONS, [&g]))
            .await
    }

    /// `DELETE /guilds/{id}/integrations/{integration_id}`.
    pub async fn delete_integration(
        &self,
        guild_id: impl Into<GuildId>,
        integration_id: impl Into<IntegrationId>,
    ) -> RestResult<()> {
        let (g, i) = (guild_id.into(), integration_id.into());
        self.rest
            .call_empty(self.rest.req(&route::DELETE_GUILD_INTEGRATION, [&g, &i]))
            .await
    }
}
