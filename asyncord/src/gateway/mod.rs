//! The gateway client: shards that connect, identify or resume, heartbeat, and reconnect through
//! every recoverable fault without losing or repeating an event
//! ([Discord docs](https://discord.com/developers/docs/events/gateway)).
//!
//! [`Gateway::connect`] starts the shards of a [`GatewayConfig`]; dispatches arrive as
//! [`DispatchFrame`]s (the raw JSON of `d`, unparsed) at the configured
//! [`EventSink`] — by default the bounded [`EventChannel`] that [`Gateway::next_event`] reads —
//! and a [`GatewayHandle`] (which may exist before connecting) sends commands and reads shard
//! state. Frames of events the sink does not want are dropped after a peek at `op`/`s`/`t`,
//! without parsing `d`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), asyncord::gateway::GatewayError> {
//! use asyncord::gateway::{Gateway, GatewayConfig};
//! use asyncord::model::Intents;
//! use asyncord::model::gateway::{Event, ParseBuffers};
//!
//! let mut gateway = Gateway::connect(GatewayConfig::new("token", Intents::GUILDS)).await?;
//! // One parser scratch space for the loop: each parse then allocates only the event.
//! let mut buffers = ParseBuffers::new();
//! while let Some(mut frame) = gateway.next_event().await {
//!     println!("{} #{} on shard {}", frame.name, frame.seq, frame.shard_id);
//!     match Event::from_slice_with_buffers(&frame.name, &mut frame.data, &mut buffers) {
//!         Ok(Event::MessageCreate(message)) => println!("{}", message.content),
//!         Ok(_) => {}
//!         Err(e) => eprintln!("{e}"),
//!     }
//! }
//! # Ok(()) }
//! ```

mod channel;
mod compression;
mod config;
mod connection;
mod data_blocks;
mod delivery_thread;
mod error;
mod frame;
mod handle;
mod inflate;
mod limiter;
mod limits;
mod message;
mod negotiation;
mod peek;
mod progress;
mod queue;
mod read_cap;
mod reader;
mod relay;
mod shard;
mod shard_set;
mod sink;
pub(crate) mod transport;
mod upgrade;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use asyncord_model::gateway::GatewayBot;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

/// The buffer of [`DispatchFrame::data`] (from the `bytes` crate).
pub use bytes::BytesMut;
pub use channel::EventChannel;
#[cfg_attr(not(feature = "redis"), allow(unused_imports))]
pub(crate) use channel::takes;
pub use compression::Compression;
pub use config::{Delivery, GatewayConfig, Session, Shards};
pub use error::GatewayError;
pub use frame::DispatchFrame;
pub use handle::{GatewayHandle, ShardInfo};
pub use limits::{GatewayLimits, SATURATION_WAIT};
pub use queue::{IDENTIFY_INTERVAL, IdentifyQueue, LocalIdentifyQueue};
#[cfg_attr(not(feature = "redis"), allow(unused_imports))]
pub(crate) use relay::{CommandRelay, CommandTarget, Relayed};
pub use shard::ShardStatus;
pub use sink::EventSink;
pub use transport::{
    BoxedStream, ConnectFuture, Connector, GatewayAddress, GatewayStream, TcpConnector,
};

use crate::http::RestError;
use crate::rest::RestClient;
use channel::Queued;
use delivery_thread::DeliveryThread;
use shard_set::ShardSet;
use sink::Target;

/// Where shards connect when neither the configuration nor `GET /gateway/bot` says.
const DEFAULT_URL: &str = "wss://gateway.discord.gg";

/// Running shards: their dispatches, a handle, and their outcome.
pub struct Gateway {
    handle: GatewayHandle,
    shards: Arc<ShardSet>,
    /// The built-in channel's receiver (`None` when a sink of the caller's takes the frames).
    events: Option<mpsc::Receiver<Queued>>,
    /// Frames taken off the channel a batch at a time and not returned yet (not consumed: they
    /// count once `next_event` returns them).
    taken: std::vec::IntoIter<Queued>,
    /// The thread feeding the caller's sink, on a multi-thread runtime.
    delivery: Option<DeliveryThread>,
    tasks: Vec<(u32, JoinHandle<Result<(), GatewayError>>)>,
}

