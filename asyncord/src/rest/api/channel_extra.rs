//! The remaining channel routes: following announcement channels, group DM recipients, voice
//! channel status, polls, thread search, soundboard sounds in voice channels, invite target
//! users, and the Slack/GitHub-compatible webhook routes.
//! <https://discord.com/developers/docs/resources/channel>,
//! <https://discord.com/developers/docs/resources/poll>,
//! <https://discord.com/developers/docs/resources/invite>,
//! <https://discord.com/developers/docs/resources/webhook>.

use asyncord_model::Snowflake;
use asyncord_model::channel::FollowedChannel;
use asyncord_model::invite::TargetUsersJobStatus;
use asyncord_model::message::Message;
use asyncord_model::request::{
    AddGroupDmRecipient, FileUpload, FollowAnnouncementChannel, JsonBody, SendSoundboardSound,
};
use asyncord_model::user::User;
use serde::Deserialize;
use serde_json::Value;

use super::super::base::file_parts_named;
use super::super::channels::ChannelsResource;
use super::super::invites::InvitesResource;
use super::super::messages::out_of_range;
use super::super::webhooks::WebhooksResource;
use crate::http::{Body, Method, RestResult};

/// The voters of one poll answer.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AnswerVoters {
    /// Users who voted for the answer.
    pub users: Vec<User>,
}

impl ChannelsResource {
    /// `POST /channels/{id}/followers`: crossposts of an announcement channel go to
    /// `webhook_channel_id`.
    pub async fn follow(
        &self,
        channel_id: impl Into<Snowflake>,
        webhook_channel_id: impl Into<Snowflake>,
    ) -> RestResult<FollowedChannel> {
        let c = channel_id.into();
        let body = FollowAnnouncementChannel {
            webhook_channel_id: webhook_channel_id.into(),
        };
        let request = self.rest.req(Method::POST, "channels/{}/followers", &[&c]);
        self.rest.send_json(request, &body).await
    }

    /// `PUT /channels/{id}/recipients/{user_id}`: adds a user to a group DM (`access_token`,
    /// `nick`).
    pub async fn add_recipient(
        &self,
        channel_id: impl Into<Snowflake>,
        user_id: impl Into<Snowflake>,
        body: AddGroupDmRecipient,
    ) -> RestResult<()> {
        let (c, u) = (channel_id.into(), user_id.into());
        let request = self
            .rest
            .req(Method::PUT, "channels/{}/recipients/{}", &[&c, &u]);
        self.rest.send_empty(request, &body).await
    }

    /// `DELETE /channels/{id}/recipients/{user_id}`: removes a user from a group DM.
    pub async fn remove_recipient(
        &self,
        channel_id: impl Into<Snowflake>,
        user_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (c, u) = (channel_id.into(), user_id.into());
        self.rest
            .call_empty(
                self.rest
                    .req(Method::DELETE, "channels/{}/recipients/{}", &[&c, &u]),
            )
            .await
    }

    /// `PUT /channels/{id}/voice-status`: sets a voice channel's status (≤ 500 characters,
    /// `None` clears it).
    pub async fn set_voice_status(
        &self,
        channel_id: impl Into<Snowflake>,
        status: Option<&str>,
    ) -> RestResult<()> {
        if let Some(s) = status {
            let n = s.chars().count();
            if n > 500 {
                return Err(
                    out_of_range("status", 0, 500, i64::try_from(n).unwrap_or(i64::MAX)).into(),
                );
            }
        }
        let c = channel_id.into();
        let request = self
            .rest
            .req(Method::PUT, "channels/{}/voice-status", &[&c])
            .json(&serde_json::json!({ "status": status }))?;
        self.rest.call_empty(request).await
    }

