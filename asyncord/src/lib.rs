//! # asyncord
//!
//! A Rust SDK for Discord bots: a REST client with correct rate limiting, a gateway client that
//! keeps a bot connected through every fault Discord can throw at it, handlers wired and checked
//! at compile time, and `testkit`, an offline Discord emulator to test bots against.

pub use asyncord_model as model;

pub mod dispatcher;
pub mod gateway;
pub mod http;
pub mod rest;

pub mod client_hub;

#[cfg(feature = "testkit")]
pub mod testkit;

pub mod prelude;
