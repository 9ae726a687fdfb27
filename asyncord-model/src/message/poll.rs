//! Polls: question and answers, media, results and layout
//! ([docs](https://discord.com/developers/docs/resources/poll)).

use serde::{Deserialize, Serialize};

use crate::emoji::Emoji;
use crate::{Timestamp, int_enum};

int_enum! {
    /// The layout of a poll ([docs](https://discord.com/developers/docs/resources/poll#layout-type)).
    pub enum PollLayoutType: i64 {
        /// The default layout.
        Default = 1,
    }
}

/// A poll on a message ([docs](https://discord.com/developers/docs/resources/poll#poll-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Poll {
    /// The question (text only, ≤ 300 characters).
    pub question: PollMedia,
    /// The answers.
    #[serde(default)]
    pub answers: Vec<PollAnswer>,
    /// When the poll ends (`None` for non-expiring polls, which are not yet supported).
    #[serde(default)]
    pub expiry: Option<Timestamp>,
    /// Whether a user can select more than one answer.
    #[serde(default)]
    pub allow_multiselect: bool,
    /// The layout.
    #[serde(default = "default_layout")]
    pub layout_type: PollLayoutType,
    /// Vote counts (may be absent while votes are being counted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub results: Option<PollResults>,
}

fn default_layout() -> PollLayoutType {
    PollLayoutType::Default
}

/// The text and/or emoji of a question or answer ([docs](https://discord.com/developers/docs/resources/poll#poll-media-object)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PollMedia {
    /// The text (question ≤ 300, answer ≤ 55 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A partial emoji (answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<Emoji>,
}

impl PollMedia {
    /// Text-only media.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            text: Some(text.into()),
            emoji: None,
        }
    }
}

/// One answer of a poll ([docs](https://discord.com/developers/docs/resources/poll#poll-answer-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PollAnswer {
    /// The answer id (1-based; absent when creating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_id: Option<u32>,
    /// The answer's text and emoji.
    pub poll_media: PollMedia,
}

impl PollAnswer {
    /// A text answer for a create request.
    pub fn text(text: impl Into<String>) -> Self {
        Self {
            answer_id: None,
            poll_media: PollMedia::text(text),
        }
    }
}

/// Vote counts of a poll ([docs](https://discord.com/developers/docs/resources/poll#poll-results-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollResults {
    /// Whether the votes have been precisely counted.
    #[serde(default)]
    pub is_finalized: bool,
    /// Counts per answer (answers without votes are absent).
    #[serde(default)]
    pub answer_counts: Vec<PollAnswerCount>,
}

/// The vote count of one answer ([docs](https://discord.com/developers/docs/resources/poll#poll-results-object-poll-answer-count-object-structure)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PollAnswerCount {
    /// The answer id.
    pub id: u32,
    /// Number of votes.
    #[serde(default)]
    pub count: u32,
    /// Whether the current user voted for this answer.
    #[serde(default)]
    pub me_voted: bool,
}
