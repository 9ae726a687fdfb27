//! The dispatcher's errors: start-up checks ([`DispatchError`]), arguments that cannot be
//! resolved for one call ([`InjectError`]), failures of a handler ([`HandlerFailure`]) and
//! [`WaitError`] for [`Dispatcher::wait_for`](super::Dispatcher::wait_for).

use std::fmt;
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_model::gateway::EventKind;

/// What a handler returns on failure: any error type converts into it with `?`.
pub type HandlerError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The return type of a handler: `Ok(())` or an error that is logged and sent to the error hook.
pub type HandlerResult<T = ()> = Result<T, HandlerError>;

/// An error of the dispatcher itself, found before connecting or while reading a frame.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DispatchError {
    /// One or more handlers take an argument that is not registered, or registered with another
    /// type. Register it with `dispatcher.add_argument(name, value)` before starting the bot.
    #[error("{}", list_problems(.0))]
    Arguments(Vec<ArgumentProblem>),
    /// The intents the bot connects with cannot deliver the event of some handler.
    #[error("{}", list_intents(.0))]
    Intents(Vec<IntentProblem>),
    /// Application commands or components that Discord would refuse, or whose parameters take
    /// arguments that are not registered (see [`CommandProblem`](crate::commands::CommandProblem)).
    #[error("{}", list_commands(.0))]
    Commands(Vec<crate::commands::CommandProblem>),
    /// A dispatch's `d` did not match the event type; the event was dropped for typed handlers
    /// and handed to raw handlers.
    #[error(
        "could not parse the `{event}` event as `{type_name}`{}: {message} (raw handlers still \
         receive it; please report this payload)",
        .path.as_deref().map(|p| format!(" at `{p}`")).unwrap_or_default()
    )]
    Parse {
        /// The `t` name of the dispatch.
        event: String,
        /// The Rust type it was parsed into.
        type_name: &'static str,
        /// The parser's message (it names the field when serde knows it).
        message: String,
        /// The JSON path of the value that did not fit (`.author.id`), when the parser gave a
        /// position.
        path: Option<String>,
    },
}

fn list_problems(problems: &[ArgumentProblem]) -> String {
    let mut out = format!("{} handler argument problem(s):", problems.len());
    for p in problems {
        out.push_str("\n  - ");
        out.push_str(&p.to_string());
    }
    out
}

fn list_commands(problems: &[crate::commands::CommandProblem]) -> String {
    let mut out = format!("{} application command problem(s):", problems.len());
    for p in problems {
        out.push_str("\n  - ");
        out.push_str(&p.to_string());
    }
    out
}

fn list_intents(problems: &[IntentProblem]) -> String {
    let mut out = String::from("the gateway intents cannot deliver some handlers' events:");
    for p in problems {
        out.push_str("\n  - ");
        out.push_str(&p.to_string());
    }
    out
}

/// Why one handler parameter cannot be resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgumentProblem {
    /// The handler's name.
    pub handler: &'static str,
    /// The handler's parameter.
    pub parameter: &'static str,
    /// The `#[inject]` type the argument is a field of, if it is not the parameter itself.
    pub via: Option<&'static str>,
    /// The argument name looked up in the registry.
    pub argument: &'static str,
    /// The type the handler expects.
    pub expected: &'static str,
    /// The type registered under that name; `None` when nothing is registered.
    pub registered: Option<&'static str>,
}

impl fmt::Display for ArgumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "handler `{}`, parameter `{}`",
            self.handler, self.parameter
        )?;
        if let Some(via) = self.via {
            write!(f, " (field `{}` of `{via}`)", self.argument)?;
        }
        match self.registered {
            None => write!(
                f,
                ": no argument named `{}` is registered (expected type `{}`); call \
                 `dispatcher.add_argument(\"{}\", value)` before starting",
                self.argument, self.expected, self.argument
            ),
            Some(registered) => write!(
                f,
                ": argument `{}` is registered as `{registered}` but the handler expects `{}`",
                self.argument, self.expected
            ),
        }
    }
}

/// A handler event that the configured intents do not deliver.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntentProblem {
    /// The event.
    pub event: EventKind,
    /// The handlers of that event.
    pub handlers: Vec<&'static str>,
    /// The intents that deliver it (any one is enough); none of them is enabled.
    pub missing: Intents,
}

