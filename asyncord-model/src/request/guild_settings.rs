//! Bodies of the guild settings routes: widget, onboarding, welcome screen, incident actions
//! and join request review.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-widget>,
//! <https://discord.com/developers/docs/resources/guild#modify-guild-onboarding>,
//! <https://discord.com/developers/docs/resources/guild#modify-guild-welcome-screen>,
//! <https://discord.com/developers/docs/resources/guild#modify-guild-incident-actions>.

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::{Path, Validate, ValidationError, check};
use crate::guild::{OnboardingMode, OnboardingPrompt, WelcomeScreenChannel};
use crate::timestamp::Timestamp;
use crate::{Snowflake, str_enum};

/// The body of [Modify Guild Widget](https://discord.com/developers/docs/resources/guild#modify-guild-widget).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyGuildWidget {
    /// Whether the widget is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The widget's invite channel (`Some(None)` removes it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub channel_id: Option<Option<Snowflake>>,
}

impl ModifyGuildWidget {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Enables or disables the widget.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Sets (`Some`) or removes (`None`) the invite channel.
    #[must_use]
    pub fn channel(mut self, channel_id: Option<Snowflake>) -> Self {
        self.channel_id = Some(channel_id);
        self
    }
}

impl Validate for ModifyGuildWidget {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for ModifyGuildWidget {}

/// The body of [Modify Guild Onboarding](https://discord.com/developers/docs/resources/guild#modify-guild-onboarding)
/// (a `PUT`: the prompts sent replace the guild's).
///
/// Prompt option emojis go in `emoji_id`/`emoji_name`/`emoji_animated`, not `emoji`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyOnboarding {
    /// The prompts (max 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompts: Option<Vec<OnboardingPrompt>>,
    /// Channels members are opted into automatically (max 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_channel_ids: Option<Vec<Snowflake>>,
    /// Whether onboarding is enabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// What counts as configured onboarding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<OnboardingMode>,
}

impl ModifyOnboarding {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Enables or disables onboarding.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(enabled);
        self
    }

    /// Replaces the prompts.
    #[must_use]
    pub fn prompts(mut self, prompts: Vec<OnboardingPrompt>) -> Self {
        self.prompts = Some(prompts);
        self
    }

    /// Replaces the default channels.
    #[must_use]
    pub fn default_channels(mut self, channel_ids: Vec<Snowflake>) -> Self {
        self.default_channel_ids = Some(channel_ids);
        self
    }

    /// Sets the mode.
    #[must_use]
    pub fn mode(mut self, mode: OnboardingMode) -> Self {
        self.mode = Some(mode);
        self
    }
}

impl Validate for ModifyOnboarding {
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(prompts) = &self.prompts {
            let path = Path::ROOT.field("prompts");
            check::count(&path, prompts.len(), 0, 15)?;
            for (i, prompt) in prompts.iter().enumerate() {
                check_prompt(&path.index(i), prompt)?;
            }
        }
        if let Some(ids) = &self.default_channel_ids {
            let path = Path::ROOT.field("default_channel_ids");
            check::count(&path, ids.len(), 0, 500)?;
            check::unique(&path, ids, ToString::to_string)?;
        }
        Ok(())
    }
}

impl RequestBody for ModifyOnboarding {}

/// A prompt: title 1-100 characters, 1-50 options; an option: title 1-50, description ≤ 100,
/// ≤ 50 roles and ≤ 50 channels.
fn check_prompt(path: &Path<'_>, prompt: &OnboardingPrompt) -> Result<(), ValidationError> {
    check::chars(&path.field("title"), &prompt.title, 1, 100)?;
    let options = path.field("options");
    check::count(&options, prompt.options.len(), 1, 50)?;
    for (i, option) in prompt.options.iter().enumerate() {
        let at = options.index(i);
        check::chars(&at.field("title"), &option.title, 1, 50)?;
        check::opt_chars(
            &at.field("description"),
            option.description.as_deref(),
            0,
            100,
        )?;
        check::count(&at.field("role_ids"), option.role_ids.len(), 0, 50)?;
        check::count(&at.field("channel_ids"), option.channel_ids.len(), 0, 50)?;
    }
    Ok(())
}

/// The body of [Modify Guild Welcome Screen](https://discord.com/developers/docs/resources/guild#modify-guild-welcome-screen).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyWelcomeScreen {
    /// Whether the welcome screen is enabled.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub enabled: Option<Option<bool>>,
    /// Suggested channels (max 5; `Some(None)` clears them).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub welcome_channels: Option<Option<Vec<WelcomeScreenChannel>>>,
    /// The server description shown (max 140 characters; `Some(None)` clears it).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub description: Option<Option<String>>,
}

impl ModifyWelcomeScreen {
    /// An empty patch.
    pub fn new() -> Self {
        Self::default()
    }

