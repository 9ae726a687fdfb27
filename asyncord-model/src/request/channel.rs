//! Channel bodies: create guild channel, modify channel (guild channel, thread, group DM), edit
//! permissions, create invite, follow announcement channel, add a group DM recipient
//! ([docs](https://discord.com/developers/docs/resources/channel#modify-channel)).

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::patch::Patch;
use super::validate::{Path, Validate, ValidationError, check};
use crate::channel::{
    ChannelFlags, ChannelType, DefaultReaction, ForumLayoutType, ForumTag, Overwrite,
    OverwriteType, SortOrderType, VideoQualityMode,
};
use crate::{ApplicationId, ChannelId, ForumTagId, Permissions, RoleId, UserId};

/// Slowmode maximum in seconds (6 hours).
pub(crate) const SLOWMODE_MAX: i64 = 21_600;

/// Channel-level checks shared by create and modify.
pub(crate) struct ChannelLimits<'a> {
    pub kind: Option<ChannelType>,
    pub name: Option<&'a str>,
    pub topic: Option<&'a str>,
    pub rate_limit_per_user: Option<u32>,
    pub default_thread_rate_limit_per_user: Option<u32>,
    pub user_limit: Option<u32>,
    pub available_tags: Option<&'a [ForumTag]>,
}

impl ChannelLimits<'_> {
    pub(crate) fn validate(&self, root: &Path<'_>) -> Result<(), ValidationError> {
        if let Some(name) = self.name {
            check::chars(&root.field("name"), name, 1, 100)?;
        }
        if let Some(topic) = self.topic {
            // 4096 for forum and media channels; when modifying without a type, the larger limit.
            let max = match self.kind {
                Some(k) if !k.is_thread_only() => 1024,
                _ => 4096,
            };
            check::chars(&root.field("topic"), topic, 0, max)?;
        }
        if let Some(s) = self.rate_limit_per_user {
            check::range(
                &root.field("rate_limit_per_user"),
                i64::from(s),
                0,
                SLOWMODE_MAX,
            )?;
        }
        if let Some(s) = self.default_thread_rate_limit_per_user {
            check::range(
                &root.field("default_thread_rate_limit_per_user"),
                i64::from(s),
                0,
                SLOWMODE_MAX,
            )?;
        }
        if let Some(limit) = self.user_limit {
            let max = match self.kind {
                Some(ChannelType::GuildVoice) => 99,
                _ => 10_000,
            };
            check::range(&root.field("user_limit"), i64::from(limit), 0, max)?;
        }
        if let Some(tags) = self.available_tags {
            let p = root.field("available_tags");
            check::count(&p, tags.len(), 0, 20)?;
            for (i, t) in tags.iter().enumerate() {
                check::chars(&p.index(i).field("name"), &t.name, 0, 20)?;
            }
        }
        Ok(())
    }
}

/// The body of [Create Guild Channel](https://discord.com/developers/docs/resources/guild#create-guild-channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateGuildChannel {
    /// The name (1-100 characters).
    pub name: String,
    /// The type (default guild text).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ChannelType>,
    /// Topic (≤ 1024 characters, 4096 for forum and media).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Bitrate in bits per second (voice, ≥ 8000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bitrate: Option<u32>,
    /// User limit (voice ≤ 99, stage ≤ 10000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_limit: Option<u32>,
    /// Slowmode in seconds (0-21600).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
    /// Sorting position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i32>,
    /// Permission overwrites.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission_overwrites: Option<Vec<Overwrite>>,
    /// Parent category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<ChannelId>,
    /// Age restriction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// Voice region (`None` = automatic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rtc_region: Option<String>,
    /// Camera video quality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video_quality_mode: Option<VideoQualityMode>,
    /// Default thread auto-archive minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_auto_archive_duration: Option<u32>,
    /// Default reaction on forum posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_reaction_emoji: Option<DefaultReaction>,
    /// Forum tags (≤ 20, names ≤ 20 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_tags: Option<Vec<ForumTag>>,
    /// Default sort order of forum posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_sort_order: Option<SortOrderType>,
    /// Default forum layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_forum_layout: Option<ForumLayoutType>,
    /// Initial slowmode of new threads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_thread_rate_limit_per_user: Option<u32>,
    /// How applied tags filter posts (`match_some` or `match_all`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_tag_setting: Option<String>,
}

