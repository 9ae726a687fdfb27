//! The one count of handler calls in flight, and what hangs off it: the dispatcher's
//! backpressure (`pressure.rs`) and its shutdown (`shutdown.rs`).
//!
//! Every call the dispatcher spawns holds a [`CallSlot`] from the moment it is spawned until its
//! task ends (finished, failed, panicked or cancelled). A call is cancellable at no cost to the
//! hot path: one that finishes at its first poll never registers anything; one still pending
//! after it registers on an intrusive waiter list ([`Notify`], no allocation) and is dropped when
//! the dispatcher's cancel generation moves past the one it was spawned in.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::task::Poll;

use tokio::sync::Notify;

use super::pressure::RESUME_AT;

/// Handler calls spawned and not finished, and the state of the dispatcher's shutdown.
#[derive(Debug, Default)]
pub(crate) struct InFlight {
    count: AtomicUsize,
    /// Signalled when the count drops to [`RESUME_AT`] (backpressure lifts).
    drained: Notify,
    /// Signalled when the count drops to 0.
    idle: Notify,
    /// Set by a shutdown: no new dispatches are taken.
    closed: AtomicBool,
    /// Calls spawned in an older generation are cancelled.
    generation: AtomicU64,
    /// Signalled when the generation moves on.
    cancel: Notify,
    /// How many calls were cancelled.
    cancelled: AtomicUsize,
}

/// Held by one spawned handler call; dropping it (the call finished, panicked, was cancelled or
/// aborted) counts it out.
pub(crate) struct CallSlot {
    in_flight: Arc<InFlight>,
    generation: u64,
}

impl Drop for CallSlot {
    fn drop(&mut self) {
        let before = self.in_flight.count.fetch_sub(1, Ordering::SeqCst);
        if before == RESUME_AT + 1 {
            self.in_flight.drained.notify_waiters();
        }
        // Only a shutdown waits for idleness, and it closes the dispatcher first: the common path
        // (the count dropping to 0 after every burst) touches no lock. SeqCst pairs with
        // `set_closed` and the count check in `idle`: either this sees the dispatcher closed and
        // wakes the waiter, or the waiter sees the count at 0.
        if before == 1 && self.in_flight.closed.load(Ordering::SeqCst) {
            self.in_flight.idle.notify_waiters();
        }
    }
}

impl CallSlot {
    /// Runs `call` unless the dispatcher cancels it; `None` when cancelled. The first poll
    /// registers nothing: only a call still pending after it waits on the cancel signal.
    pub(crate) async fn run<F: Future>(&self, call: F) -> Option<F::Output> {
        let mut call = pin!(call);
        let mut cancelled = pin!(self.in_flight.cancelled_after(self.generation));
        poll_fn(|cx| {
            if let Poll::Ready(out) = call.as_mut().poll(cx) {
                return Poll::Ready(Some(out));
            }
            if cancelled.as_mut().poll(cx).is_ready() {
                self.in_flight.cancelled.fetch_add(1, Ordering::AcqRel);
                return Poll::Ready(None);
            }
            Poll::Pending
        })
        .await
    }
}

impl InFlight {
    /// Counts one call in until the returned slot is dropped.
    pub(crate) fn enter(self: &Arc<Self>) -> CallSlot {
        self.count.fetch_add(1, Ordering::AcqRel);
        CallSlot {
            in_flight: Arc::clone(self),
            generation: self.generation.load(Ordering::Acquire),
        }
    }

    pub(crate) fn get(&self) -> usize {
        self.count.load(Ordering::Acquire)
    }

    /// Resolves once at most `RESUME_AT` calls are in flight.
    pub(crate) async fn drained(&self) {
        self.until(&self.drained, |n| n <= RESUME_AT).await;
    }

    /// Resolves once no call is in flight. Only woken while the dispatcher is closed (see
    /// `CallSlot`'s `Drop`): call it after `set_closed(true)`.
    pub(crate) async fn idle(&self) {
        self.until(&self.idle, |n| n == 0).await;
    }

    async fn until(&self, signal: &Notify, done: impl Fn(usize) -> bool) {
        loop {
            let notified = signal.notified();
            let mut notified = pin!(notified);
            notified.as_mut().enable();
            if done(self.count.load(Ordering::SeqCst)) {
                return;
            }
            notified.await;
        }
    }

    /// Resolves once the cancel generation is past `generation`.
    async fn cancelled_after(&self, generation: u64) {
        loop {
            let notified = self.cancel.notified();
            let mut notified = pin!(notified);
            notified.as_mut().enable();
            if self.generation.load(Ordering::Acquire) != generation {
                return;
            }
            notified.await;
        }
    }

    /// Cancels every call spawned so far (calls spawned later are not affected).
    pub(crate) fn cancel_all(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.cancel.notify_waiters();
    }

    /// The calls cancelled so far, reset to 0.
    pub(crate) fn take_cancelled(&self) -> usize {
        self.cancelled.swap(0, Ordering::AcqRel)
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.closed.load(Ordering::Acquire)
    }

    pub(crate) fn set_closed(&self, closed: bool) {
        self.closed.store(closed, Ordering::SeqCst);
    }
}
