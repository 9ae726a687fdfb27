//! [`GatewayHandle`]: a cheap, cloneable way to talk to a gateway's shards — presence, voice
//! state, guild members (with a helper gathering every chunk), soundboard sounds — and to read
//! their state (latency, status, session). It exists before the gateway connects: connecting
//! attaches the shards to it; once they have all stopped its commands fail again, and it can be
//! connected anew. In a process that runs no shards of its bot (a worker of a bot scaled out),
//! its commands are relayed to the processes that do ([`relay`](super::relay))
//! ([docs](https://discord.com/developers/docs/events/gateway-events#send-events)).

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use asyncord_model::GuildId;
use asyncord_model::gateway::{
    GatewayCommand, GuildMembersChunkEvent, Presence, RequestGuildMembers, RequestSoundboardSounds,
    UpdatePresence, UpdateVoiceState,
};
use tokio::sync::{mpsc, watch};

use super::compression::Compression;
use super::config::Session;
use super::error::GatewayError;
use super::relay::{CommandRelay, CommandTarget};
use super::shard::{Outbound, ShardShared, ShardStatus, Stop, command_text};
use super::shard_set::ShardSet;

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
    /// The largest capacity, in bytes, one of its connections' receive buffers reached since
    /// the shard started (joining a fragmented message, buffering a compressed one,
    /// decompressing): at most about
    /// [`GatewayLimits::max_message_size`](super::GatewayLimits::max_message_size), whatever the
    /// server sends.
    pub receive_buffer_peak: usize,
}

pub(crate) struct HandleInner {
    /// The shards of the running gateway; `None` before it connects and after it stops.
    shards: RwLock<Option<Arc<ShardSet>>>,
    /// Signalled by every shard status change and by attaching or detaching shards.
    changed: Arc<watch::Sender<()>>,
    /// Where commands go while this process runs no shards (a worker of a bot scaled out).
    relay: RwLock<Option<Arc<dyn CommandRelay>>>,
}

/// Talks to a gateway's shards. Cheap to clone; clones see the same gateway.
///
/// A handle exists before its gateway connects: create one with [`GatewayHandle::new`] (the
/// client hub makes one per group, registered as the `gateway` handler argument when the
/// group is created) and hand it to [`Gateway::connect_with_handle`](super::Gateway::connect_with_handle);
/// [`Gateway::connect`](super::Gateway::connect) makes its own. While no shards run (before
/// connecting, after they all stopped), commands fail with [`GatewayError::NotConnected`];
/// [`GatewayHandle::wait_connected`] waits for the shards. In a worker process of a bot scaled
/// out (which runs no shards), the commands are relayed to the gateway processes instead, which
/// send each on the shard it is for: they succeed once handed over;
/// [`GatewayHandle::fetch_guild_members`] is not relayed (the chunks would reach any worker)
/// and fails with [`GatewayError::NotConnected`] there. The read-outs are empty before
/// connecting, and show the last shards' final state (why they stopped, their sessions) after
/// they stopped, until the handle is connected again (the client hub clears them when it
/// stops).
#[derive(Clone)]
pub struct GatewayHandle {
    inner: Arc<HandleInner>,
}

impl Default for GatewayHandle {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for GatewayHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.attached() {
            Some(set) => f
                .debug_struct("GatewayHandle")
                .field("shards", &set.shards.keys().collect::<Vec<_>>())
                .field("count", &set.count)
                .finish(),
            None => f
                .debug_struct("GatewayHandle")
                .field("connected", &false)
                .finish(),
        }
    }
}

/// How long [`GatewayHandle::fetch_guild_members`] waits for the next chunk.
const CHUNK_TIMEOUT: Duration = Duration::from_secs(30);