impl CreateGuildChannel {
    /// A channel of a type.
    pub fn new(name: impl Into<String>, kind: ChannelType) -> Self {
        Self {
            name: name.into(),
            kind: Some(kind),
            ..Self::default()
        }
    }

    /// A text channel.
    pub fn text(name: impl Into<String>) -> Self {
        Self::new(name, ChannelType::GuildText)
    }

    /// A voice channel.
    pub fn voice(name: impl Into<String>) -> Self {
        Self::new(name, ChannelType::GuildVoice)
    }

    /// A category.
    pub fn category(name: impl Into<String>) -> Self {
        Self::new(name, ChannelType::GuildCategory)
    }

    /// Sets the topic.
    pub fn topic(mut self, topic: impl Into<String>) -> Self {
        self.topic = Some(topic.into());
        self
    }

    /// Sets the parent category.
    pub fn parent(mut self, parent_id: ChannelId) -> Self {
        self.parent_id = Some(parent_id);
        self
    }

    /// Adds a permission overwrite.
    pub fn overwrite(mut self, overwrite: Overwrite) -> Self {
        self.permission_overwrites
            .get_or_insert_with(Vec::new)
            .push(overwrite);
        self
    }
}

impl Validate for CreateGuildChannel {
    fn validate(&self) -> Result<(), ValidationError> {
        ChannelLimits {
            kind: Some(self.kind.unwrap_or(ChannelType::GuildText)),
            name: Some(&self.name),
            topic: self.topic.as_deref(),
            rate_limit_per_user: self.rate_limit_per_user,
            default_thread_rate_limit_per_user: self.default_thread_rate_limit_per_user,
            user_limit: self.user_limit,
            available_tags: self.available_tags.as_deref(),
        }
        .validate(&Path::ROOT)
    }
}

impl RequestBody for CreateGuildChannel {}

/// The body of [Modify Channel](https://discord.com/developers/docs/resources/channel#modify-channel)
/// for a guild channel. Absent fields stay as they are; a [`Patch`] field can also be cleared.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyGuildChannel {
    /// New name (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Convert between text and announcement.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ChannelType>,
    /// Position.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub position: Patch<i32>,
    /// Topic.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub topic: Patch<String>,
    /// Age restriction.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub nsfw: Patch<bool>,
    /// Slowmode (0-21600 s).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub rate_limit_per_user: Patch<u32>,
    /// Bitrate.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub bitrate: Patch<u32>,
    /// User limit.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub user_limit: Patch<u32>,
    /// Permission overwrites.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub permission_overwrites: Patch<Vec<Overwrite>>,
    /// Parent category.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub parent_id: Patch<ChannelId>,
    /// Voice region.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub rtc_region: Patch<String>,
    /// Video quality.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub video_quality_mode: Patch<VideoQualityMode>,
    /// Default thread auto-archive minutes.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub default_auto_archive_duration: Patch<u32>,
    /// Channel flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<ChannelFlags>,
    /// Forum tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_tags: Option<Vec<ForumTag>>,
    /// Default reaction.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub default_reaction_emoji: Patch<DefaultReaction>,
    /// Initial slowmode of new threads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_thread_rate_limit_per_user: Option<u32>,
    /// Default sort order.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub default_sort_order: Patch<SortOrderType>,
    /// Default forum layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_forum_layout: Option<ForumLayoutType>,
    /// How applied tags filter posts (`match_some` or `match_all`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_tag_setting: Option<String>,
}

