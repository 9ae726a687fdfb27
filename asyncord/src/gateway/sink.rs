//! [`EventSink`]: the one way dispatches leave a shard. The shard's reader asks the sink which
//! event kinds it wants (right after peeking at the envelope, before `d` is parsed or copied),
//! hands it the wanted frames on the reader task, and pauses reading while the sink reports
//! saturation, so a flood waits in the socket instead of in memory
//! ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).

use std::future::Future;
use std::pin::Pin;

use asyncord_model::gateway::EventKind;

use super::frame::DispatchFrame;

/// A consumer of a gateway's dispatches, called on each shard's reader task.
///
/// - [`EventSink::wants`] is asked for every dispatch (`None`: an event name this version does
///   not know); frames it declines are dropped without copying `d`, though they still advance
///   the session's sequence. Being read per frame, it follows a consumer whose interests
///   change while it runs.
/// - [`EventSink::deliver`] takes each wanted frame.
/// - [`EventSink::is_saturated`] / [`EventSink::unsaturated`] push back: while saturated, the
///   shard reads nothing more (for at most [`SATURATION_WAIT`](super::SATURATION_WAIT) at a
///   time).
///
/// Any `Fn(DispatchFrame)` closure is a sink that wants everything and never pushes back; a
/// [`Dispatcher`](crate::dispatcher::Dispatcher) wants the events it has handlers for and
/// pushes back while too many of its handler calls are in flight; the built-in channel behind
/// [`Gateway::next_event`](super::Gateway::next_event) pushes back while it is full.
pub trait EventSink: Send + Sync + 'static {
    /// Whether dispatches of this kind are wanted (`None`: an unknown event name). Called for
    /// every dispatch on the reader task: it must be cheap and must not block. Default: all.
    fn wants(&self, kind: Option<EventKind>) -> bool {
        let _ = kind;
        true
    }

    /// Takes one wanted dispatch. Runs on the shard's reader task, so it must not block:
    /// heartbeat acknowledgements are read by the same task.
    fn deliver(&self, frame: DispatchFrame);

    /// Whether the consumer wants the shard to stop reading for now; asked after every
    /// message, so it must be cheap.
    fn is_saturated(&self) -> bool {
        false
    }

    /// Resolves once the consumer takes frames again. A shard waits for it at most
    /// [`SATURATION_WAIT`](super::SATURATION_WAIT) at a time, then reads on regardless (so a
    /// stuck consumer cannot make the connection look dead to Discord) until the pressure
    /// clears.
    fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(std::future::ready(()))
    }
}

impl<F: Fn(DispatchFrame) + Send + Sync + 'static> EventSink for F {
    fn deliver(&self, frame: DispatchFrame) {
        self(frame);
    }
}
