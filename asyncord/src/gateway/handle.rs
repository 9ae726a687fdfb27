//! [`GatewayHandle`]: a cheap, cloneable way to talk to running shards — presence, voice state,
//! guild members (with a helper gathering every chunk), soundboard sounds — and to read their
//! state (latency, status, session)
//! ([docs](https://discord.com/developers/docs/events/gateway-events#send-events)).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use asyncord_model::Snowflake;
use asyncord_model::gateway::{
    GatewayCommand, GuildMembersChunkEvent, Presence, RequestGuildMembers, RequestSoundboardSounds,
    UpdatePresence, UpdateVoiceState,
};
use tokio::sync::watch;

use super::config::{Compression, Session};
use super::error::GatewayError;
use super::shard::{Outbound, ShardShared, ShardStatus, Stop, command_text};

/// A read-out of one shard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardInfo {
    /// The shard id.
    pub id: u32,
    /// The total shard count.
    pub count: u32,
    /// Its state.
    pub status: ShardStatus,
    /// The last heartbeat round trip.
    pub latency: Option<Duration>,
    /// Its resumable session.
    pub session: Option<Session>,
    /// The transport compression of its connections: the configured one, unless the server
    /// showed it does not support it (refused the handshake, sent data it cannot decode, or
    /// sent plain text frames); then the one the shard fell back to and keeps for its life
    /// (`zstd-stream`, then `zlib-stream`, then none).
    pub compression: Compression,
}

pub(crate) struct HandleInner {
    pub shards: BTreeMap<u32, Arc<ShardShared>>,
    pub count: u32,
    pub stop: watch::Sender<Stop>,
    /// Signalled by every shard status change.
    pub status_changed: Arc<watch::Sender<()>>,
}

/// Talks to the running shards. Cheap to clone; the hub injects it as the `gateway` argument.
#[derive(Clone)]
pub struct GatewayHandle {
    pub(crate) inner: Arc<HandleInner>,
}

impl std::fmt::Debug for GatewayHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GatewayHandle")
            .field("shards", &self.inner.shards.keys().collect::<Vec<_>>())
            .field("count", &self.inner.count)
            .finish()
    }
}

/// How long [`GatewayHandle::fetch_guild_members`] waits for the next chunk.
const CHUNK_TIMEOUT: Duration = Duration::from_secs(30);

impl GatewayHandle {
    /// The total shard count.
    pub fn shard_count(&self) -> u32 {
        self.inner.count
    }

    /// The shard ids this process runs.
    pub fn shard_ids(&self) -> Vec<u32> {
        self.inner.shards.keys().copied().collect()
    }

    /// The shard that receives a guild's events: `(guild_id >> 22) % shard_count`.
    pub fn shard_for_guild(&self, guild_id: Snowflake) -> u32 {
        ((u64::from(guild_id) >> 22) % u64::from(self.inner.count.max(1))) as u32
    }

    fn shard(&self, id: u32) -> Result<&Arc<ShardShared>, GatewayError> {
        self.inner
            .shards
            .get(&id)
            .ok_or(GatewayError::ShardNotRunning(id))
    }

    /// The last heartbeat round trip of a shard.
    pub fn latency(&self, shard: u32) -> Option<Duration> {
        self.inner.shards.get(&shard)?.latency()
    }

    /// A read-out of a shard.
    pub fn info(&self, shard: u32) -> Option<ShardInfo> {
        let s = self.inner.shards.get(&shard)?;
        Some(ShardInfo {
            id: s.id,
            count: s.count,
            status: s.status(),
            latency: s.latency(),
            session: s.session(),
            compression: s.compression(),
        })
    }

    /// A read-out of every shard of this process.
    pub fn shards(&self) -> Vec<ShardInfo> {
        self.inner
            .shards
            .keys()
            .filter_map(|&id| self.info(id))
            .collect()
    }

    /// Waits until every shard of this process is connected (identified or resumed, events
    /// flowing); returns at once if they are. Woken by each status change, no polling. Bound it
    /// with a timeout: a shard that cannot connect keeps this waiting.
    pub async fn wait_connected(&self) {
        let mut changes = self.inner.status_changed.subscribe();
        loop {
            changes.borrow_and_update();
            if self
                .inner
                .shards
                .values()
                .all(|s| s.status() == super::ShardStatus::Connected)
            {
                return;
            }
            if changes.changed().await.is_err() {
                // Unreachable while `self` holds the sender; never resolve rather than lie.
                std::future::pending::<()>().await;
            }
        }
    }

    /// The resumable session of a shard (hand it to
    /// [`GatewayConfig::resume_from`](super::GatewayConfig::resume_from) after a restart).
    pub fn session(&self, shard: u32) -> Option<Session> {
        self.inner.shards.get(&shard)?.session()
    }

