//! The built-in consumer: a bounded channel read by
//! [`Gateway::next_event`](super::Gateway::next_event), configured by [`EventChannel`].
//!
//! Bounded, so a consumer that falls behind costs at most [`EventChannel::capacity`] frames of
//! memory: while the channel is full the shards stop reading (the saturation mechanism of every
//! sink), and the backlog waits in the socket. A consumer stalled for longer than
//! [`GatewayLimits::saturation_wait`](super::GatewayLimits::saturation_wait) does not hold the
//! shards back further (their heartbeats must be read): they read on without queueing, and
//! resume their sessions once the consumer reads again, so that Discord replays what they read
//! meanwhile. A frame counts as consumed when `next_event` returns it: a session handed over
//! after [`Gateway::shutdown`](super::Gateway::shutdown) resumes after the last frame the
//! consumer took, and frames still queued are replayed to the next process.

use std::sync::Arc;

use asyncord_model::gateway::{EventKind, EventSet};
use tokio::sync::mpsc;

use super::frame::DispatchFrame;
use super::peek::{self, DataPos};
use super::progress::Progress;
use super::sink::EventSink;

/// The settings of the channel behind [`Gateway::next_event`](super::Gateway::next_event):
/// which events it takes and how many frames it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventChannel {
    /// The events wanted; frames of other events are dropped unparsed (default: all).
    pub events: EventSet,
    /// Whether events this version does not know are delivered too (default: yes).
    pub unknown_events: bool,
    /// How many frames the channel holds before the shards pause reading (default
    /// [`EventChannel::DEFAULT_CAPACITY`]; at least 1).
    pub capacity: usize,
}

impl Default for EventChannel {
    fn default() -> Self {
        Self {
            events: EventSet::all(),
            unknown_events: true,
            capacity: Self::DEFAULT_CAPACITY,
        }
    }
}

impl EventChannel {
    /// The default bound: 1024 frames (a READY burst of a large bot's guilds fits; a backlog
    /// past it waits in the socket).
    pub const DEFAULT_CAPACITY: usize = 1024;

    /// Every event, [`EventChannel::DEFAULT_CAPACITY`] frames.
    pub fn new() -> Self {
        Self::default()
    }

    /// Takes only `events`, plus unknown event names when `unknown_events` is set.
    pub fn events(mut self, events: EventSet, unknown_events: bool) -> Self {
        self.events = events;
        self.unknown_events = unknown_events;
        self
    }

    /// Holds at most `capacity` frames (at least 1).
    pub fn capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity;
        self
    }

    /// The sink the shards deliver to, and the receiver `next_event` reads.
    pub(crate) fn open(self) -> (ChannelSink, mpsc::Receiver<Queued>) {
        ChannelSink::open(
            self.capacity,
            Interest::Events {
                events: self.events,
                unknown_events: self.unknown_events,
            },
        )
    }
}

/// A frame in the channel, with the progress of its session (which `next_event` updates).
pub(crate) struct Queued {
    pub(crate) frame: DispatchFrame,
    pub(crate) progress: Arc<Progress>,
    /// `Some(depth limit)` while `frame.data` runs from `d` to the end of its frame: the shard's
    /// reader, busier than the consumer, left finding where `d` ends to the consumer
    /// ([`Queued::settle`]).
    unscanned: Option<usize>,
}

impl Queued {
    /// Makes `frame.data` exactly `d` if the reader left that to the consumer; `false` (logged)
    /// when `d` is malformed or nested deeper than the limit: the frame is then skipped, as the
    /// reader skips such a frame, and counts as consumed.
    pub(crate) fn settle(&mut self) -> bool {
        let Some(max_depth) = self.unscanned.take() else {
            return true;
        };
        let frame = &mut self.frame;
        match peek::d_span(&frame.data, &DataPos::StartsAt(0), max_depth) {
            Ok(d) => {
                frame.data.truncate(d.end);
                true
            }
            Err(e) => {
                peek::log_malformed(frame.shard_id, &frame.name, Some(frame.seq), e, max_depth);
                self.progress.took(frame.seq);
                false
            }
        }
    }

