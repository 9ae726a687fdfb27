//! The 79 gateway dispatch event names, as a compact [`EventKind`], with the intents that deliver
//! each ([Discord docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).
//!
//! Generated from the receive-event and intent tables of that page. An `EventKind` is a small
//! integer, so the gateway and the dispatcher can keep "who wants this event" in a bit set and
//! decide from the `t` field alone whether a frame needs parsing.

use crate::flags::Intents;

macro_rules! event_kinds {
    ($( $(#[$m:meta])* $variant:ident = $name:literal => [$($intent:ident),*] ),* $(,)?) => {
        /// A known gateway dispatch event name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum EventKind {
            $( $(#[$m])* $variant, )*
        }

        impl EventKind {
            /// Every known event, in the docs' order.
            pub const ALL: &'static [EventKind] = &[$(EventKind::$variant),*];

            /// The `t` name Discord sends (`"MESSAGE_CREATE"`).
            pub const fn name(self) -> &'static str {
                match self { $( EventKind::$variant => $name, )* }
            }

            /// The intents that deliver this event; empty when it needs none (always sent, or a
            /// reply to a request). Any one of them is enough.
            pub const fn intents(self) -> Intents {
                match self { $( EventKind::$variant => Intents::empty()$(.union(Intents::$intent))*, )* }
            }

            /// The kind for a `t` name, `None` for a name this version does not know.
            pub fn from_name(name: &str) -> Option<EventKind> {
                match name { $( $name => Some(EventKind::$variant), )* _ => None }
            }

            /// This kind's index in [`EventKind::ALL`] (a stable small integer).
            pub const fn index(self) -> usize {
                self as usize
            }
        }
    };
}

event_kinds! {
    /// `READY`.
    Ready = "READY" => [],
    /// `RESUMED`.
    Resumed = "RESUMED" => [],
    /// `RATE_LIMITED`.
    RateLimited = "RATE_LIMITED" => [],
    /// `APPLICATION_COMMAND_PERMISSIONS_UPDATE`.
    ApplicationCommandPermissionsUpdate = "APPLICATION_COMMAND_PERMISSIONS_UPDATE" => [],
    /// `AUTO_MODERATION_RULE_CREATE`.
    AutoModerationRuleCreate = "AUTO_MODERATION_RULE_CREATE" => [AUTO_MODERATION_CONFIGURATION],
    /// `AUTO_MODERATION_RULE_UPDATE`.
    AutoModerationRuleUpdate = "AUTO_MODERATION_RULE_UPDATE" => [AUTO_MODERATION_CONFIGURATION],
    /// `AUTO_MODERATION_RULE_DELETE`.
    AutoModerationRuleDelete = "AUTO_MODERATION_RULE_DELETE" => [AUTO_MODERATION_CONFIGURATION],
    /// `AUTO_MODERATION_ACTION_EXECUTION`.
    AutoModerationActionExecution = "AUTO_MODERATION_ACTION_EXECUTION" => [AUTO_MODERATION_EXECUTION],
    /// `CHANNEL_CREATE`.
    ChannelCreate = "CHANNEL_CREATE" => [GUILDS],
    /// `CHANNEL_UPDATE`.
    ChannelUpdate = "CHANNEL_UPDATE" => [GUILDS],
    /// `CHANNEL_DELETE`.
    ChannelDelete = "CHANNEL_DELETE" => [GUILDS],
    /// `CHANNEL_INFO`.
    ChannelInfo = "CHANNEL_INFO" => [],
    /// `CHANNEL_PINS_UPDATE`.
    ChannelPinsUpdate = "CHANNEL_PINS_UPDATE" => [GUILDS, DIRECT_MESSAGES],
    /// `THREAD_CREATE`.
    ThreadCreate = "THREAD_CREATE" => [GUILDS],
    /// `THREAD_UPDATE`.
    ThreadUpdate = "THREAD_UPDATE" => [GUILDS],
    /// `THREAD_DELETE`.
    ThreadDelete = "THREAD_DELETE" => [GUILDS],
    /// `THREAD_LIST_SYNC`.
    ThreadListSync = "THREAD_LIST_SYNC" => [GUILDS],
    /// `THREAD_MEMBER_UPDATE`.
    ThreadMemberUpdate = "THREAD_MEMBER_UPDATE" => [GUILDS],
    /// `THREAD_MEMBERS_UPDATE`.
    ThreadMembersUpdate = "THREAD_MEMBERS_UPDATE" => [GUILDS, GUILD_MEMBERS],
    /// `ENTITLEMENT_CREATE`.
    EntitlementCreate = "ENTITLEMENT_CREATE" => [],
    /// `ENTITLEMENT_UPDATE`.
    EntitlementUpdate = "ENTITLEMENT_UPDATE" => [],
    /// `ENTITLEMENT_DELETE`.
    EntitlementDelete = "ENTITLEMENT_DELETE" => [],
    /// `GUILD_CREATE`.
    GuildCreate = "GUILD_CREATE" => [GUILDS],
    /// `GUILD_UPDATE`.
    GuildUpdate = "GUILD_UPDATE" => [GUILDS],
    /// `GUILD_DELETE`.
    GuildDelete = "GUILD_DELETE" => [GUILDS],
    /// `GUILD_AUDIT_LOG_ENTRY_CREATE`.
    GuildAuditLogEntryCreate = "GUILD_AUDIT_LOG_ENTRY_CREATE" => [GUILD_MODERATION],
    /// `GUILD_BAN_ADD`.
    GuildBanAdd = "GUILD_BAN_ADD" => [GUILD_MODERATION],
    /// `GUILD_BAN_REMOVE`.
    GuildBanRemove = "GUILD_BAN_REMOVE" => [GUILD_MODERATION],
    /// `GUILD_EMOJIS_UPDATE`.
    GuildEmojisUpdate = "GUILD_EMOJIS_UPDATE" => [GUILD_EXPRESSIONS],
    /// `GUILD_STICKERS_UPDATE`.
    GuildStickersUpdate = "GUILD_STICKERS_UPDATE" => [GUILD_EXPRESSIONS],
    /// `GUILD_INTEGRATIONS_UPDATE`.
    GuildIntegrationsUpdate = "GUILD_INTEGRATIONS_UPDATE" => [GUILD_INTEGRATIONS],
    /// `GUILD_MEMBER_ADD`.
    GuildMemberAdd = "GUILD_MEMBER_ADD" => [GUILD_MEMBERS],
    /// `GUILD_MEMBER_REMOVE`.
    GuildMemberRemove = "GUILD_MEMBER_REMOVE" => [GUILD_MEMBERS],
    /// `GUILD_MEMBER_UPDATE`.
    GuildMemberUpdate = "GUILD_MEMBER_UPDATE" => [GUILD_MEMBERS],
    /// `GUILD_MEMBERS_CHUNK`.
    GuildMembersChunk = "GUILD_MEMBERS_CHUNK" => [],
    /// `GUILD_ROLE_CREATE`.
    GuildRoleCreate = "GUILD_ROLE_CREATE" => [GUILDS],
    /// `GUILD_ROLE_UPDATE`.
    GuildRoleUpdate = "GUILD_ROLE_UPDATE" => [GUILDS],
    /// `GUILD_ROLE_DELETE`.
    GuildRoleDelete = "GUILD_ROLE_DELETE" => [GUILDS],
    /// `GUILD_SCHEDULED_EVENT_CREATE`.
    GuildScheduledEventCreate = "GUILD_SCHEDULED_EVENT_CREATE" => [GUILD_SCHEDULED_EVENTS],
    /// `GUILD_SCHEDULED_EVENT_UPDATE`.
    GuildScheduledEventUpdate = "GUILD_SCHEDULED_EVENT_UPDATE" => [GUILD_SCHEDULED_EVENTS],
    /// `GUILD_SCHEDULED_EVENT_DELETE`.
    GuildScheduledEventDelete = "GUILD_SCHEDULED_EVENT_DELETE" => [GUILD_SCHEDULED_EVENTS],
    /// `GUILD_SCHEDULED_EVENT_USER_ADD`.
    GuildScheduledEventUserAdd = "GUILD_SCHEDULED_EVENT_USER_ADD" => [GUILD_SCHEDULED_EVENTS],
    /// `GUILD_SCHEDULED_EVENT_USER_REMOVE`.
    GuildScheduledEventUserRemove = "GUILD_SCHEDULED_EVENT_USER_REMOVE" => [GUILD_SCHEDULED_EVENTS],
    /// `GUILD_SOUNDBOARD_SOUND_CREATE`.
    GuildSoundboardSoundCreate = "GUILD_SOUNDBOARD_SOUND_CREATE" => [GUILD_EXPRESSIONS],
    /// `GUILD_SOUNDBOARD_SOUND_UPDATE`.
    GuildSoundboardSoundUpdate = "GUILD_SOUNDBOARD_SOUND_UPDATE" => [GUILD_EXPRESSIONS],
    /// `GUILD_SOUNDBOARD_SOUND_DELETE`.
    GuildSoundboardSoundDelete = "GUILD_SOUNDBOARD_SOUND_DELETE" => [GUILD_EXPRESSIONS],
    /// `GUILD_SOUNDBOARD_SOUNDS_UPDATE`.
    GuildSoundboardSoundsUpdate = "GUILD_SOUNDBOARD_SOUNDS_UPDATE" => [GUILD_EXPRESSIONS],
    /// `SOUNDBOARD_SOUNDS`.
    SoundboardSounds = "SOUNDBOARD_SOUNDS" => [],
    /// `INTEGRATION_CREATE`.
    IntegrationCreate = "INTEGRATION_CREATE" => [GUILD_INTEGRATIONS],
    /// `INTEGRATION_UPDATE`.
    IntegrationUpdate = "INTEGRATION_UPDATE" => [GUILD_INTEGRATIONS],
    /// `INTEGRATION_DELETE`.
    IntegrationDelete = "INTEGRATION_DELETE" => [GUILD_INTEGRATIONS],
    /// `INTERACTION_CREATE`.
    InteractionCreate = "INTERACTION_CREATE" => [],
    /// `INVITE_CREATE`.
    InviteCreate = "INVITE_CREATE" => [GUILD_INVITES],
    /// `INVITE_DELETE`.
    InviteDelete = "INVITE_DELETE" => [GUILD_INVITES],
    /// `MESSAGE_CREATE`.
    MessageCreate = "MESSAGE_CREATE" => [GUILD_MESSAGES, DIRECT_MESSAGES],
    /// `MESSAGE_UPDATE`.
    MessageUpdate = "MESSAGE_UPDATE" => [GUILD_MESSAGES, DIRECT_MESSAGES],
    /// `MESSAGE_DELETE`.
    MessageDelete = "MESSAGE_DELETE" => [GUILD_MESSAGES, DIRECT_MESSAGES],
    /// `MESSAGE_DELETE_BULK`.
    MessageDeleteBulk = "MESSAGE_DELETE_BULK" => [GUILD_MESSAGES],
    /// `MESSAGE_REACTION_ADD`.
    MessageReactionAdd = "MESSAGE_REACTION_ADD" => [GUILD_MESSAGE_REACTIONS, DIRECT_MESSAGE_REACTIONS],
    /// `MESSAGE_REACTION_REMOVE`.
    MessageReactionRemove = "MESSAGE_REACTION_REMOVE" => [GUILD_MESSAGE_REACTIONS, DIRECT_MESSAGE_REACTIONS],
    /// `MESSAGE_REACTION_REMOVE_ALL`.
    MessageReactionRemoveAll = "MESSAGE_REACTION_REMOVE_ALL" => [GUILD_MESSAGE_REACTIONS, DIRECT_MESSAGE_REACTIONS],
    /// `MESSAGE_REACTION_REMOVE_EMOJI`.
    MessageReactionRemoveEmoji = "MESSAGE_REACTION_REMOVE_EMOJI" => [GUILD_MESSAGE_REACTIONS, DIRECT_MESSAGE_REACTIONS],
    /// `PRESENCE_UPDATE`.
    PresenceUpdate = "PRESENCE_UPDATE" => [GUILD_PRESENCES],
    /// `STAGE_INSTANCE_CREATE`.
    StageInstanceCreate = "STAGE_INSTANCE_CREATE" => [GUILDS],
    /// `STAGE_INSTANCE_UPDATE`.
    StageInstanceUpdate = "STAGE_INSTANCE_UPDATE" => [GUILDS],
    /// `STAGE_INSTANCE_DELETE`.
    StageInstanceDelete = "STAGE_INSTANCE_DELETE" => [GUILDS],
    /// `SUBSCRIPTION_CREATE`.
    SubscriptionCreate = "SUBSCRIPTION_CREATE" => [],
    /// `SUBSCRIPTION_UPDATE`.
    SubscriptionUpdate = "SUBSCRIPTION_UPDATE" => [],
    /// `SUBSCRIPTION_DELETE`.
    SubscriptionDelete = "SUBSCRIPTION_DELETE" => [],
    /// `TYPING_START`.
    TypingStart = "TYPING_START" => [GUILD_MESSAGE_TYPING, DIRECT_MESSAGE_TYPING],
    /// `USER_UPDATE`.
    UserUpdate = "USER_UPDATE" => [],
    /// `VOICE_CHANNEL_EFFECT_SEND`.
    VoiceChannelEffectSend = "VOICE_CHANNEL_EFFECT_SEND" => [GUILD_VOICE_STATES],
    /// `VOICE_CHANNEL_START_TIME_UPDATE`.
    VoiceChannelStartTimeUpdate = "VOICE_CHANNEL_START_TIME_UPDATE" => [GUILDS],
    /// `VOICE_CHANNEL_STATUS_UPDATE`.
    VoiceChannelStatusUpdate = "VOICE_CHANNEL_STATUS_UPDATE" => [GUILDS],
    /// `VOICE_STATE_UPDATE`.
    VoiceStateUpdate = "VOICE_STATE_UPDATE" => [GUILD_VOICE_STATES],
    /// `VOICE_SERVER_UPDATE`.
    VoiceServerUpdate = "VOICE_SERVER_UPDATE" => [],
    /// `WEBHOOKS_UPDATE`.
    WebhooksUpdate = "WEBHOOKS_UPDATE" => [GUILD_WEBHOOKS],
    /// `MESSAGE_POLL_VOTE_ADD`.
    MessagePollVoteAdd = "MESSAGE_POLL_VOTE_ADD" => [GUILD_MESSAGE_POLLS, DIRECT_MESSAGE_POLLS],
    /// `MESSAGE_POLL_VOTE_REMOVE`.
    MessagePollVoteRemove = "MESSAGE_POLL_VOTE_REMOVE" => [GUILD_MESSAGE_POLLS, DIRECT_MESSAGE_POLLS],
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of [`EventKind`]s, one bit each (the gateway uses it to skip parsing unwanted events).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct EventSet(u128);

impl EventSet {
    /// No events.
    pub const fn empty() -> Self {
        Self(0)
    }

    /// Every known event.
    pub const fn all() -> Self {
        Self(if EventKind::ALL.len() >= 128 {
            u128::MAX
        } else {
            (1u128 << EventKind::ALL.len()) - 1
        })
    }

    /// Adds one kind.
    pub fn insert(&mut self, kind: EventKind) {
        self.0 |= 1u128 << kind.index();
    }

    /// Removes one kind.
    pub fn remove(&mut self, kind: EventKind) {
        self.0 &= !(1u128 << kind.index());
    }

    /// Whether `kind` is in the set.
    pub const fn contains(self, kind: EventKind) -> bool {
        self.0 & (1u128 << kind.index()) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The union of two sets.
    #[must_use]
    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// The kinds in the set.
    pub fn iter(self) -> impl Iterator<Item = EventKind> {
        EventKind::ALL
            .iter()
            .copied()
            .filter(move |k| self.contains(*k))
    }

    /// The intents needed to receive every event in the set (for each event, its first intent).
    pub fn required_intents(self) -> Intents {
        self.iter().fold(Intents::empty(), |acc, k| {
            acc | k.intents().iter().next().unwrap_or(Intents::empty())
        })
    }
}

impl FromIterator<EventKind> for EventSet {
    fn from_iter<I: IntoIterator<Item = EventKind>>(iter: I) -> Self {
        let mut s = Self::empty();
        for k in iter {
            s.insert(k);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_79_events_round_trip_by_name() {
        assert_eq!(EventKind::ALL.len(), 79);
        for (i, k) in EventKind::ALL.iter().enumerate() {
            assert_eq!(k.index(), i);
            assert_eq!(EventKind::from_name(k.name()), Some(*k));
        }
        assert_eq!(EventKind::from_name("SOMETHING_NEW"), None);
        assert_eq!(
            EventKind::MessageCreate.intents(),
            Intents::GUILD_MESSAGES | Intents::DIRECT_MESSAGES
        );
        assert!(EventKind::Ready.intents().is_empty());
    }

    #[test]
    fn event_set_ops() {
        let s: EventSet = [EventKind::MessageCreate, EventKind::GuildCreate]
            .into_iter()
            .collect();
        assert!(s.contains(EventKind::MessageCreate));
        assert!(!s.contains(EventKind::Ready));
        assert_eq!(s.iter().count(), 2);
        assert_eq!(
            s.required_intents(),
            Intents::GUILD_MESSAGES | Intents::GUILDS
        );
        assert_eq!(EventSet::all().iter().count(), 79);
    }
}
