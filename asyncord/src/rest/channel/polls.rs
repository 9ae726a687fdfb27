//! Polls: the voters of an answer, and ending a poll early.
//! <https://discord.com/developers/docs/resources/poll>

use asyncord_model::message::Message;
use asyncord_model::route;
use asyncord_model::user::User;
use asyncord_model::{ChannelId, MessageId, UserId};
use serde::{Deserialize, Serialize};

use super::ChannelsResource;
use crate::http::RestResult;
use crate::rest::checks;

/// The voters of one poll answer.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct AnswerVoters {
    /// Users who voted for the answer.
    pub users: Vec<User>,
}

impl ChannelsResource {
    /// `GET /channels/{id}/polls/{message_id}/answers/{answer_id}`: the voters of an answer
    /// (`after` a user id, `limit` 1–100).
    pub async fn poll_voters(
        &self,
        channel_id: impl Into<ChannelId>,
        message_id: impl Into<MessageId>,
        answer_id: u32,
        after: Option<UserId>,
        limit: Option<u8>,
    ) -> RestResult<AnswerVoters> {
        checks::limit(limit.map(u16::from), 100)?;
        let (c, m) = (channel_id.into(), message_id.into());
        let request = self
            .rest
            .req(&route::GET_ANSWER_VOTERS, [&c, &m, &answer_id])
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `POST /channels/{id}/polls/{message_id}/expire`: ends a poll now.
    pub async fn end_poll(
        &self,
        channel_id: impl Into<ChannelId>,
        message_id: impl Into<MessageId>,
    ) -> RestResult<Message> {
        let (c, m) = (channel_id.into(), message_id.into());
        self.rest
            .call(self.rest.req(&route::END_POLL, [&c, &m]))
            .await
    }
}
