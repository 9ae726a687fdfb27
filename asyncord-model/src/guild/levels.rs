//! Guild-level enums and flags: verification, notifications, content filter, MFA, NSFW, boost
//! tier, features, system channel flags, and incident data.
//!
//! Discord docs: [Guild object](https://discord.com/developers/docs/resources/guild#guild-object).

use serde::{Deserialize, Serialize};

use crate::{Timestamp, int_enum, int_flags, str_enum};

macro_rules! default_variant {
    ($($ty:ident => $v:ident),* $(,)?) => {
        $(
            #[allow(clippy::derivable_impls)]
            impl Default for $ty {
                fn default() -> Self {
                    Self::$v
                }
            }
        )*
    };
}

int_enum! {
    /// The verification level required to talk in a guild
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-object-verification-level)).
    pub enum VerificationLevel: i64 {
        /// Unrestricted.
        None = 0,
        /// Verified email.
        Low = 1,
        /// Registered for more than 5 minutes.
        Medium = 2,
        /// Member of the guild for more than 10 minutes.
        High = 3,
        /// Verified phone number.
        VeryHigh = 4,
    }
}

int_enum! {
    /// Which messages notify members by default
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-object-default-message-notification-level)).
    pub enum DefaultMessageNotificationLevel: i64 {
        /// Every message.
        AllMessages = 0,
        /// Only mentions.
        OnlyMentions = 1,
    }
}

int_enum! {
    /// Whose messages are scanned for explicit media
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-object-explicit-content-filter-level)).
    pub enum ExplicitContentFilterLevel: i64 {
        /// Nobody's.
        Disabled = 0,
        /// Members without roles.
        MembersWithoutRoles = 1,
        /// Everyone's.
        AllMembers = 2,
    }
}

int_enum! {
    /// Whether moderators need two-factor authentication
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-object-mfa-level)).
    pub enum MfaLevel: i64 {
        /// Not required.
        None = 0,
        /// Required for moderation actions.
        Elevated = 1,
    }
}

int_enum! {
    /// A guild's NSFW level
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-object-guild-nsfw-level)).
    pub enum NsfwLevel: i64 {
        /// Default.
        Default = 0,
        /// Explicit.
        Explicit = 1,
        /// Safe.
        Safe = 2,
        /// Age restricted.
        AgeRestricted = 3,
    }
}

int_enum! {
    /// A guild's boost level
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-object-premium-tier)).
    pub enum PremiumTier: i64 {
        /// No boost perks.
        None = 0,
        /// Level 1.
        Tier1 = 1,
        /// Level 2.
        Tier2 = 2,
        /// Level 3.
        Tier3 = 3,
    }
}

default_variant! {
    VerificationLevel => None,
    DefaultMessageNotificationLevel => AllMessages,
    ExplicitContentFilterLevel => Disabled,
    MfaLevel => None,
    NsfwLevel => Default,
    PremiumTier => None,
}

int_flags! {
    /// Which system messages a guild suppresses
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-object-system-channel-flags)).
    pub struct SystemChannelFlags: u64 {
        /// No member join notifications.
        const SUPPRESS_JOIN_NOTIFICATIONS = 1 << 0;
        /// No boost notifications.
        const SUPPRESS_PREMIUM_SUBSCRIPTIONS = 1 << 1;
        /// No server setup tips.
        const SUPPRESS_GUILD_REMINDER_NOTIFICATIONS = 1 << 2;
        /// No sticker reply buttons on join notifications.
        const SUPPRESS_JOIN_NOTIFICATION_REPLIES = 1 << 3;
        /// No role subscription purchase and renewal notifications.
        const SUPPRESS_ROLE_SUBSCRIPTION_PURCHASE_NOTIFICATIONS = 1 << 4;
        /// No sticker reply buttons on role subscription notifications.
        const SUPPRESS_ROLE_SUBSCRIPTION_PURCHASE_NOTIFICATION_REPLIES = 1 << 5;
    }
}

