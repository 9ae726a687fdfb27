//! Configuration of a client group ([`GroupConfig`]) and of the hub ([`HubConfig`]), with the
//! defaults a bot author expects: intents derived from the handlers, shards as Discord
//! recommends, zstd compression, Discord's production URLs, Ctrl-C handling, ten seconds for
//! handlers to finish at shutdown.
//!
//! Gateway settings follow Discord's
//! [connecting](https://discord.com/developers/docs/events/gateway#connecting) and
//! [intents](https://discord.com/developers/docs/events/gateway#gateway-intents) docs.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_model::gateway::Presence;

use crate::Error;
use crate::commands::CommandRegistration;
use crate::gateway::{Compression, Connector, GatewayLimits, Session, Shards};
use crate::http::{DEFAULT_BASE_URL, Transport};

/// How a group chooses its gateway intents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntentsConfig {
    /// Every non-privileged intent, plus the intents the handlers' events need (derived from
    /// the dispatcher when the hub starts), plus `extra` (for example
    /// [`Intents::MESSAGE_CONTENT`]). The default, with no extras.
    Auto {
        /// Intents added to the derived set.
        extra: Intents,
    },
    /// Exactly these intents. The hub refuses to start when they cannot deliver some
    /// handler's event, naming the missing intent.
    Exactly(Intents),
}

impl Default for IntentsConfig {
    fn default() -> Self {
        Self::Auto {
            extra: Intents::empty(),
        }
    }
}

/// The settings of one client group (one bot).
///
/// `api_base` and `rest_transport` are read when the group is created (its `client` is built
/// then); everything else is read when the hub starts.
#[derive(Clone)]
pub struct GroupConfig {
    /// The gateway intents (default: [`IntentsConfig::Auto`]).
    pub intents: IntentsConfig,
    /// The presence to identify with (default: none, Discord shows "online").
    pub presence: Option<Presence>,
    /// The shards (default: as many as `GET /gateway/bot` recommends).
    pub shards: Shards,
    /// The gateway transport compression (default: zstd-stream). Against a server without it,
    /// each shard falls back on its own to zlib-stream, then none (see
    /// [`ShardInfo::compression`](crate::gateway::ShardInfo::compression)).
    pub compression: Compression,
    /// `large_threshold` in IDENTIFY (50-250).
    pub large_threshold: Option<u8>,
    /// The REST API base URL (default `https://discord.com/api/v10`): the emulator or a proxy.
    pub api_base: String,
    /// A gateway URL to use instead of the one `GET /gateway/bot` returns.
    pub gateway_url: Option<String>,
    /// How gateway connections are opened (for example the emulator's in-memory connector).
    pub gateway_connector: Option<Arc<dyn Connector>>,
    /// How REST requests are sent (for example the emulator's in-memory transport).
    pub rest_transport: Option<Arc<dyn Transport>>,
    /// Sessions to resume instead of identifying (from a previous run's
    /// [`GroupReport::sessions`](super::GroupReport::sessions)).
    pub resume_sessions: HashMap<u32, Session>,
    /// On shutdown, close the gateway with a resumable code and report the sessions, instead
    /// of closing with 1000 (which ends the sessions: the bot goes offline at once). Default
    /// `false`.
    pub keep_sessions: bool,
    /// The gateway's bounds: message size, JSON depth, how long a saturated dispatcher holds
    /// reading back, retries (see [`GatewayLimits`]; the defaults suit Discord).
    pub gateway_limits: GatewayLimits,
    /// Where the group registers its application commands when it starts, if it has any
    /// (default: globally, written only when they differ from Discord's; see
    /// [`commands::registration`](crate::commands::registration)).
    pub commands: CommandRegistration,
    /// Scale-out on Redis (feature `redis`; default: none): the REST limits, identify queue and
    /// sessions shared by every process of the bot, and the event bus between gateway and worker
    /// processes (see [`crate::redis`]).
    #[cfg(feature = "redis")]
    pub redis: Option<crate::redis::ScaleOut>,
    /// Whether the group connects to the gateway (default `true`). A group that receives its
    /// interactions over HTTP may run without it ([`GroupConfig::without_gateway`]).
    pub connect_gateway: bool,
    /// An interactions endpoint run with the group (feature `http-interactions`): Discord's
    /// POSTs are dispatched to the group's handlers as `INTERACTION_CREATE`, and the group's
    /// `client` answers them in the HTTP response (see [`crate::interactions`]).
    #[cfg(feature = "http-interactions")]
    pub http_interactions: Option<crate::interactions::InteractionsConfig>,
}

