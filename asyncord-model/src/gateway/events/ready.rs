//! Session events: `READY`, `RESUMED`, `RATE_LIMITED`
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#ready)).

use serde::de::{Deserializer, IgnoredAny};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use crate::GuildId;
use crate::application::Application;
use crate::gateway::OpCode;
use crate::guild::UnavailableGuild;
use crate::lenient;
use crate::user::User;

lenient_event! {
    /// `READY`: the session is established.
    pub struct ReadyEvent {
        /// The API version.
        pub v: u8,
        /// The bot's user.
        pub user: User,
        /// The bot's guilds, unavailable at first; each arrives later as `GUILD_CREATE`.
        #[serde(default, deserialize_with = "lenient::guilds")]
        pub guilds: Vec<UnavailableGuild>,
        /// The session id, for resuming.
        pub session_id: String,
        /// The gateway URL to resume on.
        pub resume_gateway_url: String,
        /// `[shard_id, num_shards]`, when sent with Identify.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub shard: Option<[u32; 2]>,
        /// The bot's application (id and flags only).
        pub application: Application,
    }
}

/// `RESUMED`: the missed events were replayed after a Resume. Carries no data.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResumedEvent;

impl Serialize for ResumedEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_map(Some(0))?.end()
    }
}

impl<'de> Deserialize<'de> for ResumedEvent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| ResumedEvent)
    }
}

/// `RATE_LIMITED`: a gateway request (such as Request Guild Members) was rate limited.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RateLimitedEvent {
    /// The opcode of the request that was limited.
    pub opcode: OpCode,
    /// Seconds to wait before sending it again.
    pub retry_after: f64,
    /// What was limited.
    #[serde(default)]
    pub meta: RateLimitMetadata,
}

/// [`RateLimitedEvent::meta`]; for opcode 8 (Request Guild Members) the guild and nonce.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimitMetadata {
    /// The guild whose members were requested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The nonce of the request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}
