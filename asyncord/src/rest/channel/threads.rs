//! `client.channels.threads(channel_id)`: start threads (from a message, without one, in a
//! forum), join/leave, members, archived lists (and streams); and searching a forum's threads.
//! <https://discord.com/developers/docs/resources/channel#start-thread-from-message>

use asyncord_model::channel::{Channel, ThreadList, ThreadMember};
use asyncord_model::request::{
    StartThreadFromMessage, StartThreadInForum, StartThreadWithoutMessage,
};
use asyncord_model::route;
use asyncord_model::timestamp::Timestamp;
use asyncord_model::{ChannelId, MessageId, UserId};
use futures_core::Stream;
use serde_json::Value;

use super::ChannelsResource;
use crate::http::{BoxFuture, RestResult};
use crate::rest::base::{Rest, resource};
use crate::rest::paginate::{Page, pages};

impl ChannelsResource {
    /// The threads of a channel (and thread membership when `channel_id` is a thread).
    pub fn threads(&self, channel_id: impl Into<ChannelId>) -> ThreadsResource {
        ThreadsResource::new(self.rest.clone(), channel_id.into())
    }

    /// `GET /channels/{id}/threads/search`: searches a forum or media channel's threads
    /// (`name`, `tag`, `sort_by`, `sort_order`, `limit`...: pass the query pairs).
    pub async fn search_threads(
        &self,
        channel_id: impl Into<ChannelId>,
        query: &[(&'static str, String)],
    ) -> RestResult<Value> {
        let c = channel_id.into();
        let mut request = self.rest.req(&route::SEARCH_THREADS, [&c]);
        for (name, value) in query {
            request = request.query(name, value);
        }
        self.rest.call(request).await
    }
}

resource! {
    /// Threads of a channel, or membership of a thread (`client.channels.threads(id)`).
    ThreadsResource { channel_id: ChannelId }
}

/// Which archived threads a stream lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ArchivedThreads {
    /// `threads/archived/public`.
    Public,
    /// `threads/archived/private` (needs Manage Threads).
    Private,
    /// `users/@me/threads/archived/private`: private threads the bot joined.
    JoinedPrivate,
}

impl ThreadsResource {
    pub(crate) fn new(rest: Rest, channel_id: ChannelId) -> Self {
        Self { rest, channel_id }
    }

    /// `POST /channels/{id}/messages/{message_id}/threads`: a thread from a message.
    pub async fn start_from_message(
        &self,
        message_id: impl Into<MessageId>,
        body: StartThreadFromMessage,
    ) -> RestResult<Channel> {
        let m = message_id.into();
        self.rest
            .send(
                self.rest
                    .req(&route::START_THREAD_FROM_MESSAGE, [&self.channel_id, &m]),
                &body,
            )
            .await
    }

    /// `POST /channels/{id}/threads`: a thread without a message.
    pub async fn start(&self, body: StartThreadWithoutMessage) -> RestResult<Channel> {
        self.rest
            .send(
                self.rest
                    .req(&route::START_THREAD_WITHOUT_MESSAGE, [&self.channel_id]),
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
                    .req(&route::START_THREAD_WITHOUT_MESSAGE, [&self.channel_id]),
                &body,
            )
            .await
    }

    /// `PUT /channels/{thread_id}/thread-members/@me`.
    pub async fn join(&self) -> RestResult<()> {
        self.rest
            .call_empty(self.rest.req(&route::JOIN_THREAD, [&self.channel_id]))
            .await
    }

    /// `DELETE /channels/{thread_id}/thread-members/@me`.
    pub async fn leave(&self) -> RestResult<()> {
        self.rest
            .call_empty(self.rest.req(&route::LEAVE_THREAD, [&self.channel_id]))
            .await
    }

    /// `PUT /channels/{thread_id}/thread-members/{user_id}`.
    pub async fn add_member(&self, user_id: impl Into<UserId>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(
                self.rest
                    .req(&route::ADD_THREAD_MEMBER, [&self.channel_id, &u]),
            )
            .await
    }

    /// `DELETE /channels/{thread_id}/thread-members/{user_id}`.
    pub async fn remove_member(&self, user_id: impl Into<UserId>) -> RestResult<()> {
        let u = user_id.into();
        self.rest
            .call_empty(
                self.rest
                    .req(&route::REMOVE_THREAD_MEMBER, [&self.channel_id, &u]),
            )
            .await
    }

    /// `GET /channels/{thread_id}/thread-members/{user_id}`.
    pub async fn member(&self, user_id: impl Into<UserId>) -> RestResult<ThreadMember> {
        let u = user_id.into();
        self.rest
            .call(
                self.rest
                    .req(&route::GET_THREAD_MEMBER, [&self.channel_id, &u]),
            )
            .await
    }

    /// `GET /channels/{thread_id}/thread-members`: members (`with_member` adds guild members).
    pub async fn members(
        &self,
        with_member: bool,
        after: Option<UserId>,
        limit: Option<u8>,
    ) -> RestResult<Vec<ThreadMember>> {
        let request = self
            .rest
            .req(&route::LIST_THREAD_MEMBERS, [&self.channel_id])
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

    /// One page of archived threads `before` an archive time (public and private lists) or
    /// thread id (joined list), `limit` 2–100.
    pub(crate) async fn archived_page(
        &self,
        which: ArchivedThreads,
        before: Option<String>,
        limit: Option<u8>,
    ) -> RestResult<ThreadList> {
        let endpoint = match which {
            ArchivedThreads::Public => &route::LIST_PUBLIC_ARCHIVED_THREADS,
            ArchivedThreads::Private => &route::LIST_PRIVATE_ARCHIVED_THREADS,
            ArchivedThreads::JoinedPrivate => &route::LIST_JOINED_PRIVATE_ARCHIVED_THREADS,
        };
        let request = self
            .rest
            .req(endpoint, [&self.channel_id])
            .query_opt("before", before)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// Every public archived thread of the channel, most recently archived first (pages of
    /// 100, until `has_more` is false).
    pub fn archived_public_stream(
        &self,
    ) -> impl Stream<Item = RestResult<Channel>> + Send + 'static {
        self.archived_stream(ArchivedThreads::Public)
    }

    /// Every private archived thread of the channel (needs Manage Threads).
    pub fn archived_private_stream(
        &self,
    ) -> impl Stream<Item = RestResult<Channel>> + Send + 'static {
        self.archived_stream(ArchivedThreads::Private)
    }

    /// Every private archived thread of the channel that the bot joined.
    pub fn joined_archived_private_stream(
        &self,
    ) -> impl Stream<Item = RestResult<Channel>> + Send + 'static {
        self.archived_stream(ArchivedThreads::JoinedPrivate)
    }

    fn archived_stream(
        &self,
        which: ArchivedThreads,
    ) -> impl Stream<Item = RestResult<Channel>> + Send + 'static {
        let this = self.clone();
        pages(move |before: Option<String>| {
            let this = this.clone();
            Box::pin(async move {
                let list = this.archived_page(which, before, Some(100)).await?;
                let more = list.has_more.unwrap_or(false);
                let next = if more {
                    list.threads.last().and_then(|t| match which {
                        ArchivedThreads::JoinedPrivate => Some(t.id.to_string()),
                        _ => t
                            .thread_metadata
                            .as_ref()
                            .and_then(|m| m.archive_timestamp)
                            .map(|ts: Timestamp| ts.to_string()),
                    })
                } else {
                    None
                };
                Ok((list.threads, next))
            }) as BoxFuture<'static, Page<Channel, String>>
        })
    }
}
