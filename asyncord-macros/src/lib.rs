//! Procedural macros for [asyncord](https://docs.rs/asyncord): `#[handler]`, `#[inject]`,
//! `#[command]`, `#[component]`, `#[derive(Choice)]` and `#[derive(Modal)]`.
//!
//! All are thin: they check the item's shape (with errors at the offending token that say what
//! to do) and expand to impls of traits in `asyncord::dispatcher` and `asyncord::commands`, where
//! all the logic lives.
//! Expansions refer to `::asyncord::...` paths.

mod call_result;
mod command;
mod handler;
mod inject;

use proc_macro::TokenStream;

/// Turns an `async fn` into an event handler for `dispatcher.add_handler(name)`.
///
/// The first parameter's type selects the event (`E`, `&E` or `Arc<E>` for any
/// `E: GatewayEvent`); every other parameter is the registered argument of the same name (or an
/// `Inject` type). The function stays callable as `name::call(...)`.
///
/// ```ignore
/// #[handler]
/// async fn on_message(event: MessageCreateEvent, client: RestClient, my_number: i32) -> HandlerResult {
///     Ok(())
/// }
/// ```
#[proc_macro_attribute]
pub fn handler(attr: TokenStream, item: TokenStream) -> TokenStream {
    handler::expand(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives `Inject` for a struct with named fields: each field is the registered argument of
/// the same name, and a handler can take the struct as one parameter.
///
/// ```ignore
/// #[inject]
/// struct Services { client: RestClient, db: Db }
/// ```
#[proc_macro_attribute]
pub fn inject(attr: TokenStream, item: TokenStream) -> TokenStream {
    inject::expand(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Turns an `async fn` into an application command: `name()` returns its
/// `asyncord::commands::Command`, for `dispatcher.add_commands([name()])`.
///
/// ```ignore
/// /// Rolls dice.
/// #[command]
/// async fn roll(ctx: CommandContext, #[min = 1] #[max = 100] sides: i64) -> CommandResult {
///     Ok(())
/// }
/// ```
///
/// The first parameter is the `CommandContext`. Each later one is an option when its type is
/// an option type (`String`, `i64`, `f64`, `bool`, `User`, `Member`, `Channel`, `Role`,
/// `Mentionable`, `Attachment`, an id, an enum deriving `Choice`, `Option<T>` for an optional
/// one), else an `Inject` type or the registered argument of its name; `#[arg]` makes an
/// option-typed parameter an argument. A context-menu command's second parameter is its target
/// (`User`, `Member` or `UserId`; `Message` or `MessageId`).
///
/// Arguments of `#[command(..)]`: `name = ".."` (default: the function's), `description = ".."`
/// (default: the doc comment's first paragraph), `subcommands(a, b)`, `context_menu = "user"`
/// or `"message"`, `localize(locale = "fr", name = "..", description = "..")`,
/// `default_member_permissions(MANAGE_GUILD, ..)`, `required_permissions(..)` and
/// `required_bot_permissions(..)` (checked before the command runs), `contexts(guild, bot_dm,
/// private_channel)`, `integration_types(guild_install, user_install)`, `nsfw`, `check = f` or
/// `checks(f, g)` (async functions of the context returning `bool` or `Result`),
/// `cooldown(user = 5, guild = .., channel = .., global = ..)` (seconds), `auto_defer` or
/// `auto_defer(ephemeral)`.
///
/// Attributes of an option parameter: a doc comment or `#[description = ".."]`,
/// `#[name = ".."]`, `#[min = ..]`, `#[max = ..]`, `#[min_length = ..]`, `#[max_length = ..]`,
/// `#[channel_types(GuildText, ..)]`, `#[autocomplete = f]`, `#[localize(..)]`.
///
/// What Discord would refuse and the macro can see is a compile error at the offending token;
/// the rest is found by `Dispatcher::check_commands` before the bot connects.
#[proc_macro_attribute]
pub fn command(attr: TokenStream, item: TokenStream) -> TokenStream {
    command::expand(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Turns an `async fn` into a component handler routed by `custom_id` pattern: `name()` returns
/// its `asyncord::commands::Component`, for `dispatcher.add_components([name()])`.
///
/// ```ignore
/// #[component("vote:{poll}")]
/// async fn vote(ctx: CommandContext, poll: u64) -> CommandResult { Ok(()) }
/// ```
#[proc_macro_attribute]
pub fn component(attr: TokenStream, item: TokenStream) -> TokenStream {
    command::component::expand(attr.into(), item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives `asyncord::commands::Choice` (and `CommandOption`) for an enum of unit variants: an
/// option with fixed choices.
#[proc_macro_derive(Choice, attributes(choice))]
pub fn derive_choice(item: TokenStream) -> TokenStream {
    command::choice::derive(item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives `asyncord::commands::Modal` for a struct: a form of text inputs.
#[proc_macro_derive(Modal, attributes(modal, input))]
pub fn derive_modal(item: TokenStream) -> TokenStream {
    command::modal::derive(item.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// An error at `tokens` with a `help` line saying what to do.
pub(crate) fn error(tokens: impl quote::ToTokens, message: &str, help: &str) -> syn::Error {
    syn::Error::new_spanned(tokens, format!("{message}\n\nhelp: {help}"))
}
