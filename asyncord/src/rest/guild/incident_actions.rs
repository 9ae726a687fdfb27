//! A guild's incident actions: pausing invites or DMs during a raid.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-incident-actions>

use asyncord_model::GuildId;
use asyncord_model::request::ModifyIncidentActions;
use asyncord_model::route;
use serde_json::Value;

use super::GuildsResource;
use crate::http::RestResult;

impl GuildsResource {
    /// `PUT /guilds/{id}/incident-actions` (`invites_disabled_until`, `dms_disabled_until`).
    pub async fn edit_incident_actions(
        &self,
        guild_id: impl Into<GuildId>,
        body: ModifyIncidentActions,
    ) -> RestResult<Value> {
        let g = guild_id.into();
        let request = self.rest.req(&route::MODIFY_GUILD_INCIDENT_ACTIONS, [&g]);
        self.rest.send(request, &body).await
    }
}
