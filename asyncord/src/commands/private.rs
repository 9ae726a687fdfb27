//! Support code for the expansions of `#[command]`, `#[component]`, `#[derive(Choice)]` and
//! `#[derive(Modal)]`. Not a public API.
//!
//! A command parameter after the context is an option, a named argument or an `Inject` type;
//! the macro cannot tell from the syntax, so it asks the type system, as `#[handler]` does:
//! `(&&&&Param::<T>::new())` resolves to [`ViaOption`] when `T` is a [`CommandOption`], to
//! [`ViaInject`] when `T: Inject`, and to [`ViaArgument`] otherwise.

use std::future::{Future, Ready, ready};
use std::marker::PhantomData;
use std::pin::Pin;
use std::str::FromStr;

use asyncord_model::command::NumberValue;

use super::component::Captures;
use super::context::CommandContext;
use super::definition::{Command, OptionDefinition};
use super::error::CommandError;
use super::option::{
    ChannelOption, CommandOption, FractionalOption, NumericOption, OptionError, TextOption,
};
use super::target::{MessageTarget, UserTarget};
use crate::dispatcher::{Argument, Inject};

pub use asyncord_model::channel::ChannelType;
pub use asyncord_model::command::{
    ApplicationCommandOption, ApplicationCommandOptionChoice, ApplicationCommandOptionType,
    ApplicationIntegrationType, InteractionContextType,
};
pub use asyncord_model::common::Locale;
pub use asyncord_model::component::{Component as ModalComponent, Label, TextInput};
pub use asyncord_model::interaction::{ModalData, ModalSubmitData, OptionValue};
pub use std::time::Duration;

/// A boxed, sendable future (what erased actions return).
pub type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send + 'static>>;

/// A parameter of type `T`, as a method receiver for the `Via*` traits.
pub struct Param<T>(PhantomData<fn() -> T>);

impl<T> Param<T> {
    /// A new probe.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}

/// A parameter that is an option.
pub trait ViaOption<T> {
    /// Adds the option to the command.
    fn declare(&self, command: &mut Command, name: &'static str, description: &'static str);
    /// Reads the option's value.
    fn extract(&self, ctx: &CommandContext, name: &'static str) -> Ready<Result<T, CommandError>>;
}

impl<T: CommandOption> ViaOption<T> for &&&Param<T> {
    fn declare(&self, command: &mut Command, name: &'static str, description: &'static str) {
        command
            .options
            .push(OptionDefinition::of::<T>(name, description));
    }

    fn extract(&self, ctx: &CommandContext, name: &'static str) -> Ready<Result<T, CommandError>> {
        ready(ctx.option::<T>(name).map_err(CommandError::BadOption))
    }
}

/// A parameter computed by an [`Inject`] impl.
pub trait ViaInject<T> {
    /// Declares what it needs.
    fn declare(&self, command: &mut Command, name: &'static str, description: &'static str);
    /// Computes it.
    fn extract<'a>(
        &self,
        ctx: &'a CommandContext,
        name: &'static str,
    ) -> impl Future<Output = Result<T, CommandError>> + Send + 'a;
}

impl<T: Inject> ViaInject<T> for &&Param<T> {
    fn declare(&self, command: &mut Command, name: &'static str, _description: &'static str) {
        command.requirements.injected::<T>(name);
    }

    // Not an `async fn`: the future borrows the context only, not the probe.
    #[allow(clippy::manual_async_fn)]
    fn extract<'a>(
        &self,
        ctx: &'a CommandContext,
        _name: &'static str,
    ) -> impl Future<Output = Result<T, CommandError>> + Send + 'a {
        async move {
            T::inject(ctx.dispatch_context())
                .await
                .map_err(CommandError::Unresolved)
        }
    }
}

/// A parameter that is a registered argument.
pub trait ViaArgument<T> {
    /// Declares it.
    fn declare(&self, command: &mut Command, name: &'static str, description: &'static str)
    where
        T: 'static;
    /// Fetches it.
    fn extract(&self, ctx: &CommandContext, name: &'static str) -> Ready<Result<T, CommandError>>
    where
        T: Argument;
}

impl<T> ViaArgument<T> for Param<T> {
    fn declare(&self, command: &mut Command, name: &'static str, _description: &'static str)
    where
        T: 'static,
    {
        command.requirements.argument::<T>(name);
    }

