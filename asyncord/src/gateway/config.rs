//! Gateway configuration: token, intents, shards, compression, identify extras, where
//! dispatches go, and a saved session to resume from ([docs](https://discord.com/developers/docs/events/gateway#connecting)).

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use asyncord_model::Intents;
use asyncord_model::gateway::Presence;

use super::channel::EventChannel;
use super::compression::Compression;
use super::limits::GatewayLimits;
use super::queue::IdentifyQueue;
use super::sink::EventSink;
use super::transport::Connector;
use crate::Token;
use crate::http::DEFAULT_BASE_URL;
use crate::rest::RestClient;

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

/// Where a gateway's dispatches go: the one delivery path is an [`EventSink`]; this says which.
#[derive(Clone)]
#[non_exhaustive]
pub enum Delivery {
    /// The built-in bounded channel that [`Gateway::next_event`](super::Gateway::next_event)
    /// reads (the default: every event, [`EventChannel::DEFAULT_CAPACITY`] frames).
    Channel(EventChannel),
    /// A consumer of your own, called as [`EventSink`] says (for example a
    /// [`Dispatcher`](crate::dispatcher::Dispatcher)); `next_event` then yields nothing and
    /// returns `None` once every shard has stopped.
    Sink(Arc<dyn EventSink>),
}

impl Default for Delivery {
    fn default() -> Self {
        Self::Channel(EventChannel::default())
    }
}

impl fmt::Debug for Delivery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Channel(channel) => f.debug_tuple("Channel").field(channel).finish(),
            Self::Sink(_) => f.write_str("Sink(..)"),
        }
    }
}

/// Everything the gateway client needs to connect.
#[derive(Clone)]
pub struct GatewayConfig {
    pub(crate) token: Token,
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
    /// The REST API base used for `GET /gateway/bot` when no [`GatewayConfig::rest`] client is
    /// given (default `https://discord.com/api/v10`).
    pub api_base: String,
    /// The REST client that asks `GET /gateway/bot` (rate limited, retried, bounded by its
    /// timeout). Default: one built from the token and [`GatewayConfig::api_base`].
    pub rest: Option<RestClient>,
    /// Saved sessions by shard id, to resume instead of identifying.
    pub sessions: HashMap<u32, Session>,
    /// Where dispatches go (see [`Delivery`]).
    pub delivery: Delivery,
    /// The identify queue (default: an in-process queue honouring `max_concurrency`).
    pub identify_queue: Option<Arc<dyn IdentifyQueue>>,
    /// How connections are opened (default: TCP, with TLS for `wss://`).
    pub connector: Option<Arc<dyn Connector>>,
    /// `max_concurrency` when the shard count is configured rather than fetched (default 1).
    pub max_concurrency: u32,
    /// The ceiling of the reconnect backoff.
    pub max_backoff: std::time::Duration,
    /// The shards' bounds: message size, JSON depth, how long a saturated consumer holds reading
    /// back, retries of a dead resume URL and of `GET /gateway/bot`.
    pub limits: GatewayLimits,
}

impl GatewayConfig {
    /// A configuration with the given token and intents, everything else default.
    pub fn new(token: impl Into<Token>, intents: Intents) -> Self {
        Self {
            token: token.into(),
            intents,
            shards: Shards::Auto,
            compression: Compression::default(),
            presence: None,
            large_threshold: None,
            url: None,
            api_base: DEFAULT_BASE_URL.to_owned(),
            rest: None,
            sessions: HashMap::new(),
            delivery: Delivery::default(),
            identify_queue: None,
            connector: None,
            max_concurrency: 1,
            max_backoff: std::time::Duration::from_secs(60),
            limits: GatewayLimits::default(),
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

    /// Asks `GET /gateway/bot` through this REST client (the client hub passes the group's).
    pub fn rest(mut self, client: RestClient) -> Self {
        self.rest = Some(client);
        self
    }

    /// Delivers dispatches through the built-in channel read by
    /// [`Gateway::next_event`](super::Gateway::next_event), with these settings (which events,
    /// how many frames it holds).
    pub fn channel(mut self, channel: EventChannel) -> Self {
        self.delivery = Delivery::Channel(channel);
        self
    }

    /// Hands dispatches to `sink` (see [`EventSink`] for where it is called), instead of the
    /// built-in channel;
    /// [`Gateway::next_event`] then yields nothing and returns `None` once every shard has
    /// stopped.
    ///
    /// [`Gateway::next_event`]: super::Gateway::next_event
    pub fn sink(mut self, sink: impl EventSink) -> Self {
        self.delivery = Delivery::Sink(Arc::new(sink));
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

    /// Sets the shards' bounds (see [`GatewayLimits`]).
    pub fn limits(mut self, limits: GatewayLimits) -> Self {
        self.limits = limits;
        self
    }

    /// Uses a custom identify queue (for example one shared by several processes).
    pub fn identify_queue(mut self, queue: Arc<dyn IdentifyQueue>) -> Self {
        self.identify_queue = Some(queue);
        self
    }

    /// The token.
    pub(crate) fn token(&self) -> &Token {
        &self.token
    }
}

impl fmt::Debug for GatewayConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GatewayConfig")
            .field("token", &self.token)
            .field("intents", &self.intents)
            .field("shards", &self.shards)
            .field("compression", &self.compression)
            .field("large_threshold", &self.large_threshold)
            .field("url", &self.url)
            .field("api_base", &self.api_base)
            .field("sessions", &self.sessions.len())
            .field("delivery", &self.delivery)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}
