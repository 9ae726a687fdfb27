//! Stopping a dispatcher gracefully: [`Dispatcher::shutdown`] stops taking dispatches, gives
//! the handler calls in flight a bounded time to finish, cancels the rest and says how many;
//! [`Dispatcher::reopen`] takes dispatches again (the client hub calls it when a group starts).

use std::time::Duration;

use super::Dispatcher;

/// How long cancelled calls get to be dropped (each is dropped at its task's next poll, which
/// the cancel signal wakes).
const CANCEL_BOUND: Duration = Duration::from_secs(1);

impl Dispatcher {
    /// Shuts the dispatcher down: from now on dispatches are dropped (and
    /// [`Dispatcher::wants`] says no, so the gateway drops frames unparsed); the handler calls
    /// in flight get up to `grace` to finish; the ones still running then are cancelled (their
    /// futures are dropped at their next poll). Returns how many calls were cancelled.
    ///
    /// The dispatcher stays shut until [`Dispatcher::reopen`]. As a gateway sink it is
    /// saturated meanwhile: its shards hand it nothing and count nothing as consumed, so a
    /// session handed on resumes before those frames. Stop the gateway's reading first (the
    /// client hub does): a frame a shard was handing over at the very moment of the shutdown
    /// would be dropped.
    ///
    /// ```
    /// # async fn demo(dispatcher: asyncord::dispatcher::Dispatcher) {
    /// let cancelled = dispatcher.shutdown(std::time::Duration::from_secs(10)).await;
    /// if cancelled > 0 {
    ///     tracing::warn!(cancelled, "handlers cancelled at shutdown");
    /// }
    /// # }
    /// ```
    pub async fn shutdown(&self, grace: Duration) -> usize {
        let in_flight = &self.shared.in_flight;
        in_flight.set_closed(true);
        in_flight.take_cancelled();
        if tokio::time::timeout(grace, in_flight.idle()).await.is_ok() {
            return 0;
        }
        tracing::warn!(
            running = in_flight.get(),
            ?grace,
            "cancelling handler calls still running at the end of the shutdown grace"
        );
        in_flight.cancel_all();
        if tokio::time::timeout(CANCEL_BOUND, in_flight.idle())
            .await
            .is_err()
        {
            tracing::error!(
                running = in_flight.get(),
                "handler calls did not end after cancellation (their tasks are not polled)"
            );
        }
        in_flight.take_cancelled()
    }

    /// Takes dispatches again after [`Dispatcher::shutdown`]. A new dispatcher is open.
    pub fn reopen(&self) {
        self.shared.in_flight.set_closed(false);
    }

    /// Whether [`Dispatcher::shutdown`] shut the dispatcher (and it was not reopened).
    pub fn is_shut_down(&self) -> bool {
        self.shared.in_flight.is_closed()
    }
}
