//! Auto moderation: rules, trigger types and metadata, keyword presets, actions, event types,
//! and the action execution payload.
//!
//! Discord docs: [Auto Moderation resource](https://discord.com/developers/docs/resources/auto-moderation).

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::{AutoModerationRuleId, ChannelId, GuildId, MessageId, RoleId, UserId, int_enum};

/// An auto moderation rule
/// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-rule-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoModerationRule {
    /// The rule id.
    pub id: AutoModerationRuleId,
    /// The guild.
    pub guild_id: GuildId,
    /// The rule name.
    pub name: String,
    /// Who created the rule.
    pub creator_id: UserId,
    /// When the rule is checked.
    pub event_type: AutoModerationEventType,
    /// What the rule looks for.
    pub trigger_type: TriggerType,
    /// Trigger parameters.
    #[serde(default)]
    pub trigger_metadata: TriggerMetadata,
    /// What happens when the rule triggers.
    #[serde(default, deserialize_with = "null_as_default")]
    pub actions: Vec<AutoModerationAction>,
    /// Whether the rule is enabled.
    #[serde(default, deserialize_with = "null_as_default")]
    pub enabled: bool,
    /// Roles the rule does not apply to (max 20).
    #[serde(default, deserialize_with = "null_as_default")]
    pub exempt_roles: Vec<RoleId>,
    /// Channels the rule does not apply to (max 50).
    #[serde(default, deserialize_with = "null_as_default")]
    pub exempt_channels: Vec<ChannelId>,
}

int_enum! {
    /// When a rule is checked
    /// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-rule-object-event-types)).
    pub enum AutoModerationEventType: i64 {
        /// When a member sends or edits a message.
        MessageSend = 1,
        /// When a member edits their profile.
        MemberUpdate = 2,
    }
}

int_enum! {
    /// What a rule looks for
    /// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-rule-object-trigger-types)).
    pub enum TriggerType: i64 {
        /// User-defined keywords (max 6 per guild).
        Keyword = 1,
        /// Generic spam (max 1).
        Spam = 3,
        /// Discord's predefined word lists (max 1).
        KeywordPreset = 4,
        /// Too many unique mentions (max 1).
        MentionSpam = 5,
        /// Words in a member's profile (max 1).
        MemberProfile = 6,
    }
}

/// Parameters of a trigger; which fields apply depends on the trigger type
/// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-rule-object-trigger-metadata)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriggerMetadata {
    /// Substrings to match (keyword, member profile; max 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword_filter: Option<Vec<String>>,
    /// Rust-flavoured regular expressions (keyword, member profile; max 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regex_patterns: Option<Vec<String>>,
    /// Predefined word lists (keyword preset).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presets: Option<Vec<KeywordPresetType>>,
    /// Substrings exempt from the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_list: Option<Vec<String>>,
    /// Unique role and user mentions allowed per message (mention spam; max 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention_total_limit: Option<u32>,
    /// Whether mention raids are detected (mention spam).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention_raid_protection_enabled: Option<bool>,
}

int_enum! {
    /// A Discord-maintained word list
    /// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-rule-object-keyword-preset-types)).
    pub enum KeywordPresetType: i64 {
        /// Swearing or cursing.
        Profanity = 1,
        /// Sexually explicit content.
        SexualContent = 2,
        /// Slurs and hate speech.
        Slurs = 3,
    }
}

/// What happens when a rule triggers
/// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-action-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoModerationAction {
    /// The kind of action.
    #[serde(rename = "type")]
    pub kind: AutoModerationActionType,
    /// Action parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ActionMetadata>,
}

int_enum! {
    /// The kind of an auto moderation action
    /// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-action-object-action-types)).
    pub enum AutoModerationActionType: i64 {
        /// Block the message (optionally with a custom explanation).
        BlockMessage = 1,
        /// Send an alert to a channel.
        SendAlertMessage = 2,
        /// Time the member out.
        Timeout = 3,
        /// Keep the member from interacting in the guild.
        BlockMemberInteraction = 4,
    }
}

/// Parameters of an action
/// ([docs](https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-action-object-action-metadata)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionMetadata {
    /// Where alerts go (send alert message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// Timeout length in seconds (timeout; max 2419200 = 4 weeks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_seconds: Option<u32>,
    /// Text shown to the member whose message was blocked (max 150 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_message: Option<String>,
}

/// An action was executed: the `AUTO_MODERATION_ACTION_EXECUTION` payload
/// ([docs](https://discord.com/developers/docs/events/gateway-events#auto-moderation-action-execution)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoModerationActionExecution {
    /// The guild.
    pub guild_id: GuildId,
    /// The action that was executed.
    pub action: AutoModerationAction,
    /// The rule that triggered.
    pub rule_id: AutoModerationRuleId,
    /// The rule's trigger type.
    pub rule_trigger_type: TriggerType,
    /// The member who triggered it.
    pub user_id: UserId,
    /// The channel of the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// The message (absent when it was blocked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<MessageId>,
    /// The alert message sent by the action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alert_system_message_id: Option<MessageId>,
    /// The content that triggered it (needs the message content intent).
    #[serde(default)]
    pub content: String,
    /// The keyword or regex that matched.
    #[serde(default)]
    pub matched_keyword: Option<String>,
    /// The matched substring (needs the message content intent).
    #[serde(default)]
    pub matched_content: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS_RULE: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-auto-moderation-example-auto-moderation-rule.json"
    );

    #[test]
    fn docs_rule_parses() {
        let r: AutoModerationRule = serde_json::from_str(DOCS_RULE).unwrap();
        assert_eq!(r.trigger_type, TriggerType::Keyword);
        assert!(!r.actions.is_empty());
        let j = serde_json::to_string(&r).unwrap();
        assert_eq!(serde_json::from_str::<AutoModerationRule>(&j).unwrap(), r);
    }

    #[test]
    fn execution_parses() {
        let e: AutoModerationActionExecution = serde_json::from_str(
            r#"{"guild_id":"1","action":{"type":3,"metadata":{"duration_seconds":60}},"rule_id":"2",
                "rule_trigger_type":1,"user_id":"3","channel_id":"4","content":"bad","matched_keyword":"bad","matched_content":null}"#,
        )
        .unwrap();
        assert_eq!(e.action.kind, AutoModerationActionType::Timeout);
        assert_eq!(
            e.action.metadata.as_ref().unwrap().duration_seconds,
            Some(60)
        );
        assert_eq!(e.message_id, None);
    }
}
