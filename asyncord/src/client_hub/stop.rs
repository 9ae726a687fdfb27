//! [`StopHandle`]: stops a running hub from anywhere — a handler, another task, a signal
//! handler of your own — optionally with the error that `start()` (and `connect`) then return.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::watch;

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
    /// `connect` the same, inside [`asyncord::Error`](crate::Error)), so that `main` ends with
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
