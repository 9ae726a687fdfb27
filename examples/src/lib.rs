//! Shared helpers for the example bots.