    /// The consumer takes the frame: it counts as consumed. `None` for a frame skipped by
    /// [`Queued::settle`].
    pub(crate) fn take(mut self) -> Option<DispatchFrame> {
        if !self.settle() {
            return None;
        }
        self.progress.took(self.frame.seq);
        Some(self.frame)
    }
}

/// Which frames a channel takes.
pub(crate) enum Interest {
    /// These events (and unknown ones when `unknown_events`).
    Events {
        events: EventSet,
        unknown_events: bool,
    },
    /// Whatever this sink wants, asked per frame (the channel feeds it).
    Sink(Arc<dyn EventSink>),
}

/// The channel's sending side, as the shards' consumer.
pub(crate) struct ChannelSink {
    tx: mpsc::Sender<Queued>,
    /// How many free slots a saturated channel waits for before the shards read on.
    resume_at: usize,
    interest: Interest,
}

impl ChannelSink {
    /// A channel of `capacity` frames (at least 1) taking what `interest` says, and its
    /// receiver.
    pub(crate) fn open(capacity: usize, interest: Interest) -> (Self, mpsc::Receiver<Queued>) {
        let capacity = capacity.max(1);
        let (tx, rx) = mpsc::channel(capacity);
        let sink = Self {
            tx,
            resume_at: resume_at(capacity),
            interest,
        };
        (sink, rx)
    }

    pub(crate) fn wants(&self, kind: Option<EventKind>) -> bool {
        match &self.interest {
            Interest::Events {
                events,
                unknown_events,
            } => takes(*events, *unknown_events, kind),
            Interest::Sink(sink) => sink.wants(kind),
        }
    }

    /// Queues `frame` (`unscanned`: see [`Queued`]); `false` when the channel is full (another
    /// shard filled it since the reader found room): the frame is not consumed.
    pub(crate) fn send(
        &self,
        frame: DispatchFrame,
        progress: &Arc<Progress>,
        unscanned: Option<usize>,
    ) -> bool {
        let seq = frame.seq;
        match self.tx.try_send(Queued {
            frame,
            progress: Arc::clone(progress),
            unscanned,
        }) {
            Ok(()) => {
                progress.handed(seq);
                true
            }
            Err(mpsc::error::TrySendError::Full(_)) => false,
            // `Gateway` (the receiver) was dropped: nobody reads.
            Err(mpsc::error::TrySendError::Closed(_)) => true,
        }
    }

    pub(crate) fn is_saturated(&self) -> bool {
        self.tx.capacity() == 0 && !self.tx.is_closed()
    }

    /// Whether the consumer keeps up: less than a quarter of the channel is taken.
    pub(crate) fn has_room(&self) -> bool {
        self.tx.capacity() * 4 > self.tx.max_capacity() * 3
    }

    /// Resolves once the consumer has made room for a batch of frames, not a single one: a
    /// shard woken for every frame the consumer takes would trade each frame for a thread
    /// wake-up (the permits are released at once: the next frames take them).
    pub(crate) async fn unsaturated(&self) {
        let _ = self.tx.reserve_many(self.resume_at).await;
    }
}

/// Whether a consumer that takes `events`, and unknown event names when `unknown_events`, takes
/// a dispatch of `kind` (`None`: a name this version does not know).
pub(crate) fn takes(events: EventSet, unknown_events: bool, kind: Option<EventKind>) -> bool {
    kind.map_or(unknown_events, |kind| events.contains(kind))
}

/// A full channel of `capacity` frames lets the shards read on once a quarter of it is free (at
/// most 64 frames, at least 1).
fn resume_at(capacity: usize) -> usize {
    (capacity / 4).clamp(1, 64)
}