    /// The resumable sessions of every shard.
    pub fn sessions(&self) -> HashMap<u32, Session> {
        self.inner
            .shards
            .iter()
            .filter_map(|(&id, s)| Some((id, s.session()?)))
            .collect()
    }

    /// Sends a command frame to one shard, waiting while its rate limit is exhausted.
    pub async fn send<C: GatewayCommand + serde::Serialize>(
        &self,
        shard: u32,
        command: &C,
    ) -> Result<(), GatewayError> {
        let s = self.shard(shard)?;
        if matches!(s.status(), ShardStatus::Stopped(_)) {
            return Err(GatewayError::ShardNotRunning(shard));
        }
        s.commands
            .send(Outbound(command_text(command)))
            .await
            .map_err(|_| GatewayError::ShardNotRunning(shard))
    }

    /// Updates the bot's presence on every shard.
    pub async fn update_presence(&self, presence: Presence) -> Result<(), GatewayError> {
        let command = UpdatePresence(presence);
        for &id in self.inner.shards.keys() {
            self.send(id, &command).await?;
        }
        Ok(())
    }

    /// Joins, moves or leaves (`channel_id: None`) a voice channel.
    pub async fn update_voice_state(&self, state: UpdateVoiceState) -> Result<(), GatewayError> {
        self.send(self.shard_for_guild(state.guild_id), &state)
            .await
    }

    /// Sends Request Guild Members; the replies arrive as GUILD_MEMBERS_CHUNK events.
    pub async fn request_guild_members(
        &self,
        request: &RequestGuildMembers,
    ) -> Result<(), GatewayError> {
        if request.nonce.as_ref().is_some_and(|n| n.len() > 32) {
            return Err(GatewayError::InvalidCommand(
                "the nonce must be at most 32 bytes".into(),
            ));
        }
        if request.user_ids.as_ref().is_some_and(|ids| ids.len() > 100) {
            return Err(GatewayError::InvalidCommand(
                "at most 100 user_ids per request".into(),
            ));
        }
        self.send(self.shard_for_guild(request.guild_id), request)
            .await
    }

    /// Sends Request Guild Members and gathers every GUILD_MEMBERS_CHUNK of the reply, in order.
    /// A nonce is generated when the request has none. The chunks are also dispatched as usual.
    pub async fn fetch_guild_members(
        &self,
        mut request: RequestGuildMembers,
    ) -> Result<Vec<GuildMembersChunkEvent>, GatewayError> {
        let nonce = request
            .nonce
            .get_or_insert_with(|| format!("ac{:016x}", fastrand::u64(..)))
            .clone();
        let shard = self.shard(self.shard_for_guild(request.guild_id))?.clone();
        let mut rx = shard.wait_chunks(nonce.clone());
        let result = async {
            self.request_guild_members(&request).await?;
            let mut chunks = Vec::new();
            loop {
                let chunk = tokio::time::timeout(CHUNK_TIMEOUT, rx.recv())
                    .await
                    .map_err(|_| GatewayError::Timeout)?
                    .ok_or(GatewayError::ShardNotRunning(shard.id))?;
                let chunk: GuildMembersChunkEvent =
                    serde_json::from_slice(&chunk).map_err(|e| GatewayError::MalformedReply {
                        event: "GUILD_MEMBERS_CHUNK",
                        error: e.to_string(),
                    })?;
                let done = chunk.chunk_index + 1 >= chunk.chunk_count;
                chunks.push(chunk);
                if done {
                    break;
                }
            }
            Ok(chunks)
        }
        .await;
        shard.stop_waiting_chunks(&nonce);
        result
    }

    /// Asks for the soundboard sounds of guilds (answered by SOUNDBOARD_SOUNDS events). The
    /// request goes to the shard of each guild.
    pub async fn request_soundboard_sounds(
        &self,
        guild_ids: &[Snowflake],
    ) -> Result<(), GatewayError> {
        let mut per_shard: BTreeMap<u32, Vec<Snowflake>> = BTreeMap::new();
        for &g in guild_ids {
            per_shard
                .entry(self.shard_for_guild(g))
                .or_default()
                .push(g);
        }
        for (shard, guild_ids) in per_shard {
            self.send(shard, &RequestSoundboardSounds { guild_ids })
                .await?;
        }
        Ok(())
    }

    /// Stops every shard, keeping the sessions resumable (closes with a non-1000 code).
    pub fn shutdown(&self) {
        let _ = self.inner.stop.send(Stop::KeepSession);
    }

    /// Stops every shard and ends the sessions (closes with 1000: the bot goes offline at once).
    pub fn shutdown_and_end_sessions(&self) {
        let _ = self.inner.stop.send(Stop::EndSession);
    }
}
