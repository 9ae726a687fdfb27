//! Pagination helpers: every page of a paginated route as one [`Stream`] of items, fetched
//! lazily page by page (messages, members, bans, audit log entries, current user guilds,
//! reaction users, archived threads, entitlements).
//! <https://discord.com/developers/docs/reference#pagination>
//!
//! ```no_run
//! # async fn run(client: asyncord::rest::RestClient) -> asyncord::http::RestResult<()> {
//! use futures_util::StreamExt;
//!
//! let mut messages = std::pin::pin!(client.channels.messages(123_u64).stream());
//! while let Some(message) = messages.next().await {
//!     println!("{}", message?.content);
//! }
//! # Ok(()) }
//! ```
//!
//! A stream ends after the last page (a page shorter than the page size, or `has_more: false`)
//! or after yielding an error.

use std::collections::VecDeque;

use asyncord_model::Snowflake;
use asyncord_model::audit_log::AuditLogEntry;
use asyncord_model::channel::{Channel, ThreadList};
use asyncord_model::guild::Ban;
use asyncord_model::member::Member;
use asyncord_model::message::Message;
use asyncord_model::monetization::Entitlement;
use asyncord_model::timestamp::Timestamp;
use asyncord_model::user::User;
use futures_core::Stream;

use super::super::bans::BansResource;
use super::super::guilds::GuildsResource;
use super::super::members::{ListMembers, MembersResource};
use super::super::messages::{ListMessages, MessagesResource};
use super::super::reactions::{ReactionEmoji, ReactionsResource};
use super::super::threads::ThreadsResource;
use super::super::users::{CurrentUserGuild, UsersResource};
use super::app_objects::EntitlementsResource;
use crate::http::{BoxFuture, Method, RestResult};

/// One page: its items and the cursor of the next page (`None` after the last page).
type Page<T, C> = RestResult<(Vec<T>, Option<C>)>;

struct State<T, C, F> {
    fetch: F,
    /// `Some(cursor)` while there is a page to fetch (`Some(None)` is the first page).
    #[allow(clippy::option_option)]
    next: Option<Option<C>>,
    buffer: VecDeque<T>,
}

/// A stream over the pages `fetch` returns, one cursor after the other.
fn pages<T, C, F>(fetch: F) -> impl Stream<Item = RestResult<T>> + Send + 'static
where
    T: Send + 'static,
    C: Send + 'static,
    F: FnMut(Option<C>) -> BoxFuture<'static, Page<T, C>> + Send + 'static,
{
    let state = State {
        fetch,
        next: Some(None),
        buffer: VecDeque::new(),
    };
    futures_util::stream::unfold(state, |mut st| async move {
        loop {
            if let Some(item) = st.buffer.pop_front() {
                return Some((Ok(item), st));
            }
            let cursor = st.next.take()?;
            match (st.fetch)(cursor).await {
                Ok((items, next)) => {
                    if items.is_empty() {
                        return None;
                    }
                    st.buffer.extend(items);
                    st.next = next.map(Some);
                }
                // `next` stays `None`: the stream ends after the error
                Err(e) => return Some((Err(e), st)),
            }
        }
    })
}

/// The next cursor: the key of the last item when the page was full.
fn cursor<T, C>(items: &[T], page_size: usize, key: impl Fn(&T) -> Option<C>) -> Option<C> {
    if items.len() < page_size {
        return None;
    }
    items.last().and_then(key)
}

