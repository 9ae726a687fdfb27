//! Bit-flag types: [`Intents`] and [`Permissions`] here; the object-specific flags live beside
//! their objects.

use crate::{int_flags, string_flags};

int_flags! {
    /// Gateway intents ([docs](https://discord.com/developers/docs/events/gateway#gateway-intents)):
    /// which groups of events a connection receives. Three are privileged and must be enabled in
    /// the developer portal: see [`Intents::PRIVILEGED`].
    pub struct Intents: u64 {
        /// `1 << 0`. Delivers GUILD_CREATE, GUILD_UPDATE, GUILD_DELETE, GUILD_ROLE_CREATE, GUILD_ROLE_UPDATE, GUILD_ROLE_DELETE, ....
        const GUILDS = 1 << 0;
        /// `1 << 1`. Privileged. Delivers GUILD_MEMBER_ADD, GUILD_MEMBER_UPDATE, GUILD_MEMBER_REMOVE, THREAD_MEMBERS_UPDATE.
        const GUILD_MEMBERS = 1 << 1;
        /// `1 << 2`. Delivers GUILD_AUDIT_LOG_ENTRY_CREATE, GUILD_BAN_ADD, GUILD_BAN_REMOVE.
        const GUILD_MODERATION = 1 << 2;
        /// `1 << 3`. Delivers GUILD_EMOJIS_UPDATE, GUILD_STICKERS_UPDATE, GUILD_SOUNDBOARD_SOUND_CREATE, GUILD_SOUNDBOARD_SOUND_UPDATE, GUILD_SOUNDBOARD_SOUND_DELETE, GUILD_SOUNDBOARD_SOUNDS_UPDATE.
        const GUILD_EXPRESSIONS = 1 << 3;
        /// `1 << 4`. Delivers GUILD_INTEGRATIONS_UPDATE, INTEGRATION_CREATE, INTEGRATION_UPDATE, INTEGRATION_DELETE.
        const GUILD_INTEGRATIONS = 1 << 4;
        /// `1 << 5`. Delivers WEBHOOKS_UPDATE.
        const GUILD_WEBHOOKS = 1 << 5;
        /// `1 << 6`. Delivers INVITE_CREATE, INVITE_DELETE.
        const GUILD_INVITES = 1 << 6;
        /// `1 << 7`. Delivers VOICE_CHANNEL_EFFECT_SEND, VOICE_STATE_UPDATE.
        const GUILD_VOICE_STATES = 1 << 7;
        /// `1 << 8`. Privileged. Delivers PRESENCE_UPDATE.
        const GUILD_PRESENCES = 1 << 8;
        /// `1 << 9`. Delivers MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_DELETE, MESSAGE_DELETE_BULK.
        const GUILD_MESSAGES = 1 << 9;
        /// `1 << 10`. Delivers MESSAGE_REACTION_ADD, MESSAGE_REACTION_REMOVE, MESSAGE_REACTION_REMOVE_ALL, MESSAGE_REACTION_REMOVE_EMOJI.
        const GUILD_MESSAGE_REACTIONS = 1 << 10;
        /// `1 << 11`. Delivers TYPING_START.
        const GUILD_MESSAGE_TYPING = 1 << 11;
        /// `1 << 12`. Delivers MESSAGE_CREATE, MESSAGE_UPDATE, MESSAGE_DELETE, CHANNEL_PINS_UPDATE.
        const DIRECT_MESSAGES = 1 << 12;
        /// `1 << 13`. Delivers MESSAGE_REACTION_ADD, MESSAGE_REACTION_REMOVE, MESSAGE_REACTION_REMOVE_ALL, MESSAGE_REACTION_REMOVE_EMOJI.
        const DIRECT_MESSAGE_REACTIONS = 1 << 13;
        /// `1 << 14`. Delivers TYPING_START.
        const DIRECT_MESSAGE_TYPING = 1 << 14;
        /// `1 << 15`. Privileged. Delivers .
        const MESSAGE_CONTENT = 1 << 15;
        /// `1 << 16`. Delivers GUILD_SCHEDULED_EVENT_CREATE, GUILD_SCHEDULED_EVENT_UPDATE, GUILD_SCHEDULED_EVENT_DELETE, GUILD_SCHEDULED_EVENT_USER_ADD, GUILD_SCHEDULED_EVENT_USER_REMOVE.
        const GUILD_SCHEDULED_EVENTS = 1 << 16;
        /// `1 << 20`. Delivers AUTO_MODERATION_RULE_CREATE, AUTO_MODERATION_RULE_UPDATE, AUTO_MODERATION_RULE_DELETE.
        const AUTO_MODERATION_CONFIGURATION = 1 << 20;
        /// `1 << 21`. Delivers AUTO_MODERATION_ACTION_EXECUTION.
        const AUTO_MODERATION_EXECUTION = 1 << 21;
        /// `1 << 24`. Delivers MESSAGE_POLL_VOTE_ADD, MESSAGE_POLL_VOTE_REMOVE.
        const GUILD_MESSAGE_POLLS = 1 << 24;
        /// `1 << 25`. Delivers MESSAGE_POLL_VOTE_ADD, MESSAGE_POLL_VOTE_REMOVE.
        const DIRECT_MESSAGE_POLLS = 1 << 25;
    }
}

