//! [`RedisError`]: what went wrong talking to Redis, naming the server (`host:port`, never the
//! URL, which may hold a password) and keeping the driver's error as the source.

/// An error of the Redis backend.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RedisError {
    /// The URL is not a Redis URL (`redis://[:password@]host[:port][/db]`), or the TLS root
    /// certificate given with it is not a PEM certificate.
    #[error(
        "invalid Redis URL or certificate ({reason}); expected \
         redis[s]://[:password@]host[:port][/db] or unix:///path"
    )]
    InvalidUrl {
        /// Why it was refused (never the URL itself, which may hold a password).
        reason: String,
    },
    /// A command failed: the server is unreachable, timed out, or answered with an error.
    #[error("Redis at {server}: {what} failed: {source}")]
    Command {
        /// `host:port` of the server.
        server: String,
        /// What was being done.
        what: &'static str,
        /// The driver's error.
        #[source]
        source: redis::RedisError,
    },
    /// The server answered something this version does not understand.
    #[error("Redis at {server}: {what}: unexpected reply: {detail}")]
    Unexpected {
        /// `host:port` of the server.
        server: String,
        /// What was being done.
        what: &'static str,
        /// What was wrong with the reply.
        detail: String,
    },
}

impl RedisError {
    /// Whether the error is about reaching the server (refused, reset, timed out), rather than
    /// about a command it refused: such errors go away when the server is back.
    pub fn is_unreachable(&self) -> bool {
        match self {
            Self::Command { source, .. } => {
                source.is_io_error()
                    || source.is_timeout()
                    || source.is_connection_dropped()
                    || source.is_connection_refusal()
                    || source.is_unrecoverable_error()
            }
            Self::InvalidUrl { .. } | Self::Unexpected { .. } => false,
        }
    }
}
