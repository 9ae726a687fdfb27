//! `client.channels.threads(channel_id)`: start threads (from a message, without one, in a
//! forum), join/leave, members, archived lists.
//! <https://discord.com/developers/docs/resources/channel#start-thread-from-message>

use asyncord_model::Snowflake;
use asyncord_model::channel::{Channel, ThreadList, ThreadMember};

use asyncord_model::request::{
    StartThreadFromMessage, StartThreadInForum, StartThreadWithoutMessage,
};

use super::api::paginate::ArchivedThreads;
use super::base::{Rest, resource};
use crate::http::{Method, RestResult};

resource! {
    /// Threads of a channel, or membership of a thread (`client.channels.threads(id)`).
    ThreadsResource { channel_id: Snowflake }
}

impl ThreadsResource {
    pub(crate) fn new(rest: Rest, channel_id: Snowflake) -> Self {
        Self { rest, channel_id }
    }

    /// `POST /channels/{id}/messages/{message_id}/threads`: a thread from a message.
    pub async fn start_from_message(
        &self,
        message_id: impl Into<Snowflake>,
        body: StartThreadFromMessage,
    ) -> RestResult<Channel> {
        let m = message_id.into();
        self.rest
            .send(
                self.rest.req(
                    Method::POST,
                    "channels/{}/messages/{}/threads",
                    &[&self.channel_id, &m],
                ),
                &body,
            )
            .await
    }

    /// `POST /channels/{id}/threads`: a thread without a message.
    pub async fn start(&self, body: StartThreadWithoutMessage) -> RestResult<Channel> {
        self.rest
            .send(
                self.rest
                    .req(Method::POST, "channels/{}/threads", &[&self.channel_id]),
                &body,
            )
            .await
    }

    /// `POST /channels/{id}/threads` in a forum or media channel: a post with its first message
    /// (multipart when it carries files).
    pub async fn start_in_forum(&self, body: StartThreadInForum) -> RestResult<Channel> {
        self.rest
            .send(
                self.rest
                    .req(Method::POST, "channels/{}/threads", &[&self.channel_id]),
                &body,
            )
            .await
    }

    /// `PUT /channels/{thread_id}/thread-members/@me`.
    pub async fn join(&self) -> RestResult<()> {
        self.rest
            .call_empty(self.rest.req(
                Method::PUT,
                "channels/{}/thread-members/@me",
                &[&self.channel_id],
            ))
            .await
    }

    /// `DELETE /channels/{thread_id}/thread-members/@me`.
    pub async fn leave(&self) -> RestResult<()> {
        self.rest
            .call_empty(self.rest.req(
                Method::DELETE,
                "channels/{}/thread-members/@me",
                &[&self.channel_id],
            ))
            .await
    }

    /// `PUT /channels/{thread_id}/thread-members/{user_id}`.
    pub async fn add_member(&self, user_id: impl Into<Snowflake>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(self.rest.req(
                Method::PUT,
                "channels/{}/thread-members/{}",
                &[&self.channel_id, &u],
            ))
            .await
    }

    /// `DELETE /channels/{thread_id}/thread-members/{user_id}`.
    pub async fn remove_member(&self, user_id: impl Into<Snowflake>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(self.rest.req(
                Method::DELETE,
                "channels/{}/thread-members/{}",
                &[&self.channel_id, &u],
            ))
            .await
    }

    /// `GET /channels/{thread_id}/thread-members/{user_id}`.
    pub async fn member(&self, user_id: impl Into<Snowflake>) -> RestResult<ThreadMember> {
        let u = user_id.into();
        self.rest
            .call(self.rest.req(
                Method::GET,
                "channels/{}/thread-members/{}",
                &[&self.channel_id, &u],
            ))
            .await
    }

    /// `GET /channels/{thread_id}/thread-members`: members (`with_member` adds guild members).
    pub async fn members(
        &self,
        with_member: bool,
        after: Option<Snowflake>,
        limit: Option<u8>,
    ) -> RestResult<Vec<ThreadMember>> {
        let request = self
            .rest
            .req(
                Method::GET,
                "channels/{}/thread-members",
                &[&self.channel_id],
            )
            .query_opt("with_member", with_member.then_some(true))
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `GET /channels/{id}/threads/archived/public`.
    pub async fn archived_public(&self, limit: Option<u8>) -> RestResult<ThreadList> {
        self.archived_page(ArchivedThreads::Public, None, limit)
            .await
    }

    /// `GET /channels/{id}/threads/archived/private`.
    pub async fn archived_private(&self, limit: Option<u8>) -> RestResult<ThreadList> {
        self.archived_page(ArchivedThreads::Private, None, limit)
            .await
    }

    /// `GET /channels/{id}/users/@me/threads/archived/private`: private archived threads the
    /// bot joined.
    pub async fn joined_archived_private(&self, limit: Option<u8>) -> RestResult<ThreadList> {
        self.archived_page(ArchivedThreads::JoinedPrivate, None, limit)
            .await
    }
}
