//! A client group run scaled out on Redis ([`GroupConfig::scale_out`](super::GroupConfig::scale_out)):
//! what its role adds to the plain run. A gateway role asks `GET /gateway/bot` for the shard
//! count and `max_concurrency`, identifies through the shared [`RedisIdentifyQueue`] (with the
//! day's session-start budget), starts each shard from the [`RedisSessionStore`], and hands its
//! dispatches to a [`BusPublisher`] instead of the dispatcher. A worker role feeds the group's
//! dispatcher from a [`BusWorker`]. A worker-only role relays its `gateway` argument's commands
//! through Redis to the gateway processes, which read them and send each on its shard. At
//! shutdown the publisher publishes what it holds, then the worker lets its handlers end and
//! acknowledges them; sessions that were ended (no `keep_sessions`) are removed from the store.
//!
//! Sharding: <https://discord.com/developers/docs/events/gateway#sharding>.

use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use super::error::GroupError;
use super::group::ClientGroup;
use crate::gateway::{Delivery, EventSink, GatewayConfig, GatewayError, Shards};
use crate::redis::{
    BusPublisher, BusWorker, CommandReader, Namespace, RedisCommandRelay, RedisIdentifyQueue,
    RedisSessionStore, ScaleOut,
};

/// How long the publisher may take at shutdown to publish what it holds (the rest is replayed
/// to the next gateway process, which resumes from the stored sessions).
const PUBLISH_BOUND: Duration = Duration::from_secs(5);

/// The parts a scaled-out group runs besides (or instead of) its gateway.
pub(crate) struct Scaled {
    runs_gateway: bool,
    publisher: Option<Arc<BusPublisher>>,
    /// Sends the workers' gateway commands on this process's shards.
    commands: Option<CommandReader>,
    worker: Option<BusWorker>,
    store: RedisSessionStore,
    shards: Range<u32>,
}

/// Sets up the group's scale-out, if it has one: changes `gateway` for a gateway role, starts
/// the worker for a worker role.
pub(crate) async fn prepare(
    group: &ClientGroup,
    scale: &ScaleOut,
    gateway: &mut GatewayConfig,
) -> Result<Scaled, GroupError> {
    let link = scale.link()?;
    let namespace = scale
        .namespace
        .clone()
        .unwrap_or_else(|| Namespace::for_token(group.token()));
    let store = RedisSessionStore::new(link.clone(), namespace.clone());
    let mut scaled = Scaled {
        runs_gateway: scale.role.runs_gateway(),
        publisher: None,
        commands: None,
        worker: None,
        store,
        shards: 0..0,
    };
    if scale.role.runs_gateway() {
        let info = group
            .client
            .gateway_bot()
            .await
            .map_err(|e| GroupError::Gateway(GatewayError::GatewayBot(Box::new(e))))?;
        let limit = info.session_start_limit;
        let (count, range) = match &gateway.shards {
            Shards::Fixed { count, range } => (*count, range.clone()),
            Shards::Auto => (info.shards.max(1), 0..info.shards.max(1)),
        };
        if gateway.url.is_none() {
            gateway.url = Some(info.url.clone());
        }
        let queue = RedisIdentifyQueue::new(link.clone(), namespace.clone(), limit.max_concurrency)
            .with_start_limit(limit)
            .await?;
        let mut sessions = scaled.store.load(count, range.clone()).await?;
        // Sessions handed in explicitly win over the stored ones.
        sessions.extend(gateway.sessions.drain());
        tracing::info!(
            group = group.name(),
            shards = ?range,
            of = count,
            resuming = sessions.len(),
            "gateway role: sessions and identify queue in Redis, dispatches to the event bus"
        );
        let publisher = Arc::new(BusPublisher::start(
            link.clone(),
            namespace.clone(),
            &scale.bus,
            count,
            sessions.clone(),
            scale.bus.interest(),
        ));
        gateway.shards = Shards::Fixed {
            count,
            range: range.clone(),
        };
        gateway.max_concurrency = limit.max_concurrency;
        gateway.sessions = sessions;
        gateway.identify_queue = Some(Arc::new(queue));
        gateway.delivery = Delivery::Sink(Arc::clone(&publisher) as Arc<dyn EventSink>);
        scaled.publisher = Some(publisher);
        scaled.shards = range;
        scaled.commands =
            Some(CommandReader::start(link.clone(), &namespace, group.gateway.clone()).await?);
    } else {
        group
            .gateway
            .set_relay(Arc::new(RedisCommandRelay::new(link.clone(), &namespace)));
    }
    if scale.role.runs_handlers() {
        tracing::info!(
            group = group.name(),
            "worker role: handlers run on the event bus's dispatches"
        );
        scaled.worker = Some(BusWorker::start(
            link,
            &namespace,
            scale.bus.clone(),
            group.dispatcher.clone(),
        ));
    }
    Ok(scaled)
}

impl Scaled {
    /// Whether the group runs shards here.
    pub(crate) fn runs_gateway(&self) -> bool {
        self.runs_gateway
    }

    /// After the shards stopped: publishes what the publisher holds, lets the worker's handlers
    /// end (for at most `grace`), and removes the sessions that were ended.
    pub(crate) async fn finish(self, grace: Duration, sessions_kept: bool) {
        if let Some(commands) = self.commands {
            commands.stop().await;
        }
        if let Some(publisher) = &self.publisher {
            publisher.finish(PUBLISH_BOUND).await;
            if !sessions_kept && let Err(e) = self.store.remove(self.shards.clone()).await {
                tracing::warn!(error = %e, "the ended sessions could not be removed from Redis: the next process tries to resume them, and identifies");
            }
        }
        if let Some(worker) = &self.worker {
            worker.stop(grace).await;
        }
    }
}