impl Default for GroupConfig {
    fn default() -> Self {
        Self {
            intents: IntentsConfig::default(),
            presence: None,
            shards: Shards::Auto,
            compression: Compression::default(),
            large_threshold: None,
            api_base: DEFAULT_BASE_URL.to_owned(),
            gateway_url: None,
            gateway_connector: None,
            rest_transport: None,
            resume_sessions: HashMap::new(),
            keep_sessions: false,
            gateway_limits: GatewayLimits::default(),
            commands: CommandRegistration::default(),
            #[cfg(feature = "redis")]
            redis: None,
            connect_gateway: true,
            #[cfg(feature = "http-interactions")]
            http_interactions: None,
        }
    }
}

impl fmt::Debug for GroupConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut f = f.debug_struct("GroupConfig");
        f.field("intents", &self.intents)
            .field("presence", &self.presence)
            .field("shards", &self.shards)
            .field("compression", &self.compression)
            .field("large_threshold", &self.large_threshold)
            .field("api_base", &self.api_base)
            .field("gateway_url", &self.gateway_url)
            .field("gateway_connector", &self.gateway_connector.is_some())
            .field("rest_transport", &self.rest_transport.is_some())
            .field("resume_sessions", &self.resume_sessions.len())
            .field("keep_sessions", &self.keep_sessions)
            .field("gateway_limits", &self.gateway_limits)
            .field("commands", &self.commands)
            .field("connect_gateway", &self.connect_gateway);
        #[cfg(feature = "http-interactions")]
        f.field("http_interactions", &self.http_interactions);
        f.finish_non_exhaustive()
    }
}

impl GroupConfig {
    /// The environment variable [`GroupConfig::from_env`] reads: a REST API base to use instead
    /// of Discord's.
    pub const API_URL_VAR: &str = "DISCORD_API_URL";

    /// The default configuration.
    pub fn new() -> Self {
        Self::default()
    }

    /// The default configuration, with the REST API base from `DISCORD_API_URL` when it is set
    /// and not blank (for example `http://127.0.0.1:7878/api/v10`: a proxy, or the emulator of
    /// `cargo run -p asyncord-testkit --example emulator`). The gateway URL then comes
    /// from that server's `GET /gateway/bot`. Unset, this is [`GroupConfig::new`].
    ///
    /// ```no_run
    /// # async fn demo() -> asyncord::Result<()> {
    /// use asyncord::GroupConfig;
    ///
    /// let config = GroupConfig::from_env()?;
    /// asyncord::connect_with(std::env::var("DISCORD_TOKEN")?, config, async |group| {
    ///     let _ = group; // register handlers here
    /// })
    /// .await
    /// # }
    /// ```
    ///
    /// # Errors
    /// When `DISCORD_API_URL` is set but is not UTF-8, or is not an `http://` or `https://`
    /// URL.
    pub fn from_env() -> Result<Self, Error> {
        let config = Self::new();
        let url = match std::env::var(Self::API_URL_VAR) {
            Ok(url) => url,
            Err(std::env::VarError::NotPresent) => return Ok(config),
            Err(std::env::VarError::NotUnicode(_)) => {
                return Err(Error::other(format!(
                    "{} is not valid UTF-8",
                    Self::API_URL_VAR
                )));
            }
        };
        config.api_base_from_var(&url)
    }

