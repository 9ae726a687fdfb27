//! [`ScaleOut`]: how a client group runs scaled out on Redis — the server, the role of this
//! process ([`Role`]: gateway, worker or both), the namespace of the bot's keys, and the event
//! bus's and REST limiter's settings. Set it with
//! [`GroupConfig::redis`](crate::GroupConfig::redis) or
//! [`GroupConfig::scale_out`](crate::GroupConfig::scale_out).

use std::fmt;
use std::str::FromStr;

use super::bus::BusConfig;
use super::error::RedisError;
use super::keys::Namespace;
use super::limiter::RedisRateLimiterConfig;
use super::link::RedisLink;
use super::tls::RedisTls;

/// What one process of a scaled-out bot runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Shards: their dispatches go to the event bus; the identify queue and the sessions are
    /// shared through Redis; the workers' gateway commands are sent on the shards they are
    /// for. The group's handlers do not run here.
    Gateway,
    /// The group's handlers, fed by the event bus; no shard. The handlers' `gateway` argument
    /// relays its commands (presence, voice state, guild member and soundboard requests)
    /// through Redis to the gateway processes; `fetch_guild_members` needs the shards in the
    /// process and fails with `NotConnected` here, and the read-outs (latency, sessions) are
    /// empty.
    Worker,
    /// Both (the default): shards publish to the bus, and this process is one of its workers.
    #[default]
    Both,
}

impl Role {
    /// Whether this role runs shards.
    pub fn runs_gateway(self) -> bool {
        matches!(self, Self::Gateway | Self::Both)
    }

    /// Whether this role runs handlers.
    pub fn runs_handlers(self) -> bool {
        matches!(self, Self::Worker | Self::Both)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Gateway => "gateway",
            Self::Worker => "worker",
            Self::Both => "both",
        })
    }
}

/// A role name that is not `gateway`, `worker` or `both`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}: expected gateway, worker or both")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gateway" => Ok(Self::Gateway),
            "worker" => Ok(Self::Worker),
            "both" => Ok(Self::Both),
            _ => Err(UnknownRole(s.to_owned())),
        }
    }
}

/// The scale-out settings of a client group (see the module docs).
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScaleOut {
    /// The Redis URL (`redis://[:password@]host[:port][/db]`, `rediss://` for TLS).
    pub url: String,
    /// For a `rediss://` server: a private authority's certificate, a client certificate
    /// (default: neither; the public roots).
    pub tls: RedisTls,
    /// What this process runs (default [`Role::Both`]).
    pub role: Role,
    /// The prefix of the bot's keys (default: [`Namespace::for_token`]).
    pub namespace: Option<Namespace>,
    /// The event bus's settings.
    pub bus: BusConfig,
    /// The shared REST rate limiter's settings.
    pub rest: RedisRateLimiterConfig,
}

impl ScaleOut {
    /// Scale-out on the server at `url`, as both gateway and worker, with the defaults.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            tls: RedisTls::default(),
            role: Role::default(),
            namespace: None,
            bus: BusConfig::default(),
            rest: RedisRateLimiterConfig::default(),
        }
    }

    /// Sets the TLS settings of a `rediss://` server: a private authority, a client certificate
    /// ([`RedisTls`]).
    pub fn tls(mut self, tls: RedisTls) -> Self {
        self.tls = tls;
        self
    }

    /// The link to the server these settings name.
    pub(crate) fn link(&self) -> Result<RedisLink, RedisError> {
        RedisLink::with_tls(&self.url, &self.tls)
    }

    /// Sets the role of this process.
    pub fn role(mut self, role: Role) -> Self {
        self.role = role;
        self
    }

    /// Keeps the bot's keys under this prefix.
    pub fn namespace(mut self, namespace: Namespace) -> Self {
        self.namespace = Some(namespace);
        self
    }

    /// Sets the event bus's settings.
    pub fn bus(mut self, bus: BusConfig) -> Self {
        self.bus = bus;
        self
    }

    /// Sets the shared REST rate limiter's settings.
    pub fn rest_limits(mut self, rest: RedisRateLimiterConfig) -> Self {
        self.rest = rest;
        self
    }
}

impl fmt::Debug for ScaleOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScaleOut")
            .field("url", &without_password(&self.url))
            .field("tls", &self.tls)
            .field("role", &self.role)
            .field("namespace", &self.namespace)
            .field("bus", &self.bus)
            .field("rest", &self.rest)
            .finish()
    }
}

/// `url` with its password (between `:` and `@` after the scheme) replaced.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    // The host cannot hold an `@`; the password can.
    match rest.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:<redacted>@{host}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_stays_out_of_debug() {
        let at_sign = format!("{:?}", ScaleOut::new("redis://user:p@ss@host:6379/"));
        assert!(!at_sign.contains("p@ss"), "{at_sign}");
        assert!(
            at_sign.contains("redis://user:<redacted>@host:6379/"),
            "{at_sign}"
        );
        let scale = ScaleOut::new("rediss://default:hunter2@cache.example.com:6380/0")
            .tls(RedisTls::new().root_certificate(b"-----BEGIN CERTIFICATE-----".to_vec()));
        let shown = format!("{scale:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(
            shown.contains("rediss://default:<redacted>@cache.example.com:6380/0"),
            "{shown}"
        );
        assert!(shown.contains("root_certificate: true"), "{shown}");
        assert!(format!("{:?}", ScaleOut::new("redis://127.0.0.1/")).contains("127.0.0.1"));
    }

    #[test]
    fn roles_parse_and_say_what_they_run() {
        assert_eq!(" Worker ".parse::<Role>(), Ok(Role::Worker));
        assert_eq!("gateway".parse::<Role>(), Ok(Role::Gateway));
        assert!(
            "shard"
                .parse::<Role>()
                .unwrap_err()
                .to_string()
                .contains("gateway, worker")
        );
        assert!(Role::Both.runs_gateway() && Role::Both.runs_handlers());
        assert!(!Role::Worker.runs_gateway() && !Role::Gateway.runs_handlers());
    }
}
