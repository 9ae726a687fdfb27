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

use super::pressure::SATURATED_AT;
use super::tracked::Tracker;

/// Handler calls spawned and not finished, and the state of the dispatcher's shutdown.
#[derive(Debug)]
pub(crate) struct InFlight {
    count: AtomicUsize,
    /// At this many calls in flight the dispatcher is saturated (its shards stop delivering).
    bound: AtomicUsize,
    /// Signalled when the count drops below the bound, and when the dispatcher reopens
    /// (backpressure lifts).
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

impl Default for InFlight {
    fn default() -> Self {
        Self {
            count: AtomicUsize::new(0),
            bound: AtomicUsize::new(SATURATED_AT),
            drained: Notify::new(),
            idle: Notify::new(),
            closed: AtomicBool::new(false),
            generation: AtomicU64::new(0),
            cancel: Notify::new(),
            cancelled: AtomicUsize::new(0),
        }
    }
}

/// Held by one spawned handler call; dropping it (the call finished, panicked, was cancelled or
/// aborted) counts it out.
pub(crate) struct CallSlot {
    in_flight: Arc<InFlight>,
    generation: u64,
    /// The frame's tracker, for a call spawned by `dispatch_tracked` (`tracked.rs`).
    tracker: Option<Arc<Tracker>>,
}

impl Drop for CallSlot {
    fn drop(&mut self) {
        let before = self.in_flight.count.fetch_sub(1, Ordering::SeqCst);
        // Every decrement passes each value, so the one that leaves the bound wakes the waiters.
        if before == self.in_flight.bound.load(Ordering::Relaxed) {
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
                if let Some(tracker) = &self.tracker {
                    tracker.cancelled();
                }
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
            tracker: Tracker::current(),
        }
    }

    pub(crate) fn get(&self) -> usize {
        self.count.load(Ordering::Acquire)
    }

    /// The saturation bound.
    pub(crate) fn bound(&self) -> usize {
        self.bound.load(Ordering::Relaxed)
    }

    /// Sets the saturation bound (at least 1).
    pub(crate) fn set_bound(&self, bound: usize) {
        self.bound.store(bound.max(1), Ordering::Relaxed);
        self.drained.notify_waiters();
    }

    /// Whether the dispatcher takes no more calls for now: the calls in flight are at the
    /// bound, or it is shut down.
    pub(crate) fn is_saturated(&self) -> bool {
        self.get() >= self.bound() || self.is_closed()
    }

    /// Resolves once the dispatcher takes calls again: fewer than the bound in flight, and not
    /// shut down. Leaving saturation needs exactly what ends it, so a bound the calls stay near
    /// never stalls its shards for longer than one call takes.
    pub(crate) async fn drained(&self) {
        loop {
            let notified = self.drained.notified();
            let mut notified = pin!(notified);
            notified.as_mut().enable();
            if !self.is_saturated() {
                return;
            }
            notified.await;
        }
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
        if !closed {
            self.drained.notify_waiters();
        }
    }
}
