//! Guild bodies: modify guild, create/modify role, modify member and current member, add
//! member, create ban, bulk ban ([docs](https://discord.com/developers/docs/resources/guild#modify-guild)).

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::{Path, Validate, ValidationError, check};
use crate::common::{Color, Locale};
use crate::guild::{
    DefaultMessageNotificationLevel, ExplicitContentFilterLevel, SystemChannelFlags,
    VerificationLevel,
};
use crate::member::MemberFlags;
use crate::role::RoleColors;
use crate::{Permissions, Snowflake, Timestamp};

/// The body of [Modify Guild](https://discord.com/developers/docs/resources/guild#modify-guild).
/// `None` leaves a field unchanged, `Some(None)` clears it. Images are data URIs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::option_option)]
pub struct ModifyGuild {
    /// New name (2-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Verification level.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub verification_level: Option<Option<VerificationLevel>>,
    /// Default notification level.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub default_message_notifications: Option<Option<DefaultMessageNotificationLevel>>,
    /// Explicit content filter.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub explicit_content_filter: Option<Option<ExplicitContentFilterLevel>>,
    /// AFK channel.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub afk_channel_id: Option<Option<Snowflake>>,
    /// AFK timeout in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afk_timeout: Option<u32>,
    /// Icon (data URI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub icon: Option<Option<String>>,
    /// Transfer ownership (owner only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<Snowflake>,
    /// Invite splash (data URI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub splash: Option<Option<String>>,
    /// Discovery splash (data URI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub discovery_splash: Option<Option<String>>,
    /// Banner (data URI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub banner: Option<Option<String>>,
    /// System channel.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub system_channel_id: Option<Option<Snowflake>>,
    /// System channel flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_channel_flags: Option<SystemChannelFlags>,
    /// Rules channel.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub rules_channel_id: Option<Option<Snowflake>>,
    /// Community updates channel.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub public_updates_channel_id: Option<Option<Snowflake>>,
    /// Preferred locale.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub preferred_locale: Option<Option<Locale>>,
    /// Enabled features.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<String>>,
    /// Description.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub description: Option<Option<String>>,
    /// Boost progress bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premium_progress_bar_enabled: Option<bool>,
    /// Safety alerts channel.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub safety_alerts_channel_id: Option<Option<Snowflake>>,
}

impl Validate for ModifyGuild {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 100)
    }
}

impl RequestBody for ModifyGuild {}

/// The body of [Create Guild Role](https://discord.com/developers/docs/resources/guild#create-guild-role).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateRole {
    /// Name (≤ 100 characters, default "new role").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Permissions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    /// Deprecated single colour (use `colors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Primary, secondary and tertiary colours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colors: Option<RoleColors>,
    /// Displayed separately in the sidebar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hoist: Option<bool>,
    /// Icon (data URI; needs the ROLE_ICONS feature).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<String>,
    /// Unicode emoji icon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unicode_emoji: Option<String>,
    /// Mentionable by everyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mentionable: Option<bool>,
}

impl CreateRole {
    /// A role with a name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }

    /// Sets the permissions.
    pub fn permissions(mut self, permissions: Permissions) -> Self {
        self.permissions = Some(permissions);
        self
    }

    /// Sets the colour.
    pub fn color(mut self, color: impl Into<Color>) -> Self {
        self.color = Some(color.into());
        self
    }

    /// Shows the role separately.
    pub fn hoist(mut self, hoist: bool) -> Self {
        self.hoist = Some(hoist);
        self
    }

    /// Makes the role mentionable.
    pub fn mentionable(mut self, mentionable: bool) -> Self {
        self.mentionable = Some(mentionable);
        self
    }
}

impl Validate for CreateRole {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 0, 100)
    }
}

impl RequestBody for CreateRole {}

/// The body of [Modify Guild Role](https://discord.com/developers/docs/resources/guild#modify-guild-role).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::option_option)]
pub struct ModifyRole {
    /// Name (≤ 100 characters).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub name: Option<Option<String>>,
    /// Permissions.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub permissions: Option<Option<Permissions>>,
    /// Deprecated single colour.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub color: Option<Option<Color>>,
    /// Colours.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub colors: Option<Option<RoleColors>>,
    /// Hoist.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub hoist: Option<Option<bool>>,
    /// Icon (data URI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub icon: Option<Option<String>>,
    /// Unicode emoji icon.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub unicode_emoji: Option<Option<String>>,
    /// Mentionable.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub mentionable: Option<Option<bool>>,
}

impl Validate for ModifyRole {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(
            &Path::ROOT.field("name"),
            self.name.as_ref().and_then(Option::as_deref),
            0,
            100,
        )
    }
}

impl RequestBody for ModifyRole {}

