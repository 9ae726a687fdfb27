//! Dispatching with a receipt: [`Dispatcher::dispatch_tracked`] dispatches one frame as
//! [`Dispatcher::dispatch`] does and returns a [`Completion`] that resolves once every handler
//! call spawned for that frame has ended — what a consumer that must acknowledge an event only
//! after it was handled (an event bus worker, at-least-once delivery) waits for.
//!
//! Every call the dispatcher spawns holds a call slot (`in_flight.rs`) until its task ends. While
//! `dispatch_tracked` runs, the frame's [`Tracker`] is the thread's current one, and each slot
//! taken meanwhile keeps a reference to it; dispatching is synchronous, so exactly the calls of
//! that frame do. When the last slot (and the dispatching thread's own reference) is gone, the
//! tracker reports whether every call ran to its end, or whether a shutdown cancelled one.
//! Nothing is registered for [`Dispatcher::dispatch`]: the gateway's hot path pays one
//! thread-local read per call.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context as TaskContext, Poll};

use tokio::sync::oneshot;

use super::Dispatcher;
use crate::gateway::DispatchFrame;

thread_local! {
    /// The tracker of the frame `dispatch_tracked` is dispatching on this thread, if any.
    static CURRENT: RefCell<Option<Arc<Tracker>>> = const { RefCell::new(None) };
}

/// How the handler calls of one tracked frame ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallsEnded {
    /// Every call ran to its end (returned `Ok`, an error, or panicked: each is logged and
    /// passed to the error hook), or the frame had no handler to call.
    Finished,
    /// A shutdown cancelled at least one call before it ended (its grace ran out): the event was
    /// not fully handled.
    Cancelled,
}

/// Resolves once every handler call spawned for one frame has ended (see
/// [`Dispatcher::dispatch_tracked`]).
#[derive(Debug)]
pub struct Completion(oneshot::Receiver<bool>);

impl Future for Completion {
    type Output = CallsEnded;

    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<CallsEnded> {
        Pin::new(&mut self.0)
            .poll(cx)
            .map(|cancelled| match cancelled {
                Ok(true) => CallsEnded::Cancelled,
                // The tracker always sends before it goes; a closed channel cannot happen, and would
                // mean no call is left either.
                Ok(false) | Err(_) => CallsEnded::Finished,
            })
    }
}

/// Shared by the call slots of one tracked frame; reports when the last one is gone.
#[derive(Debug)]
pub(crate) struct Tracker {
    cancelled: AtomicBool,
    done: Option<oneshot::Sender<bool>>,
}

impl Tracker {
    fn new() -> (Arc<Self>, Completion) {
        let (tx, rx) = oneshot::channel();
        let tracker = Arc::new(Self {
            cancelled: AtomicBool::new(false),
            done: Some(tx),
        });
        (tracker, Completion(rx))
    }

    /// One of the frame's calls was cancelled.
    pub(crate) fn cancelled(&self) {
        self.cancelled.store(true, Ordering::Release);
    }

    /// The tracker of the frame being dispatched on this thread, for a call slot to keep.
    pub(crate) fn current() -> Option<Arc<Self>> {
        CURRENT.with(|current| current.borrow().clone())
    }
}

impl Drop for Tracker {
    fn drop(&mut self) {
        if let Some(done) = self.done.take() {
            let _ = done.send(self.cancelled.load(Ordering::Acquire));
        }
    }
}

/// Makes a tracker the thread's current one until dropped (also when dispatching panics).
struct Current(Option<Arc<Tracker>>);

impl Current {
    fn set(tracker: Arc<Tracker>) -> Self {
        Self(CURRENT.with(|current| current.replace(Some(tracker))))
    }
}

impl Drop for Current {
    fn drop(&mut self) {
        let previous = self.0.take();
        // The frame's own reference goes here; its calls keep theirs.
        drop(CURRENT.with(|current| current.replace(previous)));
    }
}

