//! Running one client group: the start-up checks, the gateway configuration derived from the
//! group's settings and handlers, the loop feeding dispatches to the dispatcher, and the
//! graceful shutdown (stop taking events, give handlers their time, close the gateway).
//!
//! Gateway lifecycle: <https://discord.com/developers/docs/events/gateway#connection-lifecycle>.

use std::collections::HashMap;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_model::gateway::EventKind;
use futures_util::FutureExt;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinError;

use super::error::{GroupError, GroupProblem, GroupReport};
use super::group::ClientGroup;
use super::hub::GATEWAY;
use crate::dispatcher::DispatchError;
use crate::gateway::{
    DispatchFrame, EventSink, Gateway, GatewayConfig, GatewayError, GatewayHandle, ShardStatus,
};

/// How long a gateway may take to close after its handlers' time is up.
const CLOSE_BOUND: Duration = Duration::from_secs(5);

/// How often the shards' states are checked for a fatal stop.
const SHARD_CHECK: Duration = Duration::from_secs(1);

/// A checked group, ready to connect.
pub(crate) struct GroupRun {
    group: ClientGroup,
    gateway: GatewayConfig,
    keep_sessions: bool,
    feed: Feed,
}

/// How dispatches reach the group's dispatcher: on each shard's reader task (the gateway's
/// sink), straight into [`Dispatcher::dispatch`](crate::dispatcher::Dispatcher::dispatch), which
/// only parses and spawns. No queue sits between the socket and the handlers, so a flood waits
/// in the socket rather than in memory, and the gateway's filter drops unwanted kinds right
/// after the envelope peek.
///
/// The gate opens once the `gateway` argument is registered; a frame arriving before that (the
/// shards start connecting as soon as the gateway exists) is parked in `early` and dispatched by
/// the group's loop. It closes when the group stops taking events.
struct Feed {
    open: Arc<AtomicBool>,
    events: Arc<AtomicU64>,
    early: mpsc::UnboundedReceiver<DispatchFrame>,
}

impl Feed {
    /// Wires `gateway` to `dispatcher` through a gated sink and a live filter.
    fn wire(
        gateway: GatewayConfig,
        dispatcher: &crate::dispatcher::Dispatcher,
    ) -> (GatewayConfig, Self) {
        let (early_tx, early) = mpsc::unbounded_channel();
        let sink = GroupSink {
            open: Arc::new(AtomicBool::new(false)),
            events: Arc::new(AtomicU64::new(0)),
            early: early_tx,
            dispatcher: dispatcher.clone(),
        };
        let feed = Self {
            open: sink.open.clone(),
            events: sink.events.clone(),
            early,
        };
        let wants = dispatcher.clone();
        let gateway = gateway
            // Read per frame: handlers and `wait_for`s added while running are honoured at once.
            .filter(move |kind| wants.wants(kind))
            .sink(sink);
        (gateway, feed)
    }
}

/// The group's gateway sink: the dispatcher (with its backpressure) behind the start-up gate.
struct GroupSink {
    open: Arc<AtomicBool>,
    events: Arc<AtomicU64>,
    early: mpsc::UnboundedSender<DispatchFrame>,
    dispatcher: crate::dispatcher::Dispatcher,
}

impl EventSink for GroupSink {
    fn deliver(&self, frame: DispatchFrame) {
        if self.open.load(Ordering::Acquire) {
            self.events.fetch_add(1, Ordering::Relaxed);
            self.dispatcher.deliver(frame);
        } else {
            // Before start-up finished, or after the group stopped taking events (then the
            // receiver is gone and the frame is dropped, as intended).
            let _ = self.early.send(frame);
        }
    }

    fn is_saturated(&self) -> bool {
        self.dispatcher.is_saturated()
    }

    fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        self.dispatcher.unsaturated()
    }
}

