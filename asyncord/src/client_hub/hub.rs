//! [`ClientHub`]: many bots in one process. It creates the client groups, checks every group's
//! handlers before connecting anything, runs the groups concurrently, and stops them all
//! gracefully on Ctrl-C, SIGTERM or [`ClientHub::stop`].

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::sync::watch;
use tokio::task::JoinSet;

use super::config::{GroupConfig, HubConfig};
use super::error::{GroupProblem, GroupReport, HubError, RunSummary, StopReason, StoppedWithError};
use super::group::{CLIENT_GROUPS, ClientGroup};
use super::groups::ClientGroups;
use super::run::{self, GroupRun};
use super::signal;
use super::stop::StopHandle;
use crate::Token;
use crate::http::InvalidRequestLimiter;

/// The aggregation point of every bot in the process (the seed's `ClientHub`).
///
/// ```no_run
/// # async fn demo() -> asyncord::Result<()> {
/// use asyncord::ClientHub;
///
/// let mut hub = ClientHub::new();
/// let bot1 = hub.create_client_group("MyBot1", std::env::var("TOKEN1")?)?;
/// let bot2 = hub.create_client_group("MyBot2", std::env::var("TOKEN2")?)?;
/// // bot1.dispatcher.add_handler(...); bot2.dispatcher.add_handler(...);
/// hub.start().await?; // runs until Ctrl-C or hub.stop()
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct ClientHub {
    /// The groups, kept alive by the hub.
    groups: Vec<ClientGroup>,
    /// The same groups as the handlers see them (`client_groups`, held weakly).
    client_groups: ClientGroups,
    config: HubConfig,
    defaults: GroupConfig,
    running: AtomicBool,
    /// One invalid-request budget for every group: Cloudflare counts a machine's invalid
    /// requests per IP, whichever bot sends them.
    invalid_requests: Arc<InvalidRequestLimiter>,
}

impl Default for ClientHub {
    fn default() -> Self {
        Self::new()
    }
}

impl ClientHub {
    /// A hub with the default settings.
    pub fn new() -> Self {
        Self::with_config(HubConfig::default())
    }

    /// A hub with these settings.
    pub fn with_config(config: HubConfig) -> Self {
        Self {
            groups: Vec::new(),
            client_groups: ClientGroups::default(),
            config,
            defaults: GroupConfig::default(),
            running: AtomicBool::new(false),
            invalid_requests: Arc::new(InvalidRequestLimiter::default()),
        }
    }

    /// The hub's settings.
    pub fn config(&self) -> &HubConfig {
        &self.config
    }

    /// Changes the hub's settings.
    pub fn config_mut(&mut self) -> &mut HubConfig {
        &mut self.config
    }

    /// Sets the configuration that [`ClientHub::create_client_group`] gives new groups (for
    /// example every bot talking to the emulator).
    pub fn set_group_defaults(&mut self, defaults: GroupConfig) -> &mut Self {
        self.defaults = defaults;
        self
    }

    /// Creates the group `name` for the bot `token` with the default configuration, and
    /// registers its default arguments `client`, `gateway` and `client_groups`. A name already
    /// in use is an error.
    pub fn create_client_group(
        &mut self,
        name: impl Into<String>,
        token: impl Into<Token>,
    ) -> Result<ClientGroup, HubError> {
        let config = self.defaults.clone();
        self.create_client_group_with(name, token, config)
    }

