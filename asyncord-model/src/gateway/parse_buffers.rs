//! The JSON reader's scratch space, kept between the parses of one thread or shard, so that
//! parsing a gateway event's `d` allocates nothing but the event itself.

use serde::de::DeserializeOwned;

use crate::json;

/// Scratch space grown past this by one document (a `GUILD_CREATE` with long escaped strings)
/// is freed after it, so that the space kept stays sized for ordinary events.
pub const LARGE_DOCUMENT: usize = 64 << 10;

/// Reusable scratch space for parsing documents with the model's [JSON reader](crate::json).
///
/// ```
/// use asyncord_model::gateway::ParseBuffers;
/// use asyncord_model::gateway::TypingStartEvent;
///
/// let mut buffers = ParseBuffers::new();
/// let d = br#"{"channel_id":"41771983423143937","user_id":"80351110224678912","timestamp":1700000000}"#;
/// let typing: TypingStartEvent = buffers.parse(d).unwrap();
/// assert_eq!(typing.timestamp, 1_700_000_000);
/// ```
#[derive(Default)]
pub struct ParseBuffers {
    /// Where strings with escapes are unescaped.
    scratch: String,
}

impl ParseBuffers {
    /// Empty scratch space; it grows to the longest escaped string of an ordinary document.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `data` as a `T`.
    ///
    /// # Errors
    /// The reader's error when `data` is not valid JSON or not a `T`.
    pub fn parse<T: DeserializeOwned>(&mut self, data: &[u8]) -> Result<T, json::Error> {
        self.parse_into(data, |value| value)
    }

    /// Parses `data` as a `T` and hands it to `place` as soon as it is read, for example
    /// `Arc::new` or an enum's variant: a large event is then moved once, into its place,
    /// rather than through the return of every step of the parse first.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use asyncord_model::gateway::{ParseBuffers, TypingStartEvent};
    ///
    /// let mut buffers = ParseBuffers::new();
    /// let d = br#"{"channel_id":"41771983423143937","user_id":"80351110224678912","timestamp":1700000000}"#;
    /// let typing: Arc<TypingStartEvent> = buffers.parse_into(d, Arc::new).unwrap();
    /// assert_eq!(typing.timestamp, 1_700_000_000);
    /// ```
    ///
    /// # Errors
    /// As [`parse`](Self::parse).
    pub fn parse_into<T: DeserializeOwned, U>(
        &mut self,
        data: &[u8],
        place: impl FnOnce(T) -> U,
    ) -> Result<U, json::Error> {
        let result = json::read_into(data, &mut self.scratch, place);
        if self.scratch.capacity() > LARGE_DOCUMENT {
            self.scratch = String::new();
        }
        result
    }
}

impl std::fmt::Debug for ParseBuffers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParseBuffers")
            .field("scratch_capacity", &self.scratch.capacity())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Doc {
        name: String,
        n: u64,
    }

    #[test]
    fn reuses_its_scratch_across_documents_and_errors() {
        let mut buffers = ParseBuffers::new();
        let doc: Doc = buffers.parse(br#"{"name":"a\nb","n":1}"#).unwrap();
        let name = "a\nb".to_owned();
        assert_eq!(doc, Doc { name, n: 1 });
        let capacity = buffers.scratch.capacity();
        assert!(capacity > 0);

        // Invalid JSON, then JSON of the wrong shape: errors, and the scratch space is kept.
        assert!(buffers.parse::<Doc>(br#"{"name":"#).is_err());
        assert!(buffers.parse::<Doc>(br#"{"name":1,"n":"x"}"#).is_err());
        assert!(buffers.scratch.capacity() >= capacity);

        let doc: Doc = buffers.parse(br#"{"n":3,"name":"c"}"#).unwrap();
        assert_eq!(doc.n, 3);
    }

    #[test]
    fn a_large_document_does_not_grow_the_kept_scratch() {
        let mut buffers = ParseBuffers::new();
        let long = "\\n".repeat(LARGE_DOCUMENT + 1);
        let big = format!("[\"{long}\"]").into_bytes();
        let parsed: Vec<String> = buffers.parse(&big).unwrap();
        assert_eq!(parsed[0].len(), LARGE_DOCUMENT + 1);
        assert_eq!(buffers.scratch.capacity(), 0);
    }
}
