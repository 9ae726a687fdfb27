//! [`EmulatorBuilder`]: seeds the emulated Discord (bots, users, guilds with channels, threads
//! and roles) and starts its REST and gateway sides.
//!
//! Without any `bot`, `user` or `guild` call the world has one bot (token `"test-token"`), the
//! users `alice` and `bob`, and one guild "Test Guild" with a `#general` text channel; every bot
//! is in every guild, and so is every user unless the guild lists its members.
//!
//! The bounds that keep a long-running or exposed emulator from growing without limit have
//! defaults suited to tests and to a standalone server; the common ones are set here
//! (connections, allowed hosts and origins, body size, resume window, dispatch log), the rest
//! on [`RestConfig`] and [`GatewayServerConfig`].

use std::sync::Arc;
use std::time::Duration;

use asyncord_model::{Intents, Permissions, Snowflake, UserId};
use serde_json::{Value, json};

use super::access::OriginPolicy;
use super::account::BotAccount;
use super::connections::ConnectionLimits;
use super::emulator::{Emulator, GuildInfo, Parts};
use super::front;
use super::gateway::{GatewayCompressionSupport, GatewayServer, GatewayServerConfig};
use super::rest::{RestConfig, RestServer, World};
use super::world::role_json;

/// A bot to seed: its token, its name and the privileged intents granted "in the portal".
#[derive(Clone, Debug)]
pub struct BotSpec {
    token: String,
    name: String,
    privileged: Intents,
}

impl BotSpec {
    /// A bot authenticating with `token` (named `TestBot`, every privileged intent granted).
    pub fn new(token: impl Into<String>) -> Self {
        Self {
            token: token.into(),
            name: "TestBot".to_owned(),
            privileged: Intents::PRIVILEGED,
        }
    }

    /// The bot user's name.
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// The privileged intents this bot may identify with (others close the gateway with 4014).
    #[must_use]
    pub fn privileged(mut self, intents: Intents) -> Self {
        self.privileged = intents & Intents::PRIVILEGED;
        self
    }
}

/// A guild to seed.
#[derive(Clone, Debug)]
pub struct GuildSpec {
    name: String,
    channels: Vec<(String, u8)>,
    threads: Vec<(String, String)>,
    roles: Vec<(String, Permissions)>,
    members: Option<Vec<String>>,
    bots: Option<Vec<String>>,
}

impl GuildSpec {
    /// A guild named `name` (no channels unless added).
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            channels: Vec::new(),
            threads: Vec::new(),
            roles: Vec::new(),
            members: None,
            bots: None,
        }
    }

    /// Adds a text channel.
    #[must_use]
    pub fn text_channel(self, name: impl Into<String>) -> Self {
        self.channel(name, 0)
    }

    /// Adds a channel of a given type (0 text, 2 voice, 4 category, 5 announcement, 13 stage,
    /// 15 forum).
    #[must_use]
    pub fn channel(mut self, name: impl Into<String>, kind: u8) -> Self {
        self.channels.push((name.into(), kind));
        self
    }

    /// Adds a public thread named `name` in the channel named `parent` (added before).
    #[must_use]
    pub fn thread(mut self, parent: impl Into<String>, name: impl Into<String>) -> Self {
        self.threads.push((parent.into(), name.into()));
        self
    }

    /// Adds a role with these permissions.
    #[must_use]
    pub fn role(mut self, name: impl Into<String>, permissions: Permissions) -> Self {
        self.roles.push((name.into(), permissions));
        self
    }

    /// Only these bots (by token) are in the guild; default: every bot. Add the others later
    /// with [`Emulator::add_bot_to_guild`].
    #[must_use]
    pub fn bots(mut self, tokens: &[&str]) -> Self {
        self.bots = Some(tokens.iter().map(|t| (*t).to_owned()).collect());
        self
    }

    /// Only these users (by name) are members; default: every user.
    #[must_use]
    pub fn members(mut self, names: &[&str]) -> Self {
        self.members = Some(names.iter().map(|n| (*n).to_owned()).collect());
        self
    }
}

