//! Application commands: slash commands (with subcommands and autocomplete), user and message
//! context-menu commands, and the components and modals they lead to — defined from plain
//! `async fn`s, checked at compile time and before connecting, registered with Discord only
//! when they changed, and routed from `INTERACTION_CREATE`.
//!
//! Implements Discord's [application commands](https://discord.com/developers/docs/interactions/application-commands)
//! and [receiving and responding](https://discord.com/developers/docs/interactions/receiving-and-responding).
//!
//! ```no_run
//! use asyncord::prelude::*;
//!
//! /// Rolls dice.
//! #[command]
//! async fn roll(
//!     ctx: CommandContext,
//!     /// How many sides
//!     #[min = 2]
//!     #[max = 100]
//!     sides: i64,
//!     /// How many dice (1 unless given)
//!     times: Option<i64>,
//! ) -> CommandResult {
//!     let total: i64 = (0..times.unwrap_or(1)).map(|i| 1 + (i * 7) % sides).sum();
//!     ctx.reply(format!("You rolled {total}")).await?;
//!     Ok(())
//! }
//!
//! /// Shows a user's avatar.
//! #[command(context_menu = "user", name = "Show avatar")]
//! async fn avatar(ctx: CommandContext, user: User) -> CommandResult {
//!     ctx.ephemeral(format!("{}'s avatar: {:?}", user.username, user.avatar)).await?;
//!     Ok(())
//! }
//!
//! # async fn demo() -> asyncord::Result<()> {
//! asyncord::connect(std::env::var("DISCORD_TOKEN")?, async |group| {
//!     group.dispatcher.add_commands([roll(), avatar()]);
//! })
//! .await
//! # }
//! ```
//!
//! What each part does:
//! - [`Command`] (`definition`): a command's definition; `#[command]` builds one from an
//!   `async fn` — its name (the function's), description (the doc comment), options (the
//!   parameters whose types are [`CommandOption`]s, `Option<T>` for optional ones), and the
//!   other parameters as named arguments or `Inject` types, as in handlers. Everything Discord
//!   would refuse is a compile error where the macro can see it, else a start-up error
//!   ([`Dispatcher::check_commands`](crate::dispatcher::Dispatcher::check_commands)).
//! - [`CommandOption`], [`Choice`] (`option`, `choice`, `target`): parameter types and their
//!   conversion from what the user gave (a value that does not fit is an error reply, never a
//!   panic).
//! - [`registration`]: at start-up, each group writes its commands (globally, or per guild
//!   while developing: [`CommandRegistration`]) only when they differ from Discord's.
//! - `router`: `INTERACTION_CREATE` to the command by name and subcommand path, through
//!   [permission checks and checks](Check), [cooldowns](Cooldown), and an optional automatic
//!   deferral ([`AUTO_DEFER_AFTER`]); autocomplete to its function ([`Completer`]); components
//!   and modal submissions by `custom_id` ([`Component`], `#[component("vote:{id}")]`).
//! - [`CommandContext`]: the interaction, its user and place, and how to answer it
//!   ([`Reply`]); the first answer goes through a [`Responder`], so the same commands can be
//!   served over an HTTP interactions endpoint.
//! - [`Modal`]: typed forms (`#[derive(Modal)]`), opened and awaited from a command.
//! - [`CommandError`]: what went wrong, given to the error hook
//!   ([`Dispatcher::set_command_error_hook`](crate::dispatcher::Dispatcher::set_command_error_hook));
//!   by default the user gets an ephemeral message saying it.

mod autocomplete;
mod checks;
mod choice;
mod component;
mod context;
mod cooldown;
mod definition;
mod error;
mod modal;
mod normalize;
mod option;
pub mod registration;
mod reply;
mod responder;
mod router;
mod set;
mod target;
mod validate;

#[doc(hidden)]
pub mod private;

pub use asyncord_macros::{Choice, Modal, command, component};
pub use autocomplete::{AutocompleteContext, Completer, IntoChoice, IntoChoices, MAX_SUGGESTIONS};
pub use checks::{Check, IntoCheckResult, permission_names};
pub use choice::{Choice, choice_from_option, describe_choices};
pub use component::{Captures, Component, CustomIdPattern};
pub use context::CommandContext;
pub use cooldown::{Cooldown, CooldownScope};
pub use definition::{Command, CommandKind, OptionDefinition};
pub use error::{CommandError, CommandFailure, CommandProblem, CommandResult};
pub use modal::{FieldRules, Modal, ModalError, ModalField};
pub use option::{
    AutocompleteOption, ChannelOption, CommandOption, FractionalOption, Mentionable, NumericOption,
    OptionError, OptionInput, TextOption,
};
pub use registration::{CommandChanges, CommandRegistration, CommandScope, RegistrationError};
pub use reply::Reply;
pub use responder::{GatewayResponder, Responder, ResponseError, ResponseFuture};
pub use router::AUTO_DEFER_AFTER;
pub use set::CommandSet;
pub use target::{MessageTarget, UserTarget};
pub use validate::is_valid_slash_name;
