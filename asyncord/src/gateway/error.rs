//! Gateway errors: fatal close codes name what to fix
//! ([docs](https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-close-event-codes)).

/// An error of the gateway client.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GatewayError {
    /// Close 4004.
    #[error(
        "gateway close 4004: authentication failed; the bot token is wrong or was reset (get a new one in the developer portal)"
    )]
    AuthenticationFailed,
    /// Close 4010.
    #[error("gateway close 4010: invalid shard; the shard id must be below the shard count")]
    InvalidShard,
    /// Close 4011.
    #[error(
        "gateway close 4011: sharding required; the bot is in too many guilds for this shard count (use Shards::Auto or more shards)"
    )]
    ShardingRequired,
    /// Close 4012.
    #[error("gateway close 4012: invalid API version; use gateway v10")]
    InvalidApiVersion,
    /// Close 4013.
    #[error("gateway close 4013: invalid intents; the intents value has unknown bits")]
    InvalidIntents,
    /// Close 4014.
    #[error(
        "gateway close 4014: disallowed intents; enable the privileged intents (GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT) for this bot in the developer portal, or stop requesting them"
    )]
    DisallowedIntents,
    /// `GET /gateway/bot` failed (after the REST client's retries, or at its timeout).
    #[error("GET /gateway/bot failed; the gateway URL and shard count are unknown")]
    GatewayBot(#[source] Box<crate::http::RestError>),
    /// The gateway URL could not be used.
    #[error("invalid gateway URL {url:?}: {reason}")]
    InvalidUrl {
        /// The URL.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The shard range does not fit the shard count.
    #[error("shard range {range:?} does not fit a shard count of {count}")]
    InvalidShards {
        /// The shards this process was asked to run.
        range: std::ops::Range<u32>,
        /// The total shard count.
        count: u32,
    },
    /// A connection's decompressor could not be created.
    #[error("the {compression} decompressor could not be created")]
    Decompressor {
        /// The transport compression of the connection.
        compression: super::compression::Compression,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// A shard's task panicked or was cancelled (a bug: please report it).
    #[error("shard {shard}'s task ended abnormally")]
    ShardTask {
        /// The shard.
        shard: u32,
        /// The task's end.
        #[source]
        source: tokio::task::JoinError,
    },
    /// A command was rejected before sending (for example a nonce over 32 bytes).
    #[error("invalid gateway command: {0}")]
    InvalidCommand(&'static str),
    /// The gateway handle has no running shards: the gateway has not connected yet (the hub
    /// connects it when it starts; see [`GatewayHandle::wait_connected`](super::GatewayHandle::wait_connected))
    /// or it has stopped.
    #[error("the gateway is not connected (not started yet, or stopped)")]
    NotConnected,
    /// This process runs no shards (a worker of a bot scaled out), and its command could not
    /// be handed to the processes that do.
    #[error("the gateway command could not be handed to the gateway processes: {0}")]
    Relay(String),
    /// The handle given to [`Gateway::connect_with_handle`](super::Gateway::connect_with_handle)
    /// already has running shards.
    #[error("this gateway handle is already connected; stop its gateway first")]
    AlreadyConnected,
    /// The shard a command was addressed to is not run by this process or has stopped.
    #[error("shard {0} is not running")]
    ShardNotRunning(u32),
    /// A reply to a command could not be read.
    #[error("malformed {event} reply")]
    MalformedReply {
        /// The reply's event name.
        event: &'static str,
        /// The parse error.
        #[source]
        source: serde_json::Error,
    },
    /// A reply to a command makes no sense (for example a chunk index past the chunk count).
    #[error("invalid {event} reply: {reason}")]
    InvalidReply {
        /// The reply's event name.
        event: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A request was not answered in time.
    #[error("no reply from the gateway in time")]
    Timeout,
}

impl GatewayError {
    /// The fatal error for a close code, `None` when the code is not fatal.
    pub fn from_close_code(code: u16) -> Option<Self> {
        Some(match code {
            4004 => Self::AuthenticationFailed,
            4010 => Self::InvalidShard,
            4011 => Self::ShardingRequired,
            4012 => Self::InvalidApiVersion,
            4013 => Self::InvalidIntents,
            4014 => Self::DisallowedIntents,
            _ => return None,
        })
    }

    /// The close code this error came from, if any.
    pub fn close_code(&self) -> Option<u16> {
        Some(match self {
            Self::AuthenticationFailed => 4004,
            Self::InvalidShard => 4010,
            Self::ShardingRequired => 4011,
            Self::InvalidApiVersion => 4012,
            Self::InvalidIntents => 4013,
            Self::DisallowedIntents => 4014,
            _ => return None,
        })
    }
}

/// What a shard does after a connection ends with a close code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CloseAction {
    /// Stop the shard.
    Fatal,
    /// Reconnect and identify again.
    NewSession,
    /// Reconnect and resume.
    Resume,
}

/// Classifies a close code: fatal for 4004 and 4010-4014, a new session for 4003/4007/4009,
/// resume otherwise.
pub(crate) fn close_action(code: u16) -> CloseAction {
    match code {
        4004 | 4010..=4014 => CloseAction::Fatal,
        4003 | 4007 | 4009 => CloseAction::NewSession,
        _ => CloseAction::Resume,
    }
}
