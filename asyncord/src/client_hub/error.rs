//! What the hub reports: [`HubError`] (it could not start, or a group failed), and the
//! [`RunSummary`] of a run with one [`GroupReport`] per group.

use std::collections::HashMap;
use std::fmt::{self, Write as _};

use crate::dispatcher::DispatchError;
use crate::gateway::{GatewayError, Session};

/// Why the hub stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StopReason {
    /// [`ClientHub::stop`](super::ClientHub::stop) or a [`StopHandle`](super::StopHandle).
    Requested,
    /// A signal: `"SIGINT"` (Ctrl-C) or `"SIGTERM"`.
    Signal(&'static str),
    /// Every group ended on its own (each failed, or its gateway stopped).
    AllGroupsEnded,
    /// A group failed and [`HubConfig::stop_on_group_failure`](super::HubConfig) is set.
    GroupFailed(String),
}

impl fmt::Display for StopReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Requested => f.write_str("stop was requested"),
            Self::Signal(name) => write!(f, "received {name}"),
            Self::AllGroupsEnded => f.write_str("every group ended"),
            Self::GroupFailed(name) => write!(f, "group {name:?} failed"),
        }
    }
}

/// Why one group failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GroupError {
    /// The gateway could not start (`GET /gateway/bot` failed: often a wrong token) or a shard
    /// stopped on a fatal close code (4004 authentication failed, 4014 disallowed intents...).
    #[error("{0}")]
    Gateway(#[from] GatewayError),
    /// The group's application commands could not be registered when it started.
    #[error("{0}")]
    Commands(Box<crate::commands::RegistrationError>),
    /// Redis could not be used to start the group scaled out (feature `redis`).
    #[cfg(feature = "redis")]
    #[error("{0}")]
    Redis(#[from] crate::redis::RedisError),
    /// The group's task panicked or was aborted (a bug: please report it).
    #[error("the group's task ended abnormally: {0}")]
    Panicked(String),
    /// The group's interactions endpoint could not listen on its address.
    #[cfg(feature = "http-interactions")]
    #[error("the interactions endpoint could not listen: {0}")]
    Interactions(#[source] std::io::Error),
}

/// How one group's run ended.
#[derive(Debug)]
pub struct GroupReport {
    /// The group's name.
    pub name: String,
    /// `Ok` when it stopped because the hub stopped; the error that ended it otherwise.
    pub outcome: Result<(), GroupError>,
    /// The resumable sessions by shard, when the group keeps its sessions on shutdown.
    pub sessions: HashMap<u32, Session>,
    /// How many gateway dispatches were handed to the dispatcher.
    pub events: u64,
    /// How many handler calls were still running at the shutdown timeout and were cancelled.
    pub cancelled_handlers: usize,
}

impl GroupReport {
    /// Whether the group failed.
    pub fn failed(&self) -> bool {
        self.outcome.is_err()
    }
}

/// What a hub run did: why it stopped, and how each group ended.
#[derive(Debug)]
pub struct RunSummary {
    /// Why the hub stopped.
    pub reason: StopReason,
    /// One report per group, in the order the groups were created.
    pub groups: Vec<GroupReport>,
}

impl RunSummary {
    /// The report of the group `name`.
    pub fn group(&self, name: &str) -> Option<&GroupReport> {
        self.groups.iter().find(|g| g.name == name)
    }

    /// The groups that failed.
    pub fn failures(&self) -> impl Iterator<Item = &GroupReport> {
        self.groups.iter().filter(|g| g.failed())
    }
}

impl fmt::Display for RunSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the hub stopped ({})", self.reason)?;
        for g in &self.groups {
            match &g.outcome {
                Ok(()) => write!(f, "\n  - {:?}: stopped, {} events", g.name, g.events)?,
                Err(e) => write!(f, "\n  - {:?}: failed: {e}", g.name)?,
            }
            if g.cancelled_handlers > 0 {
                write!(
                    f,
                    " ({} handler call(s) cancelled at the shutdown timeout)",
                    g.cancelled_handlers
                )?;
            }
        }
        Ok(())
    }
}

/// A group's handlers cannot run as registered: found before connecting.
#[derive(Debug)]
pub struct GroupProblem {
    /// The group's name.
    pub group: String,
    /// What the dispatcher found.
    pub error: DispatchError,
}

/// An error of the hub.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HubError {
    /// `create_client_group` was called with a name already in use.
    #[error("a client group named {0:?} already exists; give each group its own name")]
    DuplicateGroup(String),
    /// `create_client_group` was called with an empty name.
    #[error("a client group needs a non-empty name")]
    EmptyName,
    /// `start()` was called on a hub without groups.
    #[error("the hub has no client groups: call create_client_group(name, token) before start()")]
    NoGroups,
    /// `start()` was called while the hub runs.
    #[error("the hub is already running")]
    AlreadyRunning,
    /// Some group's handlers take arguments that are not registered, or handle events the
    /// intents cannot deliver. Nothing was connected.
    #[error("{}", list_problems(.0))]
    Invalid(Vec<GroupProblem>),
    /// One or more groups failed while running (the summary names each and why).
    #[error("{0}")]
    GroupsFailed(Box<RunSummary>),
    /// [`StopHandle::stop_with_error`](super::StopHandle::stop_with_error) stopped the hub.
    #[error(transparent)]
    StoppedWithError(StoppedWithError),
}

/// The hub was stopped by [`StopHandle::stop_with_error`](super::StopHandle::stop_with_error):
/// the error it was given, and the run's summary.
///
/// Its message is the error's, after "the hub was stopped because of an error"; its
/// [`source`](std::error::Error::source) is that error's own source.
pub struct StoppedWithError {
    /// The error given to `stop_with_error`.
    pub error: Box<dyn std::error::Error + Send + Sync + 'static>,
    /// The summary of the run it ended.
    pub summary: Box<RunSummary>,
}

impl fmt::Display for StoppedWithError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the hub was stopped because of an error: {}", self.error)
    }
}

impl fmt::Debug for StoppedWithError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoppedWithError")
            .field("error", &self.error)
            .field("summary", &self.summary)
            .finish()
    }
}

impl std::error::Error for StoppedWithError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // The error's message is already part of ours: its causes come next.
        self.error.source()
    }
}

impl HubError {
    /// The summary of the run, when groups failed while running or the hub was stopped with an
    /// error.
    pub fn summary(&self) -> Option<&RunSummary> {
        match self {
            Self::GroupsFailed(summary) => Some(summary),
            Self::StoppedWithError(stopped) => Some(&stopped.summary),
            _ => None,
        }
    }
}

fn list_problems(problems: &[GroupProblem]) -> String {
    let mut out = String::from("the hub did not start:");
    for p in problems {
        let text = p.error.to_string().replace('\n', "\n    ");
        let _ = write!(out, "\n  group {:?}: {text}", p.group);
    }
    out
}
