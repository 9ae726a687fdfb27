//! A map split over several locks by key, so shards updating different channels or guilds do
//! not wait on one another. Reads clone the value out (an `Arc`); no guard leaves this file.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

const SHARDS: usize = 16;

/// A key that picks its shard.
pub(crate) trait ShardKey: Eq + Hash + Copy {
    fn shard(&self) -> usize;
}

/// Snowflakes: the low bits of the timestamp part spread well.
fn spread(v: u64) -> usize {
    ((v >> 22) ^ v) as usize % SHARDS
}

impl<M> ShardKey for asyncord_model::Id<M> {
    fn shard(&self) -> usize {
        spread(self.get())
    }
}

impl<A: ShardKey, B: ShardKey> ShardKey for (A, B) {
    fn shard(&self) -> usize {
        (self.0.shard() + self.1.shard()) % SHARDS
    }
}

pub(crate) struct Sharded<K, V> {
    shards: [RwLock<HashMap<K, V>>; SHARDS],
    len: AtomicUsize,
}

impl<K: ShardKey, V: Clone> Sharded<K, V> {
    pub(crate) fn new() -> Self {
        Self {
            shards: std::array::from_fn(|_| RwLock::new(HashMap::new())),
            len: AtomicUsize::new(0),
        }
    }

    fn read(&self, key: &K) -> RwLockReadGuard<'_, HashMap<K, V>> {
        self.shards[key.shard()]
            .read()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn write_shard(&self, i: usize) -> RwLockWriteGuard<'_, HashMap<K, V>> {
        self.shards[i]
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn get(&self, key: &K) -> Option<V> {
        self.read(key).get(key).cloned()
    }

    pub(crate) fn contains(&self, key: &K) -> bool {
        self.read(key).contains_key(key)
    }

    /// Inserts or replaces; returns whether the key is new.
    pub(crate) fn insert(&self, key: K, value: V) -> bool {
        let new = self.write_shard(key.shard()).insert(key, value).is_none();
        if new {
            self.len.fetch_add(1, Ordering::Relaxed);
        }
        new
    }

    pub(crate) fn remove(&self, key: &K) -> Option<V> {
        let old = self.write_shard(key.shard()).remove(key);
        if old.is_some() {
            self.len.fetch_sub(1, Ordering::Relaxed);
        }
        old
    }

    /// Removes one entry other than `keep`, preferring the shard of `near`; returns whether one
    /// was removed.
    pub(crate) fn evict_one(&self, near: &K, keep: impl Fn(&K) -> bool) -> Option<K> {
        let first = near.shard();
        for i in (0..SHARDS).map(|i| (first + i) % SHARDS) {
            let mut shard = self.write_shard(i);
            let victim = shard.keys().find(|k| !keep(k)).copied();
            if let Some(k) = victim {
                shard.remove(&k);
                self.len.fetch_sub(1, Ordering::Relaxed);
                return Some(k);
            }
        }
        None
    }

    pub(crate) fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    /// Clones out every value for which `pick` is true.
    pub(crate) fn collect(&self, pick: impl Fn(&K, &V) -> bool) -> Vec<V> {
        let mut out = Vec::new();
        for shard in &self.shards {
            let shard = shard.read().unwrap_or_else(PoisonError::into_inner);
            out.extend(
                shard
                    .iter()
                    .filter(|(k, v)| pick(k, v))
                    .map(|(_, v)| v.clone()),
            );
        }
        out
    }
}
