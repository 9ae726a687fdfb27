//! `testkit`: the offline Discord emulator (gateway + REST) for tests, examples and users — the
//! [`asyncord-testkit`](asyncord_testkit) crate, re-exported whole — plus what connects an
//! asyncord bot to it.
//!
//! Start with [`Emulator`]: one call serves REST and the gateway on 127.0.0.1 over one shared
//! [`World`](world::World), seeded by [`Emulator::builder`]. Simulated users ([`SimUser`]) talk to
//! the bots; the expectations ([`Emulator::next_message_in`], [`SimInteraction::response`],
//! [`Emulator::wait_for_request`]) await what the bots did, with a timeout. [`EmulatorBots`]
//! (also in the [prelude](crate::prelude)) points bots at it: [`EmulatorBots::run_bot`],
//! [`EmulatorBots::group_config`], [`EmulatorBots::rest_client`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use asyncord::prelude::*;
//! use asyncord::testkit::Emulator;
//!
//! #[handler]
//! async fn ping(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
//!     if event.content == "!ping" {
//!         let reply = CreateMessage::content("pong");
//!         client.channels.messages(event.channel_id).create(reply).await?;
//!     }
//!     Ok(())
//! }
//!
//! let emu = Emulator::start().await?;
//! let bot = emu
//!     .run_bot(|group| {
//!         group.dispatcher.add_handler(ping);
//!     })
//!     .await?;
//! emu.user_named("alice")?.send_message(emu.channel_id(), "!ping")?;
//! assert_eq!(emu.next_message_in(emu.channel_id()).await?.content, "pong");
//! bot.stop().await?;
//! emu.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! An example bot runs against Discord or, without a token, against the emulator with one
//! switch: [`Offline::from_env`], whose [`Offline::play`] plays a [`Scene`] of simulated users
//! (see [`offline`]).
//!
//! In memory, the emulator's [`RestEndpoint`](rest::RestEndpoint) is a REST
//! [`Transport`](crate::http::Transport) and its [`GatewayEndpoint`](gateway::GatewayEndpoint)
//! a gateway [`Connector`](crate::gateway::Connector): no socket, so tests run on tokio's paused
//! clock.

mod bots;
mod in_memory;
pub mod offline;

pub use asyncord_testkit::*;

pub use bots::{EmulatorBots, RunBotError, RunningBot};
pub use offline::{Offline, Scene, SceneError, SceneResult, check};
