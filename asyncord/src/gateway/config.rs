//! Gateway configuration: token, intents, shards, compression, identify extras, and a saved
//! session to resume from ([docs](https://discord.com/developers/docs/events/gateway#connecting)).

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::ops::Range;
use std::pin::Pin;
use std::sync::Arc;

use asyncord_model::Intents;
use asyncord_model::gateway::Presence;
use asyncord_model::gateway::{EventKind, EventSet};

use super::DispatchFrame;
use super::queue::IdentifyQueue;
use super::transport::Connector;

/// Transport compression of a gateway connection.
///
/// Against a server that does not support the requested mode (a self-hosted Discord-compatible
/// server, a proxy), a shard falls back on its own: `zstd-stream`, then `zlib-stream`, then none
/// (see [`ShardInfo::compression`](super::ShardInfo::compression)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Compression {
    /// Plain JSON text frames.
    None,
    /// `compress=zlib-stream`: one zlib context per connection.
    ZlibStream,
    /// `compress=zstd-stream`: one zstd context per connection (the default: smallest and fastest).
    #[default]
    ZstdStream,
}

impl Compression {
    /// The `compress` query parameter value, if any.
    pub const fn query_value(self) -> Option<&'static str> {
        match self {
            Self::None => None,
            Self::ZlibStream => Some("zlib-stream"),
            Self::ZstdStream => Some("zstd-stream"),
        }
    }
}

impl fmt::Display for Compression {
    /// The `compress` value (`zstd-stream`, `zlib-stream`), or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.query_value().unwrap_or("none"))
    }
}

/// How many shards, and which of them this process runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Shards {
    /// Use Discord's recommendation from `GET /gateway/bot`, and run all of them.
    #[default]
    Auto,
    /// A fixed total count; this process runs the shards in `range` (for example `0..4` of 8,
    /// with another process running `4..8`).
    Fixed {
        /// The total shard count (`num_shards` in IDENTIFY).
        count: u32,
        /// The shard ids this process runs.
        range: Range<u32>,
    },
}

impl Shards {
    /// `count` shards, all run by this process.
    pub const fn all(count: u32) -> Self {
        Self::Fixed {
            count,
            range: 0..count,
        }
    }
}

/// What a shard needs to resume a session: readable while running and handed back in after a
/// restart, so a new process can resume where an old one stopped.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Session {
    /// The session id from READY.
    pub session_id: String,
    /// The last sequence number received.
    pub sequence: u64,
    /// `resume_gateway_url` from READY (without query parameters).
    pub resume_url: String,
}

/// A live test of whether a dispatch is wanted, called on the shard's reader task for every
/// dispatch (`None`: an event name this version does not know). It replaces
/// [`GatewayConfig::events`] and [`GatewayConfig::unknown_events`], and, being read per frame,
/// follows a consumer whose interests change while it runs (the client hub passes
/// [`Dispatcher::wants`](crate::dispatcher::Dispatcher::wants)). It must be cheap and must not
/// block.
pub type EventFilter = Arc<dyn Fn(Option<EventKind>) -> bool + Send + Sync>;

/// A consumer called on the shard's reader task with each wanted dispatch, instead of queueing
/// it for [`Gateway::next_event`](super::Gateway::next_event). It saves a channel hop and a task
/// wake per event, and it can push back: while [`EventSink::is_saturated`] says so, the shard
/// reads nothing more, so a flood waits in the socket instead of in memory.
///
/// Any `Fn(DispatchFrame)` closure is a sink that never pushes back; a
/// [`Dispatcher`](crate::dispatcher::Dispatcher) is one that pushes back while too many of its
/// handler calls are in flight.
pub trait EventSink: Send + Sync + 'static {
    /// Takes one dispatch. Runs on the shard's reader task, so it must not block: heartbeat
    /// acknowledgements are read by the same task.
    fn deliver(&self, frame: DispatchFrame);

    /// Whether the consumer wants the shard to stop reading for now; asked after every
    /// delivery, so it must be cheap.
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

