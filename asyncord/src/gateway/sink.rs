//! [`EventSink`]: the one way dispatches leave a shard. The shard's reader asks the sink which
//! event kinds it wants (right after peeking at the envelope, before `d` is parsed or copied),
//! hands the wanted frames on (to the gateway's delivery thread on a multi-thread runtime, see
//! `delivery_thread.rs`; to the sink itself on a current-thread one), and holds reading back
//! while the sink reports saturation, so a flood waits in the socket instead of in memory
//! ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use asyncord_model::gateway::EventKind;

use super::channel::ChannelSink;
use super::frame::DispatchFrame;
use super::progress::Progress;

/// A consumer of a gateway's dispatches.
///
/// **Where it is called.** On a multi-thread runtime, `deliver` (and the saturation calls
/// before it) run on the gateway's delivery thread, one frame at a time in the order the shards
/// read them, while the shards read on: parsing and handling one frame proceeds beside reading
/// and decompressing the next ones, on another core. On a current-thread runtime each shard's
/// reader task calls the sink itself. `wants` is always asked by the shard's reader.
///
/// - [`EventSink::wants`] is asked for every dispatch (`None`: an event name this version does
///   not know); frames it declines are dropped without copying `d`, and count as consumed (the
///   session resumes after them). Being read per frame, it follows a consumer whose interests
///   change while it runs.
/// - [`EventSink::deliver`] takes each wanted frame; once it returns, the frame counts as
///   consumed: a session handed to another process
///   ([`GatewayConfig::resume_from`](super::GatewayConfig::resume_from)) resumes after it.
/// - [`EventSink::is_saturated`] / [`EventSink::unsaturated`] push back. Before handing on a
///   wanted frame while the sink is saturated, the shard stops reading until it is not — for at
///   most [`GatewayLimits::saturation_wait`](super::GatewayLimits::saturation_wait) at a time,
///   and at most half a heartbeat interval in all between two heartbeat ACKs. Past that, it
///   reads on
///   without delivering (heartbeats and control frames are still handled; dispatches are
///   discarded and not counted as consumed), and once `unsaturated` resolves it resumes the
///   session: Discord replays what was discarded. A sink that takes nothing (saturated for
///   good) therefore loses nothing and costs no memory.
///
/// Any `Fn(DispatchFrame)` closure is a sink that wants everything and never pushes back; a
/// [`Dispatcher`](crate::dispatcher::Dispatcher) wants the events it has handlers for and
/// pushes back while its handler calls in flight are at its bound (or while it is shut down);
/// the built-in channel behind [`Gateway::next_event`](super::Gateway::next_event) pushes back
/// while it is full.
pub trait EventSink: Send + Sync + 'static {
    /// Whether dispatches of this kind are wanted (`None`: an unknown event name). Called for
    /// every dispatch by the shard's reader: it must be cheap and must not block. Default: all.
    fn wants(&self, kind: Option<EventKind>) -> bool {
        let _ = kind;
        true
    }

    /// Takes one wanted dispatch. It must not block: on a current-thread runtime the shard's
    /// reader, which also reads heartbeat acknowledgements, calls it; on a multi-thread one the
    /// delivery thread does, and every later frame waits for it. A panic is caught and logged,
    /// and the frame is skipped.
    fn deliver(&self, frame: DispatchFrame);

    /// Whether the consumer wants the shard to stop delivering for now; asked before each
    /// wanted frame, so it must be cheap.
    fn is_saturated(&self) -> bool {
        false
    }

    /// Resolves once the consumer takes frames again (once `is_saturated` would say `false`).
    fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(std::future::ready(()))
    }
}

impl<F: Fn(DispatchFrame) + Send + Sync + 'static> EventSink for F {
    fn deliver(&self, frame: DispatchFrame) {
        self(frame);
    }
}

/// Where a shard's reader hands dispatches: the built-in channel, whose frames count as
/// consumed when `next_event` returns them, or a sink, whose frames count as consumed once
/// `deliver` returns.
#[derive(Clone)]
pub(crate) enum Target {
    Channel(Arc<ChannelSink>),
    Sink(Arc<dyn EventSink>),
}

impl Target {
    pub(crate) fn wants(&self, kind: Option<EventKind>) -> bool {
        match self {
            Self::Channel(c) => c.wants(kind),
            Self::Sink(s) => s.wants(kind),
        }
    }

    pub(crate) fn is_saturated(&self) -> bool {
        match self {
            Self::Channel(c) => c.is_saturated(),
            Self::Sink(s) => s.is_saturated(),
        }
    }

    /// Whether the consumer has room to find where `d` ends itself (a sink of the user's never
    /// does: it gets `d` exact).
    pub(crate) fn has_room(&self) -> bool {
        match self {
            Self::Channel(c) => c.has_room(),
            Self::Sink(_) => false,
        }
    }

    pub(crate) fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        match self {
            Self::Channel(c) => Box::pin(c.unsaturated()),
            Self::Sink(s) => s.unsaturated(),
        }
    }

    /// Hands `frame` (of the session `progress` tracks) on; `false` when it was refused (a
    /// channel that another shard filled first): not consumed. `unscanned` (the depth limit):
    /// `frame.data` runs from `d` to the end of its frame, for a channel that
    /// [has room](Self::has_room).
    pub(crate) fn deliver(
        &self,
        frame: DispatchFrame,
        progress: &Arc<Progress>,
        unscanned: Option<usize>,
    ) -> bool {
        match self {
            Self::Channel(c) => c.send(frame, progress, unscanned),
            Self::Sink(s) => {
                s.deliver(frame);
                true
            }
        }
    }
}
