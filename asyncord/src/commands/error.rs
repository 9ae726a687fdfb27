//! What goes wrong around a command: [`CommandError`] (a check failed, a cooldown, missing
//! permissions, an option that does not convert, an argument that cannot be resolved, or the
//! command's own error), the [`CommandFailure`] the error hook receives, and the default answer
//! that tells the user what went wrong (the command's own errors only generically: their
//! details go to the logs).
//!
//! [`CommandProblem`] is what the start-up checks find (a definition Discord would refuse, or an
//! argument that is not registered), before the bot connects.

use std::fmt;
use std::time::Duration;

use asyncord_model::Permissions;

use super::checks::permission_names;
use super::context::CommandContext;
use super::cooldown::CooldownScope;
use super::option::OptionError;
use super::private::BoxFuture;
use super::responder::ResponseError;
use crate::dispatcher::{HandlerError, InjectError};

/// What the result type of a command is: `Ok(())`, or any error (with `?`).
pub type CommandResult<T = ()> = Result<T, HandlerError>;

/// Why a command did not run, or failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CommandError {
    /// A check returned `false` or an error.
    #[error("the check `{check}` failed{}", .reason.as_deref().map(|r| format!(": {r}")).unwrap_or_default())]
    CheckFailed {
        /// The check's name.
        check: &'static str,
        /// The check's error message, if it gave one.
        reason: Option<String>,
    },
    /// The command is cooling down.
    #[error("the command is on cooldown {scope} for {remaining:?}")]
    Cooldown {
        /// Which cooldown.
        scope: CooldownScope,
        /// How long until it may run again.
        remaining: Duration,
    },
    /// The user lacks permissions the command requires.
    #[error("the user lacks {}", permission_names(*.0))]
    MissingPermissions(Permissions),
    /// The bot lacks permissions the command requires.
    #[error("the bot lacks {}", permission_names(*.0))]
    BotMissingPermissions(Permissions),
    /// An option's value does not convert into its parameter's type.
    #[error(transparent)]
    BadOption(#[from] OptionError),
    /// A named argument or `Inject` parameter could not be resolved.
    #[error(transparent)]
    Unresolved(#[from] InjectError),
    /// Answering the interaction failed.
    #[error(transparent)]
    Response(#[from] ResponseError),
    /// The command returned an error.
    #[error("{0}")]
    Command(HandlerError),
}

impl CommandError {
    /// The error a command's action returned: the framework's own errors (an option, an
    /// argument, a response) are recognised through `?`'s boxing, anything else is the
    /// command's.
    pub(crate) fn from_action(error: HandlerError) -> Self {
        let error = match error.downcast::<CommandError>() {
            Ok(e) => return *e,
            Err(e) => e,
        };
        let error = match error.downcast::<OptionError>() {
            Ok(e) => return Self::BadOption(*e),
            Err(e) => e,
        };
        let error = match error.downcast::<InjectError>() {
            Ok(e) => return Self::Unresolved(*e),
            Err(e) => e,
        };
        match error.downcast::<super::modal::ModalError>() {
            Ok(e) => Self::Response(ResponseError::Modal(*e)),
            Err(e) => Self::Command(e),
        }
    }

    /// What the user is told: what went wrong and what to do, without the details of the
    /// command's own errors (those are logged).
    pub fn user_message(&self) -> String {
        match self {
            Self::CheckFailed {
                reason: Some(reason),
                ..
            } => format!("You can't use this command: {reason}"),
            Self::CheckFailed { reason: None, .. } => "You can't use this command here.".to_owned(),
            Self::Cooldown { remaining, .. } => format!(
                "This command is on cooldown: try again in {}.",
                human_duration(*remaining)
            ),
            Self::MissingPermissions(p) => format!(
                "You need the {} permission{} to use this command.",
                permission_names(*p),
                plural(*p)
            ),
            Self::BotMissingPermissions(p) => format!(
                "I need the {} permission{} in this channel to do that.",
                permission_names(*p),
                plural(*p)
            ),
            Self::BadOption(e) => format!(
                "The option `{}` is not valid ({}). Your Discord may show an old version of this \
                 command: try again in a moment.",
                e.option, e.reason
            ),
            Self::Response(ResponseError::Modal(e)) => e.user_message(),
            Self::Unresolved(_) | Self::Response(_) | Self::Command(_) => {
                "Something went wrong while running this command.".to_owned()
            }
        }
    }
}

fn plural(p: Permissions) -> &'static str {
    if p.bits().count_ones() > 1 { "s" } else { "" }
}

/// `4.2 s` as "5 seconds", `0.3 s` as "1 second": a person's rounding up.
fn human_duration(d: Duration) -> String {
    let secs = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    match secs {
        0 | 1 => "1 second".to_owned(),
        s if s < 120 => format!("{s} seconds"),
        s if s < 7200 => format!("{} minutes", s.div_ceil(60)),
        s => format!("{} hours", s.div_ceil(3600)),
    }
}

/// A command that did not run or failed, as the error hook receives it.
pub struct CommandFailure {
    /// The command (`/tag add`) or component.
    pub command: String,
    /// What went wrong.
    pub error: CommandError,
    /// The interaction's context (to answer it).
    pub context: CommandContext,
}

impl fmt::Debug for CommandFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CommandFailure")
            .field("command", &self.command)
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

impl CommandFailure {
    /// The default answer: tells the user [`CommandError::user_message`], ephemerally (or in
    /// the deferred message).
    pub async fn reply(&self) -> Result<(), ResponseError> {
        self.context.tell_error(self.error.user_message()).await
    }
}

/// The command error hook.
pub(crate) type CommandErrorHook =
    std::sync::Arc<dyn Fn(CommandFailure) -> BoxFuture<()> + Send + Sync>;

/// Something the start-up checks found wrong with a command or component.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CommandProblem {
    /// The command (`/tag add`) or component.
    pub command: String,
    /// What is wrong, and what to do.
    pub problem: String,
}

impl fmt::Display for CommandProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.command, self.problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_are_told_what_went_wrong_in_their_words() {
        let cooldown = CommandError::Cooldown {
            scope: CooldownScope::User,
            remaining: Duration::from_millis(4200),
        };
        assert_eq!(
            cooldown.user_message(),
            "This command is on cooldown: try again in 5 seconds."
        );
        let perms = CommandError::MissingPermissions(Permissions::BAN_MEMBERS);
        assert_eq!(
            perms.user_message(),
            "You need the Ban Members permission to use this command."
        );
        let own = CommandError::from_action("database password wrong".into());
        assert!(matches!(own, CommandError::Command(_)));
        assert!(
            !own.user_message().contains("password"),
            "the command's own error stays in the logs"
        );
        let option = CommandError::from_action(Box::new(OptionError::new("x", "bad")));
        assert!(matches!(option, CommandError::BadOption(_)));
    }
}
