//! How each gateway event changes the cache (the [`Observer`] the dispatcher feeds before any
//! handler runs).

use std::any::TypeId;
use std::sync::{Arc, PoisonError};

#[allow(clippy::wildcard_imports)] // one type per event kind below
use asyncord_model::gateway::events::*;
use asyncord_model::gateway::{EventKind, GatewayEvent};
use asyncord_model::guild::Guild;
use asyncord_model::member::Member;
use asyncord_model::{GuildId, MessageId, RoleId, UserId};

use super::config::CacheResource as R;
use super::messages::{CachedMessage, Stored};
use super::state::{GuildEntry, State};
use crate::dispatcher::Observer;
use crate::dispatcher::{AnyEvent, ParseFn, parse_event};

fn typed<E: GatewayEvent>() -> (TypeId, ParseFn) {
    (TypeId::of::<E>(), parse_event::<E>)
}

fn get<E: GatewayEvent>(event: &AnyEvent) -> Option<&E> {
    event.downcast_ref::<E>()
}

/// The event itself, for what the cache keeps as it is (shared with the handlers).
fn shared<E: GatewayEvent>(event: &AnyEvent) -> Option<Arc<E>> {
    Arc::clone(event).downcast::<E>().ok()
}

/// The kinds that change what `state` keeps.
pub(crate) fn kinds_for(state: &State) -> Vec<EventKind> {
    use EventKind as K;
    let mut kinds = vec![K::Ready, K::UserUpdate];
    let mut add = |r: R, ks: &[EventKind]| {
        if state.keeps(r) {
            kinds.extend_from_slice(ks);
        }
    };
    add(R::Guilds, &[K::GuildCreate, K::GuildUpdate, K::GuildDelete]);
    add(
        R::Channels,
        &[K::ChannelCreate, K::ChannelUpdate, K::ChannelDelete],
    );
    add(
        R::Threads,
        &[
            K::ThreadCreate,
            K::ThreadUpdate,
            K::ThreadDelete,
            K::ThreadListSync,
            K::ChannelDelete,
        ],
    );
    add(
        R::Roles,
        &[K::GuildRoleCreate, K::GuildRoleUpdate, K::GuildRoleDelete],
    );
    add(
        R::Members,
        &[
            K::GuildMemberAdd,
            K::GuildMemberUpdate,
            K::GuildMemberRemove,
            K::GuildMembersChunk,
        ],
    );
    add(R::Emojis, &[K::GuildEmojisUpdate]);
    add(R::Stickers, &[K::GuildStickersUpdate]);
    add(R::VoiceStates, &[K::VoiceStateUpdate]);
    add(R::Presences, &[K::PresenceUpdate, K::GuildMembersChunk]);
    add(
        R::Messages,
        &[
            K::MessageCreate,
            K::MessageUpdate,
            K::MessageDelete,
            K::MessageDeleteBulk,
        ],
    );
    kinds.sort_by_key(|k| k.index());
    kinds.dedup();
    kinds
}

impl Observer for State {
    fn kinds(&self) -> Vec<EventKind> {
        kinds_for(self)
    }

