//! The client hub: bots as a user meets them (the seed's "Client" page).
//!
//! - [`ClientHub`]: many bots in one process. [`ClientHub::create_client_group`] makes a
//!   [`ClientGroup`] per bot — its `dispatcher`, `gateway` and `client` (REST) — and
//!   [`ClientHub::start`] checks every group's handlers, runs the groups concurrently until
//!   Ctrl-C/SIGTERM or [`ClientHub::stop`], then shuts down gracefully.
//! - [`connect`]: the one-bot shortcut, a hub with one group named `"default"`; its async setup
//!   closure registers handlers (and may await REST calls) before the bot connects.
//! - Default handler arguments of every group: `client` ([`RestClient`]), `gateway`
//!   ([`GatewayHandle`]) and `client_groups` ([`ClientGroups`]).
//! - [`GroupConfig`]: intents (derived from the handlers by default), presence, shards,
//!   compression, REST and gateway URLs; [`HubConfig`]: shutdown timeout, what a failing group
//!   does to the others, signals.
//!
//! Discord's gateway lifecycle, which each group follows:
//! <https://discord.com/developers/docs/events/gateway#connection-lifecycle>.
//!
//! [`RestClient`]: crate::rest::RestClient
//! [`GatewayHandle`]: crate::gateway::GatewayHandle

mod config;
mod error;
mod group;
mod groups;
mod hub;
mod run;
#[cfg(feature = "redis")]
mod scaled;
mod setup;
mod signal;
mod stop;

pub use config::{GroupConfig, HubConfig, IntentsConfig};
pub use error::{
    GroupError, GroupProblem, GroupReport, HubError, RunSummary, StopReason, StoppedWithError,
};
pub use group::ClientGroup;
pub use groups::ClientGroups;
pub use hub::ClientHub;
pub use setup::{SetupError, SetupResult};
pub use stop::StopHandle;

use crate::{Result, Token};

/// The name of the group [`connect`] creates.
pub const DEFAULT_GROUP: &str = "default";

/// Runs one bot until Ctrl-C, SIGTERM or a stop from a handler: the seed's
/// `async with connect(TOKEN) as group:`.
///
/// `setup` is an async closure that receives the bot's group: it registers handlers and
/// arguments, and may await (the group's `client` works already, so it can read guilds or
/// channels first). Then the bot connects and runs. `setup` returns `()`, or a `Result` whose
/// error ends `connect` before anything connects ([`SetupResult`]; the error is
/// [`Error::Setup`](crate::Error::Setup)). It is the same as a [`ClientHub`] with one group named `"default"`.
///
/// ```no_run
/// use asyncord::prelude::*;
///
/// #[handler]
/// async fn on_message(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
///     if event.author.bot {
///         return Ok(());
///     }
///     client.channels.messages(event.channel_id).create(CreateMessage::content("pong")).await?;
///     Ok(())
/// }
///
/// #[tokio::main]
/// async fn main() -> asyncord::Result<()> {
///     asyncord::connect(std::env::var("DISCORD_TOKEN")?, async |group| {
///         group.dispatcher.add_handler(on_message);
///     })
///     .await
/// }
/// ```
///
/// A setup that awaits and can fail names its result type:
///
/// ```no_run
/// # async fn demo() -> asyncord::Result<()> {
/// asyncord::connect(std::env::var("DISCORD_TOKEN")?, async |group| -> asyncord::Result<()> {
///     let guild = group.client.guilds.get(123_456_789_012_345_678_u64, false).await?;
///     println!("connecting to {}", guild.name);
///     Ok(())
/// })
/// .await
/// # }
/// ```
pub async fn connect<S, R>(token: impl Into<Token>, setup: S) -> Result<()>
where
    S: AsyncFnOnce(&ClientGroup) -> R,
    R: SetupResult,
{
    connect_with(token, GroupConfig::default(), setup).await
}

/// [`connect`] with a group configuration (intents, presence, shards, URLs...).
pub async fn connect_with<S, R>(
    token: impl Into<Token>,
    config: GroupConfig,
    setup: S,
) -> Result<()>
where
    S: AsyncFnOnce(&ClientGroup) -> R,
    R: SetupResult,
{
    let mut hub = ClientHub::new();
    let group = hub.create_client_group_with(DEFAULT_GROUP, token, config)?;
    setup(&group).await.into_setup_result()?;
    hub.start().await?;
    Ok(())
}
