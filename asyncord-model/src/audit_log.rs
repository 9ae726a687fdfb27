//! Audit logs: the log page, entries, changes (old/new values as JSON), optional entry info,
//! and every documented action type.
//!
//! Discord docs: [Audit Logs resource](https://discord.com/developers/docs/resources/audit-log).

use serde::{Deserialize, Serialize};

use crate::auto_moderation::AutoModerationRule;
use crate::channel::Channel;
use crate::command::ApplicationCommand;
use crate::common::null_as_default;
use crate::guild::Integration;
use crate::scheduled_event::GuildScheduledEvent;
use crate::user::User;
use crate::webhook::Webhook;
use crate::{
    ApplicationId, AuditLogEntryId, ChannelId, GuildId, MessageId, Snowflake, UserId, int_enum,
};

/// A page of a guild's audit log, with the objects its entries refer to
/// ([docs](https://discord.com/developers/docs/resources/audit-log#audit-log-object)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditLog {
    /// Application commands referenced in the entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub application_commands: Vec<ApplicationCommand>,
    /// The entries, most recent first.
    #[serde(default, deserialize_with = "null_as_default")]
    pub audit_log_entries: Vec<AuditLogEntry>,
    /// Auto moderation rules referenced in the entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub auto_moderation_rules: Vec<AutoModerationRule>,
    /// Scheduled events referenced in the entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub guild_scheduled_events: Vec<GuildScheduledEvent>,
    /// Partial integrations referenced in the entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub integrations: Vec<Integration>,
    /// Threads referenced in the entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub threads: Vec<Channel>,
    /// Users referenced in the entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub users: Vec<User>,
    /// Webhooks referenced in the entries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub webhooks: Vec<Webhook>,
}

/// One administrative action
/// ([docs](https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object)); also
/// the `GUILD_AUDIT_LOG_ENTRY_CREATE` payload (which adds `guild_id`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLogEntry {
    /// The affected entity (user, channel, role, webhook...).
    #[serde(default)]
    pub target_id: Option<Snowflake>,
    /// What changed.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub changes: Vec<AuditLogChange>,
    /// Who made the change.
    #[serde(default)]
    pub user_id: Option<UserId>,
    /// The entry id.
    pub id: AuditLogEntryId,
    /// The kind of action.
    pub action_type: AuditLogEvent,
    /// Extra information for some action types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<AuditLogOptions>,
    /// The reason given (1-512 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The guild (gateway `GUILD_AUDIT_LOG_ENTRY_CREATE` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
}

/// One changed property
/// ([docs](https://discord.com/developers/docs/resources/audit-log#audit-log-change-object)).
///
/// Values keep their JSON form since their type depends on `key` (see Discord's table of
/// exceptions: `$add`/`$remove` hold partial roles, and so on).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditLogChange {
    /// The new value (absent when the property was removed or on deletes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<serde_json::Value>,
    /// The old value (absent on creates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<serde_json::Value>,
    /// The property name (e.g. `nick`, `$add`, `permission_overwrites`).
    pub key: String,
}

impl AuditLogChange {
    /// The new value parsed as `T` (`None` if absent or of another shape).
    pub fn new_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        self.new_value.as_ref().and_then(|v| T::deserialize(v).ok())
    }

    /// The old value parsed as `T` (`None` if absent or of another shape).
    pub fn old_as<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        self.old_value.as_ref().and_then(|v| T::deserialize(v).ok())
    }
}