    fn parser(&self, kind: EventKind) -> Option<(TypeId, ParseFn)> {
        use EventKind as K;
        Some(match kind {
            K::Ready => typed::<ReadyEvent>(),
            K::UserUpdate => typed::<UserUpdateEvent>(),
            K::GuildCreate => typed::<GuildCreateEvent>(),
            K::GuildUpdate => typed::<GuildUpdateEvent>(),
            K::GuildDelete => typed::<GuildDeleteEvent>(),
            K::ChannelCreate => typed::<ChannelCreateEvent>(),
            K::ChannelUpdate => typed::<ChannelUpdateEvent>(),
            K::ChannelDelete => typed::<ChannelDeleteEvent>(),
            K::ThreadCreate => typed::<ThreadCreateEvent>(),
            K::ThreadUpdate => typed::<ThreadUpdateEvent>(),
            K::ThreadDelete => typed::<ThreadDeleteEvent>(),
            K::ThreadListSync => typed::<ThreadListSyncEvent>(),
            K::GuildRoleCreate => typed::<GuildRoleCreateEvent>(),
            K::GuildRoleUpdate => typed::<GuildRoleUpdateEvent>(),
            K::GuildRoleDelete => typed::<GuildRoleDeleteEvent>(),
            K::GuildMemberAdd => typed::<GuildMemberAddEvent>(),
            K::GuildMemberUpdate => typed::<GuildMemberUpdateEvent>(),
            K::GuildMemberRemove => typed::<GuildMemberRemoveEvent>(),
            K::GuildMembersChunk => typed::<GuildMembersChunkEvent>(),
            K::GuildEmojisUpdate => typed::<GuildEmojisUpdateEvent>(),
            K::GuildStickersUpdate => typed::<GuildStickersUpdateEvent>(),
            K::VoiceStateUpdate => typed::<VoiceStateUpdateEvent>(),
            K::PresenceUpdate => typed::<PresenceUpdateEvent>(),
            K::MessageCreate => typed::<MessageCreateEvent>(),
            K::MessageUpdate => typed::<MessageUpdateEvent>(),
            K::MessageDelete => typed::<MessageDeleteEvent>(),
            K::MessageDeleteBulk => typed::<MessageDeleteBulkEvent>(),
            _ => return None,
        })
    }

    fn keeps_received(&self, kind: EventKind) -> bool {
        kind == EventKind::MessageCreate && self.keeps(R::Messages)
    }

    fn observe(&self, kind: EventKind, event: &AnyEvent, received: Option<Arc<[u8]>>) {
        self.apply(kind, event, received);
    }
}

