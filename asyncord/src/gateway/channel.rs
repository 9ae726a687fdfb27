//! The built-in [`EventSink`]: a bounded channel read by
//! [`Gateway::next_event`](super::Gateway::next_event), configured by [`EventChannel`].
//!
//! Bounded, so a consumer that falls behind costs at most [`EventChannel::capacity`] frames of
//! memory: while the channel is full the shards stop reading (the saturation mechanism of every
//! sink), and the backlog waits in the socket. A consumer stalled for longer than
//! [`SATURATION_WAIT`](super::SATURATION_WAIT) does not hold the shards back further (their
//! heartbeats must be read); the frames that do not fit then are dropped, counted, and logged.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};

use asyncord_model::gateway::{EventKind, EventSet};
use tokio::sync::mpsc;

use super::frame::DispatchFrame;
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
    pub(crate) fn open(self) -> (ChannelSink, mpsc::Receiver<DispatchFrame>) {
        let (tx, rx) = mpsc::channel(self.capacity.max(1));
        let sink = ChannelSink {
            tx,
            events: self.events,
            unknown_events: self.unknown_events,
            dropped: AtomicU64::new(0),
        };
        (sink, rx)
    }
}

/// The channel's sending side, as the shards' sink.
pub(crate) struct ChannelSink {
    tx: mpsc::Sender<DispatchFrame>,
    events: EventSet,
    unknown_events: bool,
    dropped: AtomicU64,
}

impl EventSink for ChannelSink {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        match kind {
            Some(kind) => self.events.contains(kind),
            None => self.unknown_events,
        }
    }

    fn deliver(&self, frame: DispatchFrame) {
        match self.tx.try_send(frame) {
            Ok(()) => {
                let dropped = self.dropped.swap(0, Ordering::Relaxed);
                if dropped > 0 {
                    tracing::warn!(
                        dropped,
                        "the event consumer caught up; frames were dropped while it was stalled"
                    );
                }
            }
            Err(mpsc::error::TrySendError::Full(frame)) => {
                if self.dropped.fetch_add(1, Ordering::Relaxed) == 0 {
                    tracing::warn!(
                        event = %frame.name,
                        shard = frame.shard_id,
                        "the event channel is full and its consumer stalled past the saturation \
                         wait: dropping frames until it reads again"
                    );
                }
            }
            // `Gateway` (the receiver) was dropped: nobody reads.
            Err(mpsc::error::TrySendError::Closed(_)) => {}
        }
    }

    fn is_saturated(&self) -> bool {
        self.tx.capacity() == 0
    }

    fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            // A free slot (the permit is released at once: the next frame takes it).
            let _ = self.tx.reserve().await;
        })
    }
}
