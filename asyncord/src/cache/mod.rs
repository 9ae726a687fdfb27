//! The cache: guilds, channels, threads, roles, members, users, emojis, stickers, voice states,
//! presences (off by default) and recent messages, kept up to date from gateway events, with
//! every count capped ([`CacheConfig`]).
//!
//! Discord docs: the [gateway events](https://discord.com/developers/docs/events/gateway-events)
//! it follows, and [Permissions](https://discord.com/developers/docs/topics/permissions) for
//! [`Cache::permissions_in`].
//!
//! ```
//! use asyncord::cache::{Cache, CacheConfig};
//! use asyncord::dispatcher::{Dispatcher, HandlerResult, handler};
//! use asyncord::model::gateway::MessageCreateEvent;
//!
//! #[handler]
//! async fn on_message(event: MessageCreateEvent, cache: Cache) -> HandlerResult {
//!     // The cache already holds this very message, and its channel and author.
//!     let channel = cache.channel(event.channel_id);
//!     let recent = cache.messages(event.channel_id);
//!     tracing::info!("{} messages in {:?}", recent.len(), channel.and_then(|c| c.name.clone()));
//!     Ok(())
//! }
//!
//! let dispatcher = Dispatcher::new();
//! let cache = Cache::new(CacheConfig::default());
//! cache.attach(&dispatcher); // what `ClientGroup::enable_cache` does
//! dispatcher.add_handler(on_message);
//! dispatcher.check_arguments()?;
//! # Ok::<(), asyncord::dispatcher::DispatchError>(())
//! ```
//!
//! **Reads never hand out a lock.** Every read returns owned data: an `Arc` of the object (the
//! snapshot at the time of the read) or a `Vec` of them. Locks are taken inside one call and
//! released before it returns, so no lock can be held across an `.await`, and a handler cannot
//! deadlock the cache or the shards.
//!
//! **Ordering.** The dispatcher updates the cache where the gateway delivers *before* it starts
//! any handler for the event, so a handler sees the state including its own event: in a
//! `GUILD_MEMBER_ADD` handler the member is cached, in a `CHANNEL_UPDATE` handler the channel is
//! the updated one. Deletions are applied too: in a `MESSAGE_DELETE` handler the message is
//! gone from [`Cache::messages`], but the last deleted messages stay readable through
//! [`Cache::deleted_message`]. Events the cache needs are parsed even when no handler wants
//! them, and shared with the handlers that do (one parse per event).
//!
//! **Bounded.** See [`CacheConfig`] for each cap, its default and the eviction policy. A guild's
//! settings ([`Cache::guild`]) are kept without their lists: its roles, channels, members...
//! are read through their own methods.

mod config;
mod messages;
mod permissions;
mod sharded;
mod state;
mod update;

use std::fmt;
use std::sync::{Arc, PoisonError};

use asyncord_model::channel::Channel;
use asyncord_model::emoji::Emoji;
use asyncord_model::guild::Guild;
use asyncord_model::member::Member;
use asyncord_model::presence::PresenceUpdate;
use asyncord_model::role::Role;
use asyncord_model::sticker::Sticker;
use asyncord_model::user::User;
use asyncord_model::voice::VoiceState;
use asyncord_model::{ChannelId, EmojiId, GuildId, MessageId, RoleId, StickerId, UserId};

pub use config::{CacheConfig, CacheResource};
pub use messages::CachedMessage;

use crate::dispatcher::{Dispatcher, Observer};
use state::State;

/// The name of the handler argument the cache is registered as.
pub const ARGUMENT: &str = "cache";

/// The in-memory cache. Cheap to clone (clones share the state); take it in a handler as the
/// `cache` argument.
#[derive(Clone)]
pub struct Cache {
    state: Arc<State>,
}

impl fmt::Debug for Cache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Cache")
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

/// How many objects the cache holds, per resource.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CacheStats {
    /// Guilds.
    pub guilds: usize,
    /// Channels and threads.
    pub channels: usize,
    /// Roles.
    pub roles: usize,
    /// Members.
    pub members: usize,
    /// Users.
    pub users: usize,
    /// Emojis.
    pub emojis: usize,
    /// Stickers.
    pub stickers: usize,
    /// Voice states.
    pub voice_states: usize,
    /// Presences.
    pub presences: usize,
    /// Channels with messages.
    pub message_channels: usize,
    /// Messages.
    pub messages: usize,
}

