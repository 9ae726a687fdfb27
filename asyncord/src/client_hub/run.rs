//! Running one client group: the start-up checks, the gateway configuration derived from the
//! group's settings (its sink is the group's dispatcher), connecting the group's gateway handle,
//! watching its shards, and the graceful shutdown: the shards stop reading and close first, then
//! the dispatcher stops taking events and gives its handlers their time. In that order every
//! dispatch a shard read was handed to the handlers, so the sessions kept for the next process
//! resume exactly after the last event handled.
//!
//! Gateway lifecycle: <https://discord.com/developers/docs/events/gateway#connection-lifecycle>.

use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_model::gateway::EventKind;
use futures_util::FutureExt;
use tokio::sync::watch;
use tokio::task::JoinError;

use super::error::{GroupError, GroupProblem, GroupReport};
use super::group::ClientGroup;
use crate::commands::CommandRegistration;
use crate::commands::registration::register;
use crate::dispatcher::Dispatcher;
use crate::gateway::{Gateway, GatewayConfig, GatewayError, ShardStatus};

/// How long a gateway may take to close (its shards stop reading at once, then send their close
/// frames) before its handlers get their time.
const CLOSE_BOUND: Duration = Duration::from_secs(5);

/// How often the shards' states are checked for a fatal stop.
const SHARD_CHECK: Duration = Duration::from_secs(1);

/// A checked group, ready to connect.
///
/// Its gateway delivers straight into the group's dispatcher (the dispatcher is the gateway's
/// [`EventSink`](crate::gateway::EventSink)): each shard's reader asks the dispatcher which kinds
/// it wants (handlers and `wait_for`s added while running are honoured at once), and the
/// dispatcher parses and starts handlers where the gateway delivers (its delivery thread on a
/// multi-thread runtime). Only a short bounded queue sits between the socket and the handlers,
/// so a flood waits in the socket rather than in memory.
pub(crate) struct GroupRun {
    group: ClientGroup,
    gateway: GatewayConfig,
    keep_sessions: bool,
    commands: CommandRegistration,
    connect_gateway: bool,
    #[cfg(feature = "http-interactions")]
    interactions: Option<crate::interactions::InteractionsConfig>,
}

