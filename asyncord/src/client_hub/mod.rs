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

/// Serves one bot's interactions over HTTP, without a gateway connection, until Ctrl-C, SIGTERM
/// or a stop from a handler: the counterpart of [`connect`] for a bot whose "Interactions
/// Endpoint URL" points at this process (behind an HTTPS reverse proxy; see the README).
///
/// `public_key` is the application's public key (the portal's General Information > Public
/// Key, 64 hex digits); `token` the bot token the handlers' `client` answers with (follow-ups
/// and edits). `setup` registers handlers as for [`connect`]: they receive each interaction as
/// an [`InteractionCreateEvent`](crate::model::gateway::InteractionCreateEvent) and answer with
/// `client.interactions.respond(..)`, which goes into the HTTP answer (see
/// [`crate::interactions`] for the deadline and the automatic deferral).
///
/// ```no_run
/// use asyncord::model::interaction::InteractionResponse;
/// use asyncord::prelude::*;
///
/// #[handler]
/// async fn on_interaction(event: InteractionCreateEvent, client: RestClient) -> HandlerResult {
///     let response = InteractionResponse::message("pong");
///     client.interactions.respond(event.id, event.token.as_str(), response).await?;
///     Ok(())
/// }
///
/// #[tokio::main]
/// async fn main() -> asyncord::Result<()> {
///     let key = std::env::var("DISCORD_PUBLIC_KEY")?;
///     let token = std::env::var("DISCORD_TOKEN")?;
///     asyncord::serve_interactions(&key, token, ([127, 0, 0, 1], 8080), async |group| {
///         group.dispatcher.add_handler(on_interaction);
///     })
///     .await
/// }
/// ```
///
/// For an endpoint beside a gateway connection, or other settings (path, deadline, body
/// limit), use [`connect_with`] and [`GroupConfig::http_interactions`].
///
/// # Errors
/// A `public_key` that is not 64 hex digits, a failing setup, an address that cannot be bound.
#[cfg(feature = "http-interactions")]
pub async fn serve_interactions<S, R>(
    public_key: &str,
    token: impl Into<Token>,
    addr: impl Into<std::net::SocketAddr>,
    setup: S,
) -> Result<()>
where
    S: AsyncFnOnce(&ClientGroup) -> R,
    R: SetupResult,
{
    let key = crate::interactions::PublicKey::from_hex(public_key).map_err(crate::Error::other)?;
    let endpoint = crate::interactions::InteractionsConfig::new(key, addr.into());
    let config = GroupConfig::from_env()?
        .without_gateway()
        .http_interactions(endpoint);
    connect_with(token, config, setup).await
}
