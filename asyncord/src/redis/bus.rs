//! [`BusConfig`]: the settings of the event bus — the dispatches published, the stream's
//! length, the publisher's queue, the workers' consumer group, how much they read at once and
//! hold in flight, and when a dead worker's events are claimed by another
//! ([Redis Streams](https://redis.io/docs/latest/develop/data-types/streams/)).

use std::sync::Arc;
use std::time::Duration;

use asyncord_model::gateway::{EventKind, EventSet};

use super::identify::host_name;
use super::publisher::Interest;
use crate::gateway::takes;

/// Settings of the event bus, shared by its publishers and workers.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BusConfig {
    /// The events the gateway processes publish (default: all). Frames of other events are
    /// dropped unparsed where the shards read them, so neither Redis nor the workers carry
    /// them; list every event a worker's handlers, `wait_for`s, collectors or cache use.
    pub events: EventSet,
    /// Whether events this version does not know are published too (default: yes).
    pub unknown_events: bool,
    /// About how many entries the stream keeps (`XADD MAXLEN ~`; default 100 000; `0`:
    /// unbounded). Entries trimmed before a worker read them are lost to it: size it for the
    /// longest worker outage to ride out.
    pub max_len: usize,
    /// How many frames may wait in a publisher before the shards stop reading (default 4096).
    pub publish_queue: usize,
    /// The workers' consumer group (default `workers`): each entry goes to one worker of it.
    pub group: String,
    /// This worker's name in the group (default `host:pid`): it must differ between workers
    /// running at the same time.
    pub consumer: String,
    /// How many entries a worker reads at once (default 256).
    pub read_count: usize,
    /// How long a read waits for new entries (default 2 s); a worker stops within about this.
    pub block: Duration,
    /// How many entries a worker handles at once (default 512): it reads no more meanwhile.
    pub max_in_flight: usize,
    /// How long an entry read by a worker may stay unacknowledged before another worker claims
    /// it (`XAUTOCLAIM`; default 30 s): the worker died, or its handler runs very long (then the
    /// event is handled twice: delivery is at least once).
    pub claim_idle: Duration,
    /// How often a worker looks for such entries (default 5 s).
    pub claim_interval: Duration,
}

impl Default for BusConfig {
    fn default() -> Self {
        Self {
            events: EventSet::all(),
            unknown_events: true,
            max_len: 100_000,
            publish_queue: 4096,
            group: "workers".to_owned(),
            consumer: format!("{}:{}", host_name(), std::process::id()),
            read_count: 256,
            block: Duration::from_secs(2),
            max_in_flight: 512,
            claim_idle: Duration::from_secs(30),
            claim_interval: Duration::from_secs(5),
        }
    }
}

impl BusConfig {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Publishes only `events`, plus unknown event names when `unknown_events` is set (see
    /// [`BusConfig::events`]).
    pub fn events(mut self, events: EventSet, unknown_events: bool) -> Self {
        self.events = events;
        self.unknown_events = unknown_events;
        self
    }

    /// The publisher's [`Interest`]: the dispatches these settings publish (`None`: a name this
    /// version does not know).
    pub(crate) fn interest(&self) -> Interest {
        let (events, unknown_events) = (self.events, self.unknown_events);
        Arc::new(move |kind: Option<EventKind>| takes(events, unknown_events, kind))
    }

    /// Sets [`BusConfig::max_len`].
    pub fn max_len(mut self, entries: usize) -> Self {
        self.max_len = entries;
        self
    }

    /// Sets [`BusConfig::publish_queue`].
    pub fn publish_queue(mut self, frames: usize) -> Self {
        self.publish_queue = frames;
        self
    }

    /// Sets [`BusConfig::group`].
    pub fn group(mut self, group: impl Into<String>) -> Self {
        self.group = group.into();
        self
    }

    /// Sets [`BusConfig::consumer`].
    pub fn consumer(mut self, consumer: impl Into<String>) -> Self {
        self.consumer = consumer.into();
        self
    }

    /// Sets [`BusConfig::read_count`].
    pub fn read_count(mut self, entries: usize) -> Self {
        self.read_count = entries;
        self
    }

    /// Sets [`BusConfig::block`].
    pub fn block(mut self, block: Duration) -> Self {
        self.block = block;
        self
    }

    /// Sets [`BusConfig::max_in_flight`].
    pub fn max_in_flight(mut self, entries: usize) -> Self {
        self.max_in_flight = entries;
        self
    }

    /// Sets [`BusConfig::claim_idle`] and [`BusConfig::claim_interval`].
    pub fn claim(mut self, idle: Duration, interval: Duration) -> Self {
        self.claim_idle = idle;
        self.claim_interval = interval;
        self
    }
}
