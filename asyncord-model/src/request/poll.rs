//! The poll attached to a new message.
//! <https://discord.com/developers/docs/resources/poll#poll-create-request-object>

use serde::{Deserialize, Serialize};

use super::validate::{Path, Validate, ValidationError, check};
use crate::message::{PollAnswer, PollLayoutType, PollMedia};

/// A poll to attach to a new message ([docs](https://discord.com/developers/docs/resources/poll#poll-create-request-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreatePoll {
    /// The question (text only, ≤ 300 characters).
    pub question: PollMedia,
    /// The answers (1-10; text ≤ 55 characters).
    pub answers: Vec<PollAnswer>,
    /// Hours the poll stays open (1-768, default 24).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// Whether several answers can be chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_multiselect: Option<bool>,
    /// The layout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout_type: Option<PollLayoutType>,
}

impl CreatePoll {
    /// A poll with a question and text answers.
    pub fn new(
        question: impl Into<String>,
        answers: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self {
            question: PollMedia::text(question),
            answers: answers.into_iter().map(PollAnswer::text).collect(),
            duration: None,
            allow_multiselect: None,
            layout_type: None,
        }
    }

    /// Sets the duration in hours.
    pub fn duration_hours(mut self, hours: u32) -> Self {
        self.duration = Some(hours);
        self
    }

    /// Allows choosing several answers.
    pub fn multiselect(mut self, allow: bool) -> Self {
        self.allow_multiselect = Some(allow);
        self
    }

    pub(crate) fn validate_at(&self, path: &Path<'_>) -> Result<(), ValidationError> {
        check::opt_chars(
            &path.field("question").field("text"),
            self.question.text.as_deref(),
            1,
            300,
        )?;
        let ap = path.field("answers");
        check::count(&ap, self.answers.len(), 1, 10)?;
        for (i, a) in self.answers.iter().enumerate() {
            check::opt_chars(
                &ap.index(i).field("poll_media").field("text"),
                a.poll_media.text.as_deref(),
                1,
                55,
            )?;
        }
        if let Some(d) = self.duration {
            check::range(&path.field("duration"), i64::from(d), 1, 768)?;
        }
        Ok(())
    }
}

impl Validate for CreatePoll {
    fn validate(&self) -> Result<(), ValidationError> {
        self.validate_at(&Path::ROOT)
    }
}
