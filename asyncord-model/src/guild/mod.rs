//! Guilds and everything that hangs off them: the guild object (with its `GUILD_CREATE` extras),
//! previews, widgets, onboarding, welcome screens, templates, integrations, bans and prunes.
//!
//! Discord docs: [Guild resource](https://discord.com/developers/docs/resources/guild).

mod integration;

pub use integration::*;
