//! Guild bodies, one file per part of Discord's guild resource: the guild itself (here), members,
//! roles, bans, prune, widget, onboarding, welcome screen, incident actions and join requests.
//! <https://discord.com/developers/docs/resources/guild#modify-guild>

mod bans;
mod incident_actions;
mod join_requests;
mod members;
mod onboarding;
mod prune;
mod roles;
mod welcome_screen;
mod widget;

use serde::{Deserialize, Serialize};

pub use bans::{BulkBan, CreateGuildBan};
pub use incident_actions::ModifyIncidentActions;
pub use join_requests::{ActionJoinRequest, JoinRequestAction};
pub use members::{AddGuildMember, ModifyCurrentMember, ModifyGuildMember};
pub use onboarding::ModifyOnboarding;
pub use prune::BeginGuildPrune;
pub use roles::{CreateRole, ModifyRole};
pub use welcome_screen::ModifyWelcomeScreen;
pub use widget::ModifyGuildWidget;

use super::files::RequestBody;
use super::validate::{Path, Validate, ValidationError, check};
use crate::ChannelId;
use crate::common::Locale;
use crate::guild::{
    DefaultMessageNotificationLevel, ExplicitContentFilterLevel, SystemChannelFlags,
    VerificationLevel,
};
use crate::request::patch::Patch;

/// The body of [Modify Guild](https://discord.com/developers/docs/resources/guild#modify-guild).
/// Absent fields stay as they are; a [`Patch`] field can also be cleared. Images are data URIs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyGuild {
    /// New name (2-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Verification level.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub verification_level: Patch<VerificationLevel>,
    /// Default notification level.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub default_message_notifications: Patch<DefaultMessageNotificationLevel>,
    /// Explicit content filter.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub explicit_content_filter: Patch<ExplicitContentFilterLevel>,
    /// AFK channel.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub afk_channel_id: Patch<ChannelId>,
    /// AFK timeout in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afk_timeout: Option<u32>,
    /// Icon (data URI).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub icon: Patch<String>,
    /// Invite splash (data URI).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub splash: Patch<String>,
    /// Discovery splash (data URI).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub discovery_splash: Patch<String>,
    /// Banner (data URI).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub banner: Patch<String>,
    /// System channel.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub system_channel_id: Patch<ChannelId>,
    /// System channel flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system_channel_flags: Option<SystemChannelFlags>,
    /// Rules channel.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub rules_channel_id: Patch<ChannelId>,
    /// Community updates channel.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub public_updates_channel_id: Patch<ChannelId>,
    /// Preferred locale.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub preferred_locale: Patch<Locale>,
    /// Enabled features.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<String>>,
    /// Description.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub description: Patch<String>,
    /// Boost progress bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premium_progress_bar_enabled: Option<bool>,
    /// Safety alerts channel.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub safety_alerts_channel_id: Patch<ChannelId>,
}

impl Validate for ModifyGuild {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 2, 100)
    }
}

impl RequestBody for ModifyGuild {}
