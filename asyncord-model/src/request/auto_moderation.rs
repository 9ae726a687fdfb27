//! Bodies of the auto moderation rule routes: create and modify.
//! <https://discord.com/developers/docs/resources/auto-moderation#create-auto-moderation-rule>,
//! <https://discord.com/developers/docs/resources/auto-moderation#modify-auto-moderation-rule>.

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::validate::{Path, Validate, ValidationError, check};
use crate::auto_moderation::{
    AutoModerationAction, AutoModerationActionType, AutoModerationEventType, TriggerMetadata,
    TriggerType,
};
use crate::{ChannelId, RoleId};

/// The body of [Create Auto Moderation Rule](https://discord.com/developers/docs/resources/auto-moderation#create-auto-moderation-rule).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateAutoModerationRule {
    /// Name (1-100 characters).
    pub name: String,
    /// When the rule is checked.
    pub event_type: AutoModerationEventType,
    /// What the rule looks for.
    pub trigger_type: TriggerType,
    /// Trigger parameters (keyword, keyword preset, mention spam and member profile rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_metadata: Option<TriggerMetadata>,
    /// What happens when the rule triggers (1-5 actions).
    pub actions: Vec<AutoModerationAction>,
    /// Whether the rule is enabled (default `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Roles the rule does not apply to (max 20).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exempt_roles: Vec<RoleId>,
    /// Channels the rule does not apply to (max 50).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exempt_channels: Vec<ChannelId>,
}

impl CreateAutoModerationRule {
    /// A rule with no actions yet (add at least one with [`action`](Self::action)).
    pub fn new(
        name: impl Into<String>,
        event_type: AutoModerationEventType,
        trigger_type: TriggerType,
    ) -> Self {
        Self {
            name: name.into(),
            event_type,
            trigger_type,
            trigger_metadata: None,
            actions: Vec::new(),
            enabled: None,
            exempt_roles: Vec::new(),
            exempt_channels: Vec::new(),
        }
    }

    /// A keyword rule on sent messages matching any of `keywords`.
    pub fn keyword<S: Into<String>>(
        name: impl Into<String>,
        keywords: impl IntoIterator<Item = S>,
    ) -> Self {
        Self::new(
            name,
            AutoModerationEventType::MessageSend,
            TriggerType::Keyword,
        )
        .metadata(TriggerMetadata {
            keyword_filter: Some(keywords.into_iter().map(Into::into).collect()),
            ..TriggerMetadata::default()
        })
    }

    /// Sets the trigger parameters.
    #[must_use]
    pub fn metadata(mut self, metadata: TriggerMetadata) -> Self {
        self.trigger_metadata = Some(metadata);
        self
    }

    /// Adds an action.
    #[must_use]
    pub fn action(mut self, action: AutoModerationAction) -> Self {
        self.actions.push(action);
        self
    }

    /// Enables or disables the rule.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Exempts a role.
    #[must_use]
    pub fn exempt_role(mut self, role_id: RoleId) -> Self {
        self.exempt_roles.push(role_id);
        self
    }

    /// Exempts a channel.
    #[must_use]
    pub fn exempt_channel(mut self, channel_id: ChannelId) -> Self {
        self.exempt_channels.push(channel_id);
        self
    }
}

impl Validate for CreateAutoModerationRule {
    fn validate(&self) -> Result<(), ValidationError> {
        check::chars(&Path::ROOT.field("name"), &self.name, 1, 100)?;
        if let Some(m) = &self.trigger_metadata {
            check_metadata(m, Some(self.trigger_type))?;
        }
        check_actions(&self.actions)?;
        check_exempt(&self.exempt_roles, &self.exempt_channels)
    }
}

impl RequestBody for CreateAutoModerationRule {}

/// The body of [Modify Auto Moderation Rule](https://discord.com/developers/docs/resources/auto-moderation#modify-auto-moderation-rule)
/// (the trigger type cannot change).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyAutoModerationRule {
    /// New name (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New event type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<AutoModerationEventType>,
    /// New trigger parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger_metadata: Option<TriggerMetadata>,
    /// New actions (1-5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<AutoModerationAction>>,
    /// Enables or disables the rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// New exempt roles (max 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_roles: Option<Vec<RoleId>>,
    /// New exempt channels (max 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_channels: Option<Vec<ChannelId>>,
}

impl ModifyAutoModerationRule {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the name (1-100 characters).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Enables or disables the rule.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Replaces the trigger parameters.
    #[must_use]
    pub fn metadata(mut self, metadata: TriggerMetadata) -> Self {
        self.trigger_metadata = Some(metadata);
        self
    }

    /// Replaces the actions.
    #[must_use]
    pub fn actions(mut self, actions: Vec<AutoModerationAction>) -> Self {
        self.actions = Some(actions);
        self
    }
}

