#![doc = include_str!("../../README.md")]
//!
//! # Crate layout
//!
//! - [`client_hub`]: [`ClientHub`], [`ClientGroup`], [`connect`] — bots as a user meets them.
//! - [`dispatcher`]: the [`Dispatcher`](dispatcher::Dispatcher), [`handler`] and [`inject`].
//! - [`commands`]: application commands — `#[command]`, subcommands, context menus,
//!   autocomplete, components and modals, registered by difference and routed from
//!   `INTERACTION_CREATE`.
//! - [`rest`]: the [`RestClient`](rest::RestClient) and its resources; [`http`]: the transport
//!   and rate limiter under it.
//! - [`gateway`]: shards, compression, heartbeats, resume.
//! - [`model`]: every Discord object, event and request body (`asyncord-model`).
//! - [`Token`]: the bot token, normalised once and never shown; [`Error`]/[`Result`]: what
//!   `main` returns.
//! - `interactions` (feature `http-interactions`): interactions over HTTP, Discord's
//!   "Interactions Endpoint URL" ([`serve_interactions`] for a bot without a gateway).
//! - `testkit` (feature `testkit`): the offline Discord emulator (the `asyncord-testkit` crate)
//!   and what connects a bot to it.
//! - `redis` (feature `redis`): scale-out — identify queue, REST limiter, sessions and an event
//!   bus shared by every process of a bot through Redis.
//! - TLS (feature `rustls`, on by default): rustls for `https://` and `wss://`; without it,
//!   plain `http://` and `ws://` only, and TLS URLs are refused with an error naming the feature.
//! - [`prelude`]: the names a bot needs, `use asyncord::prelude::*;`.

pub use asyncord_model as model;

mod error;
mod tls;
mod token;

pub mod commands;
pub mod dispatcher;
pub mod gateway;
pub mod http;
pub mod rest;

pub mod cache;
#[cfg(feature = "redis")]
pub mod redis;

pub mod client_hub;

#[cfg(feature = "http-interactions")]
pub mod interactions;

#[cfg(feature = "testkit")]
pub mod testkit;

pub mod prelude;

pub use asyncord_macros::{handler, inject};
#[cfg(feature = "http-interactions")]
pub use client_hub::serve_interactions;
pub use client_hub::{
    ClientGroup, ClientGroups, ClientHub, GroupConfig, HubConfig, StopHandle, connect, connect_with,
};
pub use error::{Error, Result};
pub use token::Token;
