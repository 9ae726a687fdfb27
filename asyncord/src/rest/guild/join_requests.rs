//! A guild's membership join requests (member verification): list, approve or reject.

use asyncord_model::request::ActionJoinRequest;
use asyncord_model::route;
use asyncord_model::{GuildId, JoinRequestId};
use serde_json::Value;

use super::GuildsResource;
use crate::http::RestResult;

impl GuildsResource {
    /// `GET /guilds/{id}/requests`: membership join requests (`status`, `limit`, `before`,
    /// `after`).
    pub async fn join_requests(
        &self,
        guild_id: impl Into<GuildId>,
        status: Option<&str>,
        limit: Option<u16>,
    ) -> RestResult<Value> {
        let g = guild_id.into();
        let request = self
            .rest
            .req(&route::GET_GUILD_JOIN_REQUESTS, [&g])
            .query_opt("status", status)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `PATCH /guilds/{id}/requests/{request_id}`: approves or rejects a join request
    /// (`action`: `APPROVED`/`REJECTED`, `rejection_reason`).
    pub async fn action_join_request(
        &self,
        guild_id: impl Into<GuildId>,
        request_id: impl Into<JoinRequestId>,
        body: ActionJoinRequest,
    ) -> RestResult<Value> {
        let (g, r) = (guild_id.into(), request_id.into());
        let request = self.rest.req(&route::ACTION_GUILD_JOIN_REQUEST, [&g, &r]);
        self.rest.send(request, &body).await
    }
}
