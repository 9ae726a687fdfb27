//! The gateway client: shards that connect, identify or resume, heartbeat, and reconnect through
//! every recoverable fault without losing or repeating an event
//! ([Discord docs](https://discord.com/developers/docs/events/gateway)).
//!
//! [`Gateway::connect`] starts the shards of a [`GatewayConfig`]; dispatches arrive as
//! [`DispatchFrame`]s (the raw JSON of `d`, ready for simd-json) on [`Gateway::next_event`], and
//! a [`GatewayHandle`] sends commands and reads shard state. Frames of events the consumer did not
//! ask for are dropped after a peek at `op`/`s`/`t`, without parsing `d`.
//!
//! ```no_run
//! # async fn demo() -> Result<(), asyncord::gateway::GatewayError> {
//! use asyncord::gateway::{Gateway, GatewayConfig};
//! use asyncord::model::Intents;
//!
//! let mut gateway = Gateway::connect(GatewayConfig::new("token", Intents::GUILDS)).await?;
//! while let Some(event) = gateway.next_event().await {
//!     println!("{} #{} on shard {}", event.name, event.seq, event.shard_id);
//! }
//! # Ok(()) }
//! ```

mod config;
mod error;
mod handle;
mod inflate;
mod info;
mod limiter;
mod negotiation;
mod peek;
mod queue;
mod reader;
mod shard;
pub(crate) mod transport;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use asyncord_model::gateway::EventKind;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

pub use config::{Compression, EventFilter, EventSink, GatewayConfig, Session, Shards};
pub use error::GatewayError;
pub use handle::{GatewayHandle, ShardInfo};
pub use info::{GatewayBotInfo, fetch_gateway_bot};
pub use queue::{IDENTIFY_INTERVAL, IdentifyQueue, LocalIdentifyQueue, SessionStartLimit};
pub use reader::SATURATION_WAIT;
pub use shard::ShardStatus;
pub use transport::{
    BoxedStream, ConnectFuture, Connector, GatewayStream, GatewayUrl, TcpConnector,
};

/// One dispatch (op 0) as received, with `d` still unparsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DispatchFrame {
    /// The shard it arrived on.
    pub shard_id: u32,
    /// Its sequence number.
    pub seq: u64,
    /// The event, `None` for a name this version does not know.
    pub kind: Option<EventKind>,
    /// The `t` name.
    pub name: Cow<'static, str>,
    /// The JSON bytes of `d`.
    pub data: Vec<u8>,
}

/// Running shards: their dispatches, a handle, and their outcome.
pub struct Gateway {
    handle: GatewayHandle,
    events: mpsc::UnboundedReceiver<DispatchFrame>,
    tasks: Vec<(u32, JoinHandle<Result<(), GatewayError>>)>,
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway")
            .field("handle", &self.handle)
            .finish_non_exhaustive()
    }
}

impl Gateway {
    /// Resolves the shard count and URL (`GET /gateway/bot` unless both are configured) and
    /// starts this process's shards. Returns at once; shards connect in the background.
    pub async fn connect(config: GatewayConfig) -> Result<Self, GatewayError> {
        let needs_info = config.url.is_none() || config.shards == Shards::Auto;
        let info = if needs_info {
            Some(fetch_gateway_bot(&config.api_base, config.token()).await?)
        } else {
            None
        };
        let (count, range) = match (&config.shards, &info) {
            (Shards::Fixed { count, range }, _) => (*count, range.clone()),
            (Shards::Auto, Some(i)) => (i.shards, 0..i.shards),
            (Shards::Auto, None) => (1, 0..1),
        };
        if count == 0 || range.is_empty() || range.end > count {
            return Err(GatewayError::InvalidConfig(format!(
                "shard range {range:?} does not fit a shard count of {count}"
            )));
        }
        let url_text = config
            .url
            .clone()
            .or_else(|| info.as_ref().map(|i| i.url.clone()))
            .unwrap_or_else(|| "wss://gateway.discord.gg".to_owned());
        let base_url = GatewayUrl::parse(&url_text)?;
        let queue: Arc<dyn IdentifyQueue> = match (&config.identify_queue, &info) {
            (Some(q), _) => q.clone(),
            (None, Some(i)) => Arc::new(
                LocalIdentifyQueue::new(i.max_concurrency).with_start_limit(i.session_start_limit),
            ),
            (None, None) => Arc::new(LocalIdentifyQueue::new(config.max_concurrency)),
        };
        let connector: Arc<dyn Connector> = config
            .connector
            .clone()
            .unwrap_or_else(|| Arc::new(TcpConnector));
        let (tx, events) = mpsc::unbounded_channel();
        let output = reader::Output {
            tx,
            events: config.events,
            unknown: config.unknown_events,
            filter: config.filter.clone(),
            sink: config.sink.clone(),
        };
        let (stop_tx, stop_rx) = watch::channel(shard::Stop::Run);
        let status_changed = Arc::new(watch::Sender::new(()));
        let config = Arc::new(config);
        let mut shards = BTreeMap::new();
        let mut tasks = Vec::new();
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
            let task = shard::ShardTask {
                shared,
                config: config.clone(),
                base_url: base_url.clone(),
                queue: queue.clone(),
                connector: connector.clone(),
                output: output.clone(),
                commands: cmd_rx,
                stop: stop_rx.clone(),
            };
            tasks.push((id, tokio::spawn(task.run())));
        }
        let handle = GatewayHandle {
            inner: Arc::new(handle::HandleInner {
                shards,
                count,
                stop: stop_tx,
                status_changed,
            }),
        };
        Ok(Self {
            handle,
            events,
            tasks,
        })
    }

    /// A handle to the shards.
    pub fn handle(&self) -> GatewayHandle {
        self.handle.clone()
    }

    /// The next dispatch of any shard; `None` once every shard has stopped.
    pub async fn next_event(&mut self) -> Option<DispatchFrame> {
        self.events.recv().await
    }

    /// The receiver of dispatches, to hand to a consumer.
    pub fn events(&mut self) -> &mut mpsc::UnboundedReceiver<DispatchFrame> {
        &mut self.events
    }

    /// Waits until every shard has stopped; each shard's outcome (a fatal error, or `Ok` when
    /// stopped through the handle).
    pub async fn join(self) -> Vec<(u32, Result<(), GatewayError>)> {
        let mut out = Vec::with_capacity(self.tasks.len());
        for (id, task) in self.tasks {
            let res = task.await.unwrap_or_else(|e| {
                Err(GatewayError::InvalidConfig(format!(
                    "shard task ended abnormally: {e}"
                )))
            });
            out.push((id, res));
        }
        out
    }

    /// Stops every shard keeping their sessions resumable, and returns the sessions (hand them
    /// to [`GatewayConfig::resume_from`] to continue in another process).
    pub async fn shutdown(self) -> HashMap<u32, Session> {
        let handle = self.handle.clone();
        handle.shutdown();
        let _ = self.join().await;
        handle.sessions()
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
            Inflater::new(compression).ok().map(Self)
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
            let range = peek::d_span(json, &env.data).ok()?;
            Some((seq, &json[range]))
        }
    }
}
