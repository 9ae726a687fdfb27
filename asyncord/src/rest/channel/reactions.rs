//! `messages.reactions(message_id)`: add and remove reactions, list who reacted (and stream), clear.
//! <https://discord.com/developers/docs/resources/message#create-reaction>

use std::fmt;

use asyncord_model::request::ValidationError;
use asyncord_model::route;
use asyncord_model::user::User;
use asyncord_model::{ChannelId, EmojiId, MessageId, UserId};
use futures_core::Stream;

use super::messages::MessagesResource;
use crate::http::{BoxFuture, RestResult, Segment};
use crate::rest::base::{Rest, resource};
use crate::rest::checks;
use crate::rest::paginate::{Page, cursor, pages};

impl MessagesResource {
    /// The reactions of a message of this channel.
    pub fn reactions(&self, message_id: impl Into<MessageId>) -> ReactionsResource {
        ReactionsResource::new(self.rest.clone(), self.channel_id, message_id.into())
    }
}

/// The emoji of a reaction: a Unicode emoji or a custom one (`name:id`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ReactionEmoji {
    /// A Unicode emoji, e.g. `"👍"`.
    Unicode(String),
    /// A custom emoji.
    Custom {
        /// Its name.
        name: String,
        /// Its id.
        id: EmojiId,
    },
}

impl ReactionEmoji {
    /// A custom emoji.
    pub fn custom(name: impl Into<String>, id: impl Into<EmojiId>) -> Self {
        Self::Custom {
            name: name.into(),
            id: id.into(),
        }
    }
}

impl From<&str> for ReactionEmoji {
    fn from(s: &str) -> Self {
        Self::Unicode(s.to_owned())
    }
}

impl From<char> for ReactionEmoji {
    fn from(c: char) -> Self {
        Self::Unicode(c.to_string())
    }
}

impl ReactionEmoji {
    /// The emoji as the `{emoji_name}` segment of a reaction route (a custom emoji as
    /// `name:id`), encoded; an empty name is a validation error.
    fn segment(&self) -> Result<Segment, ValidationError> {
        match self {
            Self::Custom { name, .. } if name.is_empty() => Segment::new("emoji_name", ""),
            other => Segment::new("emoji_name", &other.to_string()),
        }
    }
}

impl fmt::Display for ReactionEmoji {
    /// The emoji as Discord writes it in a route: the emoji itself, or `name:id`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unicode(s) => f.write_str(s),
            Self::Custom { name, id } => write!(f, "{name}:{id}"),
        }
    }
}

resource! {
    /// The reactions of one message (`messages.reactions(message_id)`).
    ReactionsResource { channel_id: ChannelId, message_id: MessageId }
}

impl ReactionsResource {
    pub(crate) fn new(rest: Rest, channel_id: ChannelId, message_id: MessageId) -> Self {
        Self {
            rest,
            channel_id,
            message_id,
        }
    }

    /// `PUT .../reactions/{emoji}/@me`: react.
    pub async fn add(&self, emoji: impl Into<ReactionEmoji>) -> RestResult<()> {
        let e = emoji.into().segment()?;
        let (c, m) = (self.channel_id, self.message_id);
        self.rest
            .call_empty(self.rest.req(&route::CREATE_REACTION, [&c, &m, &e]))
            .await
    }

    /// `DELETE .../reactions/{emoji}/@me`: remove the bot's reaction.
    pub async fn remove_own(&self, emoji: impl Into<ReactionEmoji>) -> RestResult<()> {
        let e = emoji.into().segment()?;
        let (c, m) = (self.channel_id, self.message_id);
        self.rest
            .call_empty(self.rest.req(&route::DELETE_OWN_REACTION, [&c, &m, &e]))
            .await
    }

    /// `DELETE .../reactions/{emoji}/{user_id}`: remove someone's reaction.
    pub async fn remove_user(
        &self,
        emoji: impl Into<ReactionEmoji>,
        user_id: impl Into<UserId>,
    ) -> RestResult<()> {
        let (e, u) = (emoji.into().segment()?, user_id.into());
        let (c, m) = (self.channel_id, self.message_id);
        self.rest
            .call_empty(
                self.rest
                    .req(&route::DELETE_USER_REACTION, [&c, &m, &e, &u]),
            )
            .await
    }

    /// `GET .../reactions/{emoji}`: users who reacted (`after` a user id, `limit` 1–100).
    pub async fn users(
        &self,
        emoji: impl Into<ReactionEmoji>,
        after: Option<UserId>,
        limit: Option<u8>,
    ) -> RestResult<Vec<User>> {
        checks::limit(limit.map(u16::from), 100)?;
        let e = emoji.into().segment()?;
        let (c, m) = (self.channel_id, self.message_id);
        let request = self
            .rest
            .req(&route::GET_REACTIONS, [&c, &m, &e])
            .query_opt("after", after)
            .query_opt("limit", limit);
        self.rest.call(request).await
    }

    /// `DELETE .../reactions`: remove every reaction.
    pub async fn clear(&self) -> RestResult<()> {
        let (c, m) = (self.channel_id, self.message_id);
        self.rest
            .call_empty(self.rest.req(&route::DELETE_ALL_REACTIONS, [&c, &m]))
            .await
    }

    /// `DELETE .../reactions/{emoji}`: remove every reaction with this emoji.
    pub async fn clear_emoji(&self, emoji: impl Into<ReactionEmoji>) -> RestResult<()> {
        let e = emoji.into().segment()?;
        let (c, m) = (self.channel_id, self.message_id);
        self.rest
            .call_empty(
                self.rest
                    .req(&route::DELETE_ALL_REACTIONS_FOR_EMOJI, [&c, &m, &e]),
            )
            .await
    }

    /// Every user who reacted with `emoji`, by id (pages of 100).
    pub fn users_stream(
        &self,
        emoji: impl Into<ReactionEmoji>,
    ) -> impl Stream<Item = RestResult<User>> + Send + 'static {
        let (this, emoji) = (self.clone(), emoji.into());
        pages(move |after: Option<UserId>| {
            let (this, emoji) = (this.clone(), emoji.clone());
            Box::pin(async move {
                let items = this.users(emoji, after, Some(100)).await?;
                let next = cursor(&items, 100, |u| Some(u.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<User, UserId>>
        })
    }
}
