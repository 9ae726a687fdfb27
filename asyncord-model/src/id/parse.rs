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
        // Eight digits at a time (a snowflake has 17 to 19), then one at a time.
        let mut value = 0_u64;
        let mut chunks = digits.chunks_exact(8);
        for chunk in &mut chunks {
            let Some(&chunk) = chunk.first_chunk::<8>() else {
                break;
            };
            value = value * 100_000_000 + eight_digits(chunk)?;
        }
        for &byte in chunks.remainder() {
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

/// The value of eight ASCII digits (the first the most significant), read as one word: each
/// step adds neighbouring groups (digits into pairs, pairs into fours, fours into the eight),
/// three multiplications instead of eight dependent ones.
#[inline]
fn eight_digits(chunk: [u8; 8]) -> Result<u64, ParseIdErrorKind> {
    const ZEROS: u64 = u64::from_le_bytes([b'0'; 8]);
    let word = u64::from_le_bytes(chunk);
    // Every byte is 0x30..=0x39: its high nibble is 3, and adding 6 keeps it 3.
    let high = u64::from_le_bytes([0xF0; 8]);
    let sixes = u64::from_le_bytes([0x06; 8]);
    if word & high != ZEROS || word.wrapping_add(sixes) & high != ZEROS {
        return Err(ParseIdErrorKind::InvalidDigit);
    }
    let digits = word - ZEROS;
    // Byte i holds digit i; 10 * byte i + byte i + 1 lands in byte i + 1 (as 2561 = 10 << 8 | 1).
    let pairs = (digits.wrapping_mul(10 << 8 | 1) >> 8) & 0x00FF_00FF_00FF_00FF;
    let fours = (pairs.wrapping_mul(100 << 16 | 1) >> 16) & 0x0000_FFFF_0000_FFFF;
    Ok(fours.wrapping_mul(10_000 << 32 | 1) >> 32)
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
