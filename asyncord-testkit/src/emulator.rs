//! [`Emulator`]: the emulated Discord as one object — its REST and gateway sides over one
//! shared world, the seeded names, client configurations pointing at it, faults, shutdown.
//!
//! Expectations live in [`expect`](super::expect), simulated users in [`users`](super::users).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use asyncord_model::{ChannelId, GuildId, Intents, RoleId, Snowflake, UserId};

use super::account::BotAccount;
use super::builder::EmulatorBuilder;
use super::dispatch::Dispatch;
use super::expect::{ExpectError, Recorder};
use super::front::Front;
use super::gateway::GatewayServer;
use super::gateway::GatewayWorld;
use super::rest::{FaultRule, RestServer, World};
use super::stats::EmulatorStats;
use super::users::SimUser;

/// A seeded guild: its id and the ids of what the builder put in it, by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuildInfo {
    /// The guild id.
    pub id: GuildId,
    /// The guild name.
    pub name: String,
    /// Channels in seeding order: `(name, id)`.
    pub channels: Vec<(String, ChannelId)>,
    /// Threads: `(name, id)`.
    pub threads: Vec<(String, ChannelId)>,
    /// Roles besides `@everyone` (whose id is the guild id): `(name, id)`.
    pub roles: Vec<(String, RoleId)>,
}

impl GuildInfo {
    /// The channel or thread called `name`.
    pub fn channel(&self, name: &str) -> Option<ChannelId> {
        self.channels
            .iter()
            .chain(&self.threads)
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
    }

    /// The role called `name`.
    pub fn role(&self, name: &str) -> Option<RoleId> {
        self.roles
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
    }
}

/// What the builder hands over.
pub(crate) struct Parts {
    pub world: Arc<World>,
    pub rest: RestServer,
    pub gateway: GatewayServer,
    pub front: Option<Front>,
    pub gateway_url: String,
    pub bots: Vec<BotAccount>,
    pub users: Vec<(String, UserId)>,
    pub guilds: Vec<GuildInfo>,
    pub timeout: Duration,
    pub dispatch_log_capacity: usize,
}

/// The offline Discord: REST and gateway on 127.0.0.1 over one world.
///
/// Point any Discord client at [`Emulator::rest_url`] with [`Emulator::token`] (over loopback
/// TCP), or reach it in memory through [`RestServer::endpoint`] and
/// [`GatewayServer::endpoint`](super::gateway::GatewayServer::endpoint) (works on tokio's
/// paused clock; asyncord's `EmulatorBots` wires a bot that way). Drive it with
/// [`Emulator::user`]; assert with [`Emulator::next_message_in`],
/// [`Emulator::wait_for_request`]...
pub struct Emulator {
    pub(crate) world: Arc<World>,
    pub(crate) rest: RestServer,
    pub(crate) gateway: GatewayServer,
    front: Option<Front>,
    gateway_url: String,
    pub(crate) recorder: Recorder,
    bots: Vec<BotAccount>,
    users: Vec<(String, UserId)>,
    guilds: Vec<GuildInfo>,
    pub(crate) timeout: Duration,
    /// The bot each simulated DM channel talks to.
    dm_bots: Mutex<HashMap<Snowflake, Snowflake>>,
    /// The applications' interaction key pairs and endpoint URLs.
    pub(crate) endpoints: Arc<crate::interactions_endpoint::Endpoints>,
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("rest_url", &self.rest_url())
            .field("gateway_url", &self.gateway_url)
            .field("bots", &self.bots.len())
            .field("users", &self.users)
            .field("guilds", &self.guilds)
            .finish_non_exhaustive()
    }
}

