//! [`ServerEvent`]: what the emulated gateway saw or did, recorded for tests to assert on
//! ([docs](https://discord.com/developers/docs/events/gateway#connection-lifecycle)).

use asyncord_model::Intents;
use tokio::time::Instant;

/// Something the emulated gateway saw or did (for tests to assert on).
#[derive(Clone, Debug)]
pub struct ServerEvent {
    /// When (tokio clock).
    pub at: Instant,
    /// The connection (numbered from 1 in order of arrival).
    pub conn: u64,
    /// What happened.
    pub kind: ServerEventKind,
}

/// What a [`ServerEvent`] records.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ServerEventKind {
    /// A WebSocket connection opened, with its `compress` parameter.
    Connected {
        /// `compress`.
        compress: Option<String>,
    },
    /// An IDENTIFY was accepted.
    Identified {
        /// `[shard_id, num_shards]`.
        shard: [u32; 2],
        /// The intents.
        intents: Intents,
        /// The new session.
        session_id: String,
    },
    /// A RESUME was accepted.
    Resumed {
        /// The session.
        session_id: String,
        /// How many events were replayed.
        replayed: usize,
    },
    /// A RESUME was answered with op 9.
    ResumeRejected,
    /// A heartbeat arrived.
    Heartbeat {
        /// Its `d`.
        seq: Option<u64>,
    },
    /// A command (op 3, 4, 8, 31, 43) arrived.
    Command {
        /// The opcode.
        op: u8,
        /// Its `d`.
        data: serde_json::Value,
    },
    /// An IDENTIFY came too soon after another of the same `max_concurrency` bucket and was
    /// answered with op 9.
    IdentifyTooFast {
        /// The shard id.
        shard: u32,
    },
    /// The server closed the connection with a code.
    ClosedByServer {
        /// The close code.
        code: u16,
    },
    /// The client sent a close frame (or the stream failed: `None`).
    ClientClosed {
        /// The close code.
        code: Option<u16>,
    },
    /// The connection ended.
    Disconnected,
    /// A WebSocket handshake was refused with HTTP 400 because the server does not support its
    /// `compress` parameter (see
    /// [`GatewayCompressionSupport`](super::GatewayCompressionSupport)); its number is the one
    /// the connection would have had.
    HandshakeRefused {
        /// `compress`.
        compress: Option<String>,
    },
    /// The client did not read what was sent to it: its send queue held
    /// [`GatewayServerConfig::send_queue_capacity`](super::GatewayServerConfig::send_queue_capacity)
    /// frames, so the connection was dropped (without a close frame, which it would not read
    /// either).
    SendQueueFull {
        /// The queue's capacity.
        capacity: usize,
    },
}
