//! Guild events: create/update/delete, audit log, bans, emojis, stickers, integrations
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#guilds)).

use serde::{Deserialize, Serialize};

use crate::GuildId;
use crate::audit_log::AuditLogEntry;
use crate::emoji::Emoji;
use crate::guild::{Guild, UnavailableGuild};
use crate::lenient;
use crate::sticker::Sticker;
use crate::user::User;

lenient_newtype_event! {
    /// `GUILD_CREATE`: a guild became available (at startup, after an outage) or the bot
    /// joined one. Carries the guild's members, channels, threads, presences, voice states...
    GuildCreateEvent { guild: Guild }
}

lenient_newtype_event! {
    /// `GUILD_UPDATE`: a guild's settings changed.
    GuildUpdateEvent { guild: Guild }
}

newtype_event! {
    /// `GUILD_DELETE`: a guild became unavailable (`unavailable` set) or the bot left or was
    /// removed from it (`unavailable` not set).
    GuildDeleteEvent(UnavailableGuild)
}

newtype_event! {
    /// `GUILD_AUDIT_LOG_ENTRY_CREATE`: an audit log entry was created (`guild_id` is set;
    /// needs VIEW_AUDIT_LOG).
    GuildAuditLogEntryCreateEvent(AuditLogEntry)
}

/// `GUILD_BAN_ADD`: a user was banned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildBanAddEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The banned user.
    pub user: User,
}

/// `GUILD_BAN_REMOVE`: a user was unbanned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildBanRemoveEvent {
    /// The guild.
    pub guild_id: GuildId,
    /// The unbanned user.
    pub user: User,
}

lenient_event! {
    /// `GUILD_EMOJIS_UPDATE`: the guild's emojis changed; the full new list.
    pub struct GuildEmojisUpdateEvent {
        /// The guild.
        pub guild_id: GuildId,
        /// All the guild's emojis.
        #[serde(default, deserialize_with = "lenient::emojis")]
        pub emojis: Vec<Emoji>,
    }
}

lenient_event! {
    /// `GUILD_STICKERS_UPDATE`: the guild's stickers changed; the full new list.
    pub struct GuildStickersUpdateEvent {
        /// The guild.
        pub guild_id: GuildId,
        /// All the guild's stickers.
        #[serde(default, deserialize_with = "lenient::stickers")]
        pub stickers: Vec<Sticker>,
    }
}

/// `GUILD_INTEGRATIONS_UPDATE`: a guild integration was updated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildIntegrationsUpdateEvent {
    /// The guild.
    pub guild_id: GuildId,
}
