//! A cheap look at a gateway frame's envelope (`op`, `s`, `t`) without parsing `d`.
//!
//! The shard decides from these three fields alone whether a frame is worth parsing
//! (DESIGN.md §3): frames of unwanted events cost one scan of the keys before `d` and nothing
//! else. When `d` must be handed on, [`d_span`] finds its bytes by skipping the value (a scan for
//! brackets and strings, not a parse), on the reader or, when the reader leaves it to the
//! consumer, as the consumer takes the frame (see the reader).
//!
//! Both scans have a fast path for what Discord actually sends (compact JSON, `t`/`s`/`op` before
//! `d`; see <https://discord.com/developers/docs/events/gateway#payload-structure>): the envelope
//! is read by prefix comparisons, a known event name is taken from a compile-time table instead
//! of being validated as UTF-8, and string bodies are skipped eight bytes at a time. Any input the
//! fast path does not recognise goes through the general scan, so the result (value or error) is
//! the same for every input; `peek_tests.rs` checks that against the scan as it was before.
//!
//! The scan of `d` also counts how deeply it nests: parsers recurse, and a value nested deep
//! enough (20,000 levels fit in 40 KB) overflows their stack, which aborts the process. `d_span`
//! refuses `d` nested deeper than the shard's limit, so no parser ever sees it.

use std::ops::Range;

use asyncord_model::gateway::EventKind;

/// A frame's envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Envelope<'a> {
    /// `op`.
    pub op: u8,
    /// `s` (`None` when absent or null).
    pub seq: Option<u64>,
    /// `t` (`None` when absent or null). Raw string contents (event names carry no escapes).
    pub name: Option<&'a str>,
    /// The event `name` denotes (`None` when there is no name or this version does not know it).
    /// The fast path finds it in the same table lookup that checks the name.
    pub kind: Option<EventKind>,
    /// Where `d` is: either its full byte range, or (when the scan stopped early) where its value
    /// starts.
    pub data: DataPos,
}

/// Where the `d` value of a frame is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DataPos {
    /// No `d` key.
    Missing,
    /// The scan stopped at `d`, whose value starts at this offset.
    StartsAt(usize),
    /// The full range of `d`'s value.
    Span(Range<usize>),
}

/// Why a frame could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Malformed(pub &'static str);

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// Byte classes for [`skip_container`]: bytes that need no attention are `PLAIN`.
const PLAIN: u8 = 0;
const QUOTE: u8 = 1;
const OPEN: u8 = 2;
const CLOSE: u8 = 3;

static CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    t[b'"' as usize] = QUOTE;
    t[b'{' as usize] = OPEN;
    t[b'[' as usize] = OPEN;
    t[b'}' as usize] = CLOSE;
    t[b']' as usize] = CLOSE;
    t
};

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// The first `"` or `\` at or after `i`, eight bytes at a time. In `(x - ONES) & !x & HIGHS` a
/// byte of `x` that is zero always sets its high bit, and a false hit can only sit above a true
/// one, so the lowest set bit is exact.
#[allow(
    clippy::inline_always,
    reason = "measured: callgrind counts rise when this is not inlined"
)]
#[inline(always)]
fn quote_or_backslash(buf: &[u8], i: usize) -> Option<usize> {
    let rest = buf.get(i..)?;
    let mut chunks = rest.chunks_exact(8);
    let mut at = i;
    for chunk in &mut chunks {
        let Some(chunk) = chunk.first_chunk::<8>() else {
            break;
        };
        let w = u64::from_le_bytes(*chunk);
        let q = w ^ (ONES * u64::from(b'"'));
        let b = w ^ (ONES * u64::from(b'\\'));
        let hits = ((q.wrapping_sub(ONES) & !q) | (b.wrapping_sub(ONES) & !b)) & HIGHS;
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'"' || b == b'\\')
        .map(|k| at + k)
}

/// Scans a string body starting after its opening quote; returns the offset of the closing quote
/// and whether the body had escapes. A backslash skips the byte after it.
fn string_end(buf: &[u8], mut i: usize) -> Result<(usize, bool), Malformed> {
    let mut escaped = false;
    loop {
        let j = quote_or_backslash(buf, i).ok_or(Malformed("unterminated string"))?;
        if buf.get(j) == Some(&b'"') {
            return Ok((j, escaped));
        }
        escaped = true;
        i = j + 2;
    }
}

/// Why [`d_span`] refuses JSON nested deeper than its limit.
pub(crate) const TOO_DEEP: Malformed = Malformed("JSON nested deeper than the limit");

