//! Guilds and everything that hangs off them: the guild object (with its `GUILD_CREATE` extras),
//! previews, widgets, onboarding, welcome screens, templates, integrations, bans and prunes.
//!
//! Discord docs: [Guild resource](https://discord.com/developers/docs/resources/guild).

mod integration;
mod levels;
mod moderation;
mod onboarding;
mod preview;
mod template;

pub use integration::*;
pub use levels::*;
pub use moderation::*;
pub use onboarding::*;
pub use preview::*;
pub use template::*;

use serde::{Deserialize, Serialize};

use crate::channel::Channel;
use crate::common::{ImageHash, Locale, null_as_default};
use crate::emoji::Emoji;
use crate::lenient;
use crate::member::Member;
use crate::presence::PresenceUpdate;
use crate::role::Role;
use crate::scheduled_event::GuildScheduledEvent;
use crate::soundboard::SoundboardSound;
use crate::stage_instance::StageInstance;
use crate::sticker::Sticker;
use crate::voice::VoiceState;
use crate::{ApplicationId, ChannelId, GuildId, Permissions, RoleId, Timestamp, UserId};

/// A guild ("server") ([docs](https://discord.com/developers/docs/resources/guild#guild-object)).
///
/// The same type serves every shape Discord sends: the full object from `GET /guilds/{id}`,
/// the `GUILD_CREATE` payload (which adds the fields under "GUILD_CREATE only"), and the partial
/// guilds in `GET /users/@me/guilds`, invites and applications. Only `id` is always present
/// (and even it is `0` in template snapshots); other fields default when absent.
///
/// An element of `roles`, `emojis`, `stickers` or of the `GUILD_CREATE` collections that does
/// not parse is left out and reported ([`lenient`]); the event that carried the
/// guild lists it in its `skipped` field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Guild {
    /// The guild id.
    #[serde(default)]
    pub id: GuildId,
    /// The guild name (2-100 characters).
    #[serde(default)]
    pub name: String,
    /// The icon hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<ImageHash>,
    /// The icon hash, in template objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_hash: Option<ImageHash>,
    /// The splash hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub splash: Option<ImageHash>,
    /// The discovery splash hash (discoverable guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_splash: Option<ImageHash>,
    /// Whether the current user owns the guild (`GET /users/@me/guilds` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<bool>,
    /// The owner's user id.
    #[serde(default)]
    pub owner_id: UserId,
    /// The current user's total permissions (`GET /users/@me/guilds` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    /// Voice region (deprecated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The AFK voice channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afk_channel_id: Option<ChannelId>,
    /// AFK timeout in seconds.
    #[serde(default)]
    pub afk_timeout: u32,
    /// Whether the server widget is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub widget_enabled: Option<bool>,
    /// The channel the widget invites to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub widget_channel_id: Option<ChannelId>,
    /// Verification level required to talk.
    #[serde(default)]
    pub verification_level: VerificationLevel,
    /// Default message notification level.
    #[serde(default)]
    pub default_message_notifications: DefaultMessageNotificationLevel,
    /// Explicit content filter level.
    #[serde(default)]
    pub explicit_content_filter: ExplicitContentFilterLevel,
    /// The guild's roles.
    #[serde(default, deserialize_with = "lenient::roles")]
    pub roles: Vec<Role>,
    /// The guild's custom emoji.
    #[serde(default, deserialize_with = "lenient::emojis")]
    pub emojis: Vec<Emoji>,
    /// Enabled guild features.
    #[serde(default, deserialize_with = "null_as_default")]
    pub features: Vec<GuildFeature>,
    /// Required MFA level for moderation actions.
    #[serde(default)]
    pub mfa_level: MfaLevel,
    /// The application that created the guild (bot-created guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
    /// The channel for system messages (welcome, boosts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_channel_id: Option<ChannelId>,
    /// System channel flags.
    #[serde(default, deserialize_with = "null_as_default")]
    pub system_channel_flags: SystemChannelFlags,
    /// The rules channel (community guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules_channel_id: Option<ChannelId>,
    /// Maximum presences (null except for the largest guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_presences: Option<u64>,
    /// Maximum members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_members: Option<u64>,
    /// The vanity invite code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vanity_url_code: Option<String>,
    /// The description (community guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The banner hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<ImageHash>,
    /// Boost level.
    #[serde(default)]
    pub premium_tier: PremiumTier,
    /// Number of boosts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premium_subscription_count: Option<u32>,
    /// The community guild's preferred locale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_locale: Option<Locale>,
    /// The channel that receives notices from Discord (community guilds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_updates_channel_id: Option<ChannelId>,
    /// Maximum users in a video channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_video_channel_users: Option<u32>,
    /// Maximum users in a stage video channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_stage_video_channel_users: Option<u32>,
    /// Approximate member count (`with_counts=true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_member_count: Option<u64>,
    /// Approximate online member count (`with_counts=true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate_presence_count: Option<u64>,
    /// The welcome screen (invites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welcome_screen: Option<WelcomeScreen>,
    /// The guild's NSFW level.
    #[serde(default)]
    pub nsfw_level: NsfwLevel,
    /// Whether the guild is marked NSFW (undocumented; sent by Discord).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// The guild's custom stickers.
    #[serde(default, deserialize_with = "lenient::stickers")]
    pub stickers: Vec<Sticker>,
    /// Whether the boost progress bar is shown.
    #[serde(default, deserialize_with = "null_as_default")]
    pub premium_progress_bar_enabled: bool,
    /// The channel that receives safety alerts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safety_alerts_channel_id: Option<ChannelId>,
    /// Raid/spam incident actions in effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incidents_data: Option<IncidentsData>,

    /// GUILD_CREATE only: when the current user joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_at: Option<Timestamp>,
    /// GUILD_CREATE only: whether the guild is large (more than `large_threshold` members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large: Option<bool>,
    /// GUILD_CREATE only: whether the guild is unavailable (outage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unavailable: Option<bool>,
    /// GUILD_CREATE only: total members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_count: Option<u64>,
    /// GUILD_CREATE only: voice states of members in voice channels (without `guild_id`).
    #[serde(
        default,
        deserialize_with = "lenient::voice_states",
        skip_serializing_if = "Option::is_none"
    )]
    pub voice_states: Option<Vec<VoiceState>>,
    /// GUILD_CREATE only: members (all of them only with the members intent and small guilds).
    #[serde(
        default,
        deserialize_with = "lenient::members",
        skip_serializing_if = "Option::is_none"
    )]
    pub members: Option<Vec<Member>>,
    /// GUILD_CREATE only: the guild's channels.
    #[serde(
        default,
        deserialize_with = "lenient::channels",
        skip_serializing_if = "Option::is_none"
    )]
    pub channels: Option<Vec<Channel>>,
    /// GUILD_CREATE only: active threads the current user can see.
    #[serde(
        default,
        deserialize_with = "lenient::threads",
        skip_serializing_if = "Option::is_none"
    )]
    pub threads: Option<Vec<Channel>>,
    /// GUILD_CREATE only: presences (limited by `large_threshold`).
    #[serde(
        default,
        deserialize_with = "lenient::presences",
        skip_serializing_if = "Option::is_none"
    )]
    pub presences: Option<Vec<PresenceUpdate>>,
    /// GUILD_CREATE only: stage instances.
    #[serde(
        default,
        deserialize_with = "lenient::stage_instances",
        skip_serializing_if = "Option::is_none"
    )]
    pub stage_instances: Option<Vec<StageInstance>>,
    /// GUILD_CREATE only: scheduled events.
    #[serde(
        default,
        deserialize_with = "lenient::guild_scheduled_events",
        skip_serializing_if = "Option::is_none"
    )]
    pub guild_scheduled_events: Option<Vec<GuildScheduledEvent>>,
    /// GUILD_CREATE only: soundboard sounds.
    #[serde(
        default,
        deserialize_with = "lenient::soundboard_sounds",
        skip_serializing_if = "Option::is_none"
    )]
    pub soundboard_sounds: Option<Vec<SoundboardSound>>,
}

impl Guild {
    /// Whether the guild has a feature.
    pub fn has_feature(&self, feature: &GuildFeature) -> bool {
        self.features.contains(feature)
    }

    /// A role of the guild by id.
    pub fn role(&self, id: RoleId) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The `@everyone` role (its id equals the guild id).
    pub fn everyone_role(&self) -> Option<&Role> {
        self.role(self.id.everyone_role())
    }
}

/// A guild that is unavailable (outage) or not yet sent (`READY`), or that the bot left
/// (`GUILD_DELETE` without `unavailable`)
/// ([docs](https://discord.com/developers/docs/resources/guild#unavailable-guild-object)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnavailableGuild {
    /// The guild id.
    pub id: GuildId,
    /// `true` during an outage; absent when the bot was removed from the guild.
    #[serde(default, deserialize_with = "null_as_default")]
    pub unavailable: bool,
}

#[cfg(test)]
mod tests;