    /// Enables or disables the welcome screen.
    #[must_use]
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.enabled = Some(Some(enabled));
        self
    }

    /// Sets (`Some`) or clears (`None`) the description.
    #[must_use]
    pub fn description(mut self, description: Option<String>) -> Self {
        self.description = Some(description);
        self
    }

    /// Replaces the suggested channels.
    #[must_use]
    pub fn channels(mut self, channels: Vec<WelcomeScreenChannel>) -> Self {
        self.welcome_channels = Some(Some(channels));
        self
    }
}

impl Validate for ModifyWelcomeScreen {
    fn validate(&self) -> Result<(), ValidationError> {
        check::opt_chars(
            &Path::ROOT.field("description"),
            self.description.as_ref().and_then(Option::as_deref),
            0,
            140,
        )?;
        if let Some(Some(channels)) = &self.welcome_channels {
            let path = Path::ROOT.field("welcome_channels");
            check::count(&path, channels.len(), 0, 5)?;
            for (i, channel) in channels.iter().enumerate() {
                check::chars(
                    &path.index(i).field("description"),
                    &channel.description,
                    1,
                    50,
                )?;
            }
        }
        Ok(())
    }
}

impl RequestBody for ModifyWelcomeScreen {}

/// The body of [Modify Guild Incident Actions](https://discord.com/developers/docs/resources/guild#modify-guild-incident-actions)
/// (a `PUT`): each time is at most 24 hours ahead; `Some(None)` ends the action now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyIncidentActions {
    /// Invites are disabled until then.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub invites_disabled_until: Option<Option<Timestamp>>,
    /// Direct messages between members are disabled until then.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::common::nullable"
    )]
    pub dms_disabled_until: Option<Option<Timestamp>>,
}

impl ModifyIncidentActions {
    /// An empty body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Disables invites until `until` (`None` re-enables them).
    #[must_use]
    pub fn invites_disabled_until(mut self, until: Option<Timestamp>) -> Self {
        self.invites_disabled_until = Some(until);
        self
    }

    /// Disables DMs until `until` (`None` re-enables them).
    #[must_use]
    pub fn dms_disabled_until(mut self, until: Option<Timestamp>) -> Self {
        self.dms_disabled_until = Some(until);
        self
    }
}

impl Validate for ModifyIncidentActions {
    fn validate(&self) -> Result<(), ValidationError> {
        let latest = Timestamp::now() + std::time::Duration::from_secs(24 * 3600);
        for (name, value) in [
            ("invites_disabled_until", self.invites_disabled_until),
            ("dms_disabled_until", self.dms_disabled_until),
        ] {
            if value.flatten().is_some_and(|t| t > latest) {
                return Err(Path::ROOT
                    .field(name)
                    .invalid("at most 24 hours in the future"));
            }
        }
        Ok(())
    }
}

impl RequestBody for ModifyIncidentActions {}

str_enum! {
    /// The decision on a membership join request.
    pub enum JoinRequestAction {
        /// Let the applicant in.
        Approved = "APPROVED",
        /// Turn the applicant away.
        Rejected = "REJECTED",
    }
}

/// The body of Action Guild Join Request (`PATCH /guilds/{id}/requests/{request_id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionJoinRequest {
    /// Approve or reject.
    pub action: JoinRequestAction,
    /// Why it was rejected (rejections only; max 160 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
}

impl ActionJoinRequest {
    /// Approves the request.
    pub fn approve() -> Self {
        Self {
            action: JoinRequestAction::Approved,
            rejection_reason: None,
        }
    }

    /// Rejects the request, optionally saying why (max 160 characters).
    pub fn reject(reason: Option<String>) -> Self {
        Self {
            action: JoinRequestAction::Rejected,
            rejection_reason: reason,
        }
    }
}

impl Validate for ActionJoinRequest {
    fn validate(&self) -> Result<(), ValidationError> {
        let path = Path::ROOT.field("rejection_reason");
        if self.rejection_reason.is_some() && self.action != JoinRequestAction::Rejected {
            return Err(path.invalid("only rejections carry a reason"));
        }
        check::opt_chars(&path, self.rejection_reason.as_deref(), 0, 160)
    }
}