    /// [`GroupConfig::api_base`] from the value of `DISCORD_API_URL` (blank: unchanged).
    fn api_base_from_var(self, url: &str) -> Result<Self, Error> {
        let url = url.trim();
        if url.is_empty() {
            return Ok(self);
        }
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(Error::other(format!(
                "{} must be an http:// or https:// REST API base such as \
                 http://127.0.0.1:7878/api/v10, not {url:?}",
                Self::API_URL_VAR
            )));
        }
        Ok(self.api_base(url))
    }

    /// Where the group's application commands are registered: globally (the default), in
    /// development guilds (`CommandRegistration::guilds([guild_id])`, where changes show at
    /// once), or not at all.
    pub fn commands(mut self, registration: CommandRegistration) -> Self {
        self.commands = registration;
        self
    }

    /// Identifies with exactly these intents.
    pub fn intents(mut self, intents: Intents) -> Self {
        self.intents = IntentsConfig::Exactly(intents);
        self
    }

    /// Adds intents to the derived set (or to the exact set, if one was given).
    pub fn add_intents(mut self, intents: Intents) -> Self {
        self.intents = match self.intents {
            IntentsConfig::Auto { extra } => IntentsConfig::Auto {
                extra: extra | intents,
            },
            IntentsConfig::Exactly(set) => IntentsConfig::Exactly(set | intents),
        };
        self
    }

    /// Identifies with this presence.
    pub fn presence(mut self, presence: Presence) -> Self {
        self.presence = Some(presence);
        self
    }

    /// Sets the shards: [`Shards::Auto`], [`Shards::all(n)`](Shards::all), or a range of a
    /// fixed count.
    pub fn shards(mut self, shards: Shards) -> Self {
        self.shards = shards;
        self
    }

    /// Sets the gateway compression.
    pub fn compression(mut self, compression: Compression) -> Self {
        self.compression = compression;
        self
    }

    /// Sends REST requests to this API base (`http://127.0.0.1:8080/api/v10`); the gateway URL
    /// then comes from its `GET /gateway/bot` unless [`GroupConfig::gateway_url`] is set.
    pub fn api_base(mut self, url: impl Into<String>) -> Self {
        url.into()
            .trim_end_matches('/')
            .clone_into(&mut self.api_base);
        self
    }

    /// Connects to this gateway URL instead of the one `GET /gateway/bot` returns.
    pub fn gateway_url(mut self, url: impl Into<String>) -> Self {
        self.gateway_url = Some(url.into());
        self
    }

    /// Opens gateway connections through this connector.
    pub fn gateway_connector(mut self, connector: Arc<dyn Connector>) -> Self {
        self.gateway_connector = Some(connector);
        self
    }

    /// Sends REST requests through this transport.
    pub fn rest_transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.rest_transport = Some(transport);
        self
    }

    /// Resumes these sessions instead of identifying.
    pub fn resume_sessions(mut self, sessions: HashMap<u32, Session>) -> Self {
        self.resume_sessions = sessions;
        self
    }

    /// Keeps the sessions resumable on shutdown (see [`GroupConfig::keep_sessions`]).
    pub fn keep_sessions(mut self, keep: bool) -> Self {
        self.keep_sessions = keep;
        self
    }

    /// Sets the gateway's bounds (see [`GatewayLimits`]).
    pub fn gateway_limits(mut self, limits: GatewayLimits) -> Self {
        self.gateway_limits = limits;
        self
    }

    /// Runs the group scaled out on the Redis server at `url` (`redis://host:port`), as both
    /// gateway and worker: see [`GroupConfig::scale_out`] to choose the role and the settings.
    #[cfg(feature = "redis")]
    pub fn redis(self, url: impl Into<String>) -> Self {
        self.scale_out(crate::redis::ScaleOut::new(url))
    }

    /// Runs the group scaled out on Redis with these settings (role, namespace, event bus, REST
    /// limits): the client's REST requests share the bot's limits with its other processes, and
    /// when the hub starts, a gateway role runs the shards (identify queue and sessions in Redis,
    /// dispatches to the event bus), a worker role runs the handlers on the bus's dispatches.
    #[cfg(feature = "redis")]
    pub fn scale_out(mut self, scale_out: crate::redis::ScaleOut) -> Self {
        self.redis = Some(scale_out);
        self
    }

    /// Runs the group without a gateway connection (for a bot whose interactions arrive over
    /// HTTP: see [`GroupConfig::http_interactions`]).
    pub fn without_gateway(mut self) -> Self {
        self.connect_gateway = false;
        self
    }

    /// Runs an interactions endpoint with the group (feature `http-interactions`; see
    /// [`crate::interactions`]). It starts when the hub starts the group and stops with it
    /// (it stops accepting at once; requests in flight get the hub's shutdown timeout).
    #[cfg(feature = "http-interactions")]
    pub fn http_interactions(mut self, config: crate::interactions::InteractionsConfig) -> Self {
        self.http_interactions = Some(config);
        self
    }

    /// The intents to identify with, given what the handlers need.
    pub(crate) fn resolve_intents(&self, required: Intents) -> Intents {
        match self.intents {
            IntentsConfig::Auto { extra } => {
                let set = Intents::NON_PRIVILEGED | required | extra;
                // `NON_PRIVILEGED` is built from `Intents::all()`, which keeps undocumented bits
                // (the gateway closes with 4013 for those): send documented bits only.
                Intents::from_bits_retain(set.bits() & !set.unknown_bits())
            }
            IntentsConfig::Exactly(set) => set,
        }
    }
}