/// How many frames [`Gateway::next_event`] takes off the channel at once.
const NEXT_EVENT_BATCH: usize = 32;

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway")
            .field("handle", &self.handle)
            .finish_non_exhaustive()
    }
}

impl Gateway {
    /// Resolves the shard count and URL (`GET /gateway/bot` unless both are configured) and
    /// starts this process's shards with a handle of their own. Returns at once; shards connect
    /// in the background.
    pub async fn connect(config: GatewayConfig) -> Result<Self, GatewayError> {
        Self::connect_with_handle(config, &GatewayHandle::new()).await
    }

    /// [`Gateway::connect`], attaching the shards to an existing `handle` (one made before
    /// connecting, and perhaps already handed out): its commands reach these shards until they
    /// all stop, its read-outs show them until the handle is connected again. Fails with
    /// [`GatewayError::AlreadyConnected`] if the handle has running shards.
    pub async fn connect_with_handle(
        config: GatewayConfig,
        handle: &GatewayHandle,
    ) -> Result<Self, GatewayError> {
        if handle.is_running() {
            return Err(GatewayError::AlreadyConnected);
        }
        let needs_info = config.url.is_none() || config.shards == Shards::Auto;
        let info = if needs_info {
            Some(gateway_bot(&config).await?)
        } else {
            None
        };
        let (count, range) = match (&config.shards, &info) {
            (Shards::Fixed { count, range }, _) => (*count, range.clone()),
            (Shards::Auto, Some(i)) => (i.shards.max(1), 0..i.shards.max(1)),
            (Shards::Auto, None) => (1, 0..1),
        };
        if count == 0 || range.is_empty() || range.end > count {
            return Err(GatewayError::InvalidShards { range, count });
        }
        let url_text = config
            .url
            .clone()
            .or_else(|| info.as_ref().map(|i| i.url.clone()))
            .unwrap_or_else(|| DEFAULT_URL.to_owned());
        let base_url = GatewayAddress::parse(&url_text)?;
        if base_url.secure && !crate::tls::AVAILABLE && config.connector.is_none() {
            return Err(GatewayError::InvalidUrl {
                url: url_text,
                reason: crate::tls::MISSING,
            });
        }
        if !base_url.secure && !base_url.is_loopback() {
            tracing::warn!(
                url = %base_url.base(),
                "the gateway URL is plain ws:// to another machine: the bot token and every event \
                 cross the network unencrypted (use wss://)"
            );
        }
        let queue: Arc<dyn IdentifyQueue> = match (&config.identify_queue, &info) {
            (Some(q), _) => q.clone(),
            (None, Some(i)) => Arc::new(
                LocalIdentifyQueue::new(i.session_start_limit.max_concurrency)
                    .with_start_limit(i.session_start_limit),
            ),
            (None, None) => Arc::new(LocalIdentifyQueue::new(config.max_concurrency)),
        };
        let connector: Arc<dyn Connector> = config
            .connector
            .clone()
            .unwrap_or_else(|| Arc::new(TcpConnector));
        let (target, events, delivery) = match &config.delivery {
            Delivery::Channel(channel) => {
                let (sink, rx) = channel.clone().open();
                (Target::Channel(Arc::new(sink)), Some(rx), None)
            }
            Delivery::Sink(sink) => match DeliveryThread::start(sink) {
                Some((channel, thread)) => (Target::Channel(Arc::new(channel)), None, Some(thread)),
                None => (Target::Sink(Arc::clone(sink)), None, None),
            },
        };
        let (stop_tx, stop_rx) = watch::channel(shard::Stop::Run);
        let status_changed = handle.status_signal();
        let config = Arc::new(config);
        let mut shards = BTreeMap::new();
        let mut commands = Vec::new();
        for id in range {
            let (cmd_tx, cmd_rx) = mpsc::channel(64);
            let saved = config.sessions.get(&id).cloned();
            let shared = Arc::new(shard::ShardShared::new(
                id,
                count,
                cmd_tx,
                saved,
                config.compression,
                status_changed.clone(),
            ));
            shards.insert(id, shared.clone());
            commands.push((shared, cmd_rx));
        }
        let set = Arc::new(ShardSet::new(shards, count, stop_tx));
        if let Some(delivery) = &delivery {
            let set = Arc::clone(&set);
            delivery.stop_with(async move { set.stopped().await });
        }
        handle.attach(Arc::clone(&set))?;
        let tasks = commands
            .into_iter()
            .map(|(shared, commands)| {
                let id = shared.id;
                let task = shard::ShardTask {
                    shared,
                    config: config.clone(),
                    base_url: base_url.clone(),
                    queue: queue.clone(),
                    connector: connector.clone(),
                    target: target.clone(),
                    commands,
                    stop: stop_rx.clone(),
                    resume_failures: 0,
                    warned_foreign_resume: false,
                };
                let set = Arc::clone(&set);
                let task = tokio::spawn(async move {
                    let result = task.run().await;
                    set.shard_ended();
                    result
                });
                (id, task)
            })
            .collect();
        Ok(Self {
            handle: handle.clone(),
            shards: set,
            events,
            taken: Vec::new().into_iter(),
            delivery,
            tasks,
        })
    }