impl MessagesResource {
    /// Every message of the channel, newest first (pages of 100, `before` the oldest seen).
    pub fn stream(&self) -> impl Stream<Item = RestResult<Message>> + Send + 'static {
        let this = self.clone();
        pages(move |before: Option<Snowflake>| {
            let this = this.clone();
            Box::pin(async move {
                let mut page = ListMessages::default().limit(100);
                if let Some(b) = before {
                    page = page.before(b);
                }
                let items = this.list(page).await?;
                let next = cursor(&items, 100, |m| Some(m.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Message, Snowflake>>
        })
    }
}

impl MembersResource {
    /// Every member of the guild, by user id (pages of 1000; needs the members intent).
    pub fn stream(&self) -> impl Stream<Item = RestResult<Member>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<Snowflake>| {
            let this = this.clone();
            Box::pin(async move {
                let mut page = ListMembers::new().limit(1000);
                if let Some(a) = after {
                    page = page.after(a);
                }
                let items = this.list(page).await?;
                let next = cursor(&items, 1000, |m| m.user.as_ref().map(|u| u.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Member, Snowflake>>
        })
    }
}

impl BansResource {
    /// Every ban of the guild, by user id (pages of 1000).
    pub fn stream(&self) -> impl Stream<Item = RestResult<Ban>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<Snowflake>| {
            let this = this.clone();
            Box::pin(async move {
                let items = this.list(None, after, Some(1000)).await?;
                let next = cursor(&items, 1000, |b| Some(b.user.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Ban, Snowflake>>
        })
    }
}

impl GuildsResource {
    /// Every audit log entry of the guild, newest first, optionally of one user and one
    /// action type (pages of 100).
    pub fn audit_log_stream(
        &self,
        guild_id: impl Into<Snowflake>,
        user_id: Option<Snowflake>,
        action_type: Option<u32>,
    ) -> impl Stream<Item = RestResult<AuditLogEntry>> + Send + 'static {
        let (this, g) = (self.clone(), guild_id.into());
        pages(move |before: Option<Snowflake>| {
            let this = this.clone();
            Box::pin(async move {
                let log = this
                    .audit_log(g, user_id, action_type, before, None, Some(100))
                    .await?;
                let items = log.audit_log_entries;
                let next = cursor(&items, 100, |e| Some(e.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<AuditLogEntry, Snowflake>>
        })
    }
}

impl UsersResource {
    /// Every guild of the current user, by id (pages of 200).
    pub fn guilds_stream(
        &self,
    ) -> impl Stream<Item = RestResult<CurrentUserGuild>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<Snowflake>| {
            let this = this.clone();
            Box::pin(async move {
                let items = this.guilds(None, after, Some(200)).await?;
                let next = cursor(&items, 200, |g| Some(g.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<CurrentUserGuild, Snowflake>>
        })
    }
}

impl ReactionsResource {
    /// Every user who reacted with `emoji`, by id (pages of 100).
    pub fn users_stream(
        &self,
        emoji: impl Into<ReactionEmoji>,
    ) -> impl Stream<Item = RestResult<User>> + Send + 'static {
        let (this, emoji) = (self.clone(), emoji.into());
        pages(move |after: Option<Snowflake>| {
            let (this, emoji) = (this.clone(), emoji.clone());
            Box::pin(async move {
                let items = this.users(emoji, after, Some(100)).await?;
                let next = cursor(&items, 100, |u| Some(u.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<User, Snowflake>>
        })
    }
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
    /// One page of archived threads `before` an archive time (public and private lists) or
    /// thread id (joined list), `limit` 2–100.
    pub(crate) async fn archived_page(
        &self,
        which: ArchivedThreads,
        before: Option<String>,
        limit: Option<u8>,
    ) -> RestResult<ThreadList> {
        let template = match which {
            ArchivedThreads::Public => "channels/{}/threads/archived/public",
            ArchivedThreads::Private => "channels/{}/threads/archived/private",
            ArchivedThreads::JoinedPrivate => "channels/{}/users/@me/threads/archived/private",
        };
        let request = self
            .rest
            .req(Method::GET, template, &[&self.channel_id])
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

impl EntitlementsResource {
    /// Every entitlement of the application (optionally of one user), by id (pages of 100).
    pub fn stream(
        &self,
        user_id: Option<Snowflake>,
    ) -> impl Stream<Item = RestResult<Entitlement>> + Send + 'static {
        let this = self.clone();
        pages(move |after: Option<Snowflake>| {
            let this = this.clone();
            Box::pin(async move {
                let items = this.list(user_id, &[], after, Some(100)).await?;
                let next = cursor(&items, 100, |e| Some(e.id));
                Ok((items, next))
            }) as BoxFuture<'static, Page<Entitlement, Snowflake>>
        })
    }
}
