//! A cheap look at a gateway frame's envelope (`op`, `s`, `t`) without parsing `d`.
//!
//! The shard decides from these three fields alone whether a frame is worth parsing
//! (DESIGN.md §3): frames of unwanted events cost one scan of the keys before `d` and nothing
//! else. When `d` must be handed on, [`d_span`] finds its bytes by skipping the value (a scan for
//! brackets and strings, not a parse).

use std::ops::Range;

/// A frame's envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Envelope<'a> {
    /// `op`.
    pub op: u8,
    /// `s` (`None` when absent or null).
    pub seq: Option<u64>,
    /// `t` (`None` when absent or null). Raw string contents (event names carry no escapes).
    pub name: Option<&'a str>,
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
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        while let Some(&b) = self.buf.get(self.pos) {
            match b {
                b'"' => {
                    let s = &self.buf[start..self.pos];
                    self.pos += 1;
                    return Ok((s, escaped));
                }
                b'\\' => {
                    escaped = true;
                    self.pos += 2;
                }
                _ => self.pos += 1,
            }
        }
        Err(Malformed("unterminated string"))
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

    /// Skips one value of any kind.
    fn skip_value(&mut self) -> Result<(), Malformed> {
        self.ws();
        match self.peek() {
            Some(b'"') => self.string().map(|_| ()),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(&b) = self.buf.get(self.pos) {
                    match b {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Ok(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
                Err(Malformed("unterminated object or array"))
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
pub(crate) fn envelope(buf: &[u8]) -> Result<Envelope<'_>, Malformed> {
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
                c.skip_value()?;
                data = DataPos::Span(start..c.pos);
            }
            _ => c.skip_value()?,
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
        data,
    })
}

/// The byte range of `d`'s value.
pub(crate) fn d_span(buf: &[u8], pos: &DataPos) -> Result<Range<usize>, Malformed> {
    match pos {
        DataPos::Missing => Err(Malformed("frame without d")),
        DataPos::Span(r) => Ok(r.clone()),
        DataPos::StartsAt(start) => {
            let mut c = Cursor { buf, pos: *start };
            c.skip_value()?;
            Ok(*start..c.pos)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discord_order_stops_at_d() {
        let f = br#"{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"content":"a \" } ]","x":[1,{"y":null}]}}"#;
        let e = envelope(f).unwrap();
        assert_eq!(e.op, 0);
        assert_eq!(e.seq, Some(42));
        assert_eq!(e.name, Some("MESSAGE_CREATE"));
        let r = d_span(f, &e.data).unwrap();
        assert_eq!(
            &f[r],
            br#"{"content":"a \" } ]","x":[1,{"y":null}]}"#.as_slice()
        );
    }

    #[test]
    fn other_orders_and_nulls() {
        let f = br#" { "d" : {"heartbeat_interval": 41250} , "op" : 10, "s": null, "t": null } "#;
        let e = envelope(f).unwrap();
        assert_eq!((e.op, e.seq, e.name), (10, None, None));
        assert_eq!(
            &f[d_span(f, &e.data).unwrap()],
            br#"{"heartbeat_interval": 41250}"#
        );
        let f = br#"{"op":11}"#;
        let e = envelope(f).unwrap();
        assert_eq!((e.op, e.data), (11, DataPos::Missing));
        let f = br#"{"op":9,"d":false}"#;
        let e = envelope(f).unwrap();
        assert_eq!(&f[d_span(f, &e.data).unwrap()], b"false");
    }

    #[test]
    fn malformed_is_an_error_not_a_panic() {
        for f in [
            &b""[..],
            b"{",
            b"[]",
            b"{}",
            b"{\"op\":",
            b"{\"op\":\"x\"}",
            b"{\"t\":\"A\",\"s\":1,\"d\":{\"a\":",
            b"{\"d\":{}}",
            b"not json",
            b"{\"op\":0,\"s\":1,\"t\":\"A\",\"d\":{\"a\":\"\\",
        ] {
            let res = envelope(f).and_then(|e| d_span(f, &e.data));
            assert!(res.is_err(), "{:?}", String::from_utf8_lossy(f));
        }
    }
}