    /// A handle to the shards.
    pub fn handle(&self) -> GatewayHandle {
        self.handle.clone()
    }

    /// The next dispatch of any shard from the built-in channel; `None` once every shard has
    /// stopped (and the channel is empty). With a sink of your own
    /// ([`GatewayConfig::sink`]) it yields nothing and returns `None` once every shard has
    /// stopped.
    ///
    /// A frame counts as consumed once returned here: the shard's session resumes after it.
    pub async fn next_event(&mut self) -> Option<DispatchFrame> {
        if let Some(events) = &mut self.events {
            loop {
                if self.taken.len() == 0 {
                    // A batch at a time: one wake-up and one release of channel slots per batch.
                    let mut batch = Vec::with_capacity(NEXT_EVENT_BATCH);
                    if events.recv_many(&mut batch, NEXT_EVENT_BATCH).await == 0 {
                        return None;
                    }
                    self.taken = batch.into_iter();
                }
                // A frame whose `d` turned out malformed is skipped (consumed).
                if let Some(frame) = self.taken.by_ref().find_map(Queued::take) {
                    return Some(frame);
                }
            }
        }
        self.shards.stopped().await;
        None
    }

    /// How many frames wait for `next_event`: in the built-in channel (at most its
    /// [`capacity`](EventChannel::capacity)) and in the batch `next_event` last took off it (at
    /// most 32); 0 with a sink of your own.
    pub fn queued_events(&self) -> usize {
        self.events.as_ref().map_or(0, mpsc::Receiver::len) + self.taken.len()
    }

    /// Resolves once every shard has stopped.
    pub async fn stopped(&self) {
        self.shards.stopped().await;
    }

    /// What stops the thread feeding the caller's sink, for a caller that joins the shards
    /// first and reads the sessions after the sink has stopped taking frames: closing it then
    /// waits for the frame being delivered, which the sessions must count.
    pub(crate) fn take_delivery(&mut self) -> Option<DeliveryThread> {
        self.delivery.take()
    }

    /// The running shards, for the client hub's report (sessions, events delivered).
    pub(crate) fn shard_set(&self) -> Arc<ShardSet> {
        Arc::clone(&self.shards)
    }

