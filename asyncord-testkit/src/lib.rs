//! `asyncord-testkit`: a local Discord emulator (gateway + REST) for tests, examples and any
//! Discord client. Bots built with asyncord reach it as `asyncord::testkit` (feature
//! `testkit`), which adds what connects an asyncord bot to it; this crate knows nothing of
//! asyncord's client and depends only on the data model.
//!
//! Start with [`Emulator`]: one call serves REST and the gateway on 127.0.0.1 over one shared
//! [`World`](world::World), seeded by [`Emulator::builder`] (guilds, channels, threads, roles,
//! users, bots and their privileged intents). Simulated users ([`SimUser`]) send messages,
//! react, join guilds, invoke slash commands, click buttons and submit modals; the
//! expectations ([`Emulator::next_message_in`], [`SimInteraction::response`],
//! [`Emulator::wait_for_request`]) await what the bots did, with a timeout.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use asyncord_testkit::Emulator;
//!
//! let emu = Emulator::start().await?;
//! println!("REST {} gateway {} token {}", emu.rest_url(), emu.gateway_url(), emu.token());
//! let alice = emu.user_named("alice")?;
//! alice.send_message(emu.channel_id(), "!ping")?;
//! let reply = emu.next_message_in(emu.channel_id()).await?;
//! assert_eq!(reply.content, "pong");
//! emu.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! Under the facade: the REST side ([`rest`]) and the gateway side ([`gateway`]) share one
//! [`world`]: what a bot does over REST is published as a [`Dispatch`] on the world's
//! dispatch bus, and the gateway side delivers each dispatch to every connected session whose
//! intents (and guilds) cover it. Both sides also answer in memory, without a socket
//! ([`rest::RestEndpoint`], [`gateway::GatewayEndpoint`]), so tests can run on tokio's paused
//! clock. What is and is not emulated, and the standalone program (`examples/emulator.rs`):
//! this crate's `README.md`.

pub mod gateway;
pub mod rest;
pub mod world;

mod builder;
mod emulator;
mod expect;
mod front;
mod interaction;
mod users;

pub use builder::{BotSpec, EmulatorBuilder, GuildSpec};
pub use emulator::{Emulator, GuildInfo};
pub use expect::ExpectError;
pub use gateway::GatewayCompressionSupport;
pub use interaction::{InteractionReply, SimInteraction};
pub use users::SimUser;

use asyncord_model::{Intents, Snowflake};

/// One gateway dispatch produced by the emulated Discord (for example by a REST call).
#[derive(Clone, Debug)]
pub struct Dispatch {
    /// The event name (`t`), e.g. `"MESSAGE_CREATE"`.
    pub event: String,
    /// The event data (`d`).
    pub data: serde_json::Value,
    /// The guild the event belongs to, if any (sessions only get events of their guilds/shard).
    pub guild_id: Option<Snowflake>,
    /// The intents that deliver it (any of them); empty for events every session gets.
    pub intents: Intents,
    /// Only deliver to the bot with this user id (for example an interaction for its application).
    pub only_bot: Option<Snowflake>,
}

/// The channel dispatches travel on, from the world to connected gateway sessions.
pub type DispatchBus = tokio::sync::broadcast::Sender<Dispatch>;

/// A bot the emulator knows: what the gateway side needs to check an IDENTIFY and build READY.
#[derive(Clone, Debug)]
pub struct BotAccount {
    /// The bot's token (`Bot ` prefix not included).
    pub token: String,
    /// The bot user (a `User` object as JSON).
    pub user: serde_json::Value,
    /// The bot user's id.
    pub user_id: Snowflake,
    /// The bot's application id.
    pub application_id: Snowflake,
    /// The privileged intents enabled for this bot "in the developer portal".
    pub granted_privileged: Intents,
}

impl BotAccount {
    /// The bot's own user object as Discord shows it to the bot itself (READY's `user`, and
    /// the base of `GET /users/@me`): [`BotAccount::user`] plus the current user's private
    /// fields `verified`, `mfa_enabled` and `email` (`null` for a bot).
    pub fn current_user(&self) -> serde_json::Value {
        let mut user = self.user.clone();
        if let Some(o) = user.as_object_mut() {
            for (k, v) in [
                ("verified", serde_json::Value::Bool(true)),
                ("mfa_enabled", serde_json::Value::Bool(false)),
                ("email", serde_json::Value::Null),
            ] {
                o.entry(k).or_insert(v);
            }
        }
        user
    }
}

/// What the emulator's gateway side reads from the shared world.
///
/// The REST side's world implements it; the gateway side also ships a small in-memory
/// implementation for its own tests.
pub trait GatewayWorld: Send + Sync + 'static {
    /// The bot that owns `token`, if any.
    fn authenticate(&self, token: &str) -> Option<BotAccount>;

    /// The `GUILD_CREATE` payloads (`d`) of every guild the bot is in.
    fn guild_creates(&self, bot_user_id: Snowflake) -> Vec<(Snowflake, serde_json::Value)>;

    /// The bus on which the world publishes dispatches.
    fn dispatch_bus(&self) -> &DispatchBus;
}
