//! Checks that run before a command: the permissions the user and the bot need in the channel
//! (read from the interaction's `member.permissions` and `app_permissions`, so no request is
//! made), and the bot's own checks — async functions of the context returning `bool` or a
//! `Result`.
//!
//! Permissions: <https://discord.com/developers/docs/topics/permissions>;
//! interaction fields: <https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object>.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use asyncord_model::Permissions;

use super::context::CommandContext;
use super::error::CommandError;
use super::private::BoxFuture;
use crate::dispatcher::HandlerError;
use crate::dispatcher::private::HandlerErrorType;

/// A check: an async function of the command's context that lets the command run or not.
///
/// ```
/// use asyncord::commands::{Check, CommandContext};
///
/// async fn in_a_server(ctx: CommandContext) -> bool {
///     ctx.guild_id().is_some()
/// }
///
/// async fn not_bob(ctx: CommandContext) -> Result<(), String> {
///     if ctx.user().username == "bob" { Err("not you, Bob".into()) } else { Ok(()) }
/// }
///
/// let checks = [Check::new("in_a_server", in_a_server), Check::new("not_bob", not_bob)];
/// ```
///
/// It returns `bool`, `Result<bool, E>` or `Result<(), E>`; `false` or an error stops the
/// command, and the user is told (the error's message, if any, as the reason).
#[derive(Clone)]
pub struct Check {
    name: &'static str,
    f: Arc<dyn Fn(CommandContext) -> BoxFuture<Result<bool, HandlerError>> + Send + Sync>,
}

impl fmt::Debug for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Check").field(&self.name).finish()
    }
}

impl Check {
    /// The check `f`, called `name` in logs.
    pub fn new<F, Fut>(name: &'static str, f: F) -> Self
    where
        F: Fn(CommandContext) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoCheckResult,
    {
        Self {
            name,
            f: Arc::new(move |ctx| {
                let fut = f(ctx);
                Box::pin(async move { fut.await.into_check_result() })
            }),
        }
    }

    /// The check's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Runs the check.
    pub(crate) async fn run(&self, ctx: &CommandContext) -> Result<(), CommandError> {
        match (self.f)(ctx.clone()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(CommandError::CheckFailed {
                check: self.name,
                reason: None,
            }),
            Err(e) => Err(CommandError::CheckFailed {
                check: self.name,
                reason: Some(e.to_string()),
            }),
        }
    }
}

/// What a check may return: `bool`, `Result<bool, E>` or `Result<(), E>`.
#[diagnostic::on_unimplemented(
    message = "a check must return `bool`, `Result<bool, E>` or `Result<(), E>`, not `{Self}`",
    label = "unsupported check result",
    note = "return `true` to let the command run, or `Err(reason)` to stop it with a reason the \
            user sees"
)]
pub trait IntoCheckResult {
    /// `Ok(true)`: the command runs.
    fn into_check_result(self) -> Result<bool, HandlerError>;
}

impl IntoCheckResult for bool {
    fn into_check_result(self) -> Result<bool, HandlerError> {
        Ok(self)
    }
}

impl<E: HandlerErrorType> IntoCheckResult for Result<bool, E> {
    fn into_check_result(self) -> Result<bool, HandlerError> {
        self.map_err(Into::into)
    }
}

impl<E: HandlerErrorType> IntoCheckResult for Result<(), E> {
    fn into_check_result(self) -> Result<bool, HandlerError> {
        self.map(|()| true).map_err(Into::into)
    }
}

/// The permissions of `required` that `have` lacks (`ADMINISTRATOR` has them all).
pub(crate) fn missing(required: Permissions, have: Permissions) -> Permissions {
    if have.contains(Permissions::ADMINISTRATOR) {
        Permissions::empty()
    } else {
        required - have
    }
}

/// The user's and the bot's permissions a command needs, checked from the interaction.
pub(crate) fn permissions(
    ctx: &CommandContext,
    user: Permissions,
    bot: Permissions,
) -> Result<(), CommandError> {
    if !bot.is_empty() {
        let lacking = missing(bot, ctx.app_permissions());
        if !lacking.is_empty() {
            return Err(CommandError::BotMissingPermissions(lacking));
        }
    }
    if !user.is_empty() {
        // Outside a guild there are no permissions to have.
        let have = ctx.member_permissions().unwrap_or_else(Permissions::empty);
        let lacking = missing(user, have);
        if !lacking.is_empty() {
            return Err(CommandError::MissingPermissions(lacking));
        }
    }
    Ok(())
}

/// `MANAGE_MESSAGES | BAN_MEMBERS` as "Manage Messages and Ban Members".
pub fn permission_names(permissions: Permissions) -> String {
    let names: Vec<String> = permissions
        .iter_names()
        .map(|(name, _)| {
            name.split('_')
                .map(|word| {
                    let lower = word.to_lowercase();
                    let mut chars = lower.chars();
                    chars.next().map_or_else(String::new, |c| {
                        c.to_uppercase().chain(chars).collect::<String>()
                    })
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let unknown = permissions.bits() & !Permissions::all().bits();
    let mut names = names;
    if unknown != 0 {
        names.push(format!("unknown permissions ({unknown:#x})"));
    }
    match names.as_slice() {
        [] => "no permissions".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permissions_are_named_for_people() {
        assert_eq!(
            permission_names(Permissions::MANAGE_MESSAGES),
            "Manage Messages"
        );
        assert_eq!(
            permission_names(
                Permissions::MANAGE_MESSAGES | Permissions::BAN_MEMBERS | Permissions::KICK_MEMBERS
            ),
            "Kick Members, Ban Members and Manage Messages"
        );
    }

    #[test]
    fn administrators_lack_nothing() {
        let need = Permissions::BAN_MEMBERS | Permissions::MANAGE_GUILD;
        assert_eq!(
            missing(need, Permissions::ADMINISTRATOR),
            Permissions::empty()
        );
        assert_eq!(
            missing(need, Permissions::BAN_MEMBERS),
            Permissions::MANAGE_GUILD
        );
    }
}
