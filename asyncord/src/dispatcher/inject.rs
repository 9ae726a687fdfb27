//! [`Inject`]: handler parameters computed per call instead of registered once — derived with
//! `#[inject]` (a struct whose fields are registered arguments, resolved by name) or written by
//! hand (a value computed from the event and the context, such as the guild of a message).

use std::future::Future;

use super::Dispatcher;
use super::arguments::Requirements;
use super::context::Context;
use super::error::InjectError;

/// A handler parameter computed for each call.
///
/// `#[inject]` derives it for a struct with named fields: each field is the registered argument
/// of the same name. A manual impl computes anything from the [`Context`] (the event is
/// `ctx.event::<E>()`); it may be `async` and may fail, in which case the handler is not run and
/// the error goes to the error hook.
///
/// ```
/// use asyncord::dispatcher::{Context, Inject, InjectError, handler, inject};
/// use asyncord::model::GuildId;
/// use asyncord::model::gateway::MessageCreateEvent;
///
/// /// The guild a message was sent in, computed from the event.
/// struct MessageGuild(Option<GuildId>);
///
/// impl Inject for MessageGuild {
///     async fn inject(ctx: &Context) -> Result<Self, InjectError> {
///         let message = ctx.event_for::<MessageCreateEvent, Self>()?;
///         Ok(MessageGuild(message.guild_id))
///     }
/// }
///
/// /// Registered arguments, resolved by field name.
/// #[inject]
/// struct Settings {
///     prefix: String,
///     max_len: usize,
/// }
///
/// #[handler]
/// async fn on_message(event: &MessageCreateEvent, guild: MessageGuild, settings: Settings) {
///     let _ = (event, guild.0, settings.prefix, settings.max_len);
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not injectable",
    note = "derive it with `#[inject]` on a struct with named fields, or implement `Inject`"
)]
pub trait Inject: Sized + Send + 'static {
    /// Declares the registered arguments this needs (checked before connecting).
    fn requirements(reqs: &mut Requirements) {
        let _ = reqs;
    }

    /// Computes the value for one handler call.
    fn inject(ctx: &Context) -> impl Future<Output = Result<Self, InjectError>> + Send;
}

/// The handler's own [`Context`], as a parameter of any name.
impl Inject for Context {
    async fn inject(ctx: &Context) -> Result<Self, InjectError> {
        Ok(ctx.clone())
    }
}

/// The [`Dispatcher`] running the handler (for `wait_for`), as a parameter of any name.
impl Inject for Dispatcher {
    async fn inject(ctx: &Context) -> Result<Self, InjectError> {
        Ok(ctx.dispatcher().clone())
    }
}
