//! Recent messages: the newest `messages_per_channel` of each of the `max_message_channels`
//! channels written to most recently, plus the last few deleted ones.
//!
//! A MESSAGE_CREATE from the gateway is kept as received (its `d`, one allocation) and parsed
//! when it is first read, not as the parsed event: a bot reads few of the messages it caches,
//! so keeping the parsed event would cost every handler that takes its event by value a deep
//! clone (the cache would share it), and every eviction the drop of a whole message tree.

use std::collections::{HashMap, VecDeque};
use std::ops::Deref;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

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

/// What the store keeps of one message.
#[derive(Clone)]
pub(crate) enum Stored {
    /// A MESSAGE_CREATE as received, parsed when first read.
    Received(Arc<Received>),
    /// A parsed message (an edit, or a message handed over parsed).
    Parsed(CachedMessage),
}

/// A MESSAGE_CREATE's `d` as received.
pub(crate) struct Received {
    id: MessageId,
    channel_id: ChannelId,
    bytes: Arc<[u8]>,
    /// The parsed message, once read (`None` if the bytes did not parse).
    parsed: OnceLock<Option<Arc<MessageCreateEvent>>>,
}

impl Stored {
    /// The message `id` of `channel_id`, as received in `bytes`.
    pub(crate) fn received(id: MessageId, channel_id: ChannelId, bytes: Arc<[u8]>) -> Self {
        Self::Received(Arc::new(Received {
            id,
            channel_id,
            bytes,
            parsed: OnceLock::new(),
        }))
    }

    fn id(&self) -> MessageId {
        match self {
            Self::Received(r) => r.id,
            Self::Parsed(m) => m.id,
        }
    }

    fn channel_id(&self) -> ChannelId {
        match self {
            Self::Received(r) => r.channel_id,
            Self::Parsed(m) => m.channel_id,
        }
    }

    /// The message, parsed on its first read. The bytes parsed once already (that is how the
    /// event reached the cache), so `None` is not expected; it is logged and the message is
    /// left out of the read rather than trusted.
    fn read(&self) -> Option<CachedMessage> {
        match self {
            Self::Parsed(m) => Some(m.clone()),
            Self::Received(r) => r
                .parsed
                .get_or_init(|| {
                    asyncord_model::json::from_slice::<MessageCreateEvent>(&r.bytes)
                        .map_err(|e| {
                            tracing::warn!(message = %r.id, error = %e, "a cached message did not parse on read");
                        })
                        .ok()
                        .map(Arc::new)
                })
                .clone()
                .map(CachedMessage::created),
        }
    }
}

#[derive(Default)]
struct Shard {
    channels: HashMap<ChannelId, (u64, VecDeque<Stored>)>,
    deleted: VecDeque<Stored>,
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

    pub(crate) fn insert(&self, message: Stored) {
        if self.per_channel == 0 {
            return;
        }
        let channel = message.channel_id();
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
        if let Some(existing) = list.iter_mut().find(|m| m.id() == message.id()) {
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
            && let Some(existing) = list.iter_mut().find(|m| m.id() == message.id)
        {
            *existing = Stored::Parsed(message);
        }
    }

    pub(crate) fn remove(&self, channel: ChannelId, ids: &[MessageId]) {
        let mut shard = self.shard(channel);
        let Some((_, list)) = shard.channels.get_mut(&channel) else {
            return;
        };
        let mut gone = Vec::new();
        list.retain(|m| {
            let keep = !ids.contains(&m.id());
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
        // Found under the lock, parsed (on a first read) after it.
        let stored = {
            let shard = self.shard(channel);
            let (_, list) = shard.channels.get(&channel)?;
            list.iter().find(|m| m.id() == id)?.clone()
        };
        stored.read()
    }

    pub(crate) fn deleted(&self, channel: ChannelId, id: MessageId) -> Option<CachedMessage> {
        let stored = self
            .shard(channel)
            .deleted
            .iter()
            .find(|m| m.id() == id && m.channel_id() == channel)?
            .clone();
        stored.read()
    }

    pub(crate) fn channel(&self, channel: ChannelId) -> Vec<CachedMessage> {
        let stored: Vec<Stored> = self
            .shard(channel)
            .channels
            .get(&channel)
            .map(|(_, list)| list.iter().cloned().collect())
            .unwrap_or_default();
        stored.iter().filter_map(Stored::read).collect()
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
