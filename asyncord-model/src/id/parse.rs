//! Reading an id from its decimal text, the form Discord sends: `FromStr` and the digit loop
//! the JSON deserialiser shares.

use std::fmt;
use std::str::FromStr;

use super::Id;

/// Why a text is not an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseIdErrorKind {
    /// The text is empty.
    Empty,
    /// The text holds something other than the digits `0`–`9` (a sign, a space, a letter).
    InvalidDigit,
    /// The number does not fit in 64 bits (it is above 18446744073709551615).
    Overflow,
}

impl ParseIdErrorKind {
    /// The reason, as the error messages give it.
    const fn reason(self) -> &'static str {
        match self {
            Self::Empty => "it is empty",
            Self::InvalidDigit => "it holds a character other than the digits 0-9",
            Self::Overflow => "it is above 18446744073709551615, the largest 64-bit id",
        }
    }
}

impl fmt::Display for ParseIdErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.reason())
    }
}

/// The error returned when a text is not a Discord id (an unsigned 64-bit decimal number).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a Discord id: {kind}")]
pub struct ParseIdError {
    text: String,
    kind: ParseIdErrorKind,
}

impl ParseIdError {
    /// Why the text is not an id.
    pub fn kind(&self) -> ParseIdErrorKind {
        self.kind
    }

    /// The text that was refused (its first 40 bytes when it is longer).
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// The largest number of digits a `u64` has.
const MAX_DIGITS: usize = 20;

/// The value of `digits`, a non-empty run of ASCII digits (leading zeros allowed) at most
/// `u64::MAX`. Never allocates.
#[inline]
pub(super) fn parse_digits(digits: &[u8]) -> Result<u64, ParseIdErrorKind> {
    if digits.is_empty() {
        return Err(ParseIdErrorKind::Empty);
    }
    if digits.len() < MAX_DIGITS {
        // 19 digits are at most 9_999_999_999_999_999_999 < u64::MAX: no overflow check needed.
        let mut value = 0_u64;
        for &byte in digits {
            let digit = byte.wrapping_sub(b'0');
            if digit > 9 {
                return Err(ParseIdErrorKind::InvalidDigit);
            }
            value = value * 10 + u64::from(digit);
        }
        return Ok(value);
    }
    if !digits.iter().all(u8::is_ascii_digit) {
        return Err(ParseIdErrorKind::InvalidDigit);
    }
    let mut value = 0_u64;
    for &byte in digits {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(byte - b'0')))
            .ok_or(ParseIdErrorKind::Overflow)?;
    }
    Ok(value)
}

/// At most the first 40 bytes of `text` (cut at a character boundary), so an error about a huge
/// input stays small.
pub(super) fn excerpt(text: &str) -> &str {
    let mut end = text.len().min(40);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

impl<M> FromStr for Id<M> {
    type Err = ParseIdError;

    /// Reads an id from its decimal digits (no sign, no spaces).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_digits(text.as_bytes())
            .map(Self::new)
            .map_err(|kind| ParseIdError {
                text: excerpt(text).to_owned(),
                kind,
            })
    }
}