impl State {
    /// Applies one parsed event (of the type [`Observer::parser`] gives for `kind`), with the
    /// bytes it was parsed from when [`Observer::keeps_received`] asked for them.
    pub(crate) fn apply(&self, kind: EventKind, event: &AnyEvent, received: Option<Arc<[u8]>>) {
        use EventKind as K;
        match kind {
            K::MessageCreate => {
                // The author is read from the cached message; copying every author into the
                // users map would cost an allocation per message for little use. The message is
                // kept as received (see `messages.rs`), so the handlers own the parsed event.
                if self.keeps(R::Messages)
                    && let Some(e) = get::<MessageCreateEvent>(event)
                {
                    let stored = match received {
                        Some(bytes) => Some(Stored::received(e.id, e.channel_id, bytes)),
                        None => shared(event).map(|e| Stored::Parsed(CachedMessage::created(e))),
                    };
                    if let Some(stored) = stored {
                        self.messages.insert(stored);
                    }
                }
            }
            K::MessageUpdate => {
                if let Some(e) = shared::<MessageUpdateEvent>(event) {
                    self.messages.update(CachedMessage::updated(e));
                }
            }
            K::MessageDelete => {
                if let Some(e) = get::<MessageDeleteEvent>(event) {
                    self.messages.remove(e.channel_id, &[e.id]);
                }
            }
            K::MessageDeleteBulk => {
                if let Some(e) = get::<MessageDeleteBulkEvent>(event) {
                    let ids: &[MessageId] = &e.ids;
                    self.messages.remove(e.channel_id, ids);
                }
            }
            K::Ready => {
                if let Some(e) = get::<ReadyEvent>(event) {
                    self.set_current_user(&e.user);
                }
            }
            K::UserUpdate => {
                if let Some(e) = get::<UserUpdateEvent>(event) {
                    self.set_current_user(e);
                }
            }
            K::GuildCreate => {
                if let Some(e) = get::<GuildCreateEvent>(event) {
                    self.guild_create(e);
                }
            }
            K::GuildUpdate => {
                if let Some(e) = get::<GuildUpdateEvent>(event) {
                    self.guild_update(e);
                }
            }
            K::GuildDelete => {
                if let Some(e) = get::<GuildDeleteEvent>(event) {
                    if e.unavailable {
                        if let Some(entry) = self.guilds_mut().get_mut(&e.id) {
                            entry.unavailable = true;
                        }
                    } else {
                        self.remove_guild(e.id);
                    }
                }
            }
            K::ChannelCreate | K::ChannelUpdate | K::ThreadCreate | K::ThreadUpdate => {
                let channel = match kind {
                    K::ChannelCreate => get::<ChannelCreateEvent>(event).map(|e| &e.0),
                    K::ChannelUpdate => get::<ChannelUpdateEvent>(event).map(|e| &e.0),
                    K::ThreadCreate => get::<ThreadCreateEvent>(event).map(|e| &e.0),
                    _ => get::<ThreadUpdateEvent>(event).map(|e| &e.0),
                };
                if let Some(channel) = channel
                    && let Some(guild_id) = channel.guild_id
                {
                    self.put_channel(guild_id, channel);
                }
            }
            K::ChannelDelete => {
                if let Some(e) = get::<ChannelDeleteEvent>(event) {
                    self.remove_channel(e.id);
                    // Its threads go with it.
                    let threads: Vec<_> = self
                        .channels
                        .collect(|_, c| c.parent_id == Some(e.id) && c.is_thread())
                        .iter()
                        .map(|c| c.id)
                        .collect();
                    for t in threads {
                        self.remove_channel(t);
                    }
                }
            }
            K::ThreadDelete => {
                if let Some(e) = get::<ThreadDeleteEvent>(event) {
                    self.remove_channel(e.id);
                }
            }
            K::ThreadListSync => {
                if let Some(e) = get::<ThreadListSyncEvent>(event) {
                    self.thread_list_sync(e);
                }
            }
            K::GuildRoleCreate | K::GuildRoleUpdate => {
                let role = match kind {
                    K::GuildRoleCreate => {
                        get::<GuildRoleCreateEvent>(event).map(|e| (e.guild_id, e.role.clone()))
                    }
                    _ => get::<GuildRoleUpdateEvent>(event).map(|e| (e.guild_id, e.role.clone())),
                };
                if let Some((guild_id, role)) = role
                    && let Some(entry) = self.guilds_mut().get_mut(&guild_id)
                    && (entry.roles.contains_key(&role.id)
                        || entry.roles.len() < self.config.max_roles_per_guild)
                {
                    entry.roles.insert(role.id, Arc::new(role));
                }
            }
            K::GuildRoleDelete => {
                if let Some(e) = get::<GuildRoleDeleteEvent>(event) {
                    self.role_delete(e.guild_id, e.role_id);
                }
            }
            K::GuildMemberAdd => {
                if let Some(e) = get::<GuildMemberAddEvent>(event)
                    && let Some(guild_id) = e.guild_id
                {
                    self.put_member(guild_id, e);
                }
            }
            K::GuildMemberUpdate => {
                if let Some(e) = get::<GuildMemberUpdateEvent>(event)
                    && let Some(guild_id) = e.guild_id
                {
                    self.put_member(guild_id, e);
                }
            }
            K::GuildMemberRemove => {
                if let Some(e) = get::<GuildMemberRemoveEvent>(event) {
                    self.remove_member(e.guild_id, e.user.id);
                    self.presences.remove(&(e.guild_id, e.user.id));
                    if let Some(entry) = self.guilds_mut().get_mut(&e.guild_id) {
                        entry.presences.remove(&e.user.id);
                    }
                }
            }
            K::GuildMembersChunk => {
                if let Some(e) = get::<GuildMembersChunkEvent>(event) {
                    for m in &e.members {
                        self.put_member(e.guild_id, m);
                    }
                    for p in e.presences.iter().flatten() {
                        self.put_presence(e.guild_id, p);
                    }
                }
            }
            K::GuildEmojisUpdate => {
                if let Some(e) = get::<GuildEmojisUpdateEvent>(event)
                    && let Some(entry) = self.guilds_mut().get_mut(&e.guild_id)
                {
                    self.set_emojis(entry, &e.emojis);
                }
            }
            K::GuildStickersUpdate => {
                if let Some(e) = get::<GuildStickersUpdateEvent>(event)
                    && let Some(entry) = self.guilds_mut().get_mut(&e.guild_id)
                {
                    self.set_stickers(entry, &e.stickers);
                }
            }
            K::VoiceStateUpdate => {
                if let Some(e) = get::<VoiceStateUpdateEvent>(event)
                    && let Some(guild_id) = e.guild_id
                {
                    self.put_voice_state(guild_id, e);
                }
            }
            K::PresenceUpdate => {
                if let Some(e) = get::<PresenceUpdateEvent>(event)
                    && let Some(guild_id) = e.guild_id
                {
                    self.put_presence(guild_id, e);
                }
            }
            _ => {}
        }
    }