impl ModifyGuildChannel {
    /// A modification that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Renames the channel.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets (`Some`) or clears (`None`) the topic.
    pub fn topic(mut self, topic: Option<impl Into<String>>) -> Self {
        self.topic = Patch::set_or_clear(topic.map(Into::into));
        self
    }

    /// Sets (`Some`) or removes (`None`) the slowmode.
    pub fn rate_limit_per_user(mut self, seconds: Option<u32>) -> Self {
        self.rate_limit_per_user = Patch::set_or_clear(seconds);
        self
    }

    /// Moves the channel into (`Some`) or out of (`None`) a category.
    pub fn parent(mut self, parent_id: Option<ChannelId>) -> Self {
        self.parent_id = Patch::set_or_clear(parent_id);
        self
    }
}

impl Validate for ModifyGuildChannel {
    fn validate(&self) -> Result<(), ValidationError> {
        ChannelLimits {
            kind: self.kind,
            name: self.name.as_deref(),
            topic: self.topic.as_deref(),
            rate_limit_per_user: self.rate_limit_per_user.get().copied(),
            default_thread_rate_limit_per_user: self.default_thread_rate_limit_per_user,
            user_limit: self.user_limit.get().copied(),
            available_tags: self.available_tags.as_deref(),
        }
        .validate(&Path::ROOT)
    }
}

/// The body of Modify Channel for a thread ([docs](https://discord.com/developers/docs/resources/channel#modify-channel-json-params-thread)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyThread {
    /// New name (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Archive or unarchive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Auto-archive minutes (60, 1440, 4320, 10080).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_archive_duration: Option<u32>,
    /// Lock or unlock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locked: Option<bool>,
    /// Whether non-moderators can add members (private threads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitable: Option<bool>,
    /// Slowmode (0-21600 s).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub rate_limit_per_user: Patch<u32>,
    /// Flags (PINNED for forum threads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<ChannelFlags>,
    /// Applied forum tags (≤ 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_tags: Option<Vec<ForumTagId>>,
}

impl Validate for ModifyThread {
    fn validate(&self) -> Result<(), ValidationError> {
        ChannelLimits {
            kind: None,
            name: self.name.as_deref(),
            topic: None,
            rate_limit_per_user: self.rate_limit_per_user.get().copied(),
            default_thread_rate_limit_per_user: None,
            user_limit: None,
            available_tags: None,
        }
        .validate(&Path::ROOT)?;
        if let Some(tags) = &self.applied_tags {
            check::count(&Path::ROOT.field("applied_tags"), tags.len(), 0, 5)?;
        }
        Ok(())
    }
}

/// The body of Modify Channel for a group DM ([docs](https://discord.com/developers/docs/resources/channel#modify-channel-json-params-group-dm)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyGroupDm {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New icon as a data URI (`Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub icon: Patch<String>,
}

impl Validate for ModifyGroupDm {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 1, 100)
    }
}

/// Any body of [Modify Channel](https://discord.com/developers/docs/resources/channel#modify-channel).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ModifyChannel {
    /// A guild channel.
    Guild(ModifyGuildChannel),
    /// A thread.
    Thread(ModifyThread),
    /// A group DM.
    GroupDm(ModifyGroupDm),
}

impl From<ModifyGuildChannel> for ModifyChannel {
    fn from(v: ModifyGuildChannel) -> Self {
        Self::Guild(v)
    }
}

impl From<ModifyThread> for ModifyChannel {
    fn from(v: ModifyThread) -> Self {
        Self::Thread(v)
    }
}

impl From<ModifyGroupDm> for ModifyChannel {
    fn from(v: ModifyGroupDm) -> Self {
        Self::GroupDm(v)
    }
}

impl Validate for ModifyChannel {
    fn validate(&self) -> Result<(), ValidationError> {
        match self {
            Self::Guild(b) => b.validate(),
            Self::Thread(b) => b.validate(),
            Self::GroupDm(b) => b.validate(),
        }
    }
}

impl RequestBody for ModifyChannel {}
impl RequestBody for ModifyGuildChannel {}
impl RequestBody for ModifyThread {}
impl RequestBody for ModifyGroupDm {}

