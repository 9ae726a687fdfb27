//! The gateway side's sessions, by id and by shard, and how long one outlives its connection
//! ([docs](https://discord.com/developers/docs/events/gateway#resuming)).
//!
//! A session whose connection ended without a close frame (or with a code that allows
//! resuming) stays resumable, buffering what it would have been sent for RESUME to replay. It
//! is forgotten — a later RESUME gets op 9 — once it has had no connection for
//! [`GatewayServerConfig::resume_window`](super::GatewayServerConfig::resume_window), as
//! Discord forgets a session a client does not come back to, and the number of such sessions
//! is bounded by
//! [`GatewayServerConfig::max_resumable_sessions`](super::GatewayServerConfig::max_resumable_sessions)
//! (the longest-detached one is forgotten first), so clients that identify and vanish cannot
//! make the server buffer for ever. Expiry is checked whenever the sessions are used (a
//! dispatch to route, an IDENTIFY, a RESUME, a connection ending, the stats), so it follows
//! tokio's clock, paused or not.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use super::session::SessionEntry;

/// Every session, and the latest one of each shard.
#[derive(Default)]
pub(crate) struct SessionStore {
    by_id: HashMap<String, Arc<SessionEntry>>,
    latest: HashMap<u32, Arc<SessionEntry>>,
}

impl SessionStore {
    /// Adds a session; it becomes its shard's latest.
    pub(crate) fn insert(&mut self, entry: &Arc<SessionEntry>) {
        self.by_id.insert(entry.id.clone(), Arc::clone(entry));
        self.latest.insert(entry.shard[0], Arc::clone(entry));
    }

    /// The session with this id.
    pub(crate) fn get(&self, id: &str) -> Option<Arc<SessionEntry>> {
        self.by_id.get(id).cloned()
    }

    /// The latest session of a shard.
    pub(crate) fn latest(&self, shard: u32) -> Option<&Arc<SessionEntry>> {
        self.latest.get(&shard)
    }

    /// Forgets a session.
    pub(crate) fn remove(&mut self, id: &str) {
        self.by_id.remove(id);
        self.latest.retain(|_, s| s.id != id);
    }

    /// Every session.
    pub(crate) fn all(&self) -> Vec<Arc<SessionEntry>> {
        self.by_id.values().cloned().collect()
    }

    /// How many sessions there are, and how many of them have no connection.
    pub(crate) fn counts(&self) -> (usize, usize) {
        let detached = self
            .by_id
            .values()
            .filter(|s| s.detached_since().is_some())
            .count();
        (self.by_id.len(), detached)
    }

    /// Forgets the sessions detached for `window` or more, then the longest-detached ones
    /// beyond `max_detached`; returns the ids forgotten.
    pub(crate) fn expire(
        &mut self,
        now: Instant,
        window: Duration,
        max_detached: usize,
    ) -> Vec<String> {
        let mut detached: Vec<((Instant, u64), String)> = self
            .by_id
            .values()
            .filter_map(|s| s.detached_since().map(|at| (at, s.id.clone())))
            .collect();
        detached.sort();
        let expired = detached
            .iter()
            .take_while(|((at, _), _)| now.saturating_duration_since(*at) >= window)
            .count();
        let over = detached.len().saturating_sub(max_detached);
        let gone: Vec<String> = detached
            .into_iter()
            .take(expired.max(over))
            .map(|(_, id)| id)
            .collect();
        for id in &gone {
            self.remove(id);
        }
        gone
    }
}
