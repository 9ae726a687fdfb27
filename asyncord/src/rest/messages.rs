//! `client.channels.messages(channel_id)`: list, get, create (with files), edit, delete, bulk
//! delete, crosspost, pins; and `reactions(message_id)`.
//! <https://discord.com/developers/docs/resources/message>

use asyncord_model::message::Message;
use asyncord_model::request::{
    BulkDeleteMessages, CreateMessage, EditMessage, ValidationError, ValidationErrorKind,
};
use asyncord_model::{Snowflake, Timestamp};
use serde::{Deserialize, Serialize};

use super::base::{Rest, resource};
use super::reactions::ReactionsResource;
use crate::http::{Method, RestResult};

/// A local validation error for a query parameter.
pub(crate) fn out_of_range(path: &str, min: i64, max: i64, actual: i64) -> ValidationError {
    ValidationError {
        path: path.to_owned(),
        kind: ValidationErrorKind::OutOfRange { min, max, actual },
    }
}

resource! {
    /// The messages of one channel (`client.channels.messages(channel_id)`).
    MessagesResource { channel_id: Snowflake }
}

/// Pagination of [`MessagesResource::list`]: at most one of `around`, `before`, `after`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListMessages {
    /// Messages around this id.
    pub around: Option<Snowflake>,
    /// Messages before this id.
    pub before: Option<Snowflake>,
    /// Messages after this id.
    pub after: Option<Snowflake>,
    /// How many (1–100, default 50).
    pub limit: Option<u8>,
}

impl ListMessages {
    /// The newest messages.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the page size (1–100).
    pub fn limit(mut self, limit: u8) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Messages before `id` (older).
    pub fn before(mut self, id: impl Into<Snowflake>) -> Self {
        self.before = Some(id.into());
        self
    }

    /// Messages after `id` (newer).
    pub fn after(mut self, id: impl Into<Snowflake>) -> Self {
        self.after = Some(id.into());
        self
    }

    /// Messages around `id`.
    pub fn around(mut self, id: impl Into<Snowflake>) -> Self {
        self.around = Some(id.into());
        self
    }
}

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
    pub(crate) fn new(rest: Rest, channel_id: Snowflake) -> Self {
        Self { rest, channel_id }
    }

    /// The reactions of a message of this channel.
    pub fn reactions(&self, message_id: impl Into<Snowflake>) -> ReactionsResource {
        ReactionsResource::new(self.rest.clone(), self.channel_id, message_id.into())
    }

    /// `GET /channels/{id}/messages`: a page of messages, newest first.
    pub async fn list(&self, page: ListMessages) -> RestResult<Vec<Message>> {
        if let Some(limit) = page.limit
            && !(1..=100).contains(&limit)
        {
            return Err(out_of_range("limit", 1, 100, i64::from(limit)).into());
        }
        let request = self
            .rest
            .req(Method::GET, "channels/{}/messages", &[&self.channel_id])
            .query_opt("around", page.around)
            .query_opt("before", page.before)
            .query_opt("after", page.after)
            .query_opt("limit", page.limit);
        self.rest.call(request).await
    }

    /// `GET /channels/{id}/messages/{message_id}`.
    pub async fn get(&self, message_id: impl Into<Snowflake>) -> RestResult<Message> {
        let m = message_id.into();
        self.rest
            .call(self.rest.req(
                Method::GET,
                "channels/{}/messages/{}",
                &[&self.channel_id, &m],
            ))
            .await
    }

    /// `POST /channels/{id}/messages`: send a message (multipart when it carries files).
    pub async fn create(&self, body: CreateMessage) -> RestResult<Message> {
        self.rest
            .send(
                self.rest
                    .req(Method::POST, "channels/{}/messages", &[&self.channel_id]),
                &body,
            )
            .await
    }

    /// `PATCH /channels/{id}/messages/{message_id}`: edit a message the bot sent.
    pub async fn edit(
        &self,
        message_id: impl Into<Snowflake>,
        body: EditMessage,
    ) -> RestResult<Message> {
        let m = message_id.into();
        self.rest
            .send(
                self.rest.req(
                    Method::PATCH,
                    "channels/{}/messages/{}",
                    &[&self.channel_id, &m],
                ),
                &body,
            )
            .await
    }

    /// `DELETE /channels/{id}/messages/{message_id}`.
    pub async fn delete(&self, message_id: impl Into<Snowflake>) -> RestResult<()> {
        let m = message_id.into();
        self.rest
            .call_empty(self.rest.req(
                Method::DELETE,
                "channels/{}/messages/{}",
                &[&self.channel_id, &m],
            ))
            .await
    }

    /// `POST /channels/{id}/messages/bulk-delete`: delete 2–100 messages younger than 2 weeks.
    pub async fn bulk_delete(&self, body: BulkDeleteMessages) -> RestResult<()> {
        self.rest
            .send_empty(
                self.rest.req(
                    Method::POST,
                    "channels/{}/messages/bulk-delete",
                    &[&self.channel_id],
                ),
                &body,
            )
            .await
    }

    /// `POST /channels/{id}/messages/{message_id}/crosspost`: publish an announcement.
    pub async fn crosspost(&self, message_id: impl Into<Snowflake>) -> RestResult<Message> {
        let m = message_id.into();
        self.rest
            .call(self.rest.req(
                Method::POST,
                "channels/{}/messages/{}/crosspost",
                &[&self.channel_id, &m],
            ))
            .await
    }

    /// `GET /channels/{id}/messages/pins`: pinned messages, newest first.
    pub async fn pins(
        &self,
        before: Option<Timestamp>,
        limit: Option<u8>,
    ) -> RestResult<PinnedMessages> {
        let request = self
            .rest
            .req(
                Method::GET,
                "channels/{}/messages/pins",
                &[&self.channel_id],
            )
            .query_opt("before", before)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `PUT /channels/{id}/messages/pins/{message_id}`.
    pub async fn pin(&self, message_id: impl Into<Snowflake>) -> RestResult<()> {
        let m = message_id.into();
        self.rest
            .call_empty(self.rest.req(
                Method::PUT,
                "channels/{}/messages/pins/{}",
                &[&self.channel_id, &m],
            ))
            .await
    }

    /// `DELETE /channels/{id}/messages/pins/{message_id}`.
    pub async fn unpin(&self, message_id: impl Into<Snowflake>) -> RestResult<()> {
        let m = message_id.into();
        self.rest
            .call_empty(self.rest.req(
                Method::DELETE,
                "channels/{}/messages/pins/{}",
                &[&self.channel_id, &m],
            ))
            .await
    }
}