/// Checks a group's handlers and builds its gateway configuration.
pub(crate) fn prepare(group: ClientGroup) -> Result<GroupRun, Vec<GroupProblem>> {
    let config = group.config();
    let dispatcher = &group.dispatcher;
    let mut problems = Vec::new();
    if let Err(error) = check_arguments(&group) {
        problems.push(GroupProblem {
            group: group.name().to_owned(),
            error,
        });
    }
    let intents = config.resolve_intents(dispatcher.required_intents());
    if let Err(error) = dispatcher.check_intents(intents) {
        problems.push(GroupProblem {
            group: group.name().to_owned(),
            error,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    tracing::debug!(group = group.name(), ?intents, "client group checked");
    let message_events = [EventKind::MessageCreate, EventKind::MessageUpdate];
    if !intents.contains(Intents::MESSAGE_CONTENT)
        && dispatcher
            .wanted_events()
            .iter()
            .any(|k| message_events.contains(&k))
    {
        tracing::info!(
            group = group.name(),
            "message handlers without the MESSAGE_CONTENT intent: content, embeds, attachments \
             and components are empty except in DMs and messages that mention the bot; enable \
             it in the developer portal and add Intents::MESSAGE_CONTENT to the group's intents"
        );
    }

    let mut gateway = GatewayConfig::new(group.token(), intents)
        .shards(config.shards.clone())
        .compression(config.compression);
    gateway.presence.clone_from(&config.presence);
    gateway.large_threshold = config.large_threshold;
    gateway.url.clone_from(&config.gateway_url);
    gateway.api_base.clone_from(&config.api_base);
    for (shard, session) in &config.resume_sessions {
        gateway = gateway.resume_from(*shard, session.clone());
    }
    if let Some(connector) = &config.gateway_connector {
        gateway = gateway.connector(connector.clone());
    }
    let (gateway, feed) = Feed::wire(gateway, group.dispatcher.dispatcher());
    Ok(GroupRun {
        group,
        gateway,
        keep_sessions: config.keep_sessions,
        feed,
    })
}

/// The argument check, except for `gateway`: its handle exists only once the gateway runs, and
/// the hub registers it then, before the first event.
fn check_arguments(group: &ClientGroup) -> Result<(), DispatchError> {
    match group.dispatcher.check_arguments() {
        Ok(()) => Ok(()),
        Err(DispatchError::Arguments(problems)) => {
            let gateway_type = std::any::type_name::<GatewayHandle>();
            let left: Vec<_> = problems
                .into_iter()
                .filter(|p| {
                    !(p.argument == GATEWAY && p.registered.is_none() && p.expected == gateway_type)
                })
                .collect();
            if left.is_empty() {
                Ok(())
            } else {
                Err(DispatchError::Arguments(left))
            }
        }
        Err(other) => Err(other),
    }
}

impl GroupRun {
    pub(crate) fn name(&self) -> &str {
        self.group.name()
    }

    /// Runs the group until `halt` or until its gateway ends; never panics (a panic inside is
    /// reported as the group's failure).
    pub(crate) async fn run(self, halt: watch::Receiver<bool>, grace: Duration) -> GroupReport {
        let name = self.group.name().to_owned();
        match AssertUnwindSafe(self.run_inner(halt, grace))
            .catch_unwind()
            .await
        {
            Ok(report) => report,
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "<non-string panic payload>".to_owned());
                report(&name, Err(GroupError::Panicked(message)))
            }
        }
    }

    async fn run_inner(self, mut halt: watch::Receiver<bool>, grace: Duration) -> GroupReport {
        let Self {
            group,
            gateway: config,
            keep_sessions,
            mut feed,
        } = self;
        let name = group.name();
        let connected = tokio::select! {
            biased;
            _ = halt.wait_for(|h| *h) => return report(name, Ok(())),
            connected = Gateway::connect(config) => connected,
        };
        let mut gateway = match connected {
            Ok(g) => g,
            Err(e) => return report(name, Err(e.into())),
        };
        let handle = gateway.handle();
        group.dispatcher.add_argument(GATEWAY, handle.clone());
        group.gateway.set(Some(handle.clone()));
        tracing::info!(group = name, shards = ?handle.shard_ids(), "gateway started");
        feed.open.store(true, Ordering::Release);

        let mut early_events = 0u64;
        let mut health = tokio::time::interval(SHARD_CHECK);
        health.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let halted = loop {
            tokio::select! {
                biased;
                _ = halt.wait_for(|h| *h) => break true,
                Some(frame) = feed.early.recv() => {
                    early_events += 1;
                    group.dispatcher.dispatch(frame);
                }
                // The sink takes every dispatch, so the queue never yields a frame: it only
                // ends, once every shard stopped.
                None = gateway.next_event() => break false,
                _ = health.tick() => {
                    // One shard stopped on a fatal close code (4004, 4010-4014): the bot cannot
                    // run as configured, so its other shards stop too and the group fails.
                    if handle.shards().iter().any(|s| matches!(s.status, ShardStatus::Stopped(Some(_)))) {
                        handle.shutdown_and_end_sessions();
                        break false;
                    }
                }
            }
        };
        // Stop taking events: from here on frames still arriving are dropped.
        feed.open.store(false, Ordering::Release);
        drop(feed.early);
        let events = early_events + feed.events.load(Ordering::Relaxed);
        if halted {
            if keep_sessions {
                handle.shutdown();
            } else {
                handle.shutdown_and_end_sessions();
            }
        }
        let tracker = group.dispatcher.tracker();
        let (finished, shards) = tokio::join!(
            tracker.wait_idle(grace),
            tokio::time::timeout(grace + CLOSE_BOUND, gateway.join())
        );
        let mut cancelled = 0;
        if !finished {
            cancelled = tracker.running();
            tracing::warn!(
                group = name,
                cancelled,
                "cancelling handlers still running at the shutdown timeout"
            );
            tracker.cancel_running();
            tracker.wait_idle(Duration::from_secs(1)).await;
        }
        let outcome = if let Ok(results) = shards {
            first_error(results)
        } else {
            tracing::error!(group = name, "the gateway did not close in time");
            Ok(())
        };
        let sessions = if keep_sessions {
            handle.sessions()
        } else {
            HashMap::new()
        };
        group.gateway.set(None);
        GroupReport {
            name: name.to_owned(),
            outcome,
            sessions,
            events,
            cancelled_handlers: cancelled,
        }
    }
}

fn first_error(results: Vec<(u32, Result<(), GatewayError>)>) -> Result<(), GroupError> {
    for (shard, result) in results {
        if let Err(e) = result {
            tracing::debug!(shard, error = %e, "shard stopped on an error");
            return Err(e.into());
        }
    }
    Ok(())
}

fn report(name: &str, outcome: Result<(), GroupError>) -> GroupReport {
    GroupReport {
        name: name.to_owned(),
        outcome,
        sessions: HashMap::new(),
        events: 0,
        cancelled_handlers: 0,
    }
}

/// The report of a group task that was aborted (its index is then unknown to the hub).
pub(crate) fn aborted(name: &str) -> GroupReport {
    report(
        name,
        Err(GroupError::Panicked(
            "the group's task was aborted after the hub's shutdown bound".to_owned(),
        )),
    )
}

/// Turns a finished group task into its report.
pub(crate) fn joined(
    joined: Result<(usize, GroupReport), JoinError>,
    names: &[String],
) -> Option<(usize, GroupReport)> {
    match joined {
        Ok(done) => Some(done),
        Err(e) => {
            tracing::error!(error = %e, groups = ?names, "a client group task ended abnormally");
            None
        }
    }
}
