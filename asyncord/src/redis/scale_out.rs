//! [`ScaleOut`]: how a client group runs scaled out on Redis — the server, the role of this
//! process ([`Role`]: gateway, worker or both), the namespace of the bot's keys, and the event
//! bus's and REST limiter's settings. Set it with
//! [`GroupConfig::redis`](crate::GroupConfig::redis) or
//! [`GroupConfig::scale_out`](crate::GroupConfig::scale_out).

use std::fmt;
use std::str::FromStr;

use super::bus::BusConfig;
use super::keys::Namespace;
use super::limiter::RedisRateLimiterConfig;

/// What one process of a scaled-out bot runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Shards: their dispatches go to the event bus; the identify queue and the sessions are
    /// shared through Redis. The group's handlers do not run here.
    Gateway,
    /// The group's handlers, fed by the event bus; no shard (the handlers' `gateway` argument
    /// is not connected here: gateway commands fail with `NotConnected`).
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
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScaleOut {
    /// The Redis URL (`redis://[:password@]host[:port][/db]`).
    pub url: String,
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
            role: Role::default(),
            namespace: None,
            bus: BusConfig::default(),
            rest: RedisRateLimiterConfig::default(),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
