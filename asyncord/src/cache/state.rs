//! What the cache holds, and the bookkeeping that keeps each count under its cap.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};

use asyncord_model::channel::Channel;
use asyncord_model::emoji::Emoji;
use asyncord_model::guild::Guild;
use asyncord_model::member::Member;
use asyncord_model::presence::PresenceUpdate;
use asyncord_model::role::Role;
use asyncord_model::sticker::Sticker;
use asyncord_model::user::User;
use asyncord_model::voice::VoiceState;
use asyncord_model::{ChannelId, EmojiId, GuildId, RoleId, StickerId, UserId};

use super::config::{CacheConfig, CacheResource};
use super::messages::Messages;
use super::sharded::Sharded;

/// One guild: its settings and the ids of what belongs to it.
#[derive(Default)]
pub(crate) struct GuildEntry {
    /// The guild's settings; its lists (roles, channels, members...) are kept apart.
    pub(crate) guild: Option<Arc<Guild>>,
    pub(crate) unavailable: bool,
    pub(crate) roles: HashMap<RoleId, Arc<Role>>,
    pub(crate) emojis: HashMap<EmojiId, Arc<Emoji>>,
    pub(crate) stickers: HashMap<StickerId, Arc<Sticker>>,
    pub(crate) channels: HashSet<ChannelId>,
    pub(crate) members: HashSet<UserId>,
    pub(crate) voice: HashSet<UserId>,
    pub(crate) presences: HashSet<UserId>,
}

pub(crate) struct State {
    pub(crate) config: CacheConfig,
    pub(crate) current_user: RwLock<Option<Arc<User>>>,
    pub(crate) guilds: RwLock<HashMap<GuildId, GuildEntry>>,
    pub(crate) channels: Sharded<ChannelId, Arc<Channel>>,
    pub(crate) members: Sharded<(GuildId, UserId), Arc<Member>>,
    pub(crate) users: Sharded<UserId, Arc<User>>,
    pub(crate) voice_states: Sharded<(GuildId, UserId), Arc<VoiceState>>,
    pub(crate) presences: Sharded<(GuildId, UserId), Arc<PresenceUpdate>>,
    pub(crate) messages: Messages,
}

impl State {
    pub(crate) fn new(config: CacheConfig) -> Self {
        Self {
            messages: Messages::new(config.messages_per_channel, config.max_message_channels),
            config,
            current_user: RwLock::new(None),
            guilds: RwLock::new(HashMap::new()),
            channels: Sharded::new(),
            members: Sharded::new(),
            users: Sharded::new(),
            voice_states: Sharded::new(),
            presences: Sharded::new(),
        }
    }

    pub(crate) fn keeps(&self, r: CacheResource) -> bool {
        self.config.keeps(r)
    }

    pub(crate) fn guilds(&self) -> RwLockReadGuard<'_, HashMap<GuildId, GuildEntry>> {
        self.guilds.read().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn guilds_mut(&self) -> RwLockWriteGuard<'_, HashMap<GuildId, GuildEntry>> {
        self.guilds.write().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn me(&self) -> Option<UserId> {
        self.current_user
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .as_ref()
            .map(|u| u.id)
    }

    /// Stores a user (if users are kept), unless it is already stored as is.
    pub(crate) fn put_user(&self, user: &User) {
        if self.kept_user(user).is_none() {
            self.store_user(user.id, || Arc::new(user.clone()));
        }
    }

    /// Stores a user like [`State::put_user`], and returns the copy a member should hold: the
    /// stored one (shared with the user's members in other guilds), or `user` itself when users
    /// are not kept.
    pub(crate) fn share_user(&self, user: &Arc<User>) -> Arc<User> {
        if let Some(kept) = self.kept_user(user) {
            return kept;
        }
        self.store_user(user.id, || Arc::clone(user));
        Arc::clone(user)
    }

    /// The stored copy of `user`, when one equal to it is stored.
    fn kept_user(&self, user: &User) -> Option<Arc<User>> {
        self.users.get(&user.id).filter(|kept| **kept == *user)
    }

    /// Stores the user `id` that `make` gives (if users are kept), evicting another at the cap.
    fn store_user(&self, id: UserId, make: impl FnOnce() -> Arc<User>) {
        if !self.keeps(CacheResource::Users) || id.get() == 0 {
            return;
        }
        if !self.users.contains(&id) && self.users.len() >= self.config.max_users {
            let me = self.me();
            if self.users.evict_one(&id, |k| Some(*k) == me).is_none() {
                return;
            }
        }
        self.users.insert(id, make());
    }

