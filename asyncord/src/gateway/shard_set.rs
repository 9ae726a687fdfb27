//! [`ShardSet`]: the shards one [`Gateway::connect`](super::Gateway::connect) started, as a
//! [`GatewayHandle`](super::GatewayHandle) sees them from connecting until it is connected again:
//! their shared state by id, the total count, the stop signal, and how many of their tasks still
//! run.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use tokio::sync::watch;

use super::config::Session;
use super::shard::{ShardShared, Stop};

/// The running shards of one gateway.
pub(crate) struct ShardSet {
    pub(crate) shards: BTreeMap<u32, Arc<ShardShared>>,
    /// The total shard count (`num_shards` in IDENTIFY).
    pub(crate) count: u32,
    stop: watch::Sender<Stop>,
    /// How many shard tasks have not ended.
    running: watch::Sender<usize>,
}

impl ShardSet {
    pub(crate) fn new(
        shards: BTreeMap<u32, Arc<ShardShared>>,
        count: u32,
        stop: watch::Sender<Stop>,
    ) -> Self {
        let running = watch::Sender::new(shards.len());
        Self {
            shards,
            count,
            stop,
            running,
        }
    }

    pub(crate) fn stop(&self, how: Stop) {
        self.stop.send_replace(how);
    }

    /// A shard task ended.
    pub(crate) fn shard_ended(&self) {
        self.running.send_modify(|n| *n = n.saturating_sub(1));
    }

    /// Whether some shard task has not ended.
    pub(crate) fn is_running(&self) -> bool {
        *self.running.borrow() > 0
    }

    /// Resolves once every shard task has ended.
    pub(crate) async fn stopped(&self) {
        let mut running = self.running.subscribe();
        // The sender lives in `self`, so this cannot fail.
        let _ = running.wait_for(|n| *n == 0).await;
    }

    /// The resumable sessions by shard.
    pub(crate) fn sessions(&self) -> HashMap<u32, Session> {
        self.shards
            .iter()
            .filter_map(|(&id, s)| Some((id, s.session()?)))
            .collect()
    }

    /// How many dispatches the shards handed to their sink.
    pub(crate) fn delivered(&self) -> u64 {
        self.shards
            .values()
            .map(|s| s.delivered.load(Ordering::Relaxed))
            .sum()
    }
}