impl fmt::Display for IntentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` (handled by {}) needs the intent {}; add it to the bot's intents",
            self.event.name(),
            quoted(&self.handlers),
            intent_names(self.missing, " or ")
        )
    }
}

/// A handler event that the configured intents deliver only in part (for example
/// `MESSAGE_CREATE` with `GUILD_MESSAGES` but without `DIRECT_MESSAGES`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IntentWarning {
    /// The event.
    pub event: EventKind,
    /// The handlers of that event.
    pub handlers: Vec<&'static str>,
    /// The enabled intents that deliver it.
    pub enabled: Intents,
    /// The other intents that also deliver it (from other places: DMs, ...).
    pub missing: Intents,
}

impl fmt::Display for IntentWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` (handled by {}) is delivered by {} (enabled) and also by {} (not enabled): \
             add {} to receive it from there too",
            self.event.name(),
            quoted(&self.handlers),
            intent_names(self.enabled, ", "),
            intent_names(self.missing, ", "),
            intent_names(self.missing, " and ")
        )
    }
}

fn quoted(names: &[&'static str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `GUILD_MESSAGES or DIRECT_MESSAGES`.
pub(crate) fn intent_names(intents: Intents, sep: &str) -> String {
    let names: Vec<&str> = intents.iter_names().map(|(n, _)| n).collect();
    if names.is_empty() {
        format!("{:#x}", intents.bits())
    } else {
        names.join(sep)
    }
}

/// Why an argument could not be produced for one handler call. The handler is not run; the
/// error goes to the error hook.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InjectError {
    /// No argument with this name is registered.
    #[error(
        "no argument named `{name}` is registered (expected `{expected}`); call \
         `dispatcher.add_argument(\"{name}\", value)`"
    )]
    Missing {
        /// The argument's name.
        name: String,
        /// The type asked for.
        expected: &'static str,
    },
    /// The argument is registered with another type.
    #[error("argument `{name}` is registered as `{registered}`, not `{expected}`")]
    WrongType {
        /// The argument's name.
        name: String,
        /// The type asked for.
        expected: &'static str,
        /// The registered type.
        registered: &'static str,
    },
    /// An [`Inject`](super::Inject) impl needs another event than the one being handled.
    #[error("`{injected}` cannot be computed from a `{event}` event (it expects `{expected}`)")]
    WrongEvent {
        /// The injected type.
        injected: &'static str,
        /// The event being handled.
        event: String,
        /// The event type it expects.
        expected: &'static str,
    },
    /// An [`Inject`](super::Inject) impl failed for its own reason.
    #[error("could not compute `{injected}`: {source}")]
    Custom {
        /// The injected type.
        injected: &'static str,
        /// Why.
        #[source]
        source: HandlerError,
    },
}

impl InjectError {
    /// A custom failure of the [`Inject`](super::Inject) impl for `T`.
    pub fn custom<T: ?Sized>(source: impl Into<HandlerError>) -> Self {
        Self::Custom {
            injected: std::any::type_name::<T>(),
            source: source.into(),
        }
    }
}

/// How a handler failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum FailureKind {
    /// It returned an error.
    Error(HandlerError),
    /// Its arguments could not be resolved, so it did not run.
    Inject(InjectError),
    /// It panicked; the message if the panic carried one.
    Panic(String),
}

/// A handler that returned an error or panicked, as given to the error hook.
#[derive(Debug)]
#[non_exhaustive]
pub struct HandlerFailure {
    /// The handler's name.
    pub handler: &'static str,
    /// The `t` name of the event.
    pub event: String,
    /// The shard that received it.
    pub shard_id: u32,
    /// What went wrong.
    pub kind: FailureKind,
}

impl fmt::Display for HandlerFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "handler `{}` for `{}` ", self.handler, self.event)?;
        match &self.kind {
            FailureKind::Error(e) => write!(f, "returned an error: {e}"),
            FailureKind::Inject(e) => write!(f, "could not get its arguments: {e}"),
            FailureKind::Panic(msg) => write!(f, "panicked: {msg}"),
        }
    }
}

impl std::error::Error for HandlerFailure {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            FailureKind::Error(e) => Some(e.as_ref()),
            FailureKind::Inject(e) => Some(e),
            FailureKind::Panic(_) => None,
        }
    }
}

/// Why [`Dispatcher::wait_for`](super::Dispatcher::wait_for) returned without an event.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WaitError {
    /// No matching event arrived in time.
    #[error("no matching `{event}` event within {after:?}")]
    Timeout {
        /// The awaited event.
        event: &'static str,
        /// The timeout that elapsed.
        after: Duration,
    },
    /// The dispatcher was dropped.
    #[error("the dispatcher was dropped while waiting for `{event}`")]
    Closed {
        /// The awaited event.
        event: &'static str,
    },
}