/// The settings of the hub itself.
#[derive(Clone, Debug)]
pub struct HubConfig {
    /// How long handlers in flight may run after a stop before they are cancelled (default
    /// 10 s).
    pub shutdown_timeout: Duration,
    /// Stop every group when one fails fatally (bad token, disallowed intents). Default
    /// `false`: the failure is reported with the group's name and the others keep running.
    pub stop_on_group_failure: bool,
    /// Stop on Ctrl-C (SIGINT) and SIGTERM. Default `true`.
    pub handle_signals: bool,
}

impl Default for HubConfig {
    fn default() -> Self {
        Self {
            shutdown_timeout: Duration::from_secs(10),
            stop_on_group_failure: false,
            handle_signals: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_intents_add_what_handlers_need_to_the_safe_default() {
        let config = GroupConfig::new().add_intents(Intents::MESSAGE_CONTENT);
        let intents = config.resolve_intents(Intents::GUILD_MEMBERS);
        let np = Intents::NON_PRIVILEGED;
        assert!(intents.contains(Intents::from_bits_retain(np.bits() & !np.unknown_bits())));
        assert!(intents.contains(Intents::GUILDS | Intents::GUILD_MESSAGES));
        assert!(intents.contains(Intents::GUILD_MEMBERS | Intents::MESSAGE_CONTENT));
        assert!(!intents.contains(Intents::GUILD_PRESENCES));
        assert_eq!(intents.unknown_bits(), 0, "only documented bits are sent");
    }

    #[test]
    fn exact_intents_are_kept_as_given() {
        let config = GroupConfig::new()
            .intents(Intents::GUILDS)
            .add_intents(Intents::GUILD_MESSAGES);
        assert_eq!(
            config.resolve_intents(Intents::GUILD_MEMBERS),
            Intents::GUILDS | Intents::GUILD_MESSAGES
        );
    }

    #[test]
    fn the_api_url_variable_sets_the_rest_base_or_is_refused_clearly() {
        let config = GroupConfig::new()
            .api_base_from_var(" http://127.0.0.1:7878/api/v10/ ")
            .unwrap();
        assert_eq!(config.api_base, "http://127.0.0.1:7878/api/v10");
        let blank = GroupConfig::new().api_base_from_var("  ").unwrap();
        assert_eq!(blank.api_base, GroupConfig::new().api_base);
        let err = GroupConfig::new()
            .api_base_from_var("127.0.0.1:7878")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("DISCORD_API_URL") && err.contains("http://"),
            "{err}"
        );
    }

    #[test]
    fn api_base_drops_trailing_slashes() {
        let config = GroupConfig::new().api_base("http://127.0.0.1:8080/api/v10/");
        assert_eq!(config.api_base, "http://127.0.0.1:8080/api/v10");
    }
}