/// Skips an object or array starting at its opening bracket (`buf[i]`); returns the offset just
/// past its closing bracket. Brackets are only counted, not matched by kind; more than
/// `max_depth` of them open at once is [`TOO_DEEP`].
fn skip_container(buf: &[u8], mut i: usize, max_depth: usize) -> Result<usize, Malformed> {
    let mut depth = 0usize;
    while let Some(&b) = buf.get(i) {
        i += 1;
        match CLASS[usize::from(b)] {
            PLAIN => {}
            QUOTE => i = string_end(buf, i)?.0 + 1,
            OPEN => {
                depth += 1;
                if depth > max_depth {
                    return Err(TOO_DEEP);
                }
            }
            _ => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i);
                }
            }
        }
    }
    Err(Malformed("unterminated object or array"))
}

struct Cursor<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn ws(&mut self) {
        while let Some(b) = self.buf.get(self.pos) {
            if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8, what: &'static str) -> Result<(), Malformed> {
        self.ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Malformed(what))
        }
    }

    /// Reads a string starting at the opening quote; returns its raw contents and whether it had
    /// escapes.
    fn string(&mut self) -> Result<(&'a [u8], bool), Malformed> {
        if self.peek() != Some(b'"') {
            return Err(Malformed("expected a string"));
        }
        let start = self.pos + 1;
        let (end, escaped) = string_end(self.buf, start)?;
        self.pos = end + 1;
        Ok((self.buf.get(start..end).unwrap_or_default(), escaped))
    }

    fn literal(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(&b) = self.buf.get(self.pos) {
            if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                break;
            }
            self.pos += 1;
        }
        &self.buf[start..self.pos]
    }

    /// Skips one value of any kind, nested at most `max_depth` deep.
    fn skip_value(&mut self, max_depth: usize) -> Result<(), Malformed> {
        self.ws();
        match self.peek() {
            Some(b'"') => self.string().map(|_| ()),
            Some(b'{' | b'[') => {
                self.pos = skip_container(self.buf, self.pos, max_depth)?;
                Ok(())
            }
            Some(_) => {
                if self.literal().is_empty() {
                    Err(Malformed("expected a value"))
                } else {
                    Ok(())
                }
            }
            None => Err(Malformed("truncated frame")),
        }
    }

    fn uint_or_null(&mut self) -> Result<Option<u64>, Malformed> {
        self.ws();
        let lit = self.literal();
        if lit == b"null" {
            return Ok(None);
        }
        let text = std::str::from_utf8(lit).map_err(|_| Malformed("bad number"))?;
        text.parse::<u64>()
            .map(Some)
            .map_err(|_| Malformed("expected an unsigned integer"))
    }
}

/// Reads a frame's envelope. Stops at `d` when `op`, `s` and `t` were all seen before it (the
/// order Discord uses), so the bytes of `d` are not even scanned.
#[inline]
pub(crate) fn envelope(buf: &[u8]) -> Result<Envelope<'_>, Malformed> {
    match fast_envelope(buf) {
        Some(env) => Ok(env),
        None => general_envelope(buf),
    }
}

/// Plain digits at `*i` as a `u64`, moving `*i` past them; `None` when there are none or more
/// than 19 (those may overflow: the general scan decides).
#[allow(
    clippy::inline_always,
    reason = "measured: callgrind counts rise when this is not inlined"
)]
#[inline(always)]
fn fast_uint(buf: &[u8], i: &mut usize) -> Option<u64> {
    // Up to seven digits followed by a non-digit, all in one word: find the first non-digit
    // (below every byte before it nothing borrows or carries, so the lowest flag is exact), move
    // the digits to the top of the word (the zeros below are leading zeros) and combine them
    // pairwise.
    if let Some(chunk) = buf.get(*i..).and_then(<[u8]>::first_chunk::<8>) {
        let w = u64::from_le_bytes(*chunk);
        let digits = w.wrapping_sub(ONES * u64::from(b'0'));
        let non_digit = (digits | w.wrapping_add(ONES * 0x46) | w) & HIGHS;
        let n = (non_digit.trailing_zeros() / 8) as usize;
        if n < 8 {
            if n == 0 {
                return None;
            }
            let mut v = digits << (8 * (8 - n));
            v = (v.wrapping_mul(10) + (v >> 8)) & 0x00ff_00ff_00ff_00ff;
            v = (v.wrapping_mul(100) + (v >> 16)) & 0x0000_ffff_0000_ffff;
            v = (v.wrapping_mul(10_000) + (v >> 32)) & 0xffff_ffff;
            *i += n;
            return Some(v);
        }
    }
    let mut v = 0u64;
    let mut n = 0;
    for &b in buf.get(*i..)? {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        v = v.wrapping_mul(10).wrapping_add(u64::from(d));
        n += 1;
    }
    *i += n;
    (1..=19).contains(&n).then_some(v)
}

