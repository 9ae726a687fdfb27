//! [`InteractionsConfig`]: where the interactions endpoint listens and how it treats requests
//! (the answer deadline, the replay window, the body limit).
//! <https://discord.com/developers/docs/interactions/overview#configuring-an-interactions-endpoint-url>

use std::net::SocketAddr;
use std::time::Duration;

use super::signature::PublicKey;

/// The default answer deadline: Discord waits 3 seconds for the HTTP answer; half a second is
/// left for the way back through a reverse proxy and the Internet.
pub const DEFAULT_DEADLINE: Duration = Duration::from_millis(2500);

/// The default replay window: a request's signed timestamp may be at most this far from the
/// server's clock, either side.
pub const DEFAULT_REPLAY_WINDOW: Duration = Duration::from_secs(5 * 60);

/// The default body limit. An interaction carries its resolved users, members, channels,
/// roles, messages and attachments; the largest Discord sends stay well under it.
pub const DEFAULT_MAX_BODY: usize = 1 << 20;

/// The default connection limit: connections served at once; further ones wait in the
/// listen queue until one closes.
pub const DEFAULT_MAX_CONNECTIONS: usize = 1024;

/// The settings of an interactions endpoint.
#[derive(Clone, Debug)]
pub struct InteractionsConfig {
    /// The application's public key (the portal's General Information > Public Key).
    pub public_key: PublicKey,
    /// Where to listen (behind an HTTPS reverse proxy: usually `127.0.0.1:<port>`).
    pub addr: SocketAddr,
    /// The only path served (`None`, the default: any path). Other paths get 404.
    pub path: Option<String>,
    /// How long handlers have to answer in the HTTP response before the server answers with
    /// the deferred type itself (default [`DEFAULT_DEADLINE`]).
    pub deadline: Duration,
    /// Whether the automatic deferral of a command or modal submit is ephemeral (its later
    /// answer, an edit of the original response, is then ephemeral too). Default `false`.
    pub defer_ephemeral: bool,
    /// How far a request's signed timestamp may be from the server's clock (default
    /// [`DEFAULT_REPLAY_WINDOW`]).
    pub replay_window: Duration,
    /// The largest body accepted (default [`DEFAULT_MAX_BODY`]); a larger one gets 413.
    pub max_body: usize,
    /// How long a client has to send a request's head and body (default 10 s).
    pub read_timeout: Duration,
    /// How many connections are served at once (default [`DEFAULT_MAX_CONNECTIONS`]; at least
    /// 1). At the limit the endpoint stops accepting until a connection closes: further clients
    /// wait in the system's listen queue, so memory stays bounded whatever clients do.
    pub max_connections: usize,
}

impl InteractionsConfig {
    /// The default settings for `public_key`, listening on `addr`.
    pub fn new(public_key: PublicKey, addr: SocketAddr) -> Self {
        Self {
            public_key,
            addr,
            path: None,
            deadline: DEFAULT_DEADLINE,
            defer_ephemeral: false,
            replay_window: DEFAULT_REPLAY_WINDOW,
            max_body: DEFAULT_MAX_BODY,
            read_timeout: Duration::from_secs(10),
            max_connections: DEFAULT_MAX_CONNECTIONS,
        }
    }

    /// Serves only `path` (for example `/interactions`).
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    /// Sets the answer deadline (see [`InteractionsConfig::deadline`]); keep it under 3 s.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Makes the automatic deferral of commands and modal submits ephemeral.
    pub fn defer_ephemeral(mut self, ephemeral: bool) -> Self {
        self.defer_ephemeral = ephemeral;
        self
    }

    /// Sets the replay window.
    pub fn replay_window(mut self, window: Duration) -> Self {
        self.replay_window = window;
        self
    }

    /// Sets the body limit.
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// Sets how long a client has to send a request.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = timeout;
        self
    }

    /// Sets how many connections are served at once (see
    /// [`InteractionsConfig::max_connections`]).
    pub fn max_connections(mut self, connections: usize) -> Self {
        self.max_connections = connections;
        self
    }
}