    fn extract(&self, ctx: &CommandContext, name: &'static str) -> Ready<Result<T, CommandError>>
    where
        T: Argument,
    {
        ready(ctx.arg::<T>(name).map_err(CommandError::Unresolved))
    }
}

/// The declarations of a component's parameters (no options: they are arguments or
/// injected).
pub trait ViaComponentInject<T> {
    /// Declares what it needs.
    fn declare_in(&self, requirements: &mut crate::dispatcher::Requirements, name: &'static str);
}

impl<T: Inject> ViaComponentInject<T> for &&Param<T> {
    fn declare_in(&self, requirements: &mut crate::dispatcher::Requirements, name: &'static str) {
        requirements.injected::<T>(name);
    }
}

/// The declaration of a component parameter that is a registered argument.
pub trait ViaComponentArgument<T> {
    /// Declares it.
    fn declare_in(&self, requirements: &mut crate::dispatcher::Requirements, name: &'static str)
    where
        T: 'static;
}

impl<T> ViaComponentArgument<T> for Param<T> {
    fn declare_in(&self, requirements: &mut crate::dispatcher::Requirements, name: &'static str)
    where
        T: 'static,
    {
        requirements.argument::<T>(name);
    }
}

/// Requires `T` to be an option type (a parameter with option attributes).
pub fn require_option<T: CommandOption>() {}

/// The option declared last (the one the attributes of the parameter just declared apply to).
pub fn last_option(
    command: &mut Command,
) -> Option<&mut asyncord_model::command::ApplicationCommandOption> {
    command.options.last_mut().map(|o| &mut o.option)
}

/// Sets the autocomplete function of the option declared last.
pub fn set_autocomplete(command: &mut Command, completer: super::autocomplete::Completer) {
    if let Some(o) = command.options.last_mut() {
        o.option.autocomplete = Some(true);
        o.autocomplete = Some(completer);
    }
}

/// The requirements of a component being built.
pub fn component_requirements(
    component: &mut super::component::Component,
) -> &mut crate::dispatcher::Requirements {
    &mut component.requirements
}

/// A command's first parameter: its context.
#[diagnostic::on_unimplemented(
    message = "the first parameter of a command must be its `CommandContext`, not `{Self}`",
    label = "expected `CommandContext`",
    note = "write `ctx: CommandContext` first (or `_: CommandContext`); options, named \
            arguments and `Inject` types follow it"
)]
pub trait ContextParam: Sized {
    /// The parameter from the context.
    fn from_context(ctx: CommandContext) -> Self;
}

impl ContextParam for CommandContext {
    fn from_context(ctx: CommandContext) -> Self {
        ctx
    }
}

/// The context as the command's first parameter.
pub fn context<T: ContextParam>(ctx: CommandContext) -> T {
    T::from_context(ctx)
}

/// The future of a command's action, which must be `Send` (the call is spanned at the
/// function's name, so the compiler's error names the value held across an `.await`).
#[inline]
pub fn command_future<F>(future: F) -> F
where
    F: Future + Send, // drop values that are not `Send` before the `.await`, or use `Send` types
{
    future
}

/// The bound of an integer literal for an option of type `T`.
pub fn int_bound<T: NumericOption>(value: i64) -> NumberValue {
    if T::INTEGER {
        NumberValue::Integer(value)
    } else {
        NumberValue::Float(value as f64)
    }
}

/// The bound of a fractional literal for a number option `T`.
pub fn float_bound<T: FractionalOption>(value: f64) -> NumberValue {
    NumberValue::Float(value)
}

/// A length bound on a text option `T`.
pub fn length_bound<T: TextOption>(value: u16) -> u16 {
    value
}

/// Channel types on a channel option `T`.
pub fn channel_types<T: ChannelOption>(types: &[ChannelType]) -> Vec<ChannelType> {
    types.to_vec()
}

/// The user a user command was used on.
pub fn user_target<T: UserTarget>(ctx: &CommandContext) -> Result<T, CommandError> {
    T::from_target(ctx).map_err(CommandError::BadOption)
}

/// The message a message command was used on.
pub fn message_target<T: MessageTarget>(ctx: &CommandContext) -> Result<T, CommandError> {
    T::from_target(ctx).map_err(CommandError::BadOption)
}

/// A component handler parameter captured from the `custom_id`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be parsed from a custom id",
    label = "a capture's parameter must implement `FromStr`",
    note = "a `{{name}}` capture is parsed into its parameter with `FromStr`: take a `String`, a \
            number, an id, or a type of your own that implements `FromStr`"
)]
pub trait CaptureType: Sized {
    /// Parses the capture.
    fn from_capture(captures: &Captures, name: &str) -> Result<Self, OptionError>;
}

impl<T: FromStr> CaptureType for T {
    fn from_capture(captures: &Captures, name: &str) -> Result<Self, OptionError> {
        captures.get::<T>(name)
    }
}

/// Reads the capture `name` as a `T`.
pub fn capture<T: CaptureType>(captures: &Captures, name: &str) -> Result<T, CommandError> {
    T::from_capture(captures, name).map_err(CommandError::BadOption)
}

/// Discord's locales (<https://discord.com/developers/docs/reference#locales>), for the
/// compile-time check of `localize(locale = "..")`.
pub const LOCALES: &[&str] = &[
    "id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr", "it", "lt", "hu", "nl",
    "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th",
    "zh-CN", "ja", "zh-TW", "ko",
];

/// Whether `locale` is one of Discord's (usable in constants).
pub const fn is_locale(locale: &str) -> bool {
    let mut i = 0;
    while i < LOCALES.len() {
        if eq(LOCALES[i].as_bytes(), locale.as_bytes()) {
            return true;
        }
        i += 1;
    }
    false
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The locale `code` (checked at compile time by the expansion).
pub fn locale(code: &str) -> Locale {
    Locale::from_str_value(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locales_checked_at_compile_time_are_the_models() {
        for code in LOCALES {
            assert!(is_locale(code));
            assert!(
                !matches!(Locale::from_str_value(code), Locale::Unknown(_)),
                "{code} is a known locale of the model"
            );
        }
        assert!(!is_locale("fr-FR"));
        assert!(!is_locale("en"));
    }
}