/// The envelope of a compact frame in Discord's key order: `{"t":` a string without escapes or
/// `null`, `,"s":` digits or `null`, `,"op":` digits, then `,"d":` or the end of the object.
/// `None` for anything else (other orders, whitespace, ...): the general scan decides. When it
/// returns `Some`, the general scan returns the same envelope.
#[inline]
fn fast_envelope(buf: &[u8]) -> Option<Envelope<'_>> {
    let rest = buf.strip_prefix(b"{\"t\":")?;
    let ((name, kind), mut i) = if rest.first() == Some(&b'"') {
        let end = quote_or_backslash(buf, 6)?;
        if buf.get(end) != Some(&b'"') {
            return None;
        }
        let (name, kind) = event_name(buf, end)?;
        ((Some(name), kind), end + 1)
    } else if rest.starts_with(b"null") {
        ((None, None), 9)
    } else {
        return None;
    };
    if buf.get(i..i + 5)? != b",\"s\":" {
        return None;
    }
    i += 5;
    let seq = if buf.get(i) == Some(&b'n') {
        if buf.get(i..i + 4)? != b"null" {
            return None;
        }
        i += 4;
        None
    } else {
        Some(fast_uint(buf, &mut i)?)
    };
    if buf.get(i..i + 6)? != b",\"op\":" {
        return None;
    }
    i += 6;
    let op = u8::try_from(fast_uint(buf, &mut i)?).ok()?;
    let data = match buf.get(i..)? {
        [b'}', ..] => DataPos::Missing,
        // The general scan starts `d` after any whitespace; leave that case to it.
        [
            b',',
            b'"',
            b'd',
            b'"',
            b':',
            b' ' | b'\n' | b'\r' | b'\t',
            ..,
        ] => return None,
        [b',', b'"', b'd', b'"', b':', ..] => DataPos::StartsAt(i + 5),
        _ => return None,
    };
    Some(Envelope {
        op,
        seq,
        name,
        kind,
        data,
    })
}

/// Slots in [`KNOWN_NAMES`] (a power of two).
const NAME_SLOTS: usize = 1024;

/// Byte `p` of `{"t":"NAME","s":` (0 past its end).
const fn framed_byte(name: &[u8], p: usize) -> u8 {
    const PREFIX: &[u8; 6] = b"{\"t\":\"";
    const SUFFIX: &[u8; 6] = b"\",\"s\":";
    if p < 6 {
        PREFIX[p]
    } else if p < 6 + name.len() {
        name[p - 6]
    } else if p < 12 + name.len() {
        SUFFIX[p - 6 - name.len()]
    } else {
        0
    }
}

/// The two words the fast path reads around a name of two bytes or more in
/// `{"t":"NAME","s":`: the eight bytes from its start and the eight up to its end. Together they
/// cover a name of up to 16 bytes.
const fn name_words(name: &[u8]) -> (u64, u64) {
    let (mut head, mut tail) = (0u64, 0u64);
    let mut k = 0;
    while k < 8 {
        head |= (framed_byte(name, 6 + k) as u64) << (8 * k);
        tail |= (framed_byte(name, 6 + name.len() - 8 + k) as u64) << (8 * k);
        k += 1;
    }
    (head, tail)
}

/// A name's slot in [`KNOWN_NAMES`], from its [`name_words`].
const fn name_slot(head: u64, tail: u64) -> usize {
    ((head ^ tail.rotate_left(32)).wrapping_mul(0xff51_afd7_ed55_8ccd) >> 54) as usize % NAME_SLOTS
}

/// Discord's event names by [`name_slot`], as 1 + their index in [`EventKind::ALL`] (0: empty;
/// a name whose slot is taken is left out and validated like an unknown one).
static KNOWN_NAMES: [u16; NAME_SLOTS] = {
    let mut slots = [0u16; NAME_SLOTS];
    let mut i = 0;
    while i < EventKind::ALL.len() && i < u16::MAX as usize {
        let (name, head, tail) = KNOWN_WORDS[i];
        let slot = name_slot(head, tail);
        if slots[slot] == 0 && name.len() >= 2 {
            slots[slot] = (i + 1) as u16;
        }
        i += 1;
    }
    slots
};

/// Each name in [`EventKind::ALL`] with its [`name_words`].
static KNOWN_WORDS: [(&str, u64, u64); EventKind::ALL.len()] = {
    let mut words = [("", 0, 0); EventKind::ALL.len()];
    let mut i = 0;
    while i < words.len() {
        let name = EventKind::ALL[i].name();
        if name.len() >= 2 {
            let (head, tail) = name_words(name.as_bytes());
            words[i] = (name, head, tail);
        }
        i += 1;
    }
    words
};