/// The body of [Modify Guild Member](https://discord.com/developers/docs/resources/guild#modify-guild-member).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::option_option)]
pub struct ModifyGuildMember {
    /// Nickname (1-32 characters; `Some(None)` removes it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub nick: Option<Option<String>>,
    /// The full list of role ids.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub roles: Option<Option<Vec<Snowflake>>>,
    /// Server mute.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub mute: Option<Option<bool>>,
    /// Server deafen.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub deaf: Option<Option<bool>>,
    /// Move to a voice channel (`Some(None)` disconnects).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub channel_id: Option<Option<Snowflake>>,
    /// Timeout until (≤ 28 days ahead; `Some(None)` removes the timeout).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub communication_disabled_until: Option<Option<Timestamp>>,
    /// Member flags.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub flags: Option<Option<MemberFlags>>,
}

impl ModifyGuildMember {
    /// A modification that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets (`Some`) or removes (`None`) the nickname.
    pub fn nick(mut self, nick: Option<impl Into<String>>) -> Self {
        self.nick = Some(nick.map(Into::into));
        self
    }

    /// Replaces the roles.
    pub fn roles(mut self, roles: impl IntoIterator<Item = Snowflake>) -> Self {
        self.roles = Some(Some(roles.into_iter().collect()));
        self
    }

    /// Times the member out until (`Some`), or removes the timeout (`None`).
    pub fn timeout_until(mut self, until: Option<Timestamp>) -> Self {
        self.communication_disabled_until = Some(until);
        self
    }
}

impl Validate for ModifyGuildMember {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(
            &Path::ROOT.field("nick"),
            self.nick.as_ref().and_then(Option::as_deref),
            1,
            32,
        )
    }
}

impl RequestBody for ModifyGuildMember {}

/// The body of [Modify Current Member](https://discord.com/developers/docs/resources/guild#modify-current-member).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[allow(clippy::option_option)]
pub struct ModifyCurrentMember {
    /// Nickname (1-32 characters; `Some(None)` removes it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub nick: Option<Option<String>>,
    /// Guild banner (data URI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub banner: Option<Option<String>>,
    /// Guild avatar (data URI).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub avatar: Option<Option<String>>,
    /// Guild bio.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub bio: Option<Option<String>>,
}

impl Validate for ModifyCurrentMember {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(
            &Path::ROOT.field("nick"),
            self.nick.as_ref().and_then(Option::as_deref),
            1,
            32,
        )
    }
}

impl RequestBody for ModifyCurrentMember {}

/// The body of [Add Guild Member](https://discord.com/developers/docs/resources/guild#add-guild-member)
/// (needs the user's OAuth2 `guilds.join` token).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddGuildMember {
    /// The user's OAuth2 access token.
    pub access_token: String,
    /// Nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nick: Option<String>,
    /// Roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Snowflake>>,
    /// Server mute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mute: Option<bool>,
    /// Server deafen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deaf: Option<bool>,
}

impl std::fmt::Debug for AddGuildMember {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AddGuildMember")
            .field("access_token", &"<redacted>")
            .field("nick", &self.nick)
            .field("roles", &self.roles)
            .field("mute", &self.mute)
            .field("deaf", &self.deaf)
            .finish()
    }
}

impl Validate for AddGuildMember {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("nick"), self.nick.as_deref(), 1, 32)
    }
}

impl RequestBody for AddGuildMember {}

/// The body of [Create Guild Ban](https://discord.com/developers/docs/resources/guild#create-guild-ban).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateGuildBan {
    /// Deprecated: days of messages to delete (0-7).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_message_days: Option<u32>,
    /// Seconds of messages to delete (0-604800).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_message_seconds: Option<u32>,
}

impl Validate for CreateGuildBan {
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(d) = self.delete_message_days {
            check::range(&Path::ROOT.field("delete_message_days"), i64::from(d), 0, 7)?;
        }
        if let Some(s) = self.delete_message_seconds {
            check::range(
                &Path::ROOT.field("delete_message_seconds"),
                i64::from(s),
                0,
                604_800,
            )?;
        }
        Ok(())
    }
}

impl RequestBody for CreateGuildBan {}

/// The body of [Bulk Guild Ban](https://discord.com/developers/docs/resources/guild#bulk-guild-ban).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkBan {
    /// The users to ban (≤ 200).
    pub user_ids: Vec<Snowflake>,
    /// Seconds of messages to delete (0-604800).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_message_seconds: Option<u32>,
}

impl Validate for BulkBan {
    fn validate(&self) -> Result<(), ValidationError> {
        check::count(&Path::ROOT.field("user_ids"), self.user_ids.len(), 1, 200)?;
        if let Some(s) = self.delete_message_seconds {
            check::range(
                &Path::ROOT.field("delete_message_seconds"),
                i64::from(s),
                0,
                604_800,
            )?;
        }
        Ok(())
    }
}

impl RequestBody for BulkBan {}