impl RequestBody for ActionJoinRequest {}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::guild::{OnboardingPromptOption, OnboardingPromptType};
    use crate::request::ValidationErrorKind;

    fn option(title: &str) -> OnboardingPromptOption {
        OnboardingPromptOption {
            id: Snowflake::new(2),
            channel_ids: Vec::new(),
            role_ids: Vec::new(),
            emoji: None,
            emoji_id: None,
            emoji_name: None,
            emoji_animated: None,
            title: title.to_owned(),
            description: None,
        }
    }

    fn prompt(title: &str, options: usize) -> OnboardingPrompt {
        OnboardingPrompt {
            id: Snowflake::new(1),
            kind: OnboardingPromptType::MultipleChoice,
            options: vec![option("o"); options],
            title: title.to_owned(),
            single_select: false,
            required: false,
            in_onboarding: true,
        }
    }

    #[test]
    fn widget_serialises_null_channel() {
        let w = ModifyGuildWidget::new().enabled(true).channel(None);
        assert_eq!(
            serde_json::to_string(&w).unwrap(),
            r#"{"enabled":true,"channel_id":null}"#
        );
        assert!(w.validate().is_ok());
    }

    #[test]
    fn onboarding_prompt_count_limit() {
        let ok = ModifyOnboarding::new().prompts(vec![prompt("p", 1); 15]);
        assert!(ok.validate().is_ok());
        let err = ModifyOnboarding::new()
            .prompts(vec![prompt("p", 1); 16])
            .validate()
            .unwrap_err();
        assert!(matches!(
            err.kind,
            ValidationErrorKind::TooMany {
                max: 15,
                actual: 16
            }
        ));
    }

    #[test]
    fn onboarding_prompt_and_option_limits() {
        let at = |p| ModifyOnboarding::new().prompts(vec![p]).validate();
        assert!(at(prompt(&"t".repeat(100), 50)).is_ok());
        assert_eq!(
            at(prompt(&"t".repeat(101), 1)).unwrap_err().path,
            "prompts[0].title"
        );
        assert_eq!(at(prompt("t", 51)).unwrap_err().path, "prompts[0].options");
        assert_eq!(at(prompt("t", 0)).unwrap_err().path, "prompts[0].options");
        let mut long = prompt("t", 1);
        long.options[0].title = "o".repeat(51);
        assert_eq!(at(long).unwrap_err().path, "prompts[0].options[0].title");
        let mut desc = prompt("t", 1);
        desc.options[0].description = Some("d".repeat(100));
        assert!(at(desc.clone()).is_ok());
        desc.options[0].description = Some("d".repeat(101));
        assert_eq!(
            at(desc).unwrap_err().path,
            "prompts[0].options[0].description"
        );
    }

    #[test]
    fn onboarding_default_channels_limit() {
        let ids = |n: u64| (1..=n).map(Snowflake::new).collect::<Vec<_>>();
        assert!(
            ModifyOnboarding::new()
                .default_channels(ids(500))
                .validate()
                .is_ok()
        );
        let err = ModifyOnboarding::new()
            .default_channels(ids(501))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "default_channel_ids");
    }

    #[test]
    fn welcome_screen_limits() {
        let channel = |d: usize| WelcomeScreenChannel {
            channel_id: Snowflake::new(3),
            description: "d".repeat(d),
            emoji_id: None,
            emoji_name: None,
        };
        assert!(
            ModifyWelcomeScreen::new()
                .description(Some("x".repeat(140)))
                .channels(vec![channel(50); 5])
                .validate()
                .is_ok()
        );
        let err = ModifyWelcomeScreen::new()
            .description(Some("x".repeat(141)))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "description");
        let err = ModifyWelcomeScreen::new()
            .channels(vec![channel(1); 6])
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "welcome_channels");
        let err = ModifyWelcomeScreen::new()
            .channels(vec![channel(51)])
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "welcome_channels[0].description");
        assert_eq!(
            serde_json::to_string(&ModifyWelcomeScreen::new().description(None)).unwrap(),
            r#"{"description":null}"#
        );
    }

    #[test]
    fn incident_actions_at_most_a_day_ahead() {
        let now = Timestamp::now();
        let ok = ModifyIncidentActions::new()
            .invites_disabled_until(Some(now + Duration::from_secs(23 * 3600)))
            .dms_disabled_until(None);
        assert!(ok.validate().is_ok());
        assert_eq!(
            serde_json::to_value(&ok).unwrap()["dms_disabled_until"],
            serde_json::Value::Null
        );
        let late = ModifyIncidentActions::new()
            .dms_disabled_until(Some(now + Duration::from_secs(25 * 3600)));
        assert_eq!(late.validate().unwrap_err().path, "dms_disabled_until");
    }

    #[test]
    fn join_request_reason_limit() {
        assert_eq!(
            serde_json::to_string(&ActionJoinRequest::approve()).unwrap(),
            r#"{"action":"APPROVED"}"#
        );
        assert!(
            ActionJoinRequest::reject(Some("r".repeat(160)))
                .validate()
                .is_ok()
        );
        let err = ActionJoinRequest::reject(Some("r".repeat(161)))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "rejection_reason");
        let mut approve = ActionJoinRequest::approve();
        approve.rejection_reason = Some("no".into());
        assert!(approve.validate().is_err());
    }
}