impl Intents {
    /// The privileged intents: they must be enabled for the bot in the developer portal, or the
    /// gateway closes with 4014.
    pub const PRIVILEGED: Intents = Intents::GUILD_MEMBERS
        .union(Intents::GUILD_PRESENCES)
        .union(Intents::MESSAGE_CONTENT);

    /// Every intent that is not privileged (a safe default).
    pub const NON_PRIVILEGED: Intents = Intents::all().difference(Intents::PRIVILEGED);

    /// Every documented intent bit (the same as [`Intents::all`]: unknown bits are kept when
    /// parsed, but never part of `all()`).
    pub const fn all_known() -> Intents {
        Intents::all()
    }

    /// Whether any privileged intent is set.
    pub const fn is_privileged(self) -> bool {
        self.intersects(Intents::PRIVILEGED)
    }

    /// Bits set here that Discord does not document (the gateway closes with 4013 for them).
    pub const fn unknown_bits(self) -> u64 {
        self.bits() & !KNOWN_INTENT_BITS
    }
}

const KNOWN_INTENT_BITS: u64 = (1 << 0)
    | (1 << 1)
    | (1 << 2)
    | (1 << 3)
    | (1 << 4)
    | (1 << 5)
    | (1 << 6)
    | (1 << 7)
    | (1 << 8)
    | (1 << 9)
    | (1 << 10)
    | (1 << 11)
    | (1 << 12)
    | (1 << 13)
    | (1 << 14)
    | (1 << 15)
    | (1 << 16)
    | (1 << 20)
    | (1 << 21)
    | (1 << 24)
    | (1 << 25);