    /// A deleted role leaves the guild and its members: Discord sends no member update for it.
    fn role_delete(&self, guild_id: GuildId, role_id: RoleId) {
        let members: Vec<UserId> = {
            let mut guilds = self.guilds_mut();
            let Some(entry) = guilds.get_mut(&guild_id) else {
                return;
            };
            entry.roles.remove(&role_id);
            entry.members.iter().copied().collect()
        };
        for user_id in members {
            let key = (guild_id, user_id);
            if let Some(member) = self.members.get(&key)
                && member.roles.contains(&role_id)
            {
                let mut member = Member::clone(&member);
                member.roles.retain(|r| *r != role_id);
                self.members.insert(key, Arc::new(member));
            }
        }
    }

    fn set_current_user(&self, user: &asyncord_model::user::User) {
        *self
            .current_user
            .write()
            .unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(user.clone()));
        self.put_user(user);
    }

    fn set_emojis(&self, entry: &mut GuildEntry, emojis: &[asyncord_model::emoji::Emoji]) {
        if !self.keeps(R::Emojis) {
            return;
        }
        entry.emojis = emojis
            .iter()
            .filter_map(|e| Some((e.id?, Arc::new(e.clone()))))
            .take(self.config.max_emojis_per_guild)
            .collect();
    }

    fn set_stickers(&self, entry: &mut GuildEntry, stickers: &[asyncord_model::sticker::Sticker]) {
        if !self.keeps(R::Stickers) {
            return;
        }
        entry.stickers = stickers
            .iter()
            .map(|s| (s.id, Arc::new(s.clone())))
            .take(self.config.max_stickers_per_guild)
            .collect();
    }

    /// The guild's settings without its lists (they are kept apart).
    fn settings(guild: &Guild) -> Arc<Guild> {
        Arc::new(Guild {
            roles: Vec::new(),
            emojis: Vec::new(),
            stickers: Vec::new(),
            members: None,
            channels: None,
            threads: None,
            presences: None,
            voice_states: None,
            ..guild.clone()
        })
    }

    fn guild_create(&self, guild: &Guild) {
        if guild.unavailable == Some(true) {
            return;
        }
        let id = guild.id;
        // A guild sent again (after an outage, or joined again) replaces what was kept.
        self.remove_guild(id);
        {
            let mut guilds = self.guilds_mut();
            if guilds.len() >= self.config.max_guilds {
                tracing::warn!(guild = %id, "cache: guild cap reached, guild not cached");
                return;
            }
            let mut entry = GuildEntry {
                guild: Some(Self::settings(guild)),
                ..GuildEntry::default()
            };
            if self.keeps(R::Roles) {
                entry.roles = guild
                    .roles
                    .iter()
                    .take(self.config.max_roles_per_guild)
                    .map(|r| (r.id, Arc::new(r.clone())))
                    .collect();
            }
            self.set_emojis(&mut entry, &guild.emojis);
            self.set_stickers(&mut entry, &guild.stickers);
            guilds.insert(id, entry);
        }
        for channel in guild.channels.iter().flatten() {
            self.put_channel(id, channel);
        }
        for thread in guild.threads.iter().flatten() {
            self.put_channel(id, thread);
        }
        for member in guild.members.iter().flatten() {
            self.put_member(id, member);
        }
        for state in guild.voice_states.iter().flatten() {
            self.put_voice_state(id, state);
        }
        for presence in guild.presences.iter().flatten() {
            self.put_presence(id, presence);
        }
    }

    fn guild_update(&self, guild: &Guild) {
        let mut guilds = self.guilds_mut();
        let Some(entry) = guilds.get_mut(&guild.id) else {
            return;
        };
        entry.guild = Some(Self::settings(guild));
        entry.unavailable = false;
        if self.keeps(R::Roles) && !guild.roles.is_empty() {
            entry.roles = guild
                .roles
                .iter()
                .take(self.config.max_roles_per_guild)
                .map(|r| (r.id, Arc::new(r.clone())))
                .collect();
        }
        if !guild.emojis.is_empty() {
            self.set_emojis(entry, &guild.emojis);
        }
    }

    fn thread_list_sync(&self, e: &ThreadListSyncEvent) {
        let guild_id: GuildId = e.guild_id;
        // Threads of the synced parents (all, without `channel_ids`) not in the list are gone.
        let listed: Vec<_> = e.threads.iter().map(|t| t.id).collect();
        let stale: Vec<_> = self
            .channels
            .collect(|_, c| {
                c.is_thread()
                    && c.guild_id == Some(guild_id)
                    && !listed.contains(&c.id)
                    && e.channel_ids
                        .as_ref()
                        .is_none_or(|ids| c.parent_id.is_some_and(|p| ids.contains(&p)))
            })
            .iter()
            .map(|c| c.id)
            .collect();
        for id in stale {
            self.remove_channel(id);
        }
        for thread in &e.threads {
            self.put_channel(guild_id, thread);
        }
    }
}

