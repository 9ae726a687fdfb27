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
//! Interactions can also go to a bot's HTTP endpoint instead of the gateway, signed with a key
//! pair the emulator generates, as Discord does once the application has an "Interactions
//! Endpoint URL" ([`Emulator::set_interactions_endpoint_url`], [`InteractionSigner`]).
//!
//! Under the facade: the REST side ([`rest`]) and the gateway side ([`gateway`]) share one
//! [`world`]: what a bot does over REST is published as a [`Dispatch`] on the world's
//! dispatch bus, and the gateway side delivers each dispatch to every connected session whose
//! intents (and guilds) cover it. Both sides also answer in memory, without a socket
//! ([`rest::RestEndpoint`], [`gateway::GatewayEndpoint`]), so tests can run on tokio's paused
//! clock. What is and is not emulated, and the standalone program (`examples/emulator.rs`):
//! this crate's `README.md`.
//!
//! It also runs as a server anyone's client can reach, so what a careless or hostile client can
//! make it hold is bounded (request bodies, logs, sessions, send queues, rate-limit counters,
//! connections and their timeouts: [`ConnectionLimits`], the configurations' docs), and it only
//! answers requests naming a loopback host and no foreign web origin ([`OriginPolicy`]).
//! [`Emulator::stats`] shows what it holds.
//!
//! For code that shares state through Redis (asyncord's `redis` feature), [`RedisServer`]
//! starts a throwaway `redis-server` from `PATH` on 127.0.0.1, and says clearly when it is not
//! installed.

pub mod gateway;
pub mod rest;
pub mod world;

mod access;
mod account;
mod builder;
mod connections;
mod dispatch;
mod emulator;
mod expect;
mod front;
mod idle;
mod interaction;
mod interactions_endpoint;
mod invocation;
mod prefixed;
mod redis_server;
mod stats;
mod users;

pub use access::OriginPolicy;
pub use account::BotAccount;
pub use builder::{BotSpec, EmulatorBuilder, GuildSpec};
pub use connections::ConnectionLimits;
pub use dispatch::{Dispatch, DispatchBus};
pub use emulator::{Emulator, GuildInfo};
pub use expect::ExpectError;
pub use gateway::{GatewayCompressionSupport, GatewayWorld};
pub use interaction::{InteractionReply, SimInteraction};
pub use interactions_endpoint::{
    ANSWER_TIMEOUT, DELIVERY_HEADER, HttpDelivery, InteractionSigner, now as unix_now,
    post as post_interaction,
};
pub use invocation::Invocation;
pub use redis_server::{REQUIRE_REDIS_VAR, RedisServer, RedisServerError, RedisServerTls};
pub use stats::EmulatorStats;
pub use users::SimUser;
