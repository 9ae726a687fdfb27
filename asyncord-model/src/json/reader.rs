//! The reader's position in a document and the JSON tokens it reads there: strings (borrowed
//! from the document unless they hold escapes), numbers and literals, and values skipped
//! without being built.

use super::Error;

/// How deep objects and arrays may nest before the document is refused (the stack's guard
/// against hostile input; Discord's payloads nest a handful of levels).
pub(crate) const MAX_DEPTH: u32 = 128;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// A document being read, and where.
pub(crate) struct Reader<'de> {
    /// The whole document, checked to be UTF-8 before reading.
    pub(crate) text: &'de str,
    /// The next byte to read.
    pub(crate) pos: usize,
    /// How many more objects and arrays may be entered.
    depth_left: u32,
    /// Where a string with escapes is written out.
    pub(crate) scratch: String,
}

/// A string read from the document.
pub(crate) enum Text<'de, 's> {
    /// No escapes: the document's own bytes.
    Borrowed(&'de str),
    /// Unescaped into the reader's scratch space.
    Copied(&'s str),
}

/// A JSON number, as serde is told about it.
pub(crate) enum Number {
    /// A non-negative integer that fits 64 bits.
    Unsigned(u64),
    /// A negative integer that fits 64 bits.
    Signed(i64),
    /// Any other number.
    Float(f64),
}

impl<'de> Reader<'de> {
    pub(crate) fn new(text: &'de str, scratch: String) -> Self {
        Self {
            text,
            pos: 0,
            depth_left: MAX_DEPTH,
            scratch,
        }
    }

    /// Back to the document's start.
    pub(crate) fn restart(&mut self) {
        self.pos = 0;
        self.depth_left = MAX_DEPTH;
    }

    #[inline]
    pub(crate) fn bytes(&self) -> &'de [u8] {
        self.text.as_bytes()
    }

    /// Skips whitespace and returns the next byte, without consuming it.
    #[inline]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        let bytes = self.bytes();
        while let Some(&b) = bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// An error about the byte at the current position.
    #[cold]
    pub(crate) fn fail(&self, message: &str) -> Error {
        Error::syntax(message, self.pos)
    }

    /// The error for a document that ends, or holds something else, where `expected` should be.
    #[cold]
    pub(crate) fn unexpected(&self, expected: &str) -> Error {
        match self.bytes().get(self.pos) {
            None => self.fail(&format!("the document ends where {expected} was expected")),
            Some(_) => self.fail(&format!("expected {expected}")),
        }
    }

    /// Consumes `byte` (after any whitespace), or fails naming `expected`.
    #[inline]
    pub(crate) fn expect(&mut self, byte: u8, expected: &str) -> Result<(), Error> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(expected))
        }
    }

    /// Enters an object or array (its opening bracket is at the position).
    #[inline]
    pub(crate) fn enter(&mut self) -> Result<(), Error> {
        if self.depth_left == 0 {
            return Err(self.fail("objects and arrays nested too deeply"));
        }
        self.depth_left -= 1;
        self.pos += 1;
        Ok(())
    }

    /// Locates the error of a visitor given the object or array opened at `start`: at `start` when
    /// the visitor refused it whole (read nothing of it: a map where a string was expected), else
    /// where reading stopped.
    #[cold]
    pub(crate) fn refused_at(&self, error: Error, start: usize) -> Error {
        error.at(if self.pos == start + 1 {
            start
        } else {
            self.pos
        })
    }

    /// Leaves an object or array: its closing `close` must come next.
    #[inline]
    pub(crate) fn leave(&mut self, close: u8) -> Result<(), Error> {
        self.depth_left += 1;
        match self.peek() {
            Some(b) if b == close => {
                self.pos += 1;
                Ok(())
            }
            Some(b',') => Err(self.fail("more elements than the value takes, or a trailing comma")),
            _ => Err(self.unexpected(if close == b'}' { "`}`" } else { "`]`" })),
        }
    }

    /// Moves to the next element of an array (past its comma), or stops at its closing `]`:
    /// `false` there. `first` says whether no element has been read yet.
    #[inline]
    pub(crate) fn next_element(&mut self, first: &mut bool) -> Result<bool, Error> {
        match self.peek() {
            Some(b']') => return Ok(false),
            Some(b',') if !*first => {
                self.pos += 1;
                if self.peek() == Some(b']') {
                    return Err(self.fail("a trailing comma"));
                }
            }
            Some(_) if *first => {}
            _ => return Err(self.unexpected("`,` or `]`")),
        }
        *first = false;
        Ok(true)
    }

    /// Moves to the next entry of an object (past its comma), or stops at its closing `}`:
    /// `false` there. The position is then at the key's opening quote.
    #[inline]
    pub(crate) fn next_entry(&mut self, first: &mut bool) -> Result<bool, Error> {
        let mut next = self.peek();
        if *first {
            *first = false;
        } else {
            match next {
                Some(b',') => {
                    self.pos += 1;
                    next = self.peek();
                    if next == Some(b'}') {
                        return Err(self.fail("a trailing comma"));
                    }
                }
                Some(b'}') => return Ok(false),
                _ => return Err(self.unexpected("`,` or `}`")),
            }
        }
        match next {
            Some(b'"') => Ok(true),
            Some(b'}') => Ok(false),
            _ => Err(self.unexpected("a key (a string)")),
        }
    }

    /// Nothing but whitespace may follow the value.
    pub(crate) fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fail("trailing characters after the value")),
        }
    }

    /// Reads the literal `word` (`true`, `false`, `null`), which starts at the position.
    #[inline]
    pub(crate) fn literal(&mut self, word: &[u8]) -> Result<(), Error> {
        if self.bytes().get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.fail("expected a value"))
        }
    }

    /// Reads a string; its opening quote is at the position.
    ///
    /// Inlined into each caller: called for every key and string of a document, most of them a
    /// few bytes long, the call itself cost about a fifth of the read (instruction counts).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn string(&mut self) -> Result<Text<'de, '_>, Error> {
        let start = self.pos + 1;
        let end = special_byte(self.bytes(), start);
        match self.bytes().get(end) {
            Some(b'"') => {
                self.pos = end + 1;
                // Both ends are ASCII quotes, so this is a whole-character slice.
                let text = self.text.get(start..end).unwrap_or_default();
                Ok(Text::Borrowed(text))
            }
            Some(b'\\') => self.escaped(start, end),
            _ => Err(self.string_error(end)),
        }
    }

    /// Reads the rest of a string that holds an escape at `at`, unescaped into scratch space.
    fn escaped(&mut self, start: usize, mut at: usize) -> Result<Text<'de, '_>, Error> {
        let text = self.text;
        let bytes = self.bytes();
        self.scratch.clear();
        self.scratch
            .push_str(text.get(start..at).unwrap_or_default());
        loop {
            // `at` is a backslash.
            at = self.unescape(at)?;
            let next = special_byte(bytes, at);
            self.scratch
                .push_str(text.get(at..next).unwrap_or_default());
            match bytes.get(next) {
                Some(b'"') => {
                    self.pos = next + 1;
                    return Ok(Text::Copied(&self.scratch));
                }
                Some(b'\\') => at = next,
                _ => return Err(self.string_error(next)),
            }
        }
    }

    /// Writes out the escape at `at` (a backslash) and returns the byte after it.
    fn unescape(&mut self, at: usize) -> Result<usize, Error> {
        let bytes = self.bytes();
        let simple = match bytes.get(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let (c, next) = self.unicode_escape(at)?;
                self.scratch.push(c);
                return Ok(next);
            }
            _ => return Err(Error::syntax("invalid escape in a string", at)),
        };
        self.scratch.push(simple);
        Ok(at + 2)
    }

    /// Reads `\uXXXX` at `at`, and its low surrogate's escape if it is a high surrogate.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize), Error> {
        let invalid = || Error::syntax("invalid \\u escape in a string", at);
        let unit = hex4(self.bytes(), at + 2).ok_or_else(invalid)?;
        let (code, next) = match unit {
            0xD800..=0xDBFF => {
                let bytes = self.bytes();
                if bytes.get(at + 6) != Some(&b'\\') || bytes.get(at + 7) != Some(&b'u') {
                    return Err(Error::syntax("unpaired surrogate in a string", at));
                }
                let low = hex4(bytes, at + 8).ok_or_else(invalid)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(Error::syntax("unpaired surrogate in a string", at));
                }
                (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), at + 12)
            }
            0xDC00..=0xDFFF => return Err(Error::syntax("unpaired surrogate in a string", at)),
            _ => (unit, at + 6),
        };
        char::from_u32(code).map(|c| (c, next)).ok_or_else(invalid)
    }

    #[cold]
    fn string_error(&self, at: usize) -> Error {
        if at >= self.bytes().len() {
            Error::syntax("the document ends inside a string", at)
        } else {
            Error::syntax("control character in a string (it must be escaped)", at)
        }
    }

    /// Reads a number; its first byte (`-` or a digit) is at the position.
    #[inline]
    pub(crate) fn number(&mut self) -> Result<Number, Error> {
        let bytes = self.bytes();
        let start = self.pos;
        let negative = bytes.get(start) == Some(&b'-');
        let mut at = start + usize::from(negative);
        let first = at;
        let mut value: u64 = 0;
        let mut overflow = false;
        while let Some(&b) = bytes.get(at) {
            let digit = b.wrapping_sub(b'0');
            if digit > 9 {
                break;
            }
            match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(digit)))
            {
                Some(v) => value = v,
                None => overflow = true,
            }
            at += 1;
        }
        let digits = at - first;
        if digits == 0 {
            self.pos = at;
            return Err(self.fail("expected a digit"));
        }
        if digits > 1 && bytes.get(first) == Some(&b'0') {
            self.pos = first;
            return Err(self.fail("a number with a leading zero"));
        }
        let fraction = bytes.get(at) == Some(&b'.');
        let exponent_at = if fraction {
            let digits_at = at + 1;
            at = digits_at + bytes.get(digits_at..).map_or(0, count_digits);
            if at == digits_at {
                self.pos = at;
                return Err(self.fail("expected a digit after the decimal point"));
            }
            at
        } else {
            at
        };
        let exponent = matches!(bytes.get(exponent_at), Some(b'e' | b'E'));
        if exponent {
            at = exponent_at + 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            let digits_at = at;
            at += bytes.get(digits_at..).map_or(0, count_digits);
            if at == digits_at {
                self.pos = at;
                return Err(self.fail("expected a digit in the exponent"));
            }
        }
        self.pos = at;
        if !(fraction || exponent || overflow) {
            if !negative {
                return Ok(Number::Unsigned(value));
            }
            // `-0` is the float negative zero, as serde_json reads it.
            if value != 0 && value <= i64::MAX as u64 + 1 {
                return Ok(Number::Signed((value as i64).wrapping_neg()));
            }
        }
        let float: f64 = self
            .text
            .get(start..at)
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN);
        if float.is_finite() {
            Ok(Number::Float(float))
        } else {
            self.pos = start;
            Err(self.fail("number out of range"))
        }
    }

    /// Skips one value, checking that it is valid JSON, without building anything.
    pub(crate) fn skip_value(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{') => {
                self.enter()?;
                let mut first = true;
                while self.next_entry(&mut first)? {
                    self.skip_string()?;
                    self.expect(b':', "`:`")?;
                    self.skip_value()?;
                }
                self.leave(b'}')
            }
            Some(b'[') => {
                self.enter()?;
                let mut first = true;
                while self.next_element(&mut first)? {
                    self.skip_value()?;
                }
                self.leave(b']')
            }
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => Err(self.unexpected("a value")),
        }
    }

    /// Skips a string (its opening quote is at the position), checking its escapes.
    fn skip_string(&mut self) -> Result<(), Error> {
        let bytes = self.bytes();
        let mut at = self.pos + 1;
        loop {
            at = special_byte(bytes, at);
            match bytes.get(at) {
                Some(b'"') => {
                    self.pos = at + 1;
                    return Ok(());
                }
                Some(b'\\') => match bytes.get(at + 1) {
                    Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => at += 2,
                    Some(b'u') if hex4(bytes, at + 2).is_some() => at += 6,
                    _ => return Err(Error::syntax("invalid escape in a string", at)),
                },
                _ => return Err(self.string_error(at)),
            }
        }
    }
}

/// The index of the first `"`, `\` or control character at or after `from` (the length if
/// none), eight bytes at a time.
#[inline]
fn special_byte(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let quote = word ^ (ONES * u64::from(b'"'));
        let backslash = word ^ (ONES * u64::from(b'\\'));
        // A byte's high bit is set here if it is zero (or below 0x20): each term can also flag a
        // byte above one it flags rightly (the subtraction's borrow), never one below, so the
        // lowest flagged byte is the first special one.
        let found = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(ONES * 0x20) & !word))
            & HIGHS;
        if found != 0 {
            return at + (found.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&b) = bytes.get(at) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return at;
        }
        at += 1;
    }
    at
}

fn count_digits(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The four hex digits at `at` as a number.
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0u32, |value, &b| {
        let digit = (b as char).to_digit(16)?;
        Some(value << 4 | digit)
    })
}