/// Seeds and starts an [`Emulator`].
///
/// Without any `bot`, `user` or `guild` call the world has one bot (token `"test-token"`), the
/// users `alice` and `bob`, and one guild "Test Guild" with a `#general` text channel; every bot
/// is in every guild, and so is every user unless the guild lists its members.
#[derive(Clone, Debug)]
pub struct EmulatorBuilder {
    bots: Vec<BotSpec>,
    users: Option<Vec<String>>,
    guilds: Vec<GuildSpec>,
    rest: RestConfig,
    gateway: GatewayServerConfig,
    port: Option<u16>,
    timeout: Duration,
    dispatch_log_capacity: usize,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        Self {
            bots: Vec::new(),
            users: None,
            guilds: Vec::new(),
            rest: RestConfig::default(),
            gateway: GatewayServerConfig::default(),
            port: None,
            timeout: Duration::from_secs(10),
            dispatch_log_capacity: 100_000,
        }
    }
}

impl EmulatorBuilder {
    /// A builder with the defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a bot.
    #[must_use]
    pub fn bot(mut self, bot: BotSpec) -> Self {
        self.bots.push(bot);
        self
    }

    /// Adds a human user (replaces the default `alice` and `bob`).
    #[must_use]
    pub fn user(mut self, name: impl Into<String>) -> Self {
        self.users.get_or_insert_with(Vec::new).push(name.into());
        self
    }

    /// Seeds no human users at all.
    #[must_use]
    pub fn no_users(mut self) -> Self {
        self.users = Some(Vec::new());
        self
    }

    /// Adds a guild (replaces the default "Test Guild").
    #[must_use]
    pub fn guild(mut self, guild: GuildSpec) -> Self {
        self.guilds.push(guild);
        self
    }

    /// The REST side's configuration (buckets, global limit, bounds...); its `gateway_url` is
    /// replaced by the emulator's. It replaces what [`connection_limits`](Self::connection_limits),
    /// [`origin_policy`](Self::origin_policy) and [`max_body_bytes`](Self::max_body_bytes) set
    /// before it.
    #[must_use]
    pub fn rest_config(mut self, config: RestConfig) -> Self {
        self.rest = config;
        self
    }

    /// The gateway side's configuration (heartbeat interval, shards, replay buffer, bounds...).
    /// It replaces what [`connection_limits`](Self::connection_limits),
    /// [`origin_policy`](Self::origin_policy) and [`resume_window`](Self::resume_window) set
    /// before it.
    #[must_use]
    pub fn gateway_config(mut self, config: GatewayServerConfig) -> Self {
        self.gateway = config;
        self
    }

    /// The heartbeat interval sent in HELLO (Discord: 41.25 s).
    #[must_use]
    pub fn heartbeat_interval(mut self, interval: Duration) -> Self {
        self.gateway.heartbeat_interval = interval;
        self
    }

    /// Which transport compression the gateway serves (default: all of Discord's): behave like
    /// a self-hosted Discord-compatible server or a proxy that supports less (see
    /// [`GatewayCompressionSupport`]).
    #[must_use]
    pub fn gateway_compression(mut self, support: GatewayCompressionSupport) -> Self {
        self.gateway.compression = support;
        self
    }

