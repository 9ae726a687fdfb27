//! Backpressure: the dispatcher as a gateway [`EventSink`] that wants the events it has handlers
//! for, and asks its shards to stop delivering while its handler calls in flight (the count of
//! `in_flight.rs`) are at its bound, or while it is shut down.
//!
//! A shard reads far faster than handlers finish under a flood (a burst of GUILD_CREATEs after
//! connecting, a busy guild). Without a bound, every frame read becomes a queued task and memory
//! grows with the backlog; with one, the backlog waits in the socket (and, past the shard's
//! saturation wait, in Discord's replay buffer: the shard resumes once the dispatcher has room).
//! The bound gates spawning: at most the bound plus one frame's handlers are ever in flight.
//!
//! Saturation is entered and left at the same count: a dispatcher whose long-lived calls stay
//! just under its bound (handlers awaiting `wait_for`, say) lets its shard read on as soon as
//! one quick call finishes, rather than holding it until some lower mark that is never reached.

use std::future::Future;
use std::pin::Pin;

use asyncord_model::gateway::EventKind;

use super::Dispatcher;
use crate::gateway::{DispatchFrame, EventSink};

/// The default bound on handler calls in flight (spawned and not finished): at this many, the
/// dispatcher's shards stop delivering until one finishes. [`Dispatcher::set_max_in_flight`]
/// sets another. Long-lived calls (handlers awaiting `wait_for` or a slow API) count too: keep
/// the bound well above how many of those a bot holds at once.
pub const SATURATED_AT: usize = 2048;

impl Dispatcher {
    /// The handler calls spawned and not yet finished (queued, waiting for an in-flight slot,
    /// or running).
    pub fn in_flight(&self) -> usize {
        self.shared.in_flight.get()
    }
}

/// The dispatcher as a gateway's sink: frames are dispatched where the gateway delivers (see
/// [`EventSink`]), each handler call polled once there and spawned only if still pending; while
/// its bound of handler calls is in flight, or while it is [shut down](Dispatcher::shutdown),
/// it is saturated and takes nothing (frames are then not consumed: the session resumes before
/// them).
impl EventSink for Dispatcher {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        // Whether shut down or not: frames arriving while it is shut are not consumed (it is
        // saturated), rather than skipped as unwanted.
        self.wants_ignoring_shutdown(kind)
    }

    fn deliver(&self, frame: DispatchFrame) {
        self.dispatch_with(frame, super::run::Start::Inline);
    }

    fn is_saturated(&self) -> bool {
        self.shared.in_flight.is_saturated()
    }

    fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(self.shared.in_flight.drained())
    }
}