impl Dispatcher {
    /// Dispatches one frame as [`Dispatcher::dispatch`] does, and returns how many handler
    /// calls were spawned with a [`Completion`] that resolves once all of them have ended
    /// (at once when there were none: nobody handles the event, or the dispatcher is shut
    /// down).
    ///
    /// For consumers that acknowledge an event only once it was handled, such as the Redis
    /// event bus's workers: `wait_for`s the frame satisfied count as handled at once, and tasks a
    /// handler spawned of its own are not waited for.
    ///
    /// ```
    /// # async fn demo(dispatcher: asyncord::dispatcher::Dispatcher, frame: asyncord::gateway::DispatchFrame) {
    /// use asyncord::dispatcher::CallsEnded;
    ///
    /// let (_spawned, completion) = dispatcher.dispatch_tracked(frame);
    /// if completion.await == CallsEnded::Finished {
    ///     // acknowledge the event
    /// }
    /// # }
    /// ```
    pub fn dispatch_tracked(&self, frame: DispatchFrame) -> (usize, Completion) {
        let (tracker, completion) = Tracker::new();
        let current = Current::set(tracker);
        let spawned = self.dispatch(frame);
        drop(current);
        (spawned, completion)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use asyncord_model::gateway::EventKind;
    use tokio::sync::Notify;

    use super::*;
    use crate::dispatcher::RawEvent;

    fn frame(seq: u64) -> DispatchFrame {
        DispatchFrame {
            shard_id: 0,
            seq,
            kind: Some(EventKind::TypingStart),
            name: "TYPING_START".into(),
            data: br#"{"channel_id":"1","user_id":"2","timestamp":0}"#[..].into(),
        }
    }

    #[tokio::test(start_paused = true)]
    async fn resolves_when_the_frame_s_calls_end_and_not_before() {
        let dispatcher = Dispatcher::new();
        let release = Arc::new(Notify::new());
        let gate = release.clone();
        dispatcher.add_raw_handler(move |_event: RawEvent, _ctx| {
            let gate = gate.clone();
            async move { gate.notified().await }
        });
        let (spawned, mut completion) = dispatcher.dispatch_tracked(frame(1));
        assert_eq!(spawned, 1);
        // Another frame's call, dispatched without tracking, is not waited for.
        dispatcher.dispatch(frame(2));
        let early = tokio::time::timeout(Duration::from_secs(1), &mut completion).await;
        assert!(early.is_err(), "the handler is still running");
        release.notify_one();
        assert_eq!(completion.await, CallsEnded::Finished);
        release.notify_one();
    }

    #[tokio::test(start_paused = true)]
    async fn a_frame_without_handlers_is_handled_at_once() {
        let dispatcher = Dispatcher::new();
        let (spawned, completion) = dispatcher.dispatch_tracked(frame(1));
        assert_eq!(spawned, 0);
        assert_eq!(completion.await, CallsEnded::Finished);
    }

    #[tokio::test(start_paused = true)]
    async fn a_call_cancelled_by_a_shutdown_says_so() {
        let dispatcher = Dispatcher::new();
        dispatcher.add_raw_handler(|_event: RawEvent, _ctx| std::future::pending::<()>());
        let (_, completion) = dispatcher.dispatch_tracked(frame(1));
        let cancelled = dispatcher.shutdown(Duration::from_secs(1)).await;
        assert_eq!(cancelled, 1);
        assert_eq!(completion.await, CallsEnded::Cancelled);
    }

    #[tokio::test(start_paused = true)]
    async fn failing_and_panicking_calls_count_as_ended() {
        let dispatcher = Dispatcher::new();
        dispatcher.add_raw_handler(|_event: RawEvent, _ctx| async {
            Err::<(), _>(std::io::Error::other("boom"))
        });
        dispatcher.add_raw_handler(|event: RawEvent, _ctx| async move {
            assert!(event.seq == 0, "handler panics");
        });
        let (spawned, completion) = dispatcher.dispatch_tracked(frame(1));
        assert_eq!(spawned, 2);
        assert_eq!(completion.await, CallsEnded::Finished);
    }
}
