//! Guild onboarding: prompts and their options, and the onboarding mode.
//!
//! Discord docs: [Guild onboarding](https://discord.com/developers/docs/resources/guild#guild-onboarding-object).

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::emoji::Emoji;
use crate::{
    ChannelId, EmojiId, GuildId, OnboardingPromptId, OnboardingPromptOptionId, RoleId, int_enum,
};

/// The onboarding flow of a guild.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Onboarding {
    /// The guild id.
    pub guild_id: GuildId,
    /// The prompts shown during onboarding and in customise community.
    #[serde(default, deserialize_with = "null_as_default")]
    pub prompts: Vec<OnboardingPrompt>,
    /// Channels members get opted into automatically.
    #[serde(default, deserialize_with = "null_as_default")]
    pub default_channel_ids: Vec<ChannelId>,
    /// Whether onboarding is enabled.
    #[serde(default, deserialize_with = "null_as_default")]
    pub enabled: bool,
    /// The criteria that make onboarding count as configured.
    #[serde(default)]
    pub mode: OnboardingMode,
}

/// A question in onboarding
/// ([docs](https://discord.com/developers/docs/resources/guild#guild-onboarding-object-onboarding-prompt-structure)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnboardingPrompt {
    /// The prompt id.
    pub id: OnboardingPromptId,
    /// Multiple choice or dropdown.
    #[serde(rename = "type")]
    pub kind: OnboardingPromptType,
    /// The answers.
    #[serde(default, deserialize_with = "null_as_default")]
    pub options: Vec<OnboardingPromptOption>,
    /// The question.
    pub title: String,
    /// Whether only one option can be picked.
    #[serde(default, deserialize_with = "null_as_default")]
    pub single_select: bool,
    /// Whether the prompt must be answered.
    #[serde(default, deserialize_with = "null_as_default")]
    pub required: bool,
    /// Whether the prompt is in the onboarding flow (else only in "Channels & Roles").
    #[serde(default, deserialize_with = "null_as_default")]
    pub in_onboarding: bool,
}

/// An answer to an onboarding prompt
/// ([docs](https://discord.com/developers/docs/resources/guild#guild-onboarding-object-prompt-option-structure)).
///
/// Discord sends `emoji`; request bodies use `emoji_id`/`emoji_name`/`emoji_animated` instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnboardingPromptOption {
    /// The option id.
    pub id: OnboardingPromptOptionId,
    /// Channels a member is added to when picking this option.
    #[serde(default, deserialize_with = "null_as_default")]
    pub channel_ids: Vec<ChannelId>,
    /// Roles a member gets when picking this option.
    #[serde(default, deserialize_with = "null_as_default")]
    pub role_ids: Vec<RoleId>,
    /// The option's emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<Emoji>,
    /// The emoji id (request bodies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji_id: Option<EmojiId>,
    /// The emoji name (request bodies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji_name: Option<String>,
    /// Whether the emoji is animated (request bodies).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji_animated: Option<bool>,
    /// The option title.
    pub title: String,
    /// The option description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

int_enum! {
    /// The kind of an onboarding prompt
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-onboarding-object-prompt-types)).
    pub enum OnboardingPromptType: i64 {
        /// Multiple choice.
        MultipleChoice = 0,
        /// Dropdown.
        Dropdown = 1,
    }
}

int_enum! {
    /// What counts towards onboarding's constraints
    /// ([docs](https://discord.com/developers/docs/resources/guild#guild-onboarding-object-onboarding-mode)).
    pub enum OnboardingMode: i64 {
        /// Only default channels count.
        Default = 0,
        /// Default channels and questions count.
        Advanced = 1,
    }
}

#[allow(clippy::derivable_impls)]
impl Default for OnboardingMode {
    fn default() -> Self {
        Self::Default
    }
}