/// Applies an [`Event`] (the enum) by handing its typed payload to [`State::apply`].
pub(crate) fn apply_event(state: &State, event: &Event) {
    macro_rules! route {
        ($($kind:ident => $ty:ident),* $(,)?) => {
            match event {
                $( Event::$kind(e) => {
                    let any: AnyEvent = Arc::new($ty::clone(e));
                    state.apply(EventKind::$kind, &any, None);
                } )*
                _ => {}
            }
        };
    }
    route! {
        Ready => ReadyEvent,
        UserUpdate => UserUpdateEvent,
        GuildCreate => GuildCreateEvent,
        GuildUpdate => GuildUpdateEvent,
        GuildDelete => GuildDeleteEvent,
        ChannelCreate => ChannelCreateEvent,
        ChannelUpdate => ChannelUpdateEvent,
        ChannelDelete => ChannelDeleteEvent,
        ThreadCreate => ThreadCreateEvent,
        ThreadUpdate => ThreadUpdateEvent,
        ThreadDelete => ThreadDeleteEvent,
        ThreadListSync => ThreadListSyncEvent,
        GuildRoleCreate => GuildRoleCreateEvent,
        GuildRoleUpdate => GuildRoleUpdateEvent,
        GuildRoleDelete => GuildRoleDeleteEvent,
        GuildMemberAdd => GuildMemberAddEvent,
        GuildMemberUpdate => GuildMemberUpdateEvent,
        GuildMemberRemove => GuildMemberRemoveEvent,
        GuildMembersChunk => GuildMembersChunkEvent,
        GuildEmojisUpdate => GuildEmojisUpdateEvent,
        GuildStickersUpdate => GuildStickersUpdateEvent,
        VoiceStateUpdate => VoiceStateUpdateEvent,
        PresenceUpdate => PresenceUpdateEvent,
        MessageCreate => MessageCreateEvent,
        MessageUpdate => MessageUpdateEvent,
        MessageDelete => MessageDeleteEvent,
        MessageDeleteBulk => MessageDeleteBulkEvent,
    }
}
