//! A channel's pinned messages: list, pin, unpin.
//! <https://discord.com/developers/docs/resources/message#get-channel-pins>

use asyncord_model::message::Message;
use asyncord_model::route;
use asyncord_model::{MessageId, Timestamp};
use serde::{Deserialize, Serialize};

use super::messages::MessagesResource;
use crate::http::RestResult;

/// One pinned message ([docs](https://discord.com/developers/docs/resources/message#get-channel-pins)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PinnedMessage {
    /// When it was pinned.
    pub pinned_at: Timestamp,
    /// The message.
    pub message: Message,
}

/// A page of pinned messages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PinnedMessages {
    /// The pins, newest first.
    #[serde(default)]
    pub items: Vec<PinnedMessage>,
    /// Whether there are older pins.
    #[serde(default)]
    pub has_more: bool,
}

impl MessagesResource {
    /// `GET /channels/{id}/messages/pins`: pinned messages, newest first.
    pub async fn pins(
        &self,
        before: Option<Timestamp>,
        limit: Option<u8>,
    ) -> RestResult<PinnedMessages> {
        let request = self
            .rest
            .req(&route::GET_CHANNEL_PINS, [&self.channel_id])
            .query_opt("before", before)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `PUT /channels/{id}/messages/pins/{message_id}`.
    pub async fn pin(&self, message_id: impl Into<MessageId>) -> RestResult<()> {
        let m = message_id.into();
        self.rest
            .call_empty(self.rest.req(&route::PIN_MESSAGE, [&self.channel_id, &m]))
            .await
    }

    /// `DELETE /channels/{id}/messages/pins/{message_id}`.
    pub async fn unpin(&self, message_id: impl Into<MessageId>) -> RestResult<()> {
        let m = message_id.into();
        self.rest
            .call_empty(self.rest.req(&route::UNPIN_MESSAGE, [&self.channel_id, &m]))
            .await
    }
}