    /// Stores a member of `guild_id` (the guild must be cached), evicting another member of the
    /// same guild at a cap.
    pub(crate) fn put_member(&self, guild_id: GuildId, member: &Member) {
        let Some(user) = member.user.as_ref() else {
            return;
        };
        // Members of guilds not cached (or not yet) are not kept, nor are their users.
        if !self.guilds().contains_key(&guild_id) {
            return;
        }
        let user = self.share_user(user);
        if !self.keeps(CacheResource::Members) {
            return;
        }
        let user_id = user.id;
        let mut guilds = self.guilds_mut();
        let Some(entry) = guilds.get_mut(&guild_id) else {
            return;
        };
        if !entry.members.contains(&user_id) {
            let full = entry.members.len() >= self.config.max_members_per_guild
                || self.members.len() >= self.config.max_members;
            if full {
                let me = self.me();
                let victim = entry.members.iter().find(|u| Some(**u) != me).copied();
                let Some(victim) = victim else {
                    return;
                };
                entry.members.remove(&victim);
                self.members.remove(&(guild_id, victim));
            }
            entry.members.insert(user_id);
        }
        let mut member = member.clone();
        member.guild_id = Some(guild_id);
        member.user = Some(user);
        self.members.insert((guild_id, user_id), Arc::new(member));
    }

    pub(crate) fn remove_member(&self, guild_id: GuildId, user_id: UserId) {
        if let Some(entry) = self.guilds_mut().get_mut(&guild_id) {
            entry.members.remove(&user_id);
        }
        self.members.remove(&(guild_id, user_id));
    }

    /// Stores a channel or thread of `guild_id` (refused beyond the per-guild cap).
    pub(crate) fn put_channel(&self, guild_id: GuildId, channel: &Channel) {
        let wanted = if channel.is_thread() {
            CacheResource::Threads
        } else {
            CacheResource::Channels
        };
        if !self.keeps(wanted) {
            return;
        }
        let mut guilds = self.guilds_mut();
        let Some(entry) = guilds.get_mut(&guild_id) else {
            return;
        };
        if !entry.channels.contains(&channel.id) {
            if entry.channels.len() >= self.config.max_channels_per_guild {
                tracing::debug!(guild = %guild_id, "cache: channel cap reached, not cached");
                return;
            }
            entry.channels.insert(channel.id);
        }
        let mut channel = channel.clone();
        channel.guild_id = Some(guild_id);
        self.channels.insert(channel.id, Arc::new(channel));
    }

    pub(crate) fn remove_channel(&self, channel_id: ChannelId) {
        if let Some(old) = self.channels.remove(&channel_id)
            && let Some(guild_id) = old.guild_id
            && let Some(entry) = self.guilds_mut().get_mut(&guild_id)
        {
            entry.channels.remove(&channel_id);
        }
        self.messages.remove_channel(channel_id);
    }

    pub(crate) fn put_voice_state(&self, guild_id: GuildId, state: &VoiceState) {
        if let Some(member) = &state.member {
            self.put_member(guild_id, member);
        }
        if !self.keeps(CacheResource::VoiceStates) {
            return;
        }
        let key = (guild_id, state.user_id);
        let mut guilds = self.guilds_mut();
        let Some(entry) = guilds.get_mut(&guild_id) else {
            return;
        };
        if state.channel_id.is_none() {
            entry.voice.remove(&state.user_id);
            self.voice_states.remove(&key);
            return;
        }
        if !entry.voice.contains(&state.user_id) {
            if entry.voice.len() >= self.config.max_voice_states_per_guild {
                return;
            }
            entry.voice.insert(state.user_id);
        }
        let mut state = state.clone();
        state.guild_id = Some(guild_id);
        state.member = None;
        self.voice_states.insert(key, Arc::new(state));
    }

    pub(crate) fn put_presence(&self, guild_id: GuildId, presence: &PresenceUpdate) {
        if !self.keeps(CacheResource::Presences) {
            return;
        }
        let user_id = presence.user.id;
        let mut guilds = self.guilds_mut();
        let Some(entry) = guilds.get_mut(&guild_id) else {
            return;
        };
        if !entry.presences.contains(&user_id) {
            if self.presences.len() >= self.config.max_presences {
                let victim = entry.presences.iter().next().copied();
                let Some(victim) = victim else {
                    return;
                };
                entry.presences.remove(&victim);
                self.presences.remove(&(guild_id, victim));
            }
            entry.presences.insert(user_id);
        }
        let mut presence = presence.clone();
        presence.guild_id = Some(guild_id);
        self.presences
            .insert((guild_id, user_id), Arc::new(presence));
    }

    /// Forgets a guild and everything in it.
    pub(crate) fn remove_guild(&self, guild_id: GuildId) {
        let Some(entry) = self.guilds_mut().remove(&guild_id) else {
            return;
        };
        for channel in &entry.channels {
            self.channels.remove(channel);
            self.messages.remove_channel(*channel);
        }
        for user in &entry.members {
            self.members.remove(&(guild_id, *user));
        }
        for user in &entry.voice {
            self.voice_states.remove(&(guild_id, *user));
        }
        for user in &entry.presences {
            self.presences.remove(&(guild_id, *user));
        }
    }
}