string_flags! {
    /// Guild and channel permissions
    /// ([docs](https://discord.com/developers/docs/topics/permissions#permissions-bitwise-permission-flags)),
    /// serialised as a decimal string.
    pub struct Permissions: u64 {
        /// Create instant invites.
        const CREATE_INSTANT_INVITE = 1 << 0;
        /// Kick members.
        const KICK_MEMBERS = 1 << 1;
        /// Ban members.
        const BAN_MEMBERS = 1 << 2;
        /// All permissions; bypasses channel overwrites.
        const ADMINISTRATOR = 1 << 3;
        /// Manage and edit channels.
        const MANAGE_CHANNELS = 1 << 4;
        /// Manage and edit the guild.
        const MANAGE_GUILD = 1 << 5;
        /// Add new reactions to messages.
        const ADD_REACTIONS = 1 << 6;
        /// View the audit log.
        const VIEW_AUDIT_LOG = 1 << 7;
        /// Use priority speaker in a voice channel.
        const PRIORITY_SPEAKER = 1 << 8;
        /// Go live.
        const STREAM = 1 << 9;
        /// View a channel, read its messages, join voice channels.
        const VIEW_CHANNEL = 1 << 10;
        /// Send messages and create threads in forums.
        const SEND_MESSAGES = 1 << 11;
        /// Send text-to-speech messages.
        const SEND_TTS_MESSAGES = 1 << 12;
        /// Delete messages of other users.
        const MANAGE_MESSAGES = 1 << 13;
        /// Links sent are auto-embedded.
        const EMBED_LINKS = 1 << 14;
        /// Upload files.
        const ATTACH_FILES = 1 << 15;
        /// Read message history.
        const READ_MESSAGE_HISTORY = 1 << 16;
        /// Use @everyone, @here and all roles.
        const MENTION_EVERYONE = 1 << 17;
        /// Use emojis from other guilds.
        const USE_EXTERNAL_EMOJIS = 1 << 18;
        /// View guild insights.
        const VIEW_GUILD_INSIGHTS = 1 << 19;
        /// Join a voice channel.
        const CONNECT = 1 << 20;
        /// Speak in a voice channel.
        const SPEAK = 1 << 21;
        /// Mute members in voice.
        const MUTE_MEMBERS = 1 << 22;
        /// Deafen members in voice.
        const DEAFEN_MEMBERS = 1 << 23;
        /// Move members between voice channels.
        const MOVE_MEMBERS = 1 << 24;
        /// Use voice activity detection.
        const USE_VAD = 1 << 25;
        /// Change one's own nickname.
        const CHANGE_NICKNAME = 1 << 26;
        /// Change other members' nicknames.
        const MANAGE_NICKNAMES = 1 << 27;
        /// Manage roles.
        const MANAGE_ROLES = 1 << 28;
        /// Manage webhooks.
        const MANAGE_WEBHOOKS = 1 << 29;
        /// Edit and delete emojis, stickers and soundboard sounds.
        const MANAGE_GUILD_EXPRESSIONS = 1 << 30;
        /// Use application commands.
        const USE_APPLICATION_COMMANDS = 1 << 31;
        /// Request to speak in stage channels.
        const REQUEST_TO_SPEAK = 1 << 32;
        /// Edit and delete scheduled events.
        const MANAGE_EVENTS = 1 << 33;
        /// Delete, archive and view all threads.
        const MANAGE_THREADS = 1 << 34;
        /// Create public and announcement threads.
        const CREATE_PUBLIC_THREADS = 1 << 35;
        /// Create private threads.
        const CREATE_PRIVATE_THREADS = 1 << 36;
        /// Use stickers from other guilds.
        const USE_EXTERNAL_STICKERS = 1 << 37;
        /// Send messages in threads.
        const SEND_MESSAGES_IN_THREADS = 1 << 38;
        /// Use activities.
        const USE_EMBEDDED_ACTIVITIES = 1 << 39;
        /// Time out members.
        const MODERATE_MEMBERS = 1 << 40;
        /// View role subscription insights.
        const VIEW_CREATOR_MONETIZATION_ANALYTICS = 1 << 41;
        /// Use the soundboard.
        const USE_SOUNDBOARD = 1 << 42;
        /// Create emojis, stickers and soundboard sounds.
        const CREATE_GUILD_EXPRESSIONS = 1 << 43;
        /// Create scheduled events.
        const CREATE_EVENTS = 1 << 44;
        /// Use sounds from other guilds.
        const USE_EXTERNAL_SOUNDS = 1 << 45;
        /// Send voice messages.
        const SEND_VOICE_MESSAGES = 1 << 46;
        /// Send polls.
        const SEND_POLLS = 1 << 49;
        /// Let user-installed apps send public responses.
        const USE_EXTERNAL_APPS = 1 << 50;
        /// Pin and unpin messages.
        const PIN_MESSAGES = 1 << 51;
        /// Bypass slowmode restrictions.
        const BYPASS_SLOWMODE = 1 << 52;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_the_documented_bits_only() {
        assert_eq!(Intents::all().bits(), KNOWN_INTENT_BITS);
        assert_eq!(Intents::all().iter().count(), 21);
        assert_eq!(Intents::NON_PRIVILEGED.unknown_bits(), 0);
        assert!(!Intents::NON_PRIVILEGED.is_privileged());
        assert_eq!(Intents::NON_PRIVILEGED.iter().count(), 18);
        assert_eq!(Permissions::all().bits() >> 53, 0);
    }

    #[test]
    fn unknown_bits_survive_a_round_trip() {
        let p: Permissions = serde_json::from_str("\"9007199254740992\"").unwrap();
        assert_eq!(p.bits(), 1 << 53);
        assert_eq!(serde_json::to_string(&p).unwrap(), "\"9007199254740992\"");
        let i: Intents = serde_json::from_str("1073741825").unwrap();
        assert_eq!(i.unknown_bits(), 1 << 30);
        assert_eq!(serde_json::to_string(&i).unwrap(), "1073741825");
    }
}
