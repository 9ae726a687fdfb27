//! The REST answers that describe the gateway: `GET /gateway` and `GET /gateway/bot`
//! ([Discord docs](https://discord.com/developers/docs/events/gateway#get-gateway)).

use serde::{Deserialize, Serialize};

/// `GET /gateway`'s answer (Discord's `GatewayResponse`): the URL to connect to. The gateway
/// client parses such a URL into a `GatewayAddress` (`asyncord::gateway`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayResponse {
    /// The gateway WebSocket URL (add `?v=10&encoding=json`).
    pub url: String,
}

/// `GET /gateway/bot`'s answer: the URL, the recommended shard count and the session start
/// limit (what the gateway client asks before connecting).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GatewayBot {
    /// The gateway WebSocket URL.
    pub url: String,
    /// The recommended number of shards.
    pub shards: u32,
    /// How many sessions the bot may still start.
    pub session_start_limit: SessionStartLimit,
}

/// The session start limit of [`GatewayBot`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionStartLimit {
    /// Session starts allowed per reset period (1000 per day by default).
    pub total: u32,
    /// Session starts left.
    pub remaining: u32,
    /// Milliseconds until the limit resets.
    pub reset_after: u64,
    /// How many shards may identify per 5 seconds.
    pub max_concurrency: u32,
}
