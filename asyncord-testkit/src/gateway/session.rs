//! Emulated gateway sessions: sequence numbers, the replay buffer used by RESUME, and which
//! dispatches of the world reach which session (shard, guilds, intents, MESSAGE_CONTENT)
//! ([docs](https://discord.com/developers/docs/events/gateway#resuming)).

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use asyncord_model::{GuildId, Intents};
use tokio::time::Instant;

use super::conn::Outgoing;
use super::outbox::Outbox;
use crate::account::BotAccount;
use crate::dispatch::Dispatch;

/// One session, alive across connections until invalidated.
pub(crate) struct SessionEntry {
    pub id: String,
    pub bot: BotAccount,
    pub shard: [u32; 2],
    pub intents: Intents,
    state: Mutex<SessionState>,
}

struct SessionState {
    seq: u64,
    buffer: VecDeque<(u64, Arc<str>)>,
    capacity: usize,
    conn: Option<(u64, Outbox)>,
    /// Since when no connection is attached, and the order of that detachment among all
    /// sessions (`None` while one is attached). The order breaks ties between sessions detached
    /// at the same instant (common on a paused clock), so the longest-detached is well defined.
    detached_at: Option<(Instant, u64)>,
    guilds: HashSet<GuildId>,
}

/// What a RESUME attempt found.
pub(crate) enum ResumeOutcome {
    /// Replayed this many events, then RESUMED.
    Replayed(usize),
    /// The client's sequence is ahead of the session's.
    InvalidSeq,
    /// The missed events are no longer buffered.
    TooOld,
}

