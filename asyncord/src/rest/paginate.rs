//! Pagination: the pages of a paginated route as one [`Stream`] of items, fetched lazily page by
//! page. Each resource's streams are in its own file (messages, members, bans, audit log entries,
//! current user guilds, reaction users, archived threads, entitlements); this file holds the pager
//! they share. <https://discord.com/developers/docs/reference#pagination>
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

use futures_core::Stream;

use crate::http::{BoxFuture, RestResult};

/// One page: its items and the cursor of the next page (`None` after the last page).
pub(crate) type Page<T, C> = RestResult<(Vec<T>, Option<C>)>;

struct State<T, C, F> {
    fetch: F,
    /// `Some(cursor)` while there is a page to fetch (`Some(None)` is the first page).
    #[allow(clippy::option_option)]
    next: Option<Option<C>>,
    buffer: VecDeque<T>,
}

/// A stream over the pages `fetch` returns, one cursor after the other.
pub(crate) fn pages<T, C, F>(fetch: F) -> impl Stream<Item = RestResult<T>> + Send + 'static
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
pub(crate) fn cursor<T, C>(
    items: &[T],
    page_size: usize,
    key: impl Fn(&T) -> Option<C>,
) -> Option<C> {
    if items.len() < page_size {
        return None;
    }
    items.last().and_then(key)
}
