//! What went wrong in a JSON document, and where.

use std::fmt;

/// A JSON document that is not valid JSON ([RFC 8259](https://www.rfc-editor.org/rfc/rfc8259)),
/// or valid JSON that does not fit the type it was read as.
///
/// The message is serde's for a value of the wrong shape (`missing field \`id\``, `invalid type:
/// integer, expected a string`...) and the reader's own for invalid JSON; the offset is the byte
/// of the document where reading stopped.
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Detail>);

#[derive(Clone, PartialEq, Eq)]
struct Detail {
    message: String,
    offset: Option<usize>,
    syntax: bool,
}

impl Error {
    /// Invalid JSON at byte `offset`.
    pub(crate) fn syntax(message: &str, offset: usize) -> Self {
        Self(Box::new(Detail {
            message: message.to_owned(),
            offset: Some(offset),
            syntax: true,
        }))
    }

    /// Gives an error raised by a value's reader the offset it was raised at, if it has none.
    #[cold]
    pub(crate) fn at(mut self, offset: usize) -> Self {
        self.locate(offset);
        self
    }

    /// [`Error::at`], in place.
    #[cold]
    pub(crate) fn locate(&mut self, offset: usize) {
        self.0.offset.get_or_insert(offset);
    }

    /// What went wrong, without the offset.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The byte of the document where reading stopped.
    pub fn offset(&self) -> Option<usize> {
        self.0.offset
    }

    /// The JSON path (like `.member.user.id` or `.embeds[2]`) of the value where reading `json`,
    /// the document this error came from, stopped; for a missing field, the object that lacks it.
    /// `None` when the error has no offset.
    ///
    /// ```
    /// use asyncord_model::gateway::TypingStartEvent;
    ///
    /// let d = br#"{"channel_id":"41771983423143937","user_id":true,"timestamp":1700000000}"#;
    /// let error = asyncord_model::json::from_slice::<TypingStartEvent>(d).unwrap_err();
    /// assert_eq!(error.path_in(d).as_deref(), Some(".user_id"));
    /// ```
    pub fn path_in(&self, json: &[u8]) -> Option<String> {
        let offset = self.0.offset?;
        let object_level = !self.0.syntax && self.0.message.starts_with("missing field");
        // `offset` is the next byte to read; the path counts the byte looked at last, as read.
        Some(super::path_at(json, offset + 1, object_level))
    }

    /// Whether the document is not valid JSON (rather than JSON of the wrong shape).
    pub fn is_syntax(&self) -> bool {
        self.0.syntax
    }
}

impl serde::de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Self(Box::new(Detail {
            message: message.to_string(),
            offset: None,
            syntax: false,
        }))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.offset {
            Some(offset) => write!(f, "{} at byte {offset}", self.0.message),
            None => f.write_str(&self.0.message),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("message", &self.0.message)
            .field("offset", &self.0.offset)
            .finish()
    }
}

impl std::error::Error for Error {}
