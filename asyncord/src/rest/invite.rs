//! `client.invites`: get and delete invites, and an invite's target users.
//! <https://discord.com/developers/docs/resources/invite>

use asyncord_model::ScheduledEventId;
use asyncord_model::invite::{Invite, TargetUsersJobStatus};
use asyncord_model::request::FileUpload;
use asyncord_model::route;

use super::base::{Rest, file_part, resource};
use crate::http::{RestResult, Segment};

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
        scheduled_event_id: Option<ScheduledEventId>,
    ) -> RestResult<Invite> {
        let request = self
            .rest
            .req(&route::GET_INVITE, [&Segment::new("code", code)?])
            .query_opt("with_counts", with_counts.then_some(true))
            .query_opt("guild_scheduled_event_id", scheduled_event_id);
        self.rest.call(request).await
    }

    /// `DELETE /invites/{code}`: returns the deleted invite.
    pub async fn delete(&self, code: &str) -> RestResult<Invite> {
        self.rest
            .call(
                self.rest
                    .req(&route::DELETE_INVITE, [&Segment::new("code", code)?]),
            )
            .await
    }

    /// `GET /invites/{code}/target-users`: the CSV of users an invite targets.
    pub async fn target_users(&self, code: &str) -> RestResult<bytes::Bytes> {
        let request = self.rest.req(
            &route::GET_INVITE_TARGET_USERS,
            [&Segment::new("code", code)?],
        );
        self.rest.http.execute(request).await
    }

    /// `PUT /invites/{code}/target-users`: uploads the CSV of target user ids (part
    /// `target_users_file`).
    pub async fn set_target_users(&self, code: &str, csv: FileUpload) -> RestResult<()> {
        let request = self
            .rest
            .req(
                &route::UPDATE_INVITE_TARGET_USERS,
                [&Segment::new("code", code)?],
            )
            .multipart(vec![file_part("target_users_file", &csv)?], Vec::new());
        self.rest.call_empty(request).await
    }

    /// `GET /invites/{code}/target-users/job-status`: progress of the target-users upload.
    pub async fn target_users_job_status(&self, code: &str) -> RestResult<TargetUsersJobStatus> {
        let request = self.rest.req(
            &route::GET_INVITE_TARGET_USERS_JOB_STATUS,
            [&Segment::new("code", code)?],
        );
        self.rest.call(request).await
    }
}