/// The event name in `buf[6..end]` (a string without quote or backslash): a known name is found
/// through [`KNOWN_NAMES`] and compared, anything else is validated as UTF-8.
#[allow(
    clippy::inline_always,
    reason = "measured: callgrind counts rise when this is not inlined"
)]
#[inline(always)]
fn event_name(buf: &[u8], end: usize) -> Option<(&str, Option<EventKind>)> {
    let raw = buf.get(6..end)?;
    let head = buf.get(6..).and_then(<[u8]>::first_chunk::<8>);
    let tail = end
        .checked_sub(8)
        .and_then(|at| buf.get(at..))
        .and_then(<[u8]>::first_chunk::<8>);
    if let (Some(head), Some(tail)) = (head, tail) {
        let (head, tail) = (u64::from_le_bytes(*head), u64::from_le_bytes(*tail));
        let index = usize::from(KNOWN_NAMES[name_slot(head, tail)]);
        if let Some(&(name, known_head, known_tail)) = KNOWN_WORDS.get(index.wrapping_sub(1)) {
            let same = name.len() == raw.len()
                && if raw.len() <= 16 {
                    (known_head, known_tail) == (head, tail)
                } else {
                    name.as_bytes() == raw
                };
            if same {
                return Some((name, EventKind::ALL.get(index - 1).copied()));
            }
        }
    }
    // Not in the table: an unknown name, or (rarely) a known one whose slot another name took.
    std::str::from_utf8(raw)
        .ok()
        .map(|name| (name, EventKind::from_name(name)))
}

/// The general scan behind [`envelope`]: any key order, whitespace, unknown keys.
#[cold]
#[inline(never)]
fn general_envelope(buf: &[u8]) -> Result<Envelope<'_>, Malformed> {
    let mut c = Cursor { buf, pos: 0 };
    c.expect(b'{', "a frame must be a JSON object")?;
    let mut op = None;
    let mut seq = None;
    let mut name = None;
    let (mut seen_s, mut seen_t) = (false, false);
    let mut data = DataPos::Missing;
    c.ws();
    if c.peek() == Some(b'}') {
        return Err(Malformed("empty frame"));
    }
    loop {
        c.ws();
        let (key, _) = c.string()?;
        c.expect(b':', "expected ':' after a key")?;
        c.ws();
        match key {
            b"op" => {
                let v = c.uint_or_null()?.ok_or(Malformed("op is null"))?;
                op = Some(u8::try_from(v).map_err(|_| Malformed("op out of range"))?);
            }
            b"s" => {
                seq = c.uint_or_null()?;
                seen_s = true;
            }
            b"t" => {
                seen_t = true;
                if c.peek() == Some(b'"') {
                    let (raw, escaped) = c.string()?;
                    if escaped {
                        return Err(Malformed("escaped event name"));
                    }
                    name = Some(std::str::from_utf8(raw).map_err(|_| Malformed("bad event name"))?);
                } else if c.literal() != b"null" {
                    return Err(Malformed("t must be a string or null"));
                }
            }
            b"d" => {
                let start = c.pos;
                if op.is_some() && seen_s && seen_t {
                    data = DataPos::StartsAt(start);
                    break;
                }
                c.skip_value(usize::MAX)?;
                data = DataPos::Span(start..c.pos);
            }
            _ => c.skip_value(usize::MAX)?,
        }
        c.ws();
        match c.peek() {
            Some(b',') => c.pos += 1,
            Some(b'}') => break,
            _ => return Err(Malformed("expected ',' or '}'")),
        }
    }
    let op = op.ok_or(Malformed("frame without op"))?;
    Ok(Envelope {
        op,
        seq,
        name,
        kind: name.and_then(EventKind::from_name),
        data,
    })
}

/// The byte range of `d`'s value, which nests at most `max_depth` deep ([`TOO_DEEP`] otherwise:
/// no parser is then asked to recurse into it).
pub(crate) fn d_span(
    buf: &[u8],
    pos: &DataPos,
    max_depth: usize,
) -> Result<Range<usize>, Malformed> {
    let start = match pos {
        DataPos::Missing => return Err(Malformed("frame without d")),
        DataPos::StartsAt(start) => *start,
        // Found by the general scan, which skips without a limit: scanned again (a rare path:
        // Discord sends `d` last).
        DataPos::Span(r) => r.start,
    };
    let mut c = Cursor { buf, pos: start };
    c.skip_value(max_depth)?;
    Ok(start..c.pos)
}

/// Logs a frame skipped because its `d` is malformed or nested deeper than `max_depth`.
#[cold]
pub(crate) fn log_malformed(
    shard: u32,
    event: &str,
    seq: Option<u64>,
    e: Malformed,
    max_depth: usize,
) {
    if e == TOO_DEEP {
        tracing::warn!(
            shard,
            event,
            seq,
            "frame skipped: its JSON is nested deeper than {max_depth} levels \
             (GatewayLimits::max_json_depth)"
        );
    } else {
        tracing::warn!(shard, event, seq, error = %e, "malformed frame skipped");
    }
}

#[cfg(test)]
#[path = "peek_tests.rs"]
mod tests;