    /// Waits until every shard has stopped; each shard's outcome (a fatal error, or `Ok` when
    /// stopped through the handle).
    pub async fn join(self) -> Vec<(u32, Result<(), GatewayError>)> {
        let mut out = Vec::with_capacity(self.tasks.len());
        for (shard, task) in self.tasks {
            let res = task
                .await
                .unwrap_or_else(|source| Err(GatewayError::ShardTask { shard, source }));
            out.push((shard, res));
        }
        out
    }

    /// Stops every shard keeping their sessions resumable, and returns the sessions (hand them
    /// to [`GatewayConfig::resume_from`] to continue in another process).
    ///
    /// The shards stop reading first. Each session resumes after the last dispatch consumed
    /// (returned by [`Gateway::next_event`], or handed to the sink): frames still waiting in the
    /// channel are dropped here and replayed to the process that resumes.
    pub async fn shutdown(mut self) -> HashMap<u32, Session> {
        let shards = Arc::clone(&self.shards);
        shards.stop(shard::Stop::KeepSession);
        let delivery = self.delivery.take();
        let _ = self.join().await;
        // The frames still queued for the sink are replayed to whoever resumes the sessions.
        if let Some(delivery) = delivery {
            delivery.close();
        }
        shards.sessions()
    }
}

/// `GET /gateway/bot` through the configured REST client (or one built from the token and API
/// base): rate limited, retried on server errors by the client, each attempt bounded by the
/// client's timeout; a timeout or a failed connection is attempted again, up to
/// [`GatewayLimits::gateway_bot_attempts`] times, 1 s then 2 s... apart.
async fn gateway_bot(config: &GatewayConfig) -> Result<GatewayBot, GatewayError> {
    let client = config.rest.clone().unwrap_or_else(|| {
        RestClient::builder(config.token.clone())
            .base_url(config.api_base.clone())
            .build()
    });
    let attempts = config.limits.gateway_bot_attempts.max(1);
    let mut attempt = 1;
    loop {
        let error = match client.gateway_bot().await {
            Ok(info) => return Ok(info),
            Err(RestError::Unauthorized(_) | RestError::TokenInvalidated) => {
                return Err(GatewayError::AuthenticationFailed);
            }
            Err(e @ (RestError::Timeout { .. } | RestError::Transport { .. }))
                if attempt < attempts =>
            {
                e
            }
            Err(other) => return Err(GatewayError::GatewayBot(Box::new(other))),
        };
        let wait = std::time::Duration::from_secs(1 << (attempt - 1).min(5));
        tracing::warn!(attempt, attempts, ?wait, error = %error, "GET /gateway/bot failed; trying again");
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

/// The shard's per-message path (inflate, then the envelope peek) exposed for the
/// `gateway_flood` bench only. Not part of the API.
#[doc(hidden)]
pub mod __bench {
    use super::Compression;
    use super::inflate::Inflater;
    use super::peek;
    use asyncord_model::gateway::EventKind;

    /// One connection's inflate + peek path.
    pub struct ClientPath(Inflater);

    impl ClientPath {
        /// A fresh path for `compression`.
        pub fn new(compression: Compression) -> Option<Self> {
            Inflater::new(
                compression,
                super::GatewayLimits::default().max_message_size,
            )
            .ok()
            .map(Self)
        }

        /// Inflates one message and peeks at it; for a dispatch of a kind `wanted` accepts,
        /// returns `d` (otherwise an empty slice).
        pub fn process<'a>(
            &'a mut self,
            message: &'a [u8],
            wanted: impl Fn(Option<EventKind>) -> bool,
        ) -> Option<(u64, &'a [u8])> {
            let json = self.0.push(message).ok()??;
            let env = peek::envelope(json).ok()?;
            let seq = env.seq?;
            if !wanted(env.kind) {
                return Some((seq, &[]));
            }
            let range = peek::d_span(json, &env.data, usize::MAX).ok()?;
            Some((seq, &json[range]))
        }
    }
}
