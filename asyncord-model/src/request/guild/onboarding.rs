//! The body of Modify Guild Onboarding.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-onboarding>

use serde::{Deserialize, Serialize};

use crate::ChannelId;
use crate::guild::{OnboardingMode, OnboardingPrompt};
use crate::request::files::RequestBody;
use crate::request::validate::{Path, Validate, ValidationError, check};

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
    pub default_channel_ids: Option<Vec<ChannelId>>,
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
    pub fn default_channels(mut self, channel_ids: Vec<ChannelId>) -> Self {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guild::{OnboardingPromptOption, OnboardingPromptType};
    use crate::request::validate::ValidationErrorKind;
    use crate::{OnboardingPromptId, OnboardingPromptOptionId};

    fn option(title: &str) -> OnboardingPromptOption {
        OnboardingPromptOption {
            id: OnboardingPromptOptionId::new(2),
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
            id: OnboardingPromptId::new(1),
            kind: OnboardingPromptType::MultipleChoice,
            options: vec![option("o"); options],
            title: title.to_owned(),
            single_select: false,
            required: false,
            in_onboarding: true,
        }
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
        let ids = |n: u64| (1..=n).map(ChannelId::new).collect::<Vec<_>>();
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
}