/// Optional information on an entry; which fields are set depends on the action type
/// ([docs](https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object-optional-audit-entry-info)).
///
/// Discord sends counts as strings; they are kept as sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLogOptions {
    /// The application whose command permissions changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
    /// The auto moderation rule name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_moderation_rule_name: Option<String>,
    /// The auto moderation rule trigger type (as a string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_moderation_rule_trigger_type: Option<String>,
    /// The channel involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// Number of entities affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
    /// Days of inactivity for a prune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_member_days: Option<String>,
    /// The overwritten entity's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Snowflake>,
    /// Members removed by a prune.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub members_removed: Option<String>,
    /// The message involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<MessageId>,
    /// The role name of an overwrite (absent for member overwrites).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_name: Option<String>,
    /// The overwritten entity's type: `"0"` role, `"1"` member.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The integration type that performed the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_type: Option<String>,
    /// The new voice channel status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

int_enum! {
    /// The kind of an audit log entry
    /// ([docs](https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object-audit-log-events)).
    pub enum AuditLogEvent: i64 {
        /// `GUILD_UPDATE` (1): Guild update.
        GuildUpdate = 1,
        /// `CHANNEL_CREATE` (10): Channel create.
        ChannelCreate = 10,
        /// `CHANNEL_UPDATE` (11): Channel update.
        ChannelUpdate = 11,
        /// `CHANNEL_DELETE` (12): Channel delete.
        ChannelDelete = 12,
        /// `CHANNEL_OVERWRITE_CREATE` (13): Channel overwrite create.
        ChannelOverwriteCreate = 13,
        /// `CHANNEL_OVERWRITE_UPDATE` (14): Channel overwrite update.
        ChannelOverwriteUpdate = 14,
        /// `CHANNEL_OVERWRITE_DELETE` (15): Channel overwrite delete.
        ChannelOverwriteDelete = 15,
        /// `MEMBER_KICK` (20): Member kick.
        MemberKick = 20,
        /// `MEMBER_PRUNE` (21): Member prune.
        MemberPrune = 21,
        /// `MEMBER_BAN_ADD` (22): Member ban add.
        MemberBanAdd = 22,
        /// `MEMBER_BAN_REMOVE` (23): Member ban remove.
        MemberBanRemove = 23,
        /// `MEMBER_UPDATE` (24): Member update.
        MemberUpdate = 24,
        /// `MEMBER_ROLE_UPDATE` (25): Member role update.
        MemberRoleUpdate = 25,
        /// `MEMBER_MOVE` (26): Member move.
        MemberMove = 26,
        /// `MEMBER_DISCONNECT` (27): Member disconnect.
        MemberDisconnect = 27,
        /// `BOT_ADD` (28): Bot add.
        BotAdd = 28,
        /// `ROLE_CREATE` (30): Role create.
        RoleCreate = 30,
        /// `ROLE_UPDATE` (31): Role update.
        RoleUpdate = 31,
        /// `ROLE_DELETE` (32): Role delete.
        RoleDelete = 32,
        /// `INVITE_CREATE` (40): Invite create.
        InviteCreate = 40,
        /// `INVITE_UPDATE` (41): Invite update.
        InviteUpdate = 41,
        /// `INVITE_DELETE` (42): Invite delete.
        InviteDelete = 42,
        /// `WEBHOOK_CREATE` (50): Webhook create.
        WebhookCreate = 50,
        /// `WEBHOOK_UPDATE` (51): Webhook update.
        WebhookUpdate = 51,
        /// `WEBHOOK_DELETE` (52): Webhook delete.
        WebhookDelete = 52,
        /// `EMOJI_CREATE` (60): Emoji create.
        EmojiCreate = 60,
        /// `EMOJI_UPDATE` (61): Emoji update.
        EmojiUpdate = 61,
        /// `EMOJI_DELETE` (62): Emoji delete.
        EmojiDelete = 62,
        /// `MESSAGE_DELETE` (72): Message delete.
        MessageDelete = 72,
        /// `MESSAGE_BULK_DELETE` (73): Message bulk delete.
        MessageBulkDelete = 73,
        /// `MESSAGE_PIN` (74): Message pin.
        MessagePin = 74,
        /// `MESSAGE_UNPIN` (75): Message unpin.
        MessageUnpin = 75,
        /// `INTEGRATION_CREATE` (80): Integration create.
        IntegrationCreate = 80,
        /// `INTEGRATION_UPDATE` (81): Integration update.
        IntegrationUpdate = 81,
        /// `INTEGRATION_DELETE` (82): Integration delete.
        IntegrationDelete = 82,
        /// `STAGE_INSTANCE_CREATE` (83): Stage instance create.
        StageInstanceCreate = 83,
        /// `STAGE_INSTANCE_UPDATE` (84): Stage instance update.
        StageInstanceUpdate = 84,
        /// `STAGE_INSTANCE_DELETE` (85): Stage instance delete.
        StageInstanceDelete = 85,
        /// `STICKER_CREATE` (90): Sticker create.
        StickerCreate = 90,
        /// `STICKER_UPDATE` (91): Sticker update.
        StickerUpdate = 91,
        /// `STICKER_DELETE` (92): Sticker delete.
        StickerDelete = 92,
        /// `GUILD_SCHEDULED_EVENT_CREATE` (100): Guild scheduled event create.
        GuildScheduledEventCreate = 100,
        /// `GUILD_SCHEDULED_EVENT_UPDATE` (101): Guild scheduled event update.
        GuildScheduledEventUpdate = 101,
        /// `GUILD_SCHEDULED_EVENT_DELETE` (102): Guild scheduled event delete.
        GuildScheduledEventDelete = 102,
        /// `THREAD_CREATE` (110): Thread create.
        ThreadCreate = 110,
        /// `THREAD_UPDATE` (111): Thread update.
        ThreadUpdate = 111,
        /// `THREAD_DELETE` (112): Thread delete.
        ThreadDelete = 112,
        /// `APPLICATION_COMMAND_PERMISSION_UPDATE` (121): Application command permission update.
        ApplicationCommandPermissionUpdate = 121,
        /// `SOUNDBOARD_SOUND_CREATE` (130): Soundboard sound create.
        SoundboardSoundCreate = 130,
        /// `SOUNDBOARD_SOUND_UPDATE` (131): Soundboard sound update.
        SoundboardSoundUpdate = 131,
        /// `SOUNDBOARD_SOUND_DELETE` (132): Soundboard sound delete.
        SoundboardSoundDelete = 132,
        /// `AUTO_MODERATION_RULE_CREATE` (140): Auto moderation rule create.
        AutoModerationRuleCreate = 140,
        /// `AUTO_MODERATION_RULE_UPDATE` (141): Auto moderation rule update.
        AutoModerationRuleUpdate = 141,
        /// `AUTO_MODERATION_RULE_DELETE` (142): Auto moderation rule delete.
        AutoModerationRuleDelete = 142,
        /// `AUTO_MODERATION_BLOCK_MESSAGE` (143): Auto moderation block message.
        AutoModerationBlockMessage = 143,
        /// `AUTO_MODERATION_FLAG_TO_CHANNEL` (144): Auto moderation flag to channel.
        AutoModerationFlagToChannel = 144,
        /// `AUTO_MODERATION_USER_COMMUNICATION_DISABLED` (145): Auto moderation user communication disabled.
        AutoModerationUserCommunicationDisabled = 145,
        /// `AUTO_MODERATION_QUARANTINE_USER` (146): Auto moderation quarantine user.
        AutoModerationQuarantineUser = 146,
        /// `CREATOR_MONETIZATION_REQUEST_CREATED` (150): Creator monetization request created.
        CreatorMonetizationRequestCreated = 150,
        /// `CREATOR_MONETIZATION_TERMS_ACCEPTED` (151): Creator monetization terms accepted.
        CreatorMonetizationTermsAccepted = 151,
        /// `ONBOARDING_PROMPT_CREATE` (163): Onboarding prompt create.
        OnboardingPromptCreate = 163,
        /// `ONBOARDING_PROMPT_UPDATE` (164): Onboarding prompt update.
        OnboardingPromptUpdate = 164,
        /// `ONBOARDING_PROMPT_DELETE` (165): Onboarding prompt delete.
        OnboardingPromptDelete = 165,
        /// `ONBOARDING_CREATE` (166): Onboarding create.
        OnboardingCreate = 166,
        /// `ONBOARDING_UPDATE` (167): Onboarding update.
        OnboardingUpdate = 167,
        /// `GUILD_HOME_FEATURE_ITEM` (171): Guild home feature item.
        GuildHomeFeatureItem = 171,
        /// `GUILD_HOME_REMOVE_ITEM` (172): Guild home remove item.
        GuildHomeRemoveItem = 172,
        /// `HARMFUL_LINKS_BLOCKED_MESSAGE` (180): Harmful links blocked message.
        HarmfulLinksBlockedMessage = 180,
        /// `HOME_SETTINGS_CREATE` (190): Home settings create.
        HomeSettingsCreate = 190,
        /// `HOME_SETTINGS_UPDATE` (191): Home settings update.
        HomeSettingsUpdate = 191,
        /// `VOICE_CHANNEL_STATUS_CREATE` (192): Voice channel status create.
        VoiceChannelStatusCreate = 192,
        /// `VOICE_CHANNEL_STATUS_DELETE` (193): Voice channel status delete.
        VoiceChannelStatusDelete = 193,
        /// `GUILD_SCHEDULED_EVENT_EXCEPTION_CREATE` (200): Guild scheduled event exception create.
        GuildScheduledEventExceptionCreate = 200,
        /// `GUILD_SCHEDULED_EVENT_EXCEPTION_UPDATE` (201): Guild scheduled event exception update.
        GuildScheduledEventExceptionUpdate = 201,
        /// `GUILD_SCHEDULED_EVENT_EXCEPTION_DELETE` (202): Guild scheduled event exception delete.
        GuildScheduledEventExceptionDelete = 202,
        /// `GUILD_PROFILE_UPDATE` (211): Guild profile update.
        GuildProfileUpdate = 211,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_parses_and_round_trips() {
        let e: AuditLogEntry = serde_json::from_str(
            r#"{"id":"1","action_type":25,"target_id":"2","user_id":"3","reason":"r","guild_id":"9",
                "changes":[{"key":"$add","new_value":[{"id":"5","name":"Mod"}]},{"key":"nick","old_value":"a","new_value":"b"}],
                "options":{"count":"2","channel_id":"4","type":"0","role_name":"x"}}"#,
        )
        .unwrap();
        assert_eq!(e.action_type, AuditLogEvent::MemberRoleUpdate);
        assert_eq!(e.changes[1].new_as::<String>().as_deref(), Some("b"));
        assert_eq!(e.changes[1].old_as::<String>().as_deref(), Some("a"));
        assert_eq!(e.options.as_ref().unwrap().count.as_deref(), Some("2"));
        let j = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<AuditLogEntry>(&j).unwrap(), e);
    }

    #[test]
    fn action_types() {
        assert_eq!(AuditLogEvent::from(211), AuditLogEvent::GuildProfileUpdate);
        assert_eq!(AuditLogEvent::AutoModerationQuarantineUser.value(), 146);
        assert_eq!(AuditLogEvent::from(999), AuditLogEvent::Unknown(999));
    }

    #[test]
    fn log_with_nulls_parses() {
        let l: AuditLog = serde_json::from_str(
            r#"{"audit_log_entries":[{"id":"1","action_type":1,"target_id":null,"user_id":null}],"users":null,
                "integrations":[{"id":"2","name":"A","type":"twitch","account":{"id":"3","name":"b"}}]}"#,
        )
        .unwrap();
        assert_eq!(l.audit_log_entries.len(), 1);
        assert!(l.users.is_empty());
        assert_eq!(l.integrations[0].account.as_ref().unwrap().name, "b");
    }
}
