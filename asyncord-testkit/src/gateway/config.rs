//! [`GatewayServerConfig`]: how the emulated gateway behaves — its timings, what it keeps for
//! RESUME, what one client can make it hold, and what `GET /gateway/bot` reports
//! ([docs](https://discord.com/developers/docs/events/gateway)).

use std::time::Duration;

use super::GatewayCompressionSupport;
use crate::access::OriginPolicy;
use crate::connections::ConnectionLimits;

/// The largest frame a client may send, as Discord: "Payloads to the gateway are limited to a
/// maximum of 4096 bytes sent, going over this will cause a connection termination with error
/// code 4002."
pub const DISCORD_MAX_CLIENT_FRAME: usize = 4096;

/// How the emulated gateway behaves.
#[derive(Clone, Debug)]
pub struct GatewayServerConfig {
    /// The heartbeat interval sent in HELLO (Discord: 41.25 s).
    pub heartbeat_interval: Duration,
    /// How many dispatches per session are kept for RESUME replay (default 100,000).
    pub replay_buffer: usize,
    /// How long a session outlives its connection, resumable (default 3 minutes: Discord does
    /// not document its window; sessions are resumable for a few minutes).
    pub resume_window: Duration,
    /// How many sessions without a connection are kept for RESUME at once (default 100: every
    /// shard of a large test bot reconnecting together); beyond it the longest-detached one is
    /// forgotten. With the resume window this bounds the replay buffers no client reads.
    pub max_resumable_sessions: usize,
    /// How many frames may wait to be sent to one connection (default 100,000, a replay
    /// buffer's worth; a RESUME's replay counts as one). A client that does not read them is
    /// dropped, recorded as
    /// [`ServerEventKind::SendQueueFull`](super::ServerEventKind::SendQueueFull); its session
    /// stays resumable.
    pub send_queue_capacity: usize,
    /// The largest message a client may send, fragments together (default
    /// [`DISCORD_MAX_CLIENT_FRAME`], 4096 bytes, as Discord); a larger one closes the
    /// connection with 4002.
    pub max_client_frame: usize,
    /// How many [`ServerEvent`](super::ServerEvent)s the event log keeps, the most recent ones
    /// (default 10,000);
    /// [`GatewayServer::connection_count`](super::GatewayServer::connection_count) and
    /// [`GatewayServer::identify_count`](super::GatewayServer::identify_count) count them all.
    pub event_log_capacity: usize,
    /// The socket connections' limits: how many at once, how long the handshake's request
    /// head may take; once upgraded, a frame the client does not accept within
    /// [`ConnectionLimits::idle_timeout`] drops the connection. In-memory connections are not
    /// limited.
    pub connections: ConnectionLimits,
    /// Which `Host` and `Origin` headers a handshake (or `GET /gateway/bot`) over a socket may
    /// carry (loopback only by default).
    pub origin_policy: OriginPolicy,
    /// The shard count `GET /gateway/bot` recommends.
    pub shards: u32,
    /// `max_concurrency` reported by `GET /gateway/bot`.
    pub max_concurrency: u32,
    /// `session_start_limit.total` reported by `GET /gateway/bot`.
    pub session_start_total: u32,
    /// Members per GUILD_MEMBERS_CHUNK.
    pub member_chunk_size: usize,
    /// Guilds one shard may hold before IDENTIFY gets 4011.
    pub max_guilds_per_shard: usize,
    /// Whether the 120/60 s limit is enforced.
    pub rate_limit: bool,
    /// Which transport compression is served (default: all of Discord's).
    pub compression: GatewayCompressionSupport,
}

impl Default for GatewayServerConfig {
    fn default() -> Self {
        Self {
            heartbeat_interval: Duration::from_millis(41_250),
            replay_buffer: 100_000,
            resume_window: Duration::from_secs(180),
            max_resumable_sessions: 100,
            send_queue_capacity: 100_000,
            max_client_frame: DISCORD_MAX_CLIENT_FRAME,
            event_log_capacity: 10_000,
            connections: ConnectionLimits::default(),
            origin_policy: OriginPolicy::default(),
            shards: 1,
            max_concurrency: 1,
            session_start_total: 1000,
            member_chunk_size: 1000,
            max_guilds_per_shard: 2500,
            rate_limit: true,
            compression: GatewayCompressionSupport::All,
        }
    }
}