/// Now, and the next number of the process-wide detachment order.
fn detached_now() -> (Instant, u64) {
    static ORDER: AtomicU64 = AtomicU64::new(0);
    (Instant::now(), ORDER.fetch_add(1, Ordering::Relaxed))
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The text of a dispatch frame, in Discord's key order.
pub(crate) fn dispatch_text(name: &str, seq: u64, data: &str) -> String {
    let mut s = String::with_capacity(data.len() + name.len() + 40);
    s.push_str("{\"t\":\"");
    s.push_str(name);
    s.push_str("\",\"s\":");
    s.push_str(&seq.to_string());
    s.push_str(",\"op\":0,\"d\":");
    s.push_str(data);
    s.push('}');
    s
}

/// The text of a frame that is not a dispatch (HELLO, HEARTBEAT_ACK, RECONNECT,
/// INVALID_SESSION, a heartbeat request): every envelope key present, `t` and `s` null, as
/// Discord sends them. `data` is the JSON of `d`.
pub(crate) fn control_text(op: u8, data: &str) -> String {
    format!(r#"{{"t":null,"s":null,"op":{op},"d":{data}}}"#)
}

impl SessionEntry {
    pub(crate) fn new(
        id: String,
        bot: BotAccount,
        shard: [u32; 2],
        intents: Intents,
        capacity: usize,
        guilds: HashSet<GuildId>,
    ) -> Self {
        Self {
            id,
            bot,
            shard,
            intents,
            state: Mutex::new(SessionState {
                seq: 0,
                buffer: VecDeque::new(),
                capacity,
                conn: None,
                detached_at: Some(detached_now()),
                guilds,
            }),
        }
    }

    /// Attaches a connection (replacing any previous one).
    pub(crate) fn attach(&self, conn: u64, tx: Outbox) {
        let mut st = lock(&self.state);
        st.conn = Some((conn, tx));
        st.detached_at = None;
    }

    /// Detaches `conn` if it is the attached one.
    pub(crate) fn detach(&self, conn: u64) {
        let mut st = lock(&self.state);
        if st.conn.as_ref().is_some_and(|(c, _)| *c == conn) {
            st.conn = None;
            st.detached_at = Some(detached_now());
        }
    }

    /// Since when the session has had no connection, with the order of its detachment among
    /// all sessions (`None` while one is attached).
    pub(crate) fn detached_since(&self) -> Option<(Instant, u64)> {
        lock(&self.state).detached_at
    }

    /// The connection id attached now.
    pub(crate) fn connection(&self) -> Option<u64> {
        lock(&self.state).conn.as_ref().map(|(c, _)| *c)
    }

    /// The last sequence number assigned.
    pub(crate) fn seq(&self) -> u64 {
        lock(&self.state).seq
    }

    /// Sequences, buffers and (if connected) sends one dispatch. `data` is the JSON of `d`.
    pub(crate) fn push(&self, name: &str, data: &str) -> u64 {
        let mut st = lock(&self.state);
        st.seq += 1;
        let seq = st.seq;
        let text: Arc<str> = Arc::from(dispatch_text(name, seq, data));
        if st.capacity > 0 {
            if st.buffer.len() == st.capacity {
                st.buffer.pop_front();
            }
            st.buffer.push_back((seq, text.clone()));
        }
        if let Some((_, tx)) = &st.conn {
            tx.send(Outgoing::Text(text));
        }
        if (name == "GUILD_CREATE" || name == "GUILD_DELETE")
            && let Some(id) = guild_id_of(data)
        {
            if name == "GUILD_CREATE" {
                st.guilds.insert(id);
            } else {
                st.guilds.remove(&id);
            }
        }
        seq
    }

    /// Resumes on connection `conn`: replays every buffered event after `client_seq` (queued
    /// as one batch, whatever its length), then RESUMED, all under the lock so nothing
    /// published meanwhile is reordered.
    pub(crate) fn resume(&self, conn: u64, tx: Outbox, client_seq: u64) -> ResumeOutcome {
        let mut st = lock(&self.state);
        if client_seq > st.seq {
            return ResumeOutcome::InvalidSeq;
        }
        let oldest = st.buffer.front().map_or(st.seq + 1, |(s, _)| *s);
        if client_seq + 1 < oldest {
            return ResumeOutcome::TooOld;
        }
        let missed: Vec<Arc<str>> = st
            .buffer
            .iter()
            .filter(|(seq, _)| *seq > client_seq)
            .map(|(_, text)| Arc::clone(text))
            .collect();
        let replayed = missed.len();
        if !missed.is_empty() {
            tx.send(Outgoing::Batch(missed));
        }
        st.conn = Some((conn, tx));
        st.detached_at = None;
        drop(st);
        self.push("RESUMED", "{}");
        ResumeOutcome::Replayed(replayed)
    }

    /// Whether a world dispatch reaches this session, and its `d` as this session sees it.
    pub(crate) fn route(&self, d: &Dispatch) -> Option<String> {
        if d.only_bot.is_some_and(|b| b != self.bot.user_id) {
            return None;
        }
        let [shard_id, shard_count] = self.shard;
        match d.guild_id {
            Some(g) => {
                if (u64::from(g) >> 22) % u64::from(shard_count.max(1)) != u64::from(shard_id) {
                    return None;
                }
                let joining = d.event == "GUILD_CREATE";
                if !joining && !lock(&self.state).guilds.contains(&g) {
                    return None;
                }
            }
            None => {
                if shard_id != 0 {
                    return None;
                }
            }
        }
        let own_member_update = d.event == "GUILD_MEMBER_UPDATE"
            && d.data["user"]["id"].as_str() == Some(&self.bot.user_id.to_string());
        if !d.intents.is_empty() && !self.intents.intersects(d.intents) && !own_member_update {
            return None;
        }
        if matches!(d.event.as_str(), "MESSAGE_CREATE" | "MESSAGE_UPDATE")
            && !self.intents.contains(Intents::MESSAGE_CONTENT)
            && !self.may_read_content(d)
        {
            let mut data = d.data.clone();
            strip_content(&mut data);
            return serde_json::to_string(&data).ok();
        }
        serde_json::to_string(&d.data).ok()
    }

    /// The MESSAGE_CONTENT exceptions: DMs, the bot's own messages, and messages mentioning it.
    fn may_read_content(&self, d: &Dispatch) -> bool {
        let me = self.bot.user_id.to_string();
        let dm = d.guild_id.is_none()
            && d.data
                .get("guild_id")
                .is_none_or(serde_json::Value::is_null);
        let own = d.data["author"]["id"].as_str() == Some(me.as_str());
        let mentioned = d.data["mentions"]
            .as_array()
            .is_some_and(|m| m.iter().any(|u| u["id"].as_str() == Some(me.as_str())));
        dm || own || mentioned
    }
}

fn strip_content(data: &mut serde_json::Value) {
    if let Some(obj) = data.as_object_mut() {
        if obj.contains_key("content") {
            obj.insert("content".into(), serde_json::Value::String(String::new()));
        }
        for key in ["embeds", "attachments", "components"] {
            if obj.contains_key(key) {
                obj.insert(key.into(), serde_json::Value::Array(Vec::new()));
            }
        }
        obj.remove("poll");
    }
}

fn guild_id_of(data: &str) -> Option<GuildId> {
    #[derive(serde::Deserialize)]
    struct Id {
        id: GuildId,
    }
    serde_json::from_str::<Id>(data).ok().map(|i| i.id)
}
