//! [`ClientGroups`]: every group of a hub by name — the default handler argument
//! `client_groups`, through which a handler of one bot acts through another — and
//! [`StopHandle`], which stops the hub from anywhere.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError, RwLock};

use tokio::sync::watch;

use super::group::ClientGroup;

/// Stops a running hub: from a handler, another task, or a signal handler of your own.
///
/// Cheap to clone. Stopping a hub that is not running makes its next `start()` return right
/// after its checks.
#[derive(Clone)]
pub struct StopHandle {
    tx: Arc<watch::Sender<bool>>,
    error: Arc<Mutex<Option<StopError>>>,
}

/// The error given to [`StopHandle::stop_with_error`].
type StopError = Box<dyn std::error::Error + Send + Sync + 'static>;

impl fmt::Debug for StopHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StopHandle")
            .field("stopping", &self.is_stopping())
            .finish()
    }
}

impl Default for StopHandle {
    fn default() -> Self {
        Self {
            tx: Arc::new(watch::Sender::new(false)),
            error: Arc::default(),
        }
    }
}

impl StopHandle {
    /// Asks the hub to stop: it stops taking events, gives handlers in flight their time,
    /// closes every gateway, and `start()` returns.
    pub fn stop(&self) {
        self.tx.send_replace(true);
    }

    /// Stops the hub as [`StopHandle::stop`] does, because of `error`: `start()` then returns
    /// [`HubError::StoppedWithError`](super::HubError::StoppedWithError) with it (and
    /// `connect` the same, inside [`asyncord::Error`](super::Error)), so that `main` ends with
    /// an error. When several errors stop the hub, the first is kept.
    ///
    /// ```
    /// use asyncord::prelude::*;
    ///
    /// #[handler]
    /// async fn on_message(event: MessageCreateEvent, client_groups: ClientGroups) -> HandlerResult {
    ///     if event.content == "!crash" {
    ///         client_groups.stop_handle().stop_with_error("asked to crash");
    ///     }
    ///     Ok(())
    /// }
    /// ```
    pub fn stop_with_error(&self, error: impl Into<StopError>) {
        self.error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert(error.into());
        self.stop();
    }

    /// Whether a stop was asked for and the hub has not finished stopping.
    pub fn is_stopping(&self) -> bool {
        *self.tx.borrow()
    }

    pub(crate) fn subscribe(&self) -> watch::Receiver<bool> {
        self.tx.subscribe()
    }

    /// The error of [`StopHandle::stop_with_error`], if it stopped the hub (taken once).
    pub(crate) fn take_error(&self) -> Option<StopError> {
        self.error
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }

    pub(crate) fn reset(&self) {
        self.take_error();
        self.tx.send_replace(false);
    }
}

/// Every client group of a hub, by name: the default argument `client_groups`.
///
/// Cheap to clone; clones see groups created later too.
///
/// ```ignore
/// #[handler]
/// async fn relay(event: MessageCreateEvent, client_groups: ClientGroups) -> HandlerResult {
///     if let Some(other) = client_groups.get("MyBot2") {
///         other.client.channels.messages(event.channel_id).create(CreateMessage::content("hi")).await?;
///     }
///     Ok(())
/// }
/// ```
#[derive(Clone, Default)]
pub struct ClientGroups {
    inner: Arc<GroupsInner>,
}

#[derive(Default)]
struct GroupsInner {
    groups: RwLock<Vec<ClientGroup>>,
    stop: StopHandle,
}

impl fmt::Debug for ClientGroups {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

impl ClientGroups {
    /// The group called `name`.
    pub fn get(&self, name: &str) -> Option<ClientGroup> {
        self.read(|groups| groups.iter().find(|g| g.name() == name).cloned())
    }

    /// Whether a group is called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.read(|groups| groups.iter().any(|g| g.name() == name))
    }

    /// The groups' names, in creation order.
    pub fn names(&self) -> Vec<String> {
        self.read(|groups| groups.iter().map(|g| g.name().to_owned()).collect())
    }

    /// Every group, in creation order.
    pub fn all(&self) -> Vec<ClientGroup> {
        self.read(<[ClientGroup]>::to_vec)
    }

    /// How many groups there are.
    pub fn len(&self) -> usize {
        self.read(<[ClientGroup]>::len)
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The hub's stop handle (a handler can stop the whole hub with
    /// `client_groups.stop_handle().stop()`).
    pub fn stop_handle(&self) -> &StopHandle {
        &self.inner.stop
    }

    fn read<R>(&self, f: impl FnOnce(&[ClientGroup]) -> R) -> R {
        f(&self
            .inner
            .groups
            .read()
            .unwrap_or_else(PoisonError::into_inner))
    }

    /// Adds a group unless the name is taken; returns whether it was added.
    pub(crate) fn insert(&self, group: ClientGroup) -> bool {
        let mut groups = self
            .inner
            .groups
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        if groups.iter().any(|g| g.name() == group.name()) {
            return false;
        }
        groups.push(group);
        true
    }
}