    /// `GET /channels/{id}/polls/{message_id}/answers/{answer_id}`: the voters of an answer
    /// (`after` a user id, `limit` 1–100).
    pub async fn poll_voters(
        &self,
        channel_id: impl Into<Snowflake>,
        message_id: impl Into<Snowflake>,
        answer_id: u32,
        after: Option<Snowflake>,
        limit: Option<u8>,
    ) -> RestResult<AnswerVoters> {
        if let Some(l) = limit
            && !(1..=100).contains(&l)
        {
            return Err(out_of_range("limit", 1, 100, i64::from(l)).into());
        }
        let (c, m) = (channel_id.into(), message_id.into());
        let request = self
            .rest
            .req(
                Method::GET,
                "channels/{}/polls/{}/answers/{}",
                &[&c, &m, &answer_id],
            )
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `POST /channels/{id}/polls/{message_id}/expire`: ends a poll now.
    pub async fn end_poll(
        &self,
        channel_id: impl Into<Snowflake>,
        message_id: impl Into<Snowflake>,
    ) -> RestResult<Message> {
        let (c, m) = (channel_id.into(), message_id.into());
        self.rest
            .call(
                self.rest
                    .req(Method::POST, "channels/{}/polls/{}/expire", &[&c, &m]),
            )
            .await
    }

    /// `GET /channels/{id}/threads/search`: searches a forum or media channel's threads
    /// (`name`, `tag`, `sort_by`, `sort_order`, `limit`...: pass the query pairs).
    pub async fn search_threads(
        &self,
        channel_id: impl Into<Snowflake>,
        query: &[(&'static str, String)],
    ) -> RestResult<Value> {
        let c = channel_id.into();
        let mut request = self
            .rest
            .req(Method::GET, "channels/{}/threads/search", &[&c]);
        for (name, value) in query {
            request = request.query(name, value);
        }
        self.rest.call(request).await
    }

    /// `POST /channels/{id}/send-soundboard-sound` (`sound_id`, `source_guild_id`): plays a
    /// sound in the voice channel the bot is connected to.
    pub async fn send_soundboard_sound(
        &self,
        channel_id: impl Into<Snowflake>,
        body: SendSoundboardSound,
    ) -> RestResult<()> {
        let c = channel_id.into();
        let request = self
            .rest
            .req(Method::POST, "channels/{}/send-soundboard-sound", &[&c]);
        self.rest.send_empty(request, &body).await
    }
}

impl InvitesResource {
    /// `GET /invites/{code}/target-users`: the CSV of users an invite targets.
    pub async fn target_users(&self, code: &str) -> RestResult<bytes::Bytes> {
        let request = self
            .rest
            .req(Method::GET, "invites/{}/target-users", &[&code]);
        self.rest.http.execute(request).await
    }

    /// `PUT /invites/{code}/target-users`: uploads the CSV of target user ids (part
    /// `target_users_file`).
    pub async fn set_target_users(&self, code: &str, csv: FileUpload) -> RestResult<()> {
        let mut request = self
            .rest
            .req(Method::PUT, "invites/{}/target-users", &[&code]);
        request.body = Body::Multipart {
            payload_json: None,
            files: file_parts_named(std::slice::from_ref(&csv), |_| {
                "target_users_file".to_owned()
            }),
            fields: Vec::new(),
        };
        self.rest.call_empty(request).await
    }

    /// `GET /invites/{code}/target-users/job-status`: progress of the target-users upload.
    pub async fn target_users_job_status(&self, code: &str) -> RestResult<TargetUsersJobStatus> {
        let request = self
            .rest
            .req(Method::GET, "invites/{}/target-users/job-status", &[&code]);
        self.rest.call(request).await
    }
}

impl WebhooksResource {
    /// `POST /webhooks/{id}/{token}/slack`: executes with a Slack-compatible payload; 204
    /// unless `wait`. The body stays a [`JsonBody`]: it is Slack's incoming-webhook format,
    /// which Discord translates but does not define.
    pub async fn execute_slack(
        &self,
        webhook_id: impl Into<Snowflake>,
        token: &str,
        body: JsonBody,
    ) -> RestResult<()> {
        let w = webhook_id.into();
        let request = self
            .rest
            .req(Method::POST, "webhooks/{}/{}/slack", &[&w, &token]);
        self.rest.send_empty(request, &body).await
    }

    /// `POST /webhooks/{id}/{token}/github`: executes with a GitHub webhook payload; 204.
    /// The body stays a [`JsonBody`]: it is GitHub's webhook event format (sent by GitHub
    /// itself), which Discord does not define.
    pub async fn execute_github(
        &self,
        webhook_id: impl Into<Snowflake>,
        token: &str,
        body: JsonBody,
    ) -> RestResult<()> {
        let w = webhook_id.into();
        let request = self
            .rest
            .req(Method::POST, "webhooks/{}/{}/github", &[&w, &token]);
        self.rest.send_empty(request, &body).await
    }
}
