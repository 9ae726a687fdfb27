//! [`Dispatch`]: a gateway event the emulated Discord produces, and the [`DispatchBus`] it
//! travels on from the world (and the expectations' recorder) to the connected gateway
//! sessions ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).

use asyncord_model::{GuildId, Intents, UserId};

/// One gateway dispatch produced by the emulated Discord (for example by a REST call).
#[derive(Clone, Debug)]
pub struct Dispatch {
    /// The event name (`t`), e.g. `"MESSAGE_CREATE"`.
    pub event: String,
    /// The event data (`d`).
    pub data: serde_json::Value,
    /// The guild the event belongs to, if any (sessions only get events of their guilds/shard).
    pub guild_id: Option<GuildId>,
    /// The intents that deliver it (any of them); empty for events every session gets.
    pub intents: Intents,
    /// Only deliver to the bot with this user id (for example an interaction for its application).
    pub only_bot: Option<UserId>,
}

/// The channel dispatches travel on, from the world to connected gateway sessions.
pub type DispatchBus = tokio::sync::broadcast::Sender<Dispatch>;
