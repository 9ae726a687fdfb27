//! Backpressure: the dispatcher as a gateway [`EventSink`] that wants the events it has handlers
//! for, and asks its shards to pause reading while many handler calls are in flight (the count
//! of `in_flight.rs`).
//!
//! A shard reads far faster than handlers finish under a flood (a burst of GUILD_CREATEs after
//! connecting, a busy guild). Without a bound, every frame read becomes a queued task and memory
//! grows with the backlog; with one, the backlog waits in the socket, where Discord's flow
//! control keeps it.

use std::future::Future;
use std::pin::Pin;

use asyncord_model::gateway::EventKind;

use super::Dispatcher;
use crate::gateway::{DispatchFrame, EventSink};

/// Above this many handler calls in flight, the dispatcher asks its shards to pause.
pub const SATURATED_AT: usize = 2048;

/// A pause lasts until the calls in flight drop to this many.
pub const RESUME_AT: usize = SATURATED_AT / 2;

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
    fn wants(&self, kind: Option<EventKind>) -> bool {
        Dispatcher::wants(self, kind)
    }

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
