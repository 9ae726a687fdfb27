//! The asyncord example bots: `examples/*.rs`, each run with `cargo run --example NAME`.
//!
//! Each example is a complete bot as a user writes it. Its `main` chooses where it runs with
//! one line, `asyncord::testkit::Offline::from_env()`: with `DISCORD_TOKEN` set, Discord (or
//! the server at `DISCORD_API_URL`); without, an in-process emulator where the simulated users
//! of the example's offline scene (at the bottom of its file) talk to the bot, and the run ends
//! when the scene does (exit code 1 if the bot did not do what the scene expects).
//!
//! `tests/examples_offline.rs` runs every example's own bot through the same path on tokio's
//! paused clock; `README.md` in this folder maps each snippet of the seed's "Client" page to
//! its example.