impl GatewayHandle {
    /// A handle with no shards yet: hand it to
    /// [`Gateway::connect_with_handle`](super::Gateway::connect_with_handle).
    pub fn new() -> Self {
        Self {
            inner: Arc::new(HandleInner {
                shards: RwLock::new(None),
                changed: Arc::new(watch::Sender::new(())),
                relay: RwLock::new(None),
            }),
        }
    }

    /// Relays this handle's commands to `relay` while it has no shards of its own.
    #[cfg_attr(not(feature = "redis"), allow(dead_code))]
    pub(crate) fn set_relay(&self, relay: Arc<dyn CommandRelay>) {
        *self
            .inner
            .relay
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(relay);
    }

    /// The relay, when commands go through it: one is set and no shards were ever attached.
    fn relay_instead(&self) -> Option<Arc<dyn CommandRelay>> {
        if self.attached().is_some() {
            return None;
        }
        self.inner
            .relay
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Sends a relayed command's `frame` on the shards of this process that `target` names
    /// (the others run elsewhere); how many it was sent on.
    #[cfg_attr(not(feature = "redis"), allow(dead_code))]
    pub(crate) async fn send_frame(
        &self,
        target: CommandTarget,
        frame: String,
    ) -> Result<usize, GatewayError> {
        let set = self.connected()?;
        let mut sent = 0;
        for id in targets(&set, target) {
            if set.shards.contains_key(&id) {
                send_on(&set, id, frame.clone()).await?;
                sent += 1;
            }
        }
        Ok(sent)
    }

    /// Sends a command's `frame` on the shards `target` names, or hands it to the relay in a
    /// process without shards of its own.
    async fn command(&self, target: CommandTarget, frame: String) -> Result<(), GatewayError> {
        if let Some(relay) = self.relay_instead() {
            return relay.relay(target, frame).await;
        }
        let set = self.connected()?;
        for id in targets(&set, target) {
            send_on(&set, id, frame.clone()).await?;
        }
        Ok(())
    }

    /// The running shards, if any.
    fn attached(&self) -> Option<Arc<ShardSet>> {
        self.inner
            .shards
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The shards, while any of them runs.
    fn connected(&self) -> Result<Arc<ShardSet>, GatewayError> {
        self.attached()
            .filter(|set| set.is_running())
            .ok_or(GatewayError::NotConnected)
    }

    /// The signal every shard of this handle reports its status changes on.
    pub(crate) fn status_signal(&self) -> Arc<watch::Sender<()>> {
        Arc::clone(&self.inner.changed)
    }

    /// Attaches a gateway's shards, in place of earlier ones that all stopped; fails while
    /// earlier shards run.
    pub(crate) fn attach(&self, set: Arc<ShardSet>) -> Result<(), GatewayError> {
        {
            let mut slot = self
                .inner
                .shards
                .write()
                .unwrap_or_else(PoisonError::into_inner);
            if slot.as_ref().is_some_and(|s| s.is_running()) {
                return Err(GatewayError::AlreadyConnected);
            }
            *slot = Some(set);
        }
        self.inner.changed.send_replace(());
        Ok(())
    }

    /// Detaches `set` if it is the one attached (a later gateway's shards stay).
    pub(crate) fn detach(&self, set: &Arc<ShardSet>) {
        {
            let mut slot = self
                .inner
                .shards
                .write()
                .unwrap_or_else(PoisonError::into_inner);
            if !slot.as_ref().is_some_and(|s| Arc::ptr_eq(s, set)) {
                return;
            }
            *slot = None;
        }
        self.inner.changed.send_replace(());
    }

    /// Whether the gateway was connected and some of its shards run (they may be reconnecting;
    /// see [`GatewayHandle::wait_connected`]).
    pub fn is_running(&self) -> bool {
        self.connected().is_ok()
    }

    /// The total shard count (0 while not running).
    pub fn shard_count(&self) -> u32 {
        self.attached().map_or(0, |set| set.count)
    }

    /// The shard ids this process runs (none while not running).
    pub fn shard_ids(&self) -> Vec<u32> {
        self.attached()
            .map(|set| set.shards.keys().copied().collect())
            .unwrap_or_default()
    }

    /// The shard that receives a guild's events: `(guild_id >> 22) % shard_count` (0 while not
    /// running).
    pub fn shard_for_guild(&self, guild_id: GuildId) -> u32 {
        shard_for_guild(guild_id, self.shard_count())
    }

    fn shard(&self, id: u32) -> Result<Arc<ShardShared>, GatewayError> {
        self.connected()?
            .shards
            .get(&id)
            .cloned()
            .ok_or(GatewayError::ShardNotRunning(id))
    }

    /// The last heartbeat round trip of a shard.
    pub fn latency(&self, shard: u32) -> Option<Duration> {
        self.attached()?.shards.get(&shard)?.latency()
    }

    /// A read-out of a shard.
    pub fn info(&self, shard: u32) -> Option<ShardInfo> {
        self.attached()?.shards.get(&shard).map(|s| info_of(s))
    }

    /// A read-out of every shard of this process (none while not running).
    pub fn shards(&self) -> Vec<ShardInfo> {
        self.attached()
            .map(|set| set.shards.values().map(|s| info_of(s)).collect())
            .unwrap_or_default()
    }

    /// Waits until the gateway runs and every shard of this process is connected (identified
    /// or resumed, events flowing); returns at once if they are. Before the gateway connects
    /// it waits for that too. Woken by each status change, no polling. Bound it with a timeout:
    /// a shard that cannot connect keeps this waiting.
    pub async fn wait_connected(&self) {
        let mut changes = self.inner.changed.subscribe();
        loop {
            changes.borrow_and_update();
            if self.attached().is_some_and(|set| {
                set.shards
                    .values()
                    .all(|s| s.status() == ShardStatus::Connected)
            }) {
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
        self.attached()?.shards.get(&shard)?.session()
    }

    /// The resumable sessions of every shard (none while not running).
    pub fn sessions(&self) -> HashMap<u32, Session> {
        self.attached()
            .map(|set| set.sessions())
            .unwrap_or_default()
    }

    /// Sends a command frame to one shard, waiting while its rate limit is exhausted.
    pub async fn send<C: GatewayCommand + serde::Serialize>(
        &self,
        shard: u32,
        command: &C,
    ) -> Result<(), GatewayError> {
        self.command(CommandTarget::Shard(shard), command_text(command))
            .await
    }

    /// Updates the bot's presence on every shard.
    pub async fn update_presence(&self, presence: Presence) -> Result<(), GatewayError> {
        let command = UpdatePresence(presence);
        self.command(CommandTarget::AllShards, command_text(&command))
            .await
    }

    /// Joins, moves or leaves (`channel_id: None`) a voice channel.
    pub async fn update_voice_state(&self, state: UpdateVoiceState) -> Result<(), GatewayError> {
        self.command(CommandTarget::Guild(state.guild_id), command_text(&state))
            .await
    }

    /// Sends Request Guild Members; the replies arrive as GUILD_MEMBERS_CHUNK events.
    pub async fn request_guild_members(
        &self,
        request: &RequestGuildMembers,
    ) -> Result<(), GatewayError> {
        if request.nonce.as_ref().is_some_and(|n| n.len() > 32) {
            return Err(GatewayError::InvalidCommand(
                "the nonce must be at most 32 bytes",
            ));
        }
        if request.user_ids.as_ref().is_some_and(|ids| ids.len() > 100) {
            return Err(GatewayError::InvalidCommand(
                "at most 100 user_ids per request",
            ));
        }
        self.command(
            CommandTarget::Guild(request.guild_id),
            command_text(request),
        )
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
        let count = self.connected()?.count;
        let shard = self.shard(shard_for_guild(request.guild_id, count))?;
        // Stops waiting however this call ends, cancelled included.
        let mut waiter = ChunkWaiter::new(shard, nonce);
        self.request_guild_members(&request).await?;
        let mut chunks = Vec::new();
        let mut order = ChunkOrder::default();
        loop {
            let chunk = tokio::time::timeout(CHUNK_TIMEOUT, waiter.rx.recv())
                .await
                .map_err(|_| GatewayError::Timeout)?
                .ok_or(GatewayError::ShardNotRunning(waiter.shard.id))?;
            let chunk: GuildMembersChunkEvent = asyncord_model::lenient::from_slice(&chunk)
                .map_err(|source| GatewayError::MalformedReply {
                    event: "GUILD_MEMBERS_CHUNK",
                    source,
                })?;
            let done = order.next(chunk.chunk_index, chunk.chunk_count)?;
            chunks.push(chunk);
            if done {
                return Ok(chunks);
            }
        }
    }

    /// Asks for the soundboard sounds of guilds (answered by SOUNDBOARD_SOUNDS events). The
    /// request goes to the shard of each guild.
    pub async fn request_soundboard_sounds(
        &self,
        guild_ids: &[GuildId],
    ) -> Result<(), GatewayError> {
        // One command per shard; a process without shards does not know the shard count, so
        // it relays one per guild.
        let mut per_target: BTreeMap<CommandTarget, Vec<GuildId>> = BTreeMap::new();
        let count = self.attached().map(|set| set.count);
        for &g in guild_ids {
            let target = match count {
                Some(count) => CommandTarget::Shard(shard_for_guild(g, count)),
                None => CommandTarget::Guild(g),
            };
            per_target.entry(target).or_default().push(g);
        }
        for (target, guild_ids) in per_target {
            self.command(target, command_text(&RequestSoundboardSounds { guild_ids }))
                .await?;
        }
        Ok(())
    }

    /// Stops every shard, keeping the sessions resumable (closes with a non-1000 code). Does
    /// nothing while not running.
    pub fn shutdown(&self) {
        if let Ok(set) = self.connected() {
            set.stop(Stop::KeepSession);
        }
    }

    /// Stops every shard and ends the sessions (closes with 1000: the bot goes offline at once).
    /// Does nothing while not running.
    pub fn shutdown_and_end_sessions(&self) {
        if let Ok(set) = self.connected() {
            set.stop(Stop::EndSession);
        }
    }
}

/// A `fetch_guild_members` waiting for the chunks of its nonce; dropping it (the call returned
/// or was cancelled) stops the wait.
struct ChunkWaiter {
    shard: Arc<ShardShared>,
    nonce: String,
    id: u64,
    rx: mpsc::UnboundedReceiver<Vec<u8>>,
}

impl ChunkWaiter {
    fn new(shard: Arc<ShardShared>, nonce: String) -> Self {
        let (id, rx) = shard.wait_chunks(nonce.clone());
        Self {
            shard,
            nonce,
            id,
            rx,
        }
    }
}

impl Drop for ChunkWaiter {
    fn drop(&mut self) {
        self.shard.stop_waiting_chunks(&self.nonce, self.id);
    }
}

/// Checks the indexes of one reply's chunks: each below the count, the count the same in every
/// chunk, the indexes increasing (Discord sends them in order).
#[derive(Default)]
struct ChunkOrder {
    count: Option<u32>,
    next: u32,
}

impl ChunkOrder {
    /// Takes a chunk's index and count; `true` when it is the last chunk.
    fn next(&mut self, index: u32, count: u32) -> Result<bool, GatewayError> {
        let invalid = |reason| GatewayError::InvalidReply {
            event: "GUILD_MEMBERS_CHUNK",
            reason,
        };
        if index >= count {
            return Err(invalid("chunk_index is not below chunk_count"));
        }
        if *self.count.get_or_insert(count) != count {
            return Err(invalid("chunk_count changed between chunks"));
        }
        if index < self.next {
            return Err(invalid("chunk_index repeated or out of order"));
        }
        let after = index
            .checked_add(1)
            .ok_or(invalid("chunk_index out of range"))?;
        self.next = after;
        Ok(after == count)
    }
}

fn info_of(s: &ShardShared) -> ShardInfo {
    ShardInfo {
        id: s.id,
        count: s.count,
        status: s.status(),
        latency: s.latency(),
        session: s.session(),
        compression: s.compression(),
        receive_buffer_peak: s.buffer_peak.load(Ordering::Relaxed),
    }
}

/// The shards `target` names among the `set`'s count (not all need run in this process).
fn targets(set: &ShardSet, target: CommandTarget) -> Vec<u32> {
    match target {
        CommandTarget::AllShards => set.shards.keys().copied().collect(),
        CommandTarget::Guild(guild) => vec![shard_for_guild(guild, set.count)],
        CommandTarget::Shard(id) => vec![id],
    }
}

/// Queues `frame` on the running shard `id` of `set`, waiting while its rate limit is exhausted.
async fn send_on(set: &ShardSet, id: u32, frame: String) -> Result<(), GatewayError> {
    let shard = set
        .shards
        .get(&id)
        .ok_or(GatewayError::ShardNotRunning(id))?;
    if matches!(shard.status(), ShardStatus::Stopped(_)) {
        return Err(GatewayError::ShardNotRunning(id));
    }
    shard
        .commands
        .send(Outbound(frame))
        .await
        .map_err(|_| GatewayError::ShardNotRunning(id))
}

fn shard_for_guild(guild_id: GuildId, count: u32) -> u32 {
    ((u64::from(guild_id) >> 22) % u64::from(count.max(1))) as u32
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use asyncord_model::gateway::RequestGuildMembers;

    use super::*;
    use crate::gateway::shard::Stop;

    /// A handle attached to one shard that nothing runs; returns the shard and its command
    /// queue.
    fn attached() -> (GatewayHandle, Arc<ShardShared>, mpsc::Receiver<Outbound>) {
        let handle = GatewayHandle::new();
        let (tx, rx) = mpsc::channel(8);
        let shard = Arc::new(ShardShared::new(
            0,
            1,
            tx,
            None,
            Compression::None,
            handle.status_signal(),
        ));
        let shards = BTreeMap::from([(0, Arc::clone(&shard))]);
        let (stop, _) = watch::channel(Stop::Run);
        handle
            .attach(Arc::new(ShardSet::new(shards, 1, stop)))
            .unwrap();
        (handle, shard, rx)
    }

    #[tokio::test(start_paused = true)]
    async fn a_cancelled_fetch_stops_waiting_for_its_chunks() {
        let (handle, shard, mut commands) = attached();
        let request = RequestGuildMembers::all(GuildId::new(1));
        let fetch = handle.fetch_guild_members(request);
        // Cancelled while it waits for the reply.
        let cancelled = tokio::time::timeout(Duration::from_secs(1), fetch).await;
        assert!(cancelled.is_err());
        assert!(commands.recv().await.is_some(), "the request was sent");
        assert!(!shard.has_chunk_waiters(), "the waiter was removed");
    }

    #[test]
    fn chunk_indexes_must_increase_below_a_fixed_count() {
        let mut order = ChunkOrder::default();
        assert!(!order.next(0, 3).unwrap());
        assert!(order.next(1, 4).is_err(), "the count changed");
        let mut order = ChunkOrder::default();
        assert!(!order.next(0, 3).unwrap());
        assert!(order.next(0, 3).is_err(), "repeated");
        let mut order = ChunkOrder::default();
        assert!(order.next(2, 3).unwrap(), "the last one ends it");
        for (index, count) in [(u32::MAX, 1), (u32::MAX, u32::MAX), (0, 0), (3, 2)] {
            assert!(ChunkOrder::default().next(index, count).is_err());
        }
        assert!(ChunkOrder::default().next(u32::MAX - 1, u32::MAX).unwrap());
    }
}
