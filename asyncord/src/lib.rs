#![doc = include_str!("../../README.md")]
//!
//! # Crate layout
//!
//! - [`client_hub`]: [`ClientHub`], [`ClientGroup`], [`connect`] — bots as a user meets them.
//! - [`dispatcher`]: the [`Dispatcher`](dispatcher::Dispatcher), [`handler`] and [`inject`].
//! - [`rest`]: the [`RestClient`](rest::RestClient) and its resources; [`http`]: the transport
//!   and rate limiter under it.
//! - [`gateway`]: shards, compression, heartbeats, resume.
//! - [`model`]: every Discord object, event and request body (`asyncord-model`).
//! - [`Token`]: the bot token, normalised once and never shown; [`Error`]/[`Result`]: what
//!   `main` returns.
//! - `testkit` (feature `testkit`): the offline Discord emulator (the `asyncord-testkit` crate)
//!   and what connects a bot to it.
//! - [`prelude`]: the names a bot needs, `use asyncord::prelude::*;`.

pub use asyncord_model as model;

mod error;
mod token;

pub mod dispatcher;
pub mod gateway;
pub mod http;
pub mod rest;

pub mod cache;
pub mod client_hub;

#[cfg(feature = "testkit")]
pub mod testkit;

pub mod prelude;

pub use asyncord_macros::{handler, inject};
pub use client_hub::{
    ClientGroup, ClientGroups, ClientHub, GroupConfig, HubConfig, StopHandle, connect, connect_with,
};
pub use error::{Error, Result};
pub use token::Token;