/// Checks a group's handlers and builds its gateway configuration.
pub(crate) fn prepare(group: ClientGroup) -> Result<GroupRun, Vec<GroupProblem>> {
    let config = group.config();
    let dispatcher = &group.dispatcher;
    let mut problems = Vec::new();
    if let Err(error) = dispatcher.check_arguments() {
        problems.push(GroupProblem {
            group: group.name().to_owned(),
            error,
        });
    }
    let intents = config.resolve_intents(dispatcher.required_intents());
    if let Err(error) = dispatcher.check_commands() {
        problems.push(GroupProblem {
            group: group.name().to_owned(),
            error,
        });
    }
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

    let mut gateway = GatewayConfig::new(group.token().clone(), intents)
        .shards(config.shards.clone())
        .compression(config.compression)
        .rest(group.client.clone())
        .sink(group.dispatcher.clone())
        .limits(config.gateway_limits.clone());
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
    Ok(GroupRun {
        group,
        gateway,
        keep_sessions: config.keep_sessions,
        commands: config.commands,
        connect_gateway: config.connect_gateway,
        #[cfg(feature = "http-interactions")]
        interactions: config.http_interactions,
    })
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
            commands,
            connect_gateway,
            #[cfg(feature = "http-interactions")]
            interactions,
        } = self;
        let name = group.name();
        let handle = &group.gateway;
        // Take events again after an earlier run's shutdown.
        group.dispatcher.reopen();
        // The commands are up to date on Discord before the first interaction can arrive.
        let registered = tokio::select! {
            biased;
            _ = halt.wait_for(|h| *h) => return report(name, Ok(())),
            registered = register(&group.dispatcher, &group.client, &commands) => registered,
        };
        if let Err(e) = registered {
            return report(name, Err(GroupError::Commands(Box::new(e))));
        }
        #[cfg(feature = "redis")]
        let (config, scaled) = {
            let mut config = config;
            let scaled = match group.config().redis {
                Some(scale) => {
                    let prepared = tokio::select! {
                        biased;
                        _ = halt.wait_for(|h| *h) => return report(name, Ok(())),
                        prepared = super::scaled::prepare(&group, &scale, &mut config) => prepared,
                    };
                    match prepared {
                        Ok(scaled) => Some(scaled),
                        Err(e) => return report(name, Err(e)),
                    }
                }
                None => None,
            };
            if scaled.as_ref().is_some_and(|s| !s.runs_gateway()) {
                // A worker only: no shard; its handlers run until the hub stops.
                let finish = async {
                    if let Some(scaled) = scaled {
                        scaled.finish(grace, keep_sessions).await;
                    }
                };
                return serve_until_halted(name, &group.dispatcher, &mut halt, grace, finish).await;
            }
            (config, scaled)
        };
        #[cfg(feature = "http-interactions")]
        let endpoint = match interactions {
            None => None,
            Some(config) => {
                match crate::interactions::InteractionsServer::bind(
                    config,
                    group.dispatcher.clone(),
                    &group.client,
                )
                .await
                {
                    Ok(server) => {
                        group.set_interactions_addr(Some(server.local_addr()));
                        Some(server)
                    }
                    Err(e) => return report(name, Err(GroupError::Interactions(e))),
                }
            }
        };
        if !connect_gateway {
            let stop = async {
                #[cfg(feature = "http-interactions")]
                if let Some(endpoint) = endpoint {
                    stop_endpoint(&group, endpoint, grace).await;
                }
            };
            return serve_until_halted(name, &group.dispatcher, &mut halt, grace, stop).await;
        }
        let connected = tokio::select! {
            biased;
            () = halted(&mut halt) => {
                #[cfg(feature = "http-interactions")]
                if let Some(endpoint) = endpoint {
                    stop_endpoint(&group, endpoint, grace).await;
                }
                return report(name, Ok(()));
            }
            connected = Gateway::connect_with_handle(config, handle) => connected,
        };
        let mut gateway = match connected {
            Ok(g) => g,
            Err(e) => {
                #[cfg(feature = "http-interactions")]
                if let Some(endpoint) = endpoint {
                    stop_endpoint(&group, endpoint, grace).await;
                }
                return report(name, Err(e.into()));
            }
        };
        let shards = gateway.shard_set();
        tracing::info!(group = name, shards = ?handle.shard_ids(), "gateway started");

        let mut health = tokio::time::interval(SHARD_CHECK);
        health.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let halted = loop {
            tokio::select! {
                biased;
                _ = halt.wait_for(|h| *h) => break true,
                () = gateway.stopped() => break false,
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
        if halted {
            if keep_sessions {
                handle.shutdown();
            } else {
                handle.shutdown_and_end_sessions();
            }
        }
        // Reading stops first: each shard aborts its reader before it closes, so every
        // dispatch read was handed to the dispatcher (and the sessions resume after it). Then the
        // dispatcher stops taking events and gives its handlers their time.
        let delivery = gateway.take_delivery();
        let joined = tokio::time::timeout(CLOSE_BOUND, gateway.join()).await;
        #[cfg(feature = "redis")]
        if let Some(scaled) = scaled {
            scaled.finish(grace, keep_sessions).await;
        }
        // The interactions endpoint stops accepting; the requests it is answering finish.
        #[cfg(feature = "http-interactions")]
        if let Some(endpoint) = endpoint {
            stop_endpoint(&group, endpoint, grace).await;
        }
        let cancelled = group.dispatcher.shutdown(grace).await;
        // The dispatcher takes no more frames; the one its delivery thread may still be handing
        // it counts in the sessions once delivered, so the sessions are read after it.
        if let Some(delivery) = delivery {
            delivery.close();
        }
        if cancelled > 0 {
            tracing::warn!(
                group = name,
                cancelled,
                "handlers still running at the shutdown timeout were cancelled"
            );
        }
        let outcome = if let Ok(results) = joined {
            first_error(results)
        } else {
            tracing::error!(group = name, "the gateway did not close in time");
            Ok(())
        };
        let sessions = if keep_sessions {
            shards.sessions()
        } else {
            HashMap::new()
        };
        // The shards detach when they end; one that did not end in time is let go here.
        handle.detach(&shards);
        GroupReport {
            name: name.to_owned(),
            outcome,
            sessions,
            events: shards.delivered(),
            cancelled_handlers: cancelled,
        }
    }
}

/// Stops the group's interactions endpoint: no more connections; the requests in flight get
/// `grace`.
#[cfg(feature = "http-interactions")]
async fn stop_endpoint(
    group: &ClientGroup,
    endpoint: crate::interactions::InteractionsServer,
    grace: Duration,
) {
    endpoint.shutdown(grace).await;
    group.set_interactions_addr(None);
}

/// A group without shards of its own (a worker, or interactions only): its handlers run until
/// the hub stops; then `stop` closes what the group serves, and the handlers get `grace` to
/// finish.
async fn serve_until_halted(
    name: &str,
    dispatcher: &Dispatcher,
    halt: &mut watch::Receiver<bool>,
    grace: Duration,
    stop: impl Future<Output = ()>,
) -> GroupReport {
    halted(halt).await;
    stop.await;
    let cancelled = dispatcher.shutdown(grace).await;
    GroupReport {
        cancelled_handlers: cancelled,
        ..report(name, Ok(()))
    }
}

/// Resolves when the hub halts the group.
async fn halted(halt: &mut watch::Receiver<bool>) {
    let _ = halt.wait_for(|h| *h).await;
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

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::client_hub::{GroupConfig, StopHandle};
    use crate::gateway::GatewayLimits;

    #[test]
    fn the_group_s_gateway_limits_reach_its_gateway() {
        let limits = GatewayLimits {
            max_message_size: 1 << 20,
            max_json_depth: 64,
            saturation_wait: Duration::from_secs(2),
            resume_attempts: 2,
            gateway_bot_attempts: 1,
        };
        let config = GroupConfig::new().gateway_limits(limits.clone());
        let group = ClientGroup::new("bot", "token".into(), config, StopHandle::default(), None);
        let Ok(run) = prepare(group) else {
            panic!("a group without handlers is fine");
        };
        assert_eq!(run.gateway.limits, limits);
    }
}