impl Validate for ModifyAutoModerationRule {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(&Path::ROOT.field("name"), self.name.as_deref(), 1, 100)?;
        if let Some(m) = &self.trigger_metadata {
            check_metadata(m, None)?;
        }
        if let Some(actions) = &self.actions {
            check_actions(actions)?;
        }
        check_exempt(
            self.exempt_roles.as_deref().unwrap_or_default(),
            self.exempt_channels.as_deref().unwrap_or_default(),
        )
    }
}

impl RequestBody for ModifyAutoModerationRule {}

/// Keyword filter, regex and allow-list limits; the allow list may hold 1000 entries for
/// keyword preset rules and 100 otherwise (1000 when the trigger type is unknown).
fn check_metadata(
    m: &TriggerMetadata,
    trigger: Option<TriggerType>,
) -> Result<(), ValidationError> {
    let path = Path::ROOT.field("trigger_metadata");
    let strings = |name: &str, list: Option<&Vec<String>>, max: usize, each: usize| {
        let Some(list) = list else { return Ok(()) };
        let p = path.field(name);
        check::count(&p, list.len(), 0, max)?;
        for (i, s) in list.iter().enumerate() {
            check::chars(&p.index(i), s, 1, each)?;
        }
        Ok(())
    };
    strings("keyword_filter", m.keyword_filter.as_ref(), 1000, 60)?;
    strings("regex_patterns", m.regex_patterns.as_ref(), 10, 260)?;
    let allow_max = match trigger {
        Some(TriggerType::Keyword | TriggerType::MemberProfile) => 100,
        _ => 1000,
    };
    strings("allow_list", m.allow_list.as_ref(), allow_max, 60)?;
    if let Some(limit) = m.mention_total_limit {
        check::range(&path.field("mention_total_limit"), i64::from(limit), 0, 50)?;
    }
    Ok(())
}

/// 1-5 actions; timeouts ≤ 4 weeks and need a duration, alerts need a channel, custom
/// messages ≤ 150 characters.
fn check_actions(actions: &[AutoModerationAction]) -> Result<(), ValidationError> {
    let path = Path::ROOT.field("actions");
    check::count(&path, actions.len(), 1, 5)?;
    for (i, action) in actions.iter().enumerate() {
        let at = path.index(i);
        let meta = at.field("metadata");
        let m = action.metadata.as_ref();
        check::opt_chars(
            &meta.field("custom_message"),
            m.and_then(|m| m.custom_message.as_deref()),
            0,
            150,
        )?;
        match action.kind {
            AutoModerationActionType::Timeout => match m.and_then(|m| m.duration_seconds) {
                Some(d) => {
                    check::range(&meta.field("duration_seconds"), i64::from(d), 0, 2_419_200)?;
                }
                None => {
                    return Err(meta
                        .field("duration_seconds")
                        .invalid("timeout actions need a duration"));
                }
            },
            AutoModerationActionType::SendAlertMessage
                if m.and_then(|m| m.channel_id).is_none() =>
            {
                return Err(meta
                    .field("channel_id")
                    .invalid("alert actions need a channel"));
            }
            _ => {}
        }
    }
    Ok(())
}