impl Cache {
    /// An empty cache. It learns from the events of the dispatcher it is
    /// [attached](Cache::attach) to.
    pub fn new(config: CacheConfig) -> Self {
        Self {
            state: Arc::new(State::new(config)),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &CacheConfig {
        &self.state.config
    }

    /// Feeds the cache from `dispatcher` (before its handlers, for every event the cache needs,
    /// whether or not a handler wants it) and registers it as the `cache` handler argument.
    /// A dispatcher has one cache: attaching another replaces it.
    pub fn attach(&self, dispatcher: &Dispatcher) {
        let observer: Arc<dyn Observer> = self.state.clone();
        dispatcher.set_observer(Some(observer));
        dispatcher.add_argument(ARGUMENT, self.clone());
    }

    /// Applies one event as the dispatcher would (for tests and for feeding events from
    /// elsewhere, such as a stored stream).
    pub fn update(&self, event: &asyncord_model::gateway::events::Event) {
        update::apply_event(&self.state, event);
    }

    /// The bot's own user (from `READY` and `USER_UPDATE`).
    pub fn current_user(&self) -> Option<Arc<User>> {
        self.state
            .current_user
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// A guild's settings (its lists are empty: use [`roles`](Self::roles),
    /// [`guild_channels`](Self::guild_channels)...). `None` while unavailable.
    pub fn guild(&self, id: GuildId) -> Option<Arc<Guild>> {
        let guilds = self.state.guilds();
        let entry = guilds.get(&id)?;
        if entry.unavailable {
            return None;
        }
        entry.guild.clone()
    }

    /// The ids of the cached guilds.
    pub fn guild_ids(&self) -> Vec<GuildId> {
        self.state.guilds().keys().copied().collect()
    }

    /// Whether the guild is known but unavailable (an outage).
    pub fn is_unavailable(&self, id: GuildId) -> bool {
        self.state.guilds().get(&id).is_some_and(|e| e.unavailable)
    }

    /// A channel or thread.
    pub fn channel(&self, id: ChannelId) -> Option<Arc<Channel>> {
        self.state.channels.get(&id)
    }

    /// A guild's channels and threads.
    pub fn guild_channels(&self, guild_id: GuildId) -> Vec<Arc<Channel>> {
        let ids: Vec<ChannelId> = self
            .state
            .guilds()
            .get(&guild_id)
            .map(|e| e.channels.iter().copied().collect())
            .unwrap_or_default();
        ids.iter().filter_map(|id| self.channel(*id)).collect()
    }

    /// A role.
    pub fn role(&self, guild_id: GuildId, id: RoleId) -> Option<Arc<Role>> {
        self.state.guilds().get(&guild_id)?.roles.get(&id).cloned()
    }

    /// A guild's roles.
    pub fn roles(&self, guild_id: GuildId) -> Vec<Arc<Role>> {
        self.state
            .guilds()
            .get(&guild_id)
            .map(|e| e.roles.values().cloned().collect())
            .unwrap_or_default()
    }

    /// A member.
    pub fn member(&self, guild_id: GuildId, user_id: UserId) -> Option<Arc<Member>> {
        self.state.members.get(&(guild_id, user_id))
    }

    /// The ids of a guild's cached members.
    pub fn member_ids(&self, guild_id: GuildId) -> Vec<UserId> {
        self.state
            .guilds()
            .get(&guild_id)
            .map(|e| e.members.iter().copied().collect())
            .unwrap_or_default()
    }

    /// A member's roles, highest first.
    pub fn member_roles(&self, guild_id: GuildId, user_id: UserId) -> Vec<Arc<Role>> {
        let Some(member) = self.member(guild_id, user_id) else {
            return Vec::new();
        };
        let mut roles: Vec<_> = member
            .roles
            .iter()
            .filter_map(|r| self.role(guild_id, *r))
            .collect();
        roles.sort_by_key(|r| std::cmp::Reverse((r.position, r.id)));
        roles
    }

    /// A user.
    pub fn user(&self, id: UserId) -> Option<Arc<User>> {
        self.state.users.get(&id)
    }

    /// A custom emoji of a guild.
    pub fn emoji(&self, guild_id: GuildId, id: EmojiId) -> Option<Arc<Emoji>> {
        self.state.guilds().get(&guild_id)?.emojis.get(&id).cloned()
    }

    /// A guild's custom emojis.
    pub fn emojis(&self, guild_id: GuildId) -> Vec<Arc<Emoji>> {
        self.state
            .guilds()
            .get(&guild_id)
            .map(|e| e.emojis.values().cloned().collect())
            .unwrap_or_default()
    }

    /// A sticker of a guild.
    pub fn sticker(&self, guild_id: GuildId, id: StickerId) -> Option<Arc<Sticker>> {
        self.state
            .guilds()
            .get(&guild_id)?
            .stickers
            .get(&id)
            .cloned()
    }

    /// A guild's stickers.
    pub fn stickers(&self, guild_id: GuildId) -> Vec<Arc<Sticker>> {
        self.state
            .guilds()
            .get(&guild_id)
            .map(|e| e.stickers.values().cloned().collect())
            .unwrap_or_default()
    }

    /// A member's voice state (only while connected to a channel).
    pub fn voice_state(&self, guild_id: GuildId, user_id: UserId) -> Option<Arc<VoiceState>> {
        self.state.voice_states.get(&(guild_id, user_id))
    }

    /// A member's presence (when presences are kept).
    pub fn presence(&self, guild_id: GuildId, user_id: UserId) -> Option<Arc<PresenceUpdate>> {
        self.state.presences.get(&(guild_id, user_id))
    }

    /// A cached message.
    pub fn message(&self, channel_id: ChannelId, id: MessageId) -> Option<CachedMessage> {
        self.state.messages.get(channel_id, id)
    }

    /// A channel's cached messages, oldest first.
    pub fn messages(&self, channel_id: ChannelId) -> Vec<CachedMessage> {
        self.state.messages.channel(channel_id)
    }

    /// A recently deleted message (the last few deleted, as they were cached).
    pub fn deleted_message(&self, channel_id: ChannelId, id: MessageId) -> Option<CachedMessage> {
        self.state.messages.deleted(channel_id, id)
    }

    /// How many objects the cache holds.
    pub fn stats(&self) -> CacheStats {
        let (roles, emojis, stickers, guilds) = {
            let g = self.state.guilds();
            g.values().fold((0, 0, 0, g.len()), |(r, e, s, n), entry| {
                (
                    r + entry.roles.len(),
                    e + entry.emojis.len(),
                    s + entry.stickers.len(),
                    n,
                )
            })
        };
        let (message_channels, messages) = self.state.messages.counts();
        CacheStats {
            guilds,
            channels: self.state.channels.len(),
            roles,
            members: self.state.members.len(),
            users: self.state.users.len(),
            emojis,
            stickers,
            voice_states: self.state.voice_states.len(),
            presences: self.state.presences.len(),
            message_channels,
            messages,
        }
    }
}
