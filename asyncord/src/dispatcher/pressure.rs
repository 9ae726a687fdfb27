//! Backpressure: the count of handler calls spawned and not yet finished, and the dispatcher as
//! a gateway [`EventSink`] that asks its shards to pause reading while that count is high.
//!
//! A shard reads far faster than handlers finish under a flood (a burst of GUILD_CREATEs after
//! connecting, a busy guild). Without a bound, every frame read becomes a queued task and memory
//! grows with the backlog; with one, the backlog waits in the socket, where Discord's flow
//! control keeps it.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::sync::Notify;

use super::Dispatcher;
use crate::gateway::{DispatchFrame, EventSink};

/// Above this many handler calls in flight, the dispatcher asks its shards to pause.
pub const SATURATED_AT: usize = 2048;

/// A pause lasts until the calls in flight drop to this many.
pub const RESUME_AT: usize = SATURATED_AT / 2;

/// Handler calls spawned and not finished.
#[derive(Debug, Default)]
pub(crate) struct InFlight {
    count: AtomicUsize,
    drained: Notify,
}

/// Held by one spawned handler call; dropping it (the call finished, panicked or was aborted)
/// counts it out.
pub(crate) struct CallSlot(Arc<InFlight>);

impl Drop for CallSlot {
    fn drop(&mut self) {
        let before = self.0.count.fetch_sub(1, Ordering::AcqRel);
        if before == RESUME_AT + 1 {
            self.0.drained.notify_waiters();
        }
    }
}

impl InFlight {
    /// Counts one call in until the returned slot is dropped.
    pub(crate) fn enter(self: &Arc<Self>) -> CallSlot {
        self.count.fetch_add(1, Ordering::AcqRel);
        CallSlot(Arc::clone(self))
    }

    pub(crate) fn get(&self) -> usize {
        self.count.load(Ordering::Acquire)
    }

    /// Resolves once at most `RESUME_AT` calls are in flight.
    pub(crate) async fn drained(&self) {
        loop {
            let notified = self.drained.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.get() <= RESUME_AT {
                return;
            }
            notified.await;
        }
    }
}

impl Dispatcher {
    /// The handler calls spawned and not yet finished (queued, waiting for an in-flight slot,
    /// or running).
    pub fn in_flight(&self) -> usize {
        self.shared.in_flight.get()
    }
}

/// The dispatcher as a shard's sink: frames are dispatched on the shard's reader task, and
/// while more than [`SATURATED_AT`] handler calls are in flight the shards stop reading until
/// [`RESUME_AT`] remain.
impl EventSink for Dispatcher {
    fn deliver(&self, frame: DispatchFrame) {
        self.dispatch(frame);
    }

    fn is_saturated(&self) -> bool {
        self.in_flight() > SATURATED_AT
    }

    fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(self.shared.in_flight.drained())
    }
}