/// At most 20 distinct exempt roles and 50 distinct exempt channels.
fn check_exempt(roles: &[RoleId], channels: &[ChannelId]) -> Result<(), ValidationError> {
    let r = Path::ROOT.field("exempt_roles");
    check::count(&r, roles.len(), 0, 20)?;
    check::unique(&r, roles, ToString::to_string)?;
    let c = Path::ROOT.field("exempt_channels");
    check::count(&c, channels.len(), 0, 50)?;
    check::unique(&c, channels, ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Id;
    use crate::auto_moderation::ActionMetadata;
    use crate::request::validate::ValidationErrorKind;

    fn block() -> AutoModerationAction {
        AutoModerationAction {
            kind: AutoModerationActionType::BlockMessage,
            metadata: None,
        }
    }

    fn rule() -> CreateAutoModerationRule {
        CreateAutoModerationRule::keyword("no bad words", ["bad"]).action(block())
    }

    #[test]
    fn keyword_rule_serialises_the_spec_shape() {
        let v = serde_json::to_value(rule().enabled(true)).unwrap();
        assert_eq!(v["trigger_type"], 1);
        assert_eq!(v["event_type"], 1);
        assert_eq!(v["trigger_metadata"]["keyword_filter"][0], "bad");
        assert_eq!(v["actions"][0]["type"], 1);
        assert!(v.get("exempt_roles").is_none());
        assert!(rule().validate().is_ok());
    }

    #[test]
    fn name_limit() {
        let mut r = rule();
        r.name = "n".repeat(100);
        assert!(r.validate().is_ok());
        r.name.push('n');
        assert_eq!(r.validate().unwrap_err().path, "name");
    }

    #[test]
    fn action_count_limits() {
        let none = CreateAutoModerationRule::keyword("r", ["x"]);
        assert!(matches!(
            none.validate().unwrap_err().kind,
            ValidationErrorKind::TooFew { min: 1, actual: 0 }
        ));
        let mut five = none.clone();
        five.actions = vec![block(); 5];
        assert!(five.validate().is_ok());
        five.actions.push(block());
        assert!(matches!(
            five.validate().unwrap_err().kind,
            ValidationErrorKind::TooMany { max: 5, actual: 6 }
        ));
    }

    #[test]
    fn action_metadata_limits() {
        let with = |kind, metadata| AutoModerationAction {
            kind,
            metadata: Some(metadata),
        };
        let message = |n: usize| ActionMetadata {
            custom_message: Some("m".repeat(n)),
            ..ActionMetadata::default()
        };
        let timeout = |d| ActionMetadata {
            duration_seconds: Some(d),
            ..ActionMetadata::default()
        };
        let ok = [
            with(AutoModerationActionType::BlockMessage, message(150)),
            with(AutoModerationActionType::Timeout, timeout(2_419_200)),
        ];
        assert!(check_actions(&ok).is_ok());
        let long = [with(AutoModerationActionType::BlockMessage, message(151))];
        assert_eq!(
            check_actions(&long).unwrap_err().path,
            "actions[0].metadata.custom_message"
        );
        let too_long = [with(AutoModerationActionType::Timeout, timeout(2_419_201))];
        assert_eq!(
            check_actions(&too_long).unwrap_err().path,
            "actions[0].metadata.duration_seconds"
        );
        let no_channel = [with(
            AutoModerationActionType::SendAlertMessage,
            ActionMetadata::default(),
        )];
        assert_eq!(
            check_actions(&no_channel).unwrap_err().path,
            "actions[0].metadata.channel_id"
        );
    }

    #[test]
    fn trigger_metadata_limits() {
        let keywords = |n: usize, len: usize| TriggerMetadata {
            keyword_filter: Some(vec!["k".repeat(len); n]),
            ..TriggerMetadata::default()
        };
        let k = Some(TriggerType::Keyword);
        assert!(check_metadata(&keywords(1000, 60), k).is_ok());
        assert!(matches!(
            check_metadata(&keywords(1001, 1), k).unwrap_err().kind,
            ValidationErrorKind::TooMany { max: 1000, .. }
        ));
        assert_eq!(
            check_metadata(&keywords(1, 61), k).unwrap_err().path,
            "trigger_metadata.keyword_filter[0]"
        );
        let regexes = |n: usize| TriggerMetadata {
            regex_patterns: Some(vec!["a+".into(); n]),
            ..TriggerMetadata::default()
        };
        assert!(check_metadata(&regexes(10), k).is_ok());
        assert!(check_metadata(&regexes(11), k).is_err());
        let allow = |n: usize| TriggerMetadata {
            allow_list: Some(vec!["ok".into(); n]),
            ..TriggerMetadata::default()
        };
        assert!(check_metadata(&allow(100), k).is_ok());
        assert!(check_metadata(&allow(101), k).is_err());
        assert!(check_metadata(&allow(1000), Some(TriggerType::KeywordPreset)).is_ok());
        assert!(check_metadata(&allow(1001), Some(TriggerType::KeywordPreset)).is_err());
        let mentions = |n| TriggerMetadata {
            mention_total_limit: Some(n),
            ..TriggerMetadata::default()
        };
        assert!(check_metadata(&mentions(50), None).is_ok());
        assert!(check_metadata(&mentions(51), None).is_err());
    }

    #[test]
    fn exempt_limits() {
        fn ids<M>(n: u64) -> Vec<Id<M>> {
            (1..=n).map(Id::new).collect()
        }
        let mut r = rule();
        r.exempt_roles = ids(20);
        r.exempt_channels = ids(50);
        assert!(r.validate().is_ok());
        r.exempt_roles = ids(21);
        assert_eq!(r.validate().unwrap_err().path, "exempt_roles");
        let patch = ModifyAutoModerationRule {
            exempt_channels: Some(ids(51)),
            ..ModifyAutoModerationRule::default()
        };
        assert_eq!(patch.validate().unwrap_err().path, "exempt_channels");
        let dup = ModifyAutoModerationRule {
            exempt_roles: Some(vec![RoleId::new(1), RoleId::new(1)]),
            ..ModifyAutoModerationRule::default()
        };
        assert!(matches!(
            dup.validate().unwrap_err().kind,
            ValidationErrorKind::Duplicate { .. }
        ));
    }

    #[test]
    fn modify_serialises_only_set_fields() {
        let patch = ModifyAutoModerationRule::new().enabled(false);
        assert_eq!(
            serde_json::to_string(&patch).unwrap(),
            r#"{"enabled":false}"#
        );
        assert!(patch.validate().is_ok());
        let empty_actions = ModifyAutoModerationRule::new().actions(Vec::new());
        assert_eq!(empty_actions.validate().unwrap_err().path, "actions");
    }
}
