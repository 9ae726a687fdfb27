//! The model's JSON reader: one pass over a document, each value read straight into the type
//! that asks for it, strings without escapes borrowed from the document.
//!
//! Gateway events ([Gateway events](https://discord.com/developers/docs/events/gateway-events))
//! are read with it ([`ParseBuffers`](crate::gateway::ParseBuffers),
//! [`Event::from_slice`](crate::gateway::Event::from_slice)). It reads JSON as
//! [RFC 8259](https://www.rfc-editor.org/rfc/rfc8259) defines it and refuses anything else with
//! an [`Error`] that says what and where: invalid UTF-8, control characters or bad escapes in
//! strings, unpaired surrogates, numbers out of range, trailing characters, objects and arrays
//! nested more than 128 deep. Values the type does not ask for are checked and skipped, not
//! built. Lenient collections are read strictly first ([`lenient`](crate::lenient)).

mod access;
mod deserializer;
mod error;
mod path;
mod reader;

use serde::de::Deserialize;

pub use error::Error;
pub(crate) use path::path_at;
use reader::Reader;

/// Reads `json` as a `T`; `T` may borrow strings without escapes from `json`.
///
/// ```
/// use asyncord_model::gateway::TypingStartEvent;
///
/// let d = br#"{"channel_id":"41771983423143937","user_id":"80351110224678912","timestamp":1700000000}"#;
/// let typing: TypingStartEvent = asyncord_model::json::from_slice(d).unwrap();
/// assert_eq!(typing.timestamp, 1_700_000_000);
/// ```
///
/// # Errors
/// When `json` is not valid JSON or not a `T`.
pub fn from_slice<'de, T: Deserialize<'de>>(json: &'de [u8]) -> Result<T, Error> {
    let mut scratch = String::new();
    read(json, &mut scratch)
}

/// Reads `json` as a `T` (see [`from_slice`]).
///
/// # Errors
/// When `json` is not valid JSON or not a `T`.
pub fn from_str<'de, T: Deserialize<'de>>(json: &'de str) -> Result<T, Error> {
    let mut scratch = String::new();
    read_text(json, &mut scratch, |value| value)
}

/// Reads `json` as a `T`, unescaping strings in `scratch` (kept between documents).
pub(crate) fn read<'de, T: Deserialize<'de>>(
    json: &'de [u8],
    scratch: &mut String,
) -> Result<T, Error> {
    read_into(json, scratch, |value| value)
}

/// Reads `json` as a `T` and hands it to `place` where it was read (see
/// [`ParseBuffers::parse_into`](crate::gateway::ParseBuffers::parse_into)).
pub(crate) fn read_into<'de, T: Deserialize<'de>, U>(
    json: &'de [u8],
    scratch: &mut String,
    place: impl FnOnce(T) -> U,
) -> Result<U, Error> {
    // simdutf8 checks a document several times faster than the standard library, which then
    // says where an invalid one goes wrong.
    let Ok(text) = simdutf8::basic::from_utf8(json) else {
        let valid = std::str::from_utf8(json).map_or_else(|e| e.valid_up_to(), str::len);
        return Err(Error::syntax("invalid UTF-8", valid));
    };
    read_text(text, scratch, place)
}

fn read_text<'de, T: Deserialize<'de>, U>(
    text: &'de str,
    scratch: &mut String,
    place: impl FnOnce(T) -> U,
) -> Result<U, Error> {
    let mut reader = Reader::new(text, std::mem::take(scratch));
    let result = crate::lenient::strict_first(|| {
        reader.restart();
        // Checked in place rather than unwrapped and wrapped again: an event is up to a
        // kilobyte, and each move of it is a copy.
        let mut result = T::deserialize(&mut reader);
        match &mut result {
            Ok(_) => {
                if let Err(e) = reader.end() {
                    result = Err(e);
                }
            }
            Err(e) => e.locate(reader.pos),
        }
        result
    });
    *scratch = reader.scratch;
    result.map(place)
}

#[cfg(test)]
mod tests;