/// The body of [Edit Channel Permissions](https://discord.com/developers/docs/resources/channel#edit-channel-permissions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditChannelPermissions {
    /// Whether the overwrite is for a role or a member.
    #[serde(rename = "type")]
    pub kind: OverwriteType,
    /// Allowed permissions (default none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow: Option<Permissions>,
    /// Denied permissions (default none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deny: Option<Permissions>,
}

impl EditChannelPermissions {
    /// An overwrite of a kind with allowed and denied permissions.
    pub fn new(kind: OverwriteType, allow: Permissions, deny: Permissions) -> Self {
        Self {
            kind,
            allow: Some(allow),
            deny: Some(deny),
        }
    }
}

impl Validate for EditChannelPermissions {
    fn validate(&self) -> Result<(), ValidationError> {
        if let (Some(a), Some(d)) = (self.allow, self.deny)
            && a.intersects(d)
        {
            return Err(Path::ROOT
                .field("deny")
                .invalid("a permission cannot be both allowed and denied"));
        }
        Ok(())
    }
}

impl RequestBody for EditChannelPermissions {}

/// The body of [Create Channel Invite](https://discord.com/developers/docs/resources/channel#create-channel-invite).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateChannelInvite {
    /// Seconds until expiry (0 = never, ≤ 604800; default 86400).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_age: Option<u32>,
    /// Maximum uses (0 = unlimited, ≤ 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_uses: Option<u32>,
    /// Temporary membership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary: Option<bool>,
    /// Do not reuse a similar invite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unique: Option<bool>,
    /// Target type (1 stream, 2 embedded application).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_type: Option<crate::invite::InviteTargetType>,
    /// The streaming user (stream invites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_user_id: Option<UserId>,
    /// The embedded application (application invites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_application_id: Option<ApplicationId>,
    /// Roles granted on join.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_ids: Option<Vec<RoleId>>,
}

impl Validate for CreateChannelInvite {
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(age) = self.max_age {
            check::range(&Path::ROOT.field("max_age"), i64::from(age), 0, 604_800)?;
        }
        if let Some(uses) = self.max_uses {
            check::range(&Path::ROOT.field("max_uses"), i64::from(uses), 0, 100)?;
        }
        Ok(())
    }
}

impl RequestBody for CreateChannelInvite {}

/// The body of [Follow Announcement Channel](https://discord.com/developers/docs/resources/channel#follow-announcement-channel).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowAnnouncementChannel {
    /// The channel that receives crossposts.
    pub webhook_channel_id: ChannelId,
}

impl RequestBody for FollowAnnouncementChannel {}

impl Validate for FollowAnnouncementChannel {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

/// The body of [Group DM Add Recipient](https://discord.com/developers/docs/resources/channel#group-dm-add-recipient).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddGroupDmRecipient {
    /// An OAuth2 access token of the user, with the `gdm.join` scope.
    pub access_token: String,
    /// The user's nickname in the group DM.
    pub nick: String,
}

impl AddGroupDmRecipient {
    /// Adds the user of `access_token` as `nick`.
    pub fn new(access_token: impl Into<String>, nick: impl Into<String>) -> Self {
        Self {
            access_token: access_token.into(),
            nick: nick.into(),
        }
    }
}

impl Validate for AddGroupDmRecipient {
    fn validate(&self) -> Result<(), ValidationError> {
        if self.access_token.is_empty() {
            return Err(Path::ROOT.field("access_token").invalid("empty"));
        }
        Ok(())
    }
}

impl RequestBody for AddGroupDmRecipient {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_dm_recipient_needs_a_token() {
        let body = AddGroupDmRecipient::new("token", "nick");
        assert!(body.validate().is_ok());
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"access_token":"token","nick":"nick"}"#
        );
        let empty = AddGroupDmRecipient::new("", "nick");
        assert_eq!(empty.validate().unwrap_err().path, "access_token");
    }
}
