//! simd-json's scratch space, kept between the parses of one thread or shard: its stage buffers
//! and the tape of the last document, so that parsing a gateway event's `d` allocates nothing
//! but the event itself.
//!
//! The tape (one node per JSON value, 16 bytes each) is the largest of these: allocated per
//! document, it would cost a multi-kilobyte allocation and free for every event, and with
//! glibc's allocator a request of that size first consolidates the small chunks the previous
//! event's fields left behind.

use serde::de::DeserializeOwned;
use simd_json::{Buffers, Deserializer, Tape};

/// Documents larger than this are parsed with scratch space of their own, freed right after, so
/// that the space kept stays sized for ordinary events rather than for the largest
/// `GUILD_CREATE` ever seen.
pub const LARGE_DOCUMENT: usize = 64 << 10;

/// Reusable simd-json scratch space for parsing documents in place.
///
/// ```
/// use asyncord_model::gateway::ParseBuffers;
/// use asyncord_model::gateway::TypingStartEvent;
///
/// let mut buffers = ParseBuffers::new();
/// let mut d = br#"{"channel_id":"41771983423143937","user_id":"80351110224678912","timestamp":1700000000}"#.to_vec();
/// let typing: TypingStartEvent = buffers.parse(&mut d).unwrap();
/// assert_eq!(typing.timestamp, 1_700_000_000);
/// ```
pub struct ParseBuffers {
    buffers: Buffers,
    /// Empty between parses (so it borrows nothing); `None` only if a parse panicked.
    tape: Option<Tape<'static>>,
}

impl ParseBuffers {
    /// Empty scratch space; it grows to the largest ordinary document parsed.
    #[must_use]
    pub fn new() -> Self {
        Self {
            buffers: Buffers::default(),
            tape: Some(Tape(Vec::new())),
        }
    }

    /// Parses `data` as a `T`, in place: `data` is rewritten (strings are unescaped into it) and
    /// must not be read as JSON again.
    ///
    /// # Errors
    /// simd-json's error when `data` is not valid JSON or not a `T`.
    pub fn parse<T: DeserializeOwned>(&mut self, data: &mut [u8]) -> Result<T, simd_json::Error> {
        if data.len() > LARGE_DOCUMENT {
            let mut deserializer = Deserializer::from_slice(data)?;
            return read(&mut deserializer);
        }
        let mut tape: Tape<'_> = self.tape.take().unwrap_or_else(|| Tape(Vec::new())).reset();
        let filled = simd_json::fill_tape(data, &mut self.buffers, &mut tape);
        let (result, tape) = match filled {
            Ok(()) => {
                let mut deserializer = Deserializer::from_tape(tape);
                let result = read(&mut deserializer);
                (result, deserializer.into_tape())
            }
            Err(e) => (Err(e), tape),
        };
        self.tape = Some(tape.reset());
        result
    }
}

/// Reads a `T` from a filled tape, lenient collections strictly first
/// ([`strict_first`](crate::lenient::strict_first)).
fn read<T: DeserializeOwned>(deserializer: &mut Deserializer<'_>) -> Result<T, simd_json::Error> {
    crate::lenient::strict_first(|| {
        deserializer.restart();
        T::deserialize(&mut *deserializer)
    })
}

impl Default for ParseBuffers {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for ParseBuffers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParseBuffers")
            .field(
                "tape_capacity",
                &self.tape.as_ref().map_or(0, |t| t.0.capacity()),
            )
            .finish_non_exhaustive()
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
    fn reuses_its_tape_across_documents_and_errors() {
        let mut buffers = ParseBuffers::new();
        let mut a = br#"{"name":"a\nb","n":1}"#.to_vec();
        let doc: Doc = buffers.parse(&mut a).unwrap();
        assert_eq!(
            doc,
            Doc {
                name: "a\nb".into(),
                n: 1
            }
        );
        let capacity = buffers.tape.as_ref().unwrap().0.capacity();
        assert!(capacity > 0);

        // Invalid JSON, then JSON of the wrong shape: errors, and the tape is kept.
        let mut bad = br#"{"name":"#.to_vec();
        assert!(buffers.parse::<Doc>(&mut bad).is_err());
        let mut wrong = br#"{"name":1,"n":"x"}"#.to_vec();
        assert!(buffers.parse::<Doc>(&mut wrong).is_err());
        assert!(buffers.tape.as_ref().unwrap().0.capacity() >= capacity);

        let mut c = br#"{"n":3,"name":"c"}"#.to_vec();
        let doc: Doc = buffers.parse(&mut c).unwrap();
        assert_eq!(doc.n, 3);
        assert_eq!(buffers.tape.as_ref().unwrap().0.len(), 0);
    }

    #[test]
    fn a_large_document_does_not_grow_the_kept_tape() {
        let mut buffers = ParseBuffers::new();
        let names: Vec<String> = (0..20_000).map(|i| format!("\"n{i}\"")).collect();
        let mut big = format!("[{}]", names.join(",")).into_bytes();
        assert!(big.len() > LARGE_DOCUMENT);
        let parsed: Vec<String> = buffers.parse(&mut big).unwrap();
        assert_eq!(parsed.len(), 20_000);
        assert_eq!(buffers.tape.as_ref().unwrap().0.capacity(), 0);
    }
}