impl Emulator {
    /// A builder to seed the world.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::new()
    }

    /// The default emulator: one bot (token `"test-token"`), users `alice` and `bob`, one guild
    /// "Test Guild" with `#general`.
    ///
    /// # Errors
    /// When a loopback socket cannot be bound.
    pub async fn start() -> std::io::Result<Self> {
        EmulatorBuilder::new().start().await
    }

    pub(crate) fn from_parts(parts: Parts) -> Self {
        let recorder = Recorder::start(&parts.world, parts.dispatch_log_capacity);
        Self {
            world: parts.world,
            rest: parts.rest,
            gateway: parts.gateway,
            front: parts.front,
            gateway_url: parts.gateway_url,
            recorder,
            bots: parts.bots,
            users: parts.users,
            guilds: parts.guilds,
            timeout: parts.timeout,
            dm_bots: Mutex::default(),
            endpoints: Arc::default(),
        }
    }

    /// The bot a simulated user's DM channel talks to.
    pub(crate) fn dm_bot(&self, channel: Snowflake) -> Option<Snowflake> {
        self.dm_bots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&channel)
            .copied()
    }

    pub(crate) fn set_dm_bot(&self, channel: Snowflake, bot: Snowflake) {
        self.dm_bots
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(channel, bot);
    }

    /// The REST API base (`http://127.0.0.1:PORT/api/v10`).
    pub fn rest_url(&self) -> String {
        match &self.front {
            Some(front) => format!("http://{}/api/v10", front.addr()),
            None => self.rest.url(),
        }
    }

    /// The gateway URL (`ws://127.0.0.1:PORT`), also what `GET /gateway/bot` returns.
    pub fn gateway_url(&self) -> String {
        self.gateway_url.clone()
    }

    /// The first bot's token.
    pub fn token(&self) -> &str {
        self.bots.first().map_or("", |b| b.token.as_str())
    }

    /// Every bot's token, in seeding order.
    pub fn tokens(&self) -> Vec<String> {
        self.bots.iter().map(|b| b.token.clone()).collect()
    }

    /// The first bot.
    ///
    /// # Panics
    /// Never: the builder always seeds at least one bot.
    pub fn bot(&self) -> &BotAccount {
        &self.bots[0]
    }

    /// Every bot, in seeding order.
    pub fn bots(&self) -> &[BotAccount] {
        &self.bots
    }

    /// The bot with this token.
    pub fn bot_by_token(&self, token: &str) -> Option<&BotAccount> {
        self.bots.iter().find(|b| b.token == token)
    }

    /// The seeded guilds, in seeding order.
    pub fn guilds(&self) -> &[GuildInfo] {
        &self.guilds
    }

    /// The guild called `name`.
    pub fn guild(&self, name: &str) -> Option<&GuildInfo> {
        self.guilds.iter().find(|g| g.name == name)
    }

    /// The first guild's id.
    pub fn guild_id(&self) -> GuildId {
        self.guilds.first().map_or(GuildId::new(0), |g| g.id)
    }

    /// The first guild's first channel (`#general` by default).
    pub fn channel_id(&self) -> ChannelId {
        self.guilds
            .first()
            .and_then(|g| g.channels.first())
            .map_or(ChannelId::new(0), |c| c.1)
    }

    /// The first seeded channel or thread called `name`, in any guild.
    pub fn channel(&self, name: &str) -> Option<ChannelId> {
        self.guilds.iter().find_map(|g| g.channel(name))
    }

    /// The first seeded role called `name`, in any guild.
    pub fn role(&self, name: &str) -> Option<RoleId> {
        self.guilds.iter().find_map(|g| g.role(name))
    }

    /// The seeded human users, `(name, id)`, in seeding order.
    pub fn seeded_users(&self) -> &[(String, UserId)] {
        &self.users
    }

    /// The seeded human users' ids, in seeding order.
    pub fn user_ids(&self) -> Vec<UserId> {
        self.users.iter().map(|(_, id)| *id).collect()
    }

    /// A simulated user acting as `id` (a seeded user, or one added with
    /// [`Emulator::add_user`]).
    pub fn user(&self, id: UserId) -> SimUser<'_> {
        SimUser::new(self, id)
    }

    /// Every seeded human user, simulated.
    pub fn users(&self) -> Vec<SimUser<'_>> {
        self.users.iter().map(|(_, id)| self.user(*id)).collect()
    }

    /// The seeded user called `name`.
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] when no seeded user has that name.
    pub fn user_named(&self, name: &str) -> Result<SimUser<'_>, ExpectError> {
        self.users
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| self.user(*id))
            .ok_or_else(|| ExpectError::NotFound(format!("user {name:?}")))
    }

    /// Adds a human user who is in no guild yet (see [`SimUser::join_guild`]).
    pub fn add_user(&self, name: &str) -> SimUser<'_> {
        let id = self.world.add_user(name);
        self.user(id)
    }

    /// Adds a bot to a guild while it runs, as an invite would: `GUILD_MEMBER_ADD` for the
    /// others and, for the bot itself, `GUILD_CREATE` with the whole guild (then its events).
    ///
    /// # Errors
    /// [`ExpectError::NotFound`] for an unknown bot or guild; [`ExpectError::Refused`] when the
    /// bot is already in the guild.
    pub fn add_bot_to_guild(&self, bot_user_id: UserId, guild: GuildId) -> Result<(), ExpectError> {
        if !self.bots.iter().any(|b| b.user_id == bot_user_id) {
            return Err(ExpectError::NotFound(format!("bot {bot_user_id}")));
        }
        if self.world.guild(guild).is_none() {
            return Err(ExpectError::NotFound(format!("guild {guild}")));
        }
        if self.world.member(guild, bot_user_id).is_some() {
            return Err(ExpectError::Refused(format!(
                "bot {bot_user_id} is already in guild {guild}"
            )));
        }
        self.world.add_member(guild, bot_user_id);
        let payload = self
            .world
            .guild_creates(bot_user_id)
            .into_iter()
            .find(|(id, _)| *id == guild)
            .map(|(_, d)| d)
            .ok_or_else(|| ExpectError::NotFound(format!("guild {guild}")))?;
        let _ = self.world.dispatch_bus().send(Dispatch {
            event: "GUILD_CREATE".to_owned(),
            data: payload,
            guild_id: Some(guild),
            intents: Intents::GUILDS,
            only_bot: Some(bot_user_id),
        });
        Ok(())
    }

    /// The shared world (to read or seed state directly).
    pub fn world(&self) -> &Arc<World> {
        &self.world
    }

    /// The REST side (recorded requests, faults, configuration).
    pub fn rest(&self) -> &RestServer {
        &self.rest
    }

    /// The gateway side (its event log and its fault script: drop, close codes, op 7, op 9,
    /// stop ACKing, raw frames, arbitrary dispatches).
    pub fn gateway(&self) -> &GatewayServer {
        &self.gateway
    }

    /// How long expectations wait.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// Changes how long expectations wait.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    /// The dispatches the world published since the emulator started (before the gateway
    /// filtered them by intents and guild): the most recent
    /// [`EmulatorBuilder::dispatch_log_capacity`].
    pub fn dispatches(&self) -> Vec<Dispatch> {
        self.recorder.all()
    }

    /// The requests that wrote application commands (create, edit, delete, bulk overwrite;
    /// global or per guild) and succeeded, in order: a bot that registers by difference writes
    /// nothing when its commands did not change.
    pub fn command_writes(&self) -> Vec<super::rest::RecordedRequest> {
        self.rest
            .requests()
            .into_iter()
            .filter(|r| {
                r.method != "GET"
                    && r.route.contains("/commands")
                    && !r.route.contains("/permissions")
                    && (200..300).contains(&r.status)
            })
            .collect()
    }

    /// What the emulator holds now: open connections, sessions (attached or resumable), the
    /// request, event and dispatch logs, the rate-limit counters — each bounded by the
    /// configuration, whatever clients do.
    pub fn stats(&self) -> EmulatorStats {
        EmulatorStats {
            rest: self.rest.stats(),
            gateway: self.gateway.stats(),
            recorded_dispatches: self.recorder.len(),
        }
    }

    /// Makes the REST side misbehave (429 of a scope, 5xx, slow or non-JSON responses).
    pub fn inject_rest_fault(&self, rule: FaultRule) {
        self.rest.inject(rule);
    }

    /// Fault: drops the shard's gateway connections without a close frame.
    pub fn drop_gateway_connection(&self, shard: u32) -> usize {
        self.gateway.drop_connection(shard)
    }

    /// Fault: closes the shard's gateway connections with `code` (4000-4014, 1000, 1001...).
    pub fn close_gateway(&self, shard: u32, code: u16) -> usize {
        self.gateway.close(shard, code)
    }

    /// Fault: sends op 7 RECONNECT to the shard.
    pub fn send_gateway_reconnect(&self, shard: u32) -> usize {
        self.gateway.send_reconnect(shard)
    }

    /// Fault: sends op 9 INVALID_SESSION to the shard.
    pub fn invalidate_gateway_session(&self, shard: u32, resumable: bool) -> usize {
        self.gateway.invalidate_session(shard, resumable)
    }

    /// Fault: stops (or resumes) ACKing the shard's heartbeats (a zombie connection).
    pub fn set_heartbeat_acks(&self, shard: u32, ack: bool) {
        self.gateway.set_acking(shard, ack);
    }

    /// Stops serving: every gateway connection is closed with 1001 ("going away"), then both
    /// sides and the front port stop listening.
    pub async fn shutdown(self) {
        for shard in self.gateway.connected_shards() {
            self.gateway.close(shard, 1001);
        }
        // Let the writers flush their close frames.
        tokio::task::yield_now().await;
        tokio::time::sleep(Duration::from_millis(20)).await;
        let Self {
            rest,
            gateway,
            front,
            ..
        } = self;
        if let Some(front) = front {
            front.stop().await;
        }
        rest.stop().await;
        gateway.stop().await;
    }
}
