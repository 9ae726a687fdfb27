//! Recent messages: the newest `messages_per_channel` of each of the `max_message_channels`
//! channels written to most recently, plus the last few deleted ones.

use std::collections::{HashMap, VecDeque};
use std::ops::Deref;
use std::sync::{Arc, Mutex, PoisonError};

use asyncord_model::gateway::{MessageCreateEvent, MessageUpdateEvent};
use asyncord_model::message::Message;
use asyncord_model::{ChannelId, MessageId};

use super::sharded::ShardKey;

const SHARDS: usize = 16;

/// How many deleted messages each shard remembers.
const DELETED_PER_SHARD: usize = 8;

/// A cached message: the event's own allocation, shared (cloning is an `Arc` clone).
#[derive(Clone, Debug)]
pub struct CachedMessage(Source);

#[derive(Clone, Debug)]
enum Source {
    Created(Arc<MessageCreateEvent>),
    Updated(Arc<MessageUpdateEvent>),
}

impl CachedMessage {
    pub(crate) fn created(event: Arc<MessageCreateEvent>) -> Self {
        Self(Source::Created(event))
    }

    pub(crate) fn updated(event: Arc<MessageUpdateEvent>) -> Self {
        Self(Source::Updated(event))
    }
}

impl Deref for CachedMessage {
    type Target = Message;

    fn deref(&self) -> &Message {
        match &self.0 {
            Source::Created(e) => e,
            Source::Updated(e) => e,
        }
    }
}

#[derive(Default)]
struct Shard {
    channels: HashMap<ChannelId, (u64, VecDeque<CachedMessage>)>,
    deleted: VecDeque<CachedMessage>,
    clock: u64,
}

pub(crate) struct Messages {
    shards: [Mutex<Shard>; SHARDS],
    per_channel: usize,
    /// Each shard's share of `max_message_channels` (they add up to it; at least 1 each).
    channels_per_shard: [usize; SHARDS],
}

impl Messages {
    pub(crate) fn new(per_channel: usize, max_channels: usize) -> Self {
        Self {
            shards: std::array::from_fn(|_| Mutex::default()),
            per_channel,
            channels_per_shard: std::array::from_fn(|i| {
                (max_channels / SHARDS + usize::from(i < max_channels % SHARDS)).max(1)
            }),
        }
    }

    fn shard(&self, channel: ChannelId) -> std::sync::MutexGuard<'_, Shard> {
        self.shards[channel.shard()]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn insert(&self, message: CachedMessage) {
        if self.per_channel == 0 {
            return;
        }
        let channel = message.channel_id;
        let cap = self.channels_per_shard[channel.shard()];
        let mut shard = self.shard(channel);
        shard.clock += 1;
        let now = shard.clock;
        if !shard.channels.contains_key(&channel) && shard.channels.len() >= cap {
            // The channel written to least recently gives way.
            let oldest = shard
                .channels
                .iter()
                .min_by_key(|(_, (touched, _))| *touched)
                .map(|(id, _)| *id);
            if let Some(oldest) = oldest {
                shard.channels.remove(&oldest);
            }
        }
        let (touched, list) = shard.channels.entry(channel).or_default();
        *touched = now;
        if let Some(existing) = list.iter_mut().find(|m| m.id == message.id) {
            *existing = message;
            return;
        }
        if list.len() >= self.per_channel {
            list.pop_front();
        }
        list.push_back(message);
    }

    /// Replaces a cached message (an edit of one not cached is not added: it may be old).
    pub(crate) fn update(&self, message: CachedMessage) {
        let mut shard = self.shard(message.channel_id);
        if let Some((_, list)) = shard.channels.get_mut(&message.channel_id)
            && let Some(existing) = list.iter_mut().find(|m| m.id == message.id)
        {
            *existing = message;
        }
    }

    pub(crate) fn remove(&self, channel: ChannelId, ids: &[MessageId]) {
        let mut shard = self.shard(channel);
        let Some((_, list)) = shard.channels.get_mut(&channel) else {
            return;
        };
        let mut gone = Vec::new();
        list.retain(|m| {
            let keep = !ids.contains(&m.id);
            if !keep {
                gone.push(m.clone());
            }
            keep
        });
        for m in gone {
            if shard.deleted.len() >= DELETED_PER_SHARD {
                shard.deleted.pop_front();
            }
            shard.deleted.push_back(m);
        }
    }

    pub(crate) fn remove_channel(&self, channel: ChannelId) {
        self.shard(channel).channels.remove(&channel);
    }

    pub(crate) fn get(&self, channel: ChannelId, id: MessageId) -> Option<CachedMessage> {
        let shard = self.shard(channel);
        let (_, list) = shard.channels.get(&channel)?;
        list.iter().find(|m| m.id == id).cloned()
    }

    pub(crate) fn deleted(&self, channel: ChannelId, id: MessageId) -> Option<CachedMessage> {
        let shard = self.shard(channel);
        shard
            .deleted
            .iter()
            .find(|m| m.id == id && m.channel_id == channel)
            .cloned()
    }

    pub(crate) fn channel(&self, channel: ChannelId) -> Vec<CachedMessage> {
        let shard = self.shard(channel);
        shard
            .channels
            .get(&channel)
            .map(|(_, list)| list.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// (channels with messages, messages) in all.
    pub(crate) fn counts(&self) -> (usize, usize) {
        self.shards.iter().fold((0, 0), |(c, m), shard| {
            let shard = shard.lock().unwrap_or_else(PoisonError::into_inner);
            (
                c + shard.channels.len(),
                m + shard.channels.values().map(|(_, l)| l.len()).sum::<usize>(),
            )
        })
    }
}