    /// Serves REST and the gateway on one port of 127.0.0.1 (`0`: any free port): the REST
    /// base is `http://127.0.0.1:PORT/api/v10` and the gateway `ws://127.0.0.1:PORT`.
    /// Without it, each side listens on its own free port.
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.port = Some(port);
        self
    }

    /// The limits of socket connections, on the front port and on each side's own port: how
    /// many at once, the head and idle timeouts (see [`ConnectionLimits`]).
    #[must_use]
    pub fn connection_limits(mut self, limits: ConnectionLimits) -> Self {
        self.rest.connections = limits.clone();
        self.gateway.connections = limits;
        self
    }

    /// Which `Host` and `Origin` headers requests over a socket may carry (default: loopback
    /// ones only; see [`OriginPolicy`]).
    #[must_use]
    pub fn origin_policy(mut self, policy: OriginPolicy) -> Self {
        self.rest.origin_policy = policy.clone();
        self.gateway.origin_policy = policy;
        self
    }

    /// Also accepts requests naming this host, for an emulator behind a proxy (see
    /// [`OriginPolicy::hosts`]).
    #[must_use]
    pub fn allow_host(mut self, host: impl Into<String>) -> Self {
        let host = host.into();
        self.rest.origin_policy.hosts.push(host.clone());
        self.gateway.origin_policy.hosts.push(host);
        self
    }

    /// Also accepts requests from web pages of this origin (see [`OriginPolicy::origins`]).
    #[must_use]
    pub fn allow_origin(mut self, origin: impl Into<String>) -> Self {
        let origin = origin.into();
        self.rest.origin_policy.origins.push(origin.clone());
        self.gateway.origin_policy.origins.push(origin);
        self
    }

    /// The largest REST request body accepted (default 25 MiB; larger ones get `413`; see
    /// [`RestConfig::max_body_bytes`]).
    #[must_use]
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.rest.max_body_bytes = bytes;
        self
    }

    /// How long a gateway session outlives its connection, resumable (default 3 minutes; see
    /// [`GatewayServerConfig::resume_window`]).
    #[must_use]
    pub fn resume_window(mut self, window: Duration) -> Self {
        self.gateway.resume_window = window;
        self
    }

    /// How many dispatches the expectations' log keeps, the most recent ones (default
    /// 100,000): [`Emulator::next_message_in`], [`Emulator::dispatches`]... see only those.
    #[must_use]
    pub fn dispatch_log_capacity(mut self, capacity: usize) -> Self {
        self.dispatch_log_capacity = capacity;
        self
    }

    /// How long the expectations ([`Emulator::next_message_in`]...) wait (default 10 s).
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Seeds the world and starts both sides.
    ///
    /// # Errors
    /// When a socket cannot be bound (for example the port is taken).
    pub async fn start(self) -> std::io::Result<Emulator> {
        let world = World::new();
        let bots = seed_bots(&world, &self.bots);
        let users: Vec<(String, UserId)> = self
            .users
            .clone()
            .unwrap_or_else(|| vec!["alice".to_owned(), "bob".to_owned()])
            .into_iter()
            .map(|n| {
                let id = world.add_user(&n);
                (n, id)
            })
            .collect();
        let specs = if self.guilds.is_empty() {
            vec![GuildSpec::new("Test Guild").text_channel("general")]
        } else {
            self.guilds.clone()
        };
        let guilds = specs
            .iter()
            .map(|spec| seed_guild(&world, spec, &bots, &users))
            .collect();
        let listener = match self.port {
            Some(port) => Some(tokio::net::TcpListener::bind(("127.0.0.1", port)).await?),
            None => None,
        };
        let front_addr = listener.as_ref().map(tokio::net::TcpListener::local_addr);
        let front_addr = front_addr.transpose()?;
        let gateway = GatewayServer::start(world.clone(), self.gateway.clone()).await?;
        let gateway_url = front_addr.map_or_else(|| gateway.url(), |a| format!("ws://{a}"));
        let rest =
            RestServer::start_with(world.clone(), self.rest.clone().gateway_url(&gateway_url))
                .await?;
        let front = listener.map(|l| front::Front::start(l, rest.core(), gateway.inner()));
        Ok(Emulator::from_parts(Parts {
            world,
            rest,
            gateway,
            front,
            gateway_url,
            bots,
            users,
            guilds,
            timeout: self.timeout,
            dispatch_log_capacity: self.dispatch_log_capacity,
        }))
    }
}

fn seed_bots(world: &Arc<World>, specs: &[BotSpec]) -> Vec<BotAccount> {
    let default = [BotSpec::new("test-token")];
    let specs = if specs.is_empty() {
        &default[..]
    } else {
        specs
    };
    specs
        .iter()
        .map(|spec| {
            let mut bot = world.add_bot(&spec.token, &spec.name);
            bot.granted_privileged = spec.privileged;
            if let Some(stored) = world
                .lock()
                .bots
                .iter_mut()
                .find(|b| b.user_id == bot.user_id)
            {
                stored.granted_privileged = spec.privileged;
            }
            bot
        })
        .collect()
}

