//! Tracking of handler calls in flight, so the hub can give them a bounded time to finish at
//! shutdown and then cancel the rest: no tracked handler task outlives
//! [`ClientHub::start`](crate::ClientHub::start).
//!
//! [`GroupDispatcher`](super::GroupDispatcher) wraps every handler it registers in a
//! [`Tracked`] handler: its future counts as "in flight" from the moment the dispatcher spawns it
//! until it completes, and it is dropped (its task ends) when the tracker is cancelled.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::{Notify, watch};

use crate::dispatcher::{Context, Handler, HandlerResult, Requirements};

/// Counts the handler calls of one group that are running, and can cancel them.
#[derive(Debug)]
pub(crate) struct HandlerTracker {
    running: AtomicUsize,
    idle: Notify,
    cancel: watch::Sender<u64>,
}

impl Default for HandlerTracker {
    fn default() -> Self {
        Self {
            running: AtomicUsize::new(0),
            idle: Notify::new(),
            cancel: watch::Sender::new(0),
        }
    }
}

/// Held by one handler call while it runs.
pub(crate) struct CallGuard {
    tracker: Arc<HandlerTracker>,
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        if self.tracker.running.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.tracker.idle.notify_waiters();
        }
    }
}

impl HandlerTracker {
    /// The number of handler calls running now.
    pub(crate) fn running(&self) -> usize {
        self.running.load(Ordering::Acquire)
    }

    fn enter(self: &Arc<Self>) -> CallGuard {
        self.running.fetch_add(1, Ordering::AcqRel);
        CallGuard {
            tracker: Arc::clone(self),
        }
    }

    /// Waits until no handler call runs, at most `timeout`; returns whether they all finished.
    pub(crate) async fn wait_idle(&self, timeout: Duration) -> bool {
        let wait = async {
            loop {
                let notified = self.idle.notified();
                tokio::pin!(notified);
                notified.as_mut().enable();
                if self.running() == 0 {
                    return;
                }
                notified.await;
            }
        };
        tokio::time::timeout(timeout, wait).await.is_ok()
    }

    /// Cancels every running handler call: each one's future is dropped at once (its task
    /// ends). Calls started later are not affected.
    pub(crate) fn cancel_running(&self) {
        self.cancel.send_modify(|generation| *generation += 1);
    }

    /// Runs `fut` as one tracked call: counted while it runs, dropped on cancellation.
    pub(crate) fn track<F>(
        self: &Arc<Self>,
        handler: &'static str,
        fut: F,
    ) -> impl Future<Output = HandlerResult> + Send + 'static + use<F>
    where
        F: Future<Output = HandlerResult> + Send + 'static,
    {
        let guard = self.enter();
        let mut cancel = self.cancel.subscribe();
        cancel.mark_unchanged();
        async move {
            let _guard = guard;
            tokio::select! {
                biased;
                out = fut => out,
                _ = cancel.changed() => {
                    tracing::warn!(handler, "handler cancelled: it did not finish within the shutdown timeout");
                    Ok(())
                }
            }
        }
    }
}

/// A handler whose calls are counted by a [`HandlerTracker`].
pub(crate) struct Tracked<H> {
    pub(crate) handler: H,
    pub(crate) tracker: Arc<HandlerTracker>,
}

/// Marker type of the `Handler` impl that `GroupDispatcher` wraps each handler in (an
/// implementation detail of `add_handler`'s signature).
#[derive(Debug)]
pub enum TrackedMarker {}

impl<M: 'static, H: Handler<M>> Handler<(TrackedMarker, M)> for Tracked<H> {
    type Event = H::Event;

    fn name(&self) -> &'static str {
        self.handler.name()
    }

    fn requirements(&self, reqs: &mut Requirements) {
        self.handler.requirements(reqs);
    }

    fn handle(
        &self,
        event: Arc<Self::Event>,
        ctx: Context,
    ) -> impl Future<Output = HandlerResult> + Send + 'static {
        let fut = self.handler.handle(event, ctx);
        self.tracker.track(self.handler.name(), fut)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn counts_calls_and_cancels_the_slow_ones() {
        let tracker = Arc::new(HandlerTracker::default());
        let quick = tracker.track("quick", async {
            tokio::time::sleep(Duration::from_secs(1)).await;
            Ok(())
        });
        let slow = tracker.track("slow", async {
            tokio::time::sleep(Duration::from_hours(1)).await;
            Err("should have been cancelled".into())
        });
        assert_eq!(tracker.running(), 2);
        let quick = tokio::spawn(quick);
        let slow = tokio::spawn(slow);
        assert!(!tracker.wait_idle(Duration::from_secs(5)).await);
        assert_eq!(tracker.running(), 1);
        assert!(quick.await.unwrap().is_ok());
        tracker.cancel_running();
        assert!(slow.await.unwrap().is_ok(), "a cancelled call ends quietly");
        assert!(tracker.wait_idle(Duration::from_secs(1)).await);
        assert_eq!(tracker.running(), 0);
    }

    #[tokio::test(start_paused = true)]
    async fn cancellation_spares_calls_started_afterwards() {
        let tracker = Arc::new(HandlerTracker::default());
        tracker.cancel_running();
        let call = tracker.track("late", async {
            tokio::time::sleep(Duration::from_secs(1)).await;
            Err("ran to the end".into())
        });
        let out = tokio::spawn(call).await.unwrap();
        assert!(out.is_err(), "the call ran to completion");
    }
}