/// Everything the gateway client needs to connect.
#[derive(Clone)]
pub struct GatewayConfig {
    pub(crate) token: Arc<str>,
    /// The intents to identify with.
    pub intents: Intents,
    /// The shard count and the range this process runs.
    pub shards: Shards,
    /// Transport compression requested (default zstd-stream; shards fall back against servers
    /// without it).
    pub compression: Compression,
    /// The presence to identify with.
    pub presence: Option<Presence>,
    /// `large_threshold` (50-250): member count above which a guild's offline members are not
    /// sent in GUILD_CREATE.
    pub large_threshold: Option<u8>,
    /// A gateway URL to use instead of the one from `GET /gateway/bot`.
    pub url: Option<String>,
    /// The REST API base used for `GET /gateway/bot` (default `https://discord.com/api/v10`).
    pub api_base: String,
    /// Saved sessions by shard id, to resume instead of identifying.
    pub sessions: HashMap<u32, Session>,
    /// The events the consumer wants; frames of other events are dropped unparsed.
    pub events: EventSet,
    /// Whether events this version does not know (and READY/RESUMED even when not in
    /// `events`) are delivered as raw frames.
    pub unknown_events: bool,
    /// A live filter that replaces `events` and `unknown_events` (see [`EventFilter`]).
    pub filter: Option<EventFilter>,
    /// Where wanted dispatches go instead of [`Gateway::next_event`](super::Gateway::next_event)
    /// (see [`EventSink`]).
    pub sink: Option<Arc<dyn EventSink>>,
    /// The identify queue (default: an in-process queue honouring `max_concurrency`).
    pub identify_queue: Option<Arc<dyn IdentifyQueue>>,
    /// How connections are opened (default: TCP, with TLS for `wss://`).
    pub connector: Option<Arc<dyn Connector>>,
    /// `max_concurrency` when the shard count is configured rather than fetched (default 1).
    pub max_concurrency: u32,
    /// The ceiling of the reconnect backoff.
    pub max_backoff: std::time::Duration,
}

impl GatewayConfig {
    /// A configuration with the given token and intents, everything else default.
    pub fn new(token: impl Into<String>, intents: Intents) -> Self {
        let token: String = token.into();
        let token = token
            .strip_prefix("Bot ")
            .map_or(token.as_str(), |t| t)
            .to_owned();
        Self {
            token: Arc::from(token),
            intents,
            shards: Shards::Auto,
            compression: Compression::default(),
            presence: None,
            large_threshold: None,
            url: None,
            api_base: "https://discord.com/api/v10".to_owned(),
            sessions: HashMap::new(),
            events: EventSet::all(),
            unknown_events: true,
            filter: None,
            sink: None,
            identify_queue: None,
            connector: None,
            max_concurrency: 1,
            max_backoff: std::time::Duration::from_secs(60),
        }
    }

    /// Sets the shards.
    pub fn shards(mut self, shards: Shards) -> Self {
        self.shards = shards;
        self
    }

    /// Sets the compression.
    pub fn compression(mut self, compression: Compression) -> Self {
        self.compression = compression;
        self
    }

    /// Uses this gateway URL instead of asking `GET /gateway/bot`.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the wanted events.
    pub fn events(mut self, events: EventSet, unknown_events: bool) -> Self {
        self.events = events;
        self.unknown_events = unknown_events;
        self
    }

    /// Decides per frame which dispatches are wanted (replaces [`GatewayConfig::events`]).
    pub fn filter(
        mut self,
        filter: impl Fn(Option<EventKind>) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.filter = Some(Arc::new(filter));
        self
    }

    /// Hands wanted dispatches to `sink` on the shard's reader task; [`Gateway::next_event`]
    /// then yields nothing and returns `None` once every shard has stopped.
    ///
    /// [`Gateway::next_event`]: super::Gateway::next_event
    pub fn sink(mut self, sink: impl EventSink) -> Self {
        self.sink = Some(Arc::new(sink));
        self
    }

    /// Resumes `shard` from a saved session instead of identifying.
    pub fn resume_from(mut self, shard: u32, session: Session) -> Self {
        self.sessions.insert(shard, session);
        self
    }

    /// Uses a custom connector (for example the emulator's in-memory one).
    pub fn connector(mut self, connector: Arc<dyn Connector>) -> Self {
        self.connector = Some(connector);
        self
    }

    /// Uses a custom identify queue (for example one shared by several processes).
    pub fn identify_queue(mut self, queue: Arc<dyn IdentifyQueue>) -> Self {
        self.identify_queue = Some(queue);
        self
    }

    /// The token (without `Bot `).
    pub(crate) fn token(&self) -> &str {
        &self.token
    }
}

impl fmt::Debug for GatewayConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GatewayConfig")
            .field("token", &"<redacted>")
            .field("intents", &self.intents)
            .field("shards", &self.shards)
            .field("compression", &self.compression)
            .field("large_threshold", &self.large_threshold)
            .field("url", &self.url)
            .field("sessions", &self.sessions.len())
            .field("filter", &self.filter.is_some())
            .field("sink", &self.sink.is_some())
            .finish_non_exhaustive()
    }
}
