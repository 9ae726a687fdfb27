//! `client.channels.messages(channel_id)`: list (and stream), get, create (with files), edit,
//! delete, bulk delete, crosspost. Pins are in `pins.rs`, reactions in `reactions.rs`.
//! <https://discord.com/developers/docs/resources/message>

use asyncord_model::message::Message;
use asyncord_model::request::{BulkDeleteMessages, CreateMessage, EditMessage};
use asyncord_model::route;
use asyncord_model::{ChannelId, MessageId};
use futures_core::Stream;

use super::ChannelsResource;
use crate::http::{BoxFuture, RestResult};
use crate::rest::base::{Rest, resource};
use crate::rest::checks;
use crate::rest::paginate::{Page, cursor, pages};

impl ChannelsResource {
    /// The messages of a channel.
    pub fn messages(&self, channel_id: impl Into<ChannelId>) -> MessagesResource {
        MessagesResource::new(self.rest.clone(), channel_id.into())
    }
}

resource! {
    /// The messages of one channel (`client.channels.messages(channel_id)`).
    MessagesResource { channel_id: ChannelId }
}

/// Pagination of [`MessagesResource::list`]: at most one of `around`, `before`, `after`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListMessages {
    /// Messages around this id.
    pub around: Option<MessageId>,
    /// Messages before this id.
    pub before: Option<MessageId>,
    /// Messages after this id.
    pub after: Option<MessageId>,
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
    pub fn before(mut self, id: impl Into<MessageId>) -> Self {
        self.before = Some(id.into());
        self
    }

    /// Messages after `id` (newer).
    pub fn after(mut self, id: impl Into<MessageId>) -> Self {
        self.after = Some(id.into());
        self
    }

    /// Messages around `id`.
    pub fn around(mut self, id: impl Into<MessageId>) -> Self {
        self.around = Some(id.into());
        self
    }
}

impl MessagesResource {
    pub(crate) fn new(rest: Rest, channel_id: ChannelId) -> Self {
        Self { rest, channel_id }
    }

    /// `GET /channels/{id}/messages`: a page of messages, newest first.
    pub async fn list(&self, page: ListMessages) -> RestResult<Vec<Message>> {
        checks::limit(page.limit.map(u16::from), 100)?;
        let request = self
            .rest
            .req(&route::GET_CHANNEL_MESSAGES, [&self.channel_id])
            .query_opt("around", page.around)
            .query_opt("before", page.before)
            .query_opt("after", page.after)
            .query_opt("limit", page.limit);
        self.rest.call(request).await
    }

    /// `GET /channels/{id}/messages/{message_id}`.
    pub async fn get(&self, message_id: impl Into<MessageId>) -> RestResult<Message> {
        let m = message_id.into();
        self.rest
            .call(
                self.rest
                    .req(&route::GET_CHANNEL_MESSAGE, [&self.channel_id, &m]),
            )
            .await
    }

    /// `POST /channels/{id}/messages`: send a message (multipart when it carries files).
    pub async fn create(&self, body: CreateMessage) -> RestResult<Message> {
        self.rest
            .send(
                self.rest.req(&route::CREATE_MESSAGE, [&self.channel_id]),
                &body,
            )
            .await
    }

    /// `PATCH /channels/{id}/messages/{message_id}`: edit a message the bot sent.
    pub async fn edit(
        &self,
        message_id: impl Into<MessageId>,
        body: EditMessage,
    ) -> RestResult<Message> {
        let m = message_id.into();
        self.rest
            .send(
                self.rest.req(&route::EDIT_MESSAGE, [&self.channel_id, &m]),
                &body,
            )
            .await
    }

    /// `DELETE /channels/{id}/messages/{message_id}`.
    pub async fn delete(&self, message_id: impl Into<MessageId>) -> RestResult<()> {
        let m = message_id.into();
        self.rest
            .call_empty(
                self.rest
                    .req(&route::DELETE_MESSAGE, [&self.channel_id, &m]),
            )
            .await
    }

    /// `POST /channels/{id}/messages/bulk-delete`: delete 2–100 messages younger than 2 weeks.
    pub async fn bulk_delete(&self, body: BulkDeleteMessages) -> RestResult<()> {
        self.rest
            .send_empty(
                self.rest
                    .req(&route::BULK_DELETE_MESSAGES, [&self.channel_id]),
                &body,
            )
            .await
    }

    /// `POST /channels/{id}/messages/{message_id}/crosspost`: publish an announcement.
    pub async fn crosspost(&self, message_id: impl Into<MessageId>) -> RestResult<Message> {
        let m = message_id.into();
        self.rest
            .call(
                self.rest
                    .req(&route::CROSSPOST_MESSAGE, [&self.channel_id, &m]),
            )
            .await
    }

    /// Every message of the channel, newest first (pages of 100, `before` the oldest seen).
    pub fn stream(&self) -> impl Stream<Item = RestResult<Message>> + Send + 'static {
        let this = self.clone();
        pages(move |before: Option<MessageId>| {
            let this = this.clone();
            Box::pin(async move {
                let mut page = ListMessages::default().limit(100);
                if let Some(b) = before {
                    page = page.before(b);
                }
                let items = this.list(page).await?;
                let next = cursor(&items, 100, |m| Some(m.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Message, MessageId>>
        })
    }
}
