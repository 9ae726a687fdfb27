//! The target of a context-menu command: the user ([`UserTarget`]) or message
//! ([`MessageTarget`]) the command was used on, read from the interaction's `target_id` and
//! resolved data. A `#[command(context_menu = "user")]` takes it as its second parameter.
//!
//! User and message commands: <https://discord.com/developers/docs/interactions/application-commands#user-commands>.

use asyncord_model::interaction::ResolvedData;
use asyncord_model::member::Member;
use asyncord_model::message::Message;
use asyncord_model::user::User;
use asyncord_model::{MessageId, Snowflake, UserId};

use super::context::CommandContext;
use super::option::OptionError;

fn target(ctx: &CommandContext) -> Result<(Snowflake, Option<&ResolvedData>), OptionError> {
    let data = ctx
        .interaction()
        .command_data()
        .ok_or_else(|| OptionError::new("target", "the interaction is not a command"))?;
    let id = data
        .target_id
        .ok_or_else(|| OptionError::new("target", "the interaction names no target"))?;
    Ok((id, data.resolved.as_ref()))
}

/// What a user command takes as its target: [`User`], [`Member`] (in a guild) or [`UserId`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the target of a user command",
    label = "not a user",
    note = "a user command's second parameter is the user it was used on: a `User`, a `Member` \
            or a `UserId`"
)]
pub trait UserTarget: Sized + Send + 'static {
    /// Reads the target.
    fn from_target(ctx: &CommandContext) -> Result<Self, OptionError>;
}

impl UserTarget for UserId {
    fn from_target(ctx: &CommandContext) -> Result<Self, OptionError> {
        target(ctx).map(|(id, _)| id.cast())
    }
}

impl UserTarget for User {
    fn from_target(ctx: &CommandContext) -> Result<Self, OptionError> {
        let (id, resolved) = target(ctx)?;
        resolved
            .and_then(|r| r.users.get(&id.cast()))
            .cloned()
            .ok_or_else(|| OptionError::new("target", format!("user {id} is not resolved")))
    }
}

impl UserTarget for Member {
    fn from_target(ctx: &CommandContext) -> Result<Self, OptionError> {
        let (id, resolved) = target(ctx)?;
        let resolved = resolved.ok_or_else(|| OptionError::new("target", "no resolved data"))?;
        let mut member = resolved.members.get(&id.cast()).cloned().ok_or_else(|| {
            OptionError::new(
                "target",
                format!("user {id} is not a member of this server"),
            )
        })?;
        if member.user.is_none() {
            member.user = resolved
                .users
                .get(&id.cast())
                .cloned()
                .map(std::sync::Arc::new);
        }
        Ok(member)
    }
}

/// What a message command takes as its target: [`Message`] or [`MessageId`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the target of a message command",
    label = "not a message",
    note = "a message command's second parameter is the message it was used on: a `Message` or \
            a `MessageId`"
)]
pub trait MessageTarget: Sized + Send + 'static {
    /// Reads the target.
    fn from_target(ctx: &CommandContext) -> Result<Self, OptionError>;
}

impl MessageTarget for MessageId {
    fn from_target(ctx: &CommandContext) -> Result<Self, OptionError> {
        target(ctx).map(|(id, _)| id.cast())
    }
}

impl MessageTarget for Message {
    fn from_target(ctx: &CommandContext) -> Result<Self, OptionError> {
        let (id, resolved) = target(ctx)?;
        resolved
            .and_then(|r| r.messages.get(&id.cast()))
            .cloned()
            .ok_or_else(|| OptionError::new("target", format!("message {id} is not resolved")))
    }
}