    /// Creates the group `name` with its own configuration.
    pub fn create_client_group_with(
        &mut self,
        name: impl Into<String>,
        token: impl Into<Token>,
        config: GroupConfig,
    ) -> Result<ClientGroup, HubError> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(HubError::EmptyName);
        }
        if self.groups.iter().any(|g| g.name() == name) {
            return Err(HubError::DuplicateGroup(name));
        }
        let stop = self.client_groups.stop_handle().clone();
        let group = ClientGroup::new(
            &name,
            token.into(),
            config,
            stop,
            Some(&self.invalid_requests),
        );
        group
            .dispatcher
            .add_argument(CLIENT_GROUPS, self.client_groups.clone());
        if !self.client_groups.insert(&group) {
            return Err(HubError::DuplicateGroup(name));
        }
        self.groups.push(group.clone());
        tracing::debug!(group = %name, "client group created");
        Ok(group)
    }

    /// Every group by name (what handlers receive as `client_groups`).
    pub fn client_groups(&self) -> &ClientGroups {
        &self.client_groups
    }

    /// The group called `name`.
    pub fn group(&self, name: &str) -> Option<ClientGroup> {
        self.groups.iter().find(|g| g.name() == name).cloned()
    }

    /// A handle that stops the hub from another task or a handler.
    pub fn stop_handle(&self) -> StopHandle {
        self.client_groups.stop_handle().clone()
    }

    /// Stops the running hub (see [`StopHandle::stop`]).
    pub fn stop(&self) {
        self.client_groups.stop_handle().stop();
    }

    /// Checks every group, then runs them all until Ctrl-C, SIGTERM or [`ClientHub::stop`].
    ///
    /// Before anything connects, every group's handlers are checked: each argument must be
    /// registered with the right type, and the intents must deliver each handled event. All
    /// problems of all groups are returned at once ([`HubError::Invalid`]).
    ///
    /// A group that fails while running (a wrong token, disallowed intents) is logged with its
    /// name; the others keep running unless [`HubConfig::stop_on_group_failure`] is set. On
    /// stop, each gateway stops taking events, handlers in flight get
    /// [`HubConfig::shutdown_timeout`] to finish (the rest are cancelled), and the gateways
    /// close. Returns the summary, or [`HubError::GroupsFailed`] (with the summary) if any
    /// group failed.
    pub async fn start(&self) -> Result<RunSummary, HubError> {
        if self.running.swap(true, Ordering::AcqRel) {
            return Err(HubError::AlreadyRunning);
        }
        let result = self.run().await;
        self.client_groups.stop_handle().reset();
        self.running.store(false, Ordering::Release);
        result
    }

    async fn run(&self) -> Result<RunSummary, HubError> {
        if self.groups.is_empty() {
            return Err(HubError::NoGroups);
        }
        let mut runs = Vec::with_capacity(self.groups.len());
        let mut problems: Vec<GroupProblem> = Vec::new();
        for group in &self.groups {
            match run::prepare(group.clone()) {
                Ok(r) => runs.push(r),
                Err(p) => problems.extend(p),
            }
        }
        if !problems.is_empty() {
            return Err(HubError::Invalid(problems));
        }

        let stop = self.client_groups.stop_handle();
        let mut stop_rx = stop.subscribe();
        let (halt_tx, halt_rx) = watch::channel(false);
        let names: Vec<String> = runs.iter().map(|r| r.name().to_owned()).collect();
        let mut tasks = JoinSet::new();
        for (index, r) in runs.into_iter().enumerate() {
            let halt = halt_rx.clone();
            let grace = self.config.shutdown_timeout;
            tasks.spawn(async move { (index, GroupRun::run(r, halt, grace).await) });
        }
        tracing::info!(groups = ?names, "hub started");

        let mut reports: Vec<Option<GroupReport>> = names.iter().map(|_| None).collect();
        let signals = self.config.handle_signals;
        let mut reason = None;
        let mut signal_wait = std::pin::pin!(signal::wait(signals));
        while reason.is_none() {
            tokio::select! {
                changed = stop_rx.wait_for(|s| *s) => {
                    if changed.is_ok() { reason = Some(StopReason::Requested); }
                }
                name = &mut signal_wait => reason = Some(StopReason::Signal(name)),
                joined = tasks.join_next() => match joined {
                    None => reason = Some(StopReason::AllGroupsEnded),
                    Some(joined) => {
                        let Some((index, report)) = run::joined(joined, &names) else { continue };
                        if let Some(e) = report.outcome.as_ref().err() {
                            tracing::error!(group = %report.name, error = %e, "client group failed");
                            if self.config.stop_on_group_failure {
                                reason = Some(StopReason::GroupFailed(report.name.clone()));
                            }
                        }
                        if let Some(slot) = reports.get_mut(index) { *slot = Some(report); }
                        if tasks.is_empty() && reason.is_none() {
                            reason = Some(StopReason::AllGroupsEnded);
                        }
                    }
                },
            }
        }
        let reason = reason.unwrap_or(StopReason::AllGroupsEnded);
        tracing::info!(%reason, "hub stopping");
        halt_tx.send_replace(true);
        // Each group bounds its own shutdown; this bound only guards against a bug there.
        let bound = self.config.shutdown_timeout + Duration::from_secs(30);
        let drained = tokio::time::timeout(bound, async {
            while let Some(joined) = tasks.join_next().await {
                if let Some((index, report)) = run::joined(joined, &names)
                    && let Some(slot) = reports.get_mut(index)
                {
                    *slot = Some(report);
                }
            }
        })
        .await;
        if drained.is_err() {
            tracing::error!("client groups did not stop in time; aborting them");
            tasks.shutdown().await;
        }
        let summary = RunSummary {
            reason,
            groups: reports
                .into_iter()
                .zip(&names)
                .map(|(r, name)| r.unwrap_or_else(|| run::aborted(name)))
                .collect(),
        };
        tracing::info!("{summary}");
        if let Some(error) = stop.take_error() {
            return Err(HubError::StoppedWithError(StoppedWithError {
                error,
                summary: Box::new(summary),
            }));
        }
        if summary.failures().next().is_some() {
            Err(HubError::GroupsFailed(Box::new(summary)))
        } else {
            Ok(summary)
        }
    }
}
