//! `client.invites`: get and delete invites.
//! <https://discord.com/developers/docs/resources/invite>

use asyncord_model::Snowflake;
use asyncord_model::invite::Invite;

use super::base::{Rest, resource};
use crate::http::{Method, RestResult, encode_segment};

resource! {
    /// Invites (`client.invites`).
    InvitesResource {}
}

impl InvitesResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `GET /invites/{code}` (`with_counts` adds approximate counts; `scheduled_event_id` adds
    /// that event).
    pub async fn get(
        &self,
        code: &str,
        with_counts: bool,
        scheduled_event_id: Option<Snowflake>,
    ) -> RestResult<Invite> {
        let request = self
            .rest
            .req(Method::GET, "invites/{}", &[&encode_segment(code)])
            .query_opt("with_counts", with_counts.then_some(true))
            .query_opt("guild_scheduled_event_id", scheduled_event_id);
        self.rest.call(request).await
    }

    /// `DELETE /invites/{code}`: returns the deleted invite.
    pub async fn delete(&self, code: &str) -> RestResult<Invite> {
        self.rest
            .call(
                self.rest
                    .req(Method::DELETE, "invites/{}", &[&encode_segment(code)]),
            )
            .await
    }
}
