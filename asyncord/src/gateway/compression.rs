//! [`Compression`]: the transport compression a gateway connection asks for with its
//! `compress` parameter ([docs](https://discord.com/developers/docs/events/gateway#transport-compression)).

use std::fmt;

/// Transport compression of a gateway connection.
///
/// Against a server that does not support the requested mode (a self-hosted Discord-compatible
/// server, a proxy), a shard falls back on its own: `zstd-stream`, then `zlib-stream`, then none
/// (see [`ShardInfo::compression`](super::ShardInfo::compression)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Compression {
    /// Plain JSON text frames.
    None,
    /// `compress=zlib-stream`: one zlib context per connection.
    ZlibStream,
    /// `compress=zstd-stream`: one zstd context per connection (the default: smallest and fastest).
    #[default]
    ZstdStream,
}

impl Compression {
    /// The `compress` query parameter value, if any.
    pub const fn query_value(self) -> Option<&'static str> {
        match self {
            Self::None => None,
            Self::ZlibStream => Some("zlib-stream"),
            Self::ZstdStream => Some("zstd-stream"),
        }
    }
}

impl fmt::Display for Compression {
    /// The `compress` value (`zstd-stream`, `zlib-stream`), or `none`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.query_value().unwrap_or("none"))
    }
}