str_enum! {
    /// A guild feature ([docs](https://discord.com/developers/docs/resources/guild#guild-object-guild-features)).
    pub enum GuildFeature {
        /// Animated banner.
        AnimatedBanner = "ANIMATED_BANNER",
        /// Animated icon.
        AnimatedIcon = "ANIMATED_ICON",
        /// Uses the new application command permissions.
        ApplicationCommandPermissionsV2 = "APPLICATION_COMMAND_PERMISSIONS_V2",
        /// Auto moderation is set up.
        AutoModeration = "AUTO_MODERATION",
        /// Banner.
        Banner = "BANNER",
        /// Community guild (welcome screen, membership screening, discovery...).
        Community = "COMMUNITY",
        /// Monetization enabled.
        CreatorMonetizableProvisional = "CREATOR_MONETIZABLE_PROVISIONAL",
        /// Role subscription promo page.
        CreatorStorePage = "CREATOR_STORE_PAGE",
        /// The App Directory support server.
        DeveloperSupportServer = "DEVELOPER_SUPPORT_SERVER",
        /// Discoverable in the directory.
        Discoverable = "DISCOVERABLE",
        /// Can be featured in the directory.
        Featurable = "FEATURABLE",
        /// Invites are paused.
        InvitesDisabled = "INVITES_DISABLED",
        /// Invite splash background.
        InviteSplash = "INVITE_SPLASH",
        /// Membership screening enabled.
        MemberVerificationGateEnabled = "MEMBER_VERIFICATION_GATE_ENABLED",
        /// More soundboard slots.
        MoreSoundboard = "MORE_SOUNDBOARD",
        /// More sticker slots.
        MoreStickers = "MORE_STICKERS",
        /// Announcement channels.
        News = "NEWS",
        /// Partnered.
        Partnered = "PARTNERED",
        /// Can be previewed before joining.
        PreviewEnabled = "PREVIEW_ENABLED",
        /// Raid alerts disabled.
        RaidAlertsDisabled = "RAID_ALERTS_DISABLED",
        /// Role icons.
        RoleIcons = "ROLE_ICONS",
        /// Role subscriptions available for purchase.
        RoleSubscriptionsAvailableForPurchase = "ROLE_SUBSCRIPTIONS_AVAILABLE_FOR_PURCHASE",
        /// Role subscriptions enabled.
        RoleSubscriptionsEnabled = "ROLE_SUBSCRIPTIONS_ENABLED",
        /// Soundboard.
        Soundboard = "SOUNDBOARD",
        /// Ticketed events.
        TicketedEventsEnabled = "TICKETED_EVENTS_ENABLED",
        /// Vanity URL.
        VanityUrl = "VANITY_URL",
        /// Verified.
        Verified = "VERIFIED",
        /// 384 kbps voice bitrate.
        VipRegions = "VIP_REGIONS",
        /// Welcome screen enabled.
        WelcomeScreenEnabled = "WELCOME_SCREEN_ENABLED",
        /// Guest invites to voice channels.
        GuestsEnabled = "GUESTS_ENABLED",
        /// Guild tags.
        GuildTags = "GUILD_TAGS",
        /// Gradient role colours.
        EnhancedRoleColors = "ENHANCED_ROLE_COLORS",
        /// More emoji slots (legacy).
        MoreEmoji = "MORE_EMOJI",
        /// Threads (legacy, now everywhere).
        Threads = "THREADS",
    }
}

impl GuildFeature {
    /// Whether a bot can toggle this feature through Modify Guild.
    pub fn is_mutable(&self) -> bool {
        matches!(
            self,
            Self::Community | Self::Discoverable | Self::InvitesDisabled | Self::RaidAlertsDisabled
        )
    }
}

/// Raid/spam protections currently in effect
/// ([docs](https://discord.com/developers/docs/resources/guild#incidents-data-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentsData {
    /// When invites get enabled again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invites_disabled_until: Option<Timestamp>,
    /// When direct messages get enabled again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dms_disabled_until: Option<Timestamp>,
    /// When DM spam was detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dm_spam_detected_at: Option<Timestamp>,
    /// When a raid was detected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raid_detected_at: Option<Timestamp>,
}
