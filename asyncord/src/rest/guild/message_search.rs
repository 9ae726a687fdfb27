//! Searching a guild's messages.

use asyncord_model::GuildId;
use asyncord_model::route;
use serde_json::Value;

use super::GuildsResource;
use crate::http::RestResult;

impl GuildsResource {
    /// `GET /guilds/{id}/messages/search`: searches the guild's messages (`content`,
    /// `author_id`, `channel_id`, `limit` 1–25...: pass the query pairs).
    pub async fn search_messages(
        &self,
        guild_id: impl Into<GuildId>,
        query: &[(&'static str, String)],
    ) -> RestResult<Value> {
        let g = guild_id.into();
        let mut request = self.rest.req(&route::SEARCH_GUILD_MESSAGES, [&g]);
        for (name, value) in query {
            request = request.query(name, value);
        }
        self.rest.call(request).await
    }
}