fn seed_guild(
    world: &Arc<World>,
    spec: &GuildSpec,
    bots: &[BotAccount],
    users: &[(String, UserId)],
) -> GuildInfo {
    let owner = users
        .first()
        .map_or_else(|| bots.first().map(|b| b.user_id), |(_, id)| Some(*id))
        .unwrap_or_else(|| world.next_id().cast());
    let id = world.add_guild(&spec.name, owner);
    for bot in bots {
        let wanted = spec.bots.as_ref().is_none_or(|t| t.contains(&bot.token));
        if wanted && bot.user_id != owner {
            world.add_member(id, bot.user_id);
        }
    }
    for (name, user) in users {
        let wanted = spec
            .members
            .as_ref()
            .is_none_or(|m| m.iter().any(|n| n == name));
        if wanted && *user != owner {
            world.add_member(id, *user);
        }
    }
    let mut info = GuildInfo {
        id,
        name: spec.name.clone(),
        channels: Vec::new(),
        threads: Vec::new(),
        roles: Vec::new(),
    };
    if let Some(g) = world.lock().guilds.get_mut(&Snowflake::from(id)) {
        // Documented guild fields Discord sends in GUILD_CREATE.
        for (k, v) in [
            ("max_members", json!(500_000)),
            ("max_presences", Value::Null),
            ("max_video_channel_users", json!(25)),
            ("max_stage_video_channel_users", json!(50)),
            ("premium_subscription_count", json!(0)),
        ] {
            if g.guild.get(k).is_none() {
                g.guild[k] = v;
            }
        }
    }
    for (name, kind) in &spec.channels {
        let c = world.add_channel_quiet(id, name, *kind);
        if let Some(channel) = world.lock().channels.get_mut(&c) {
            // Fields Discord sends on every text or voice channel.
            let extra = match kind {
                2 | 13 => json!({"bitrate": 64_000, "user_limit": 0, "rtc_region": null}),
                _ => json!({"last_pin_timestamp": null}),
            };
            if let (Some(o), Value::Object(extra)) = (channel.as_object_mut(), extra) {
                for (k, v) in extra {
                    o.entry(k).or_insert(v);
                }
            }
        }
        info.channels.push((name.clone(), c.cast()));
    }
    let thread_owner = bots.first().map_or(owner, |b| b.user_id);
    for (parent, name) in &spec.threads {
        let Some(parent_id) = info.channels.iter().find(|(n, _)| n == parent).map(|c| c.1) else {
            tracing::warn!(parent, name, "thread seeded in an unknown channel: skipped");
            continue;
        };
        let t = world.add_channel_quiet(id, name, 11);
        let mut state = world.lock();
        if let Some(thread) = state.channels.get_mut(&t) {
            thread["parent_id"] = json!(parent_id.to_string());
            thread["owner_id"] = json!(thread_owner.to_string());
            thread["member_count"] = json!(1);
            thread["message_count"] = json!(0);
            thread["total_message_sent"] = json!(0);
            thread["thread_metadata"] = json!({
                "archived": false, "auto_archive_duration": 1440, "locked": false,
                "archive_timestamp": super::world::now(), "create_timestamp": super::world::now(),
            });
            if let Some(o) = thread.as_object_mut() {
                o.remove("permission_overwrites");
                o.remove("topic");
                o.remove("position");
                o.remove("nsfw");
            }
        }
        state
            .thread_members
            .entry(t)
            .or_default()
            .push(thread_owner.cast());
        drop(state);
        info.threads.push((name.clone(), t.cast()));
    }
    for (position, (name, permissions)) in spec.roles.iter().enumerate() {
        let role_id = world.next_id();
        let role = role_json(role_id, name, position + 1, *permissions);
        if let Some(g) = world.lock().guilds.get_mut(&Snowflake::from(id)) {
            g.roles.insert(role_id, role);
        }
        info.roles.push((name.clone(), role_id.cast()));
    }
    info
}
