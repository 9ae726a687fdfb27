//! [`GatewayLimits`]: the bounds a shard holds whatever the server sends or the consumer does —
//! message size, JSON nesting, how long a saturated consumer holds reading back, how often a
//! dead resume URL or a stalled `GET /gateway/bot` is retried
//! ([docs](https://discord.com/developers/docs/events/gateway#connecting)).

use std::time::Duration;

/// How long a shard holds reading back for a saturated consumer by default (see
/// [`GatewayLimits::saturation_wait`]).
pub const SATURATION_WAIT: Duration = Duration::from_secs(5);

/// The bounds of a gateway's shards. The defaults suit Discord; every one is a bound on memory,
/// time or retries that a hostile or broken server (or a stuck consumer) cannot push past.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayLimits {
    /// The largest message a shard accepts, in bytes: one WebSocket frame, the fragments of one
    /// message together, the compressed bytes of one `zlib-stream` message, and one message
    /// once decompressed (a decompression bomb stops here). Default 16 MiB: Discord's largest
    /// payloads (the GUILD_CREATE of a huge guild, READY of a bot in many guilds) are a few MiB.
    ///
    /// A larger message fails the connection with an error naming this limit; the shard then
    /// reconnects and resumes as after any transport failure, with its backoff. A buffer that
    /// grew for a large message is shrunk back to at most 1 MiB before the next one.
    pub max_message_size: usize,
    /// How deeply JSON may nest in a frame's `d` (objects and arrays, counted together; default
    /// 128, serde_json's limit). Deeper nesting is rejected by the shard's scan before any parser
    /// recurses into it (a recursive parser skipping a 20,000-deep array in an unknown field
    /// would overflow its stack and abort the process): the frame is logged and skipped. Raising
    /// it far (past a few hundred) gives that risk back.
    pub max_json_depth: usize,
    /// How long a shard stops reading for a saturated consumer (a full
    /// [`EventChannel`](super::EventChannel), a dispatcher at its in-flight bound) before it
    /// reads on without delivering. Whatever its value, a shard stands still for at most half a
    /// heartbeat interval in all between two heartbeat ACKs (a consumer that lets it read one
    /// frame at a time cannot delay an ACK either), so acknowledgements are never read late.
    /// Default [`SATURATION_WAIT`] (5 s).
    ///
    /// Reading on, the shard handles heartbeats and the server's control frames but does not
    /// deliver dispatches, nor count them as received; once the consumer takes frames again it
    /// resumes the session, and Discord replays what it read meanwhile. Nothing is lost and
    /// memory stays bounded by the consumer's own bound.
    pub saturation_wait: Duration,
    /// How many connections to a session's resume URL may fail in a row (refused, timed out,
    /// closed before HELLO) before the shard drops the session, warns, and identifies on the
    /// main gateway URL (default 5: about 15 to 30 s of backoff). A stale saved session or a
    /// resume host that went away is then not retried forever.
    pub resume_attempts: u32,
    /// How many times `GET /gateway/bot` is attempted at start when it times out or cannot
    /// connect (default 3; each attempt is bounded by the REST client's timeout, server errors
    /// are retried by the REST client itself).
    pub gateway_bot_attempts: u32,
}

impl Default for GatewayLimits {
    fn default() -> Self {
        Self {
            max_message_size: 16 << 20,
            max_json_depth: 128,
            saturation_wait: SATURATION_WAIT,
            resume_attempts: 5,
            gateway_bot_attempts: 3,
        }
    }
}
