//! Tests for the envelope peek and the `d` scan. Besides examples, a differential check: the
//! fast paths against [`oracle`], the byte-by-byte scan this module used before them, over
//! captured frames, every truncation of them, every start offset, edge cases and seeded random
//! mutations. Results (values and errors) must be equal.

use super::*;

/// The scan as it was before the fast paths (one byte at a time, one general key loop), kept as
/// the reference the fast paths must agree with.
mod oracle {
    use super::super::{DataPos, Envelope, Malformed};
    use asyncord_model::gateway::EventKind;
    use std::ops::Range;

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
    pub(super) fn envelope(buf: &[u8]) -> Result<Envelope<'_>, Malformed> {
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
                        name = Some(
                            std::str::from_utf8(raw).map_err(|_| Malformed("bad event name"))?,
                        );
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
            kind: name.and_then(EventKind::from_name),
            data,
        })
    }

    /// The byte range of `d`'s value.
    pub(super) fn d_span(buf: &[u8], pos: &DataPos) -> Result<Range<usize>, Malformed> {
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
}

#[test]
fn discord_order_stops_at_d() {
    let f =
        br#"{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"content":"a \" } ]","x":[1,{"y":null}]}}"#;
    let e = envelope(f).unwrap();
    assert_eq!(e.op, 0);
    assert_eq!(e.seq, Some(42));
    assert_eq!(e.name, Some("MESSAGE_CREATE"));
    let r = d_span(f, &e.data, usize::MAX).unwrap();
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
        &f[d_span(f, &e.data, usize::MAX).unwrap()],
        br#"{"heartbeat_interval": 41250}"#
    );
    let f = br#"{"op":11}"#;
    let e = envelope(f).unwrap();
    assert_eq!((e.op, e.data), (11, DataPos::Missing));
    let f = br#"{"op":9,"d":false}"#;
    let e = envelope(f).unwrap();
    assert_eq!(&f[d_span(f, &e.data, usize::MAX).unwrap()], b"false");
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
        let res = envelope(f).and_then(|e| d_span(f, &e.data, usize::MAX));
        assert!(res.is_err(), "{:?}", String::from_utf8_lossy(f));
    }
}

const CAPTURED: [&str; 6] = [
    include_str!(
        "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_message_create.json"
    ),
    include_str!(
        "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_hello.json"
    ),
    include_str!(
        "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_heartbeat_ack.json"
    ),
    include_str!(
        "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_ready.json"
    ),
    include_str!(
        "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_interaction_create.json"
    ),
    include_str!(
        "../../../testdata/discord-api/payloads/captured-accord-jl/accordjl-gateway_guild_create.json"
    ),
];

/// Each captured frame three ways: as captured (pretty, keys `t`, `op`, `s`, `d`), compact in
/// Discord's order (`t`, `s`, `op`, `d`) and compact in the captured order.
fn captured_frames() -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for file in CAPTURED {
        let frames: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(file).unwrap();
        for raw in frames {
            let value: serde_json::Value = serde_json::from_str(raw.get()).unwrap();
            let [name, seq, op, data] =
                ["t", "s", "op", "d"].map(|key| serde_json::to_string(&value[key]).unwrap());
            out.push(raw.get().as_bytes().to_vec());
            out.push(format!(r#"{{"t":{name},"s":{seq},"op":{op},"d":{data}}}"#).into_bytes());
            out.push(format!(r#"{{"t":{name},"op":{op},"s":{seq},"d":{data}}}"#).into_bytes());
        }
    }
    out
}

/// Hand-made frames for the corners of both scans.
const EDGES: &[&[u8]] = &[
    br#"{"t":"MESSAGE_CREATE","s":1,"op":0,"d":{"a":"x\\","b":["\"]}",[[]],{}]},"x":1}"#,
    br#"{"t":"A","s":1,"op":0,"d":{"k":"\u00e9\\\"\\\\"},"extra":{"d":[1,2]}}"#,
    br#"{"t":"A","s":1,"op":0,"d": {"a":1}}"#,
    br#"{"t":"A","s":1,"op":0,"d":"ab\"cdefghijklmnop\\qrstu"}"#,
    br#"{"t":"A","s":1,"op":0,"d":12345}"#,
    br#"{"t":"A","s":1,"op":0,"d":[1,{"a":[2,[3,"]"]]},"}"]}"#,
    br#"{"t":null,"s":null,"op":11,"d":null}"#,
    br#"{"t":null,"s":null,"op":11}"#,
    br#"{"op":11}"#,
    br#"{"op":1,"d":null}"#,
    br#"{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}"#,
    br#"{"d":{},"t":"X","s":3,"op":0}"#,
    br#"{"t":"A\"B","s":1,"op":0,"d":{}}"#,
    br#"{"t":"A\\B","s":1,"op":0,"d":{}}"#,
    br#"{"t":"lower_case","s":1,"op":0,"d":{}}"#,
    "{\"t\":\"\u{e9}\",\"s\":1,\"op\":0,\"d\":{}}".as_bytes(),
    br#"{"t":"","s":1,"op":0,"d":{}}"#,
    br#"{"t":"A","s":+1,"op":0,"d":{}}"#,
    br#"{"t":"A","s":007,"op":00,"d":{}}"#,
    br#"{"t":"A","s":18446744073709551615,"op":255,"d":{}}"#,
    br#"{"t":"A","s":18446744073709551616,"op":0,"d":{}}"#,
    br#"{"t":"A","s":1,"op":256,"d":{}}"#,
    br#"{"t":"A","s":1,"op":-1,"d":{}}"#,
    br#"{"t":"A","s":1,"op":null,"d":{}}"#,
    br#"{"t":"A","s":1x,"op":0,"d":{}}"#,
    br#"{"t":nullx,"s":1,"op":0,"d":{}}"#,
    br#"{"t":"A","t":"B","s":1,"op":0,"d":{}}"#,
    br#"{"t":"A","s":1,"s":2,"op":0,"d":{}}"#,
    br#"{"t":"A","s":1,"op":0,"op":1,"d":{}}"#,
    br#"{"t":"A","s":1,"op":0,"x":{"y":"}"},"d":{}}"#,
    br#"{"t":"A","s":1,"op":0,"d":}"#,
    br#"{"t":"A","s":1,"op":0,"d":{]"#,
    br#"{"t":"A","s":1,"op":0,"d":[}"#,
    br#"{"t":"A","s":1,"op":0,"d""#,
    br#"{"t":"A","s":1,"op":0}"#,
    br#"{"t":"A","s":1}"#,
    br#"{"t":"A","s":1,"op":0 ,"d":{}}"#,
    b"{\"t\":\"A\",\"s\":1,\"op\":0,\"d\":\n{}}",
    br#"{"t":"A","s":1,"op":0,"d":{"a":"\"#,
    br#"{"t":"A","s":1,"op":0,"d":"01234567\"#,
    br#"{"t":"A","s":1,"op":0,"d":"0123456\"#,
    br#"{"t":true,"s":1,"op":0,"d":{}}"#,
    br#"{"t":"A","s":1,"op":0,"d":{}}trailing"#,
    br#"{"t":"A","s":1,"op":0,"d":{}"#,
];

/// Asserts that `envelope`, the general scan and `d_span` agree with [`oracle`] on `f`; returns
/// whether the fast path answered.
fn agrees(f: &[u8]) -> bool {
    let show = || String::from_utf8_lossy(f).into_owned();
    let old = oracle::envelope(f);
    assert_eq!(general_envelope(f), old, "general scan: {}", show());
    assert_eq!(envelope(f), old, "envelope: {}", show());
    let fast = fast_envelope(f);
    if let Some(env) = &fast {
        assert_eq!(Ok(env), old.as_ref(), "fast path: {}", show());
    }
    if let Ok(env) = &old {
        assert_eq!(
            d_span(f, &env.data, usize::MAX),
            oracle::d_span(f, &env.data),
            "d_span: {}",
            show()
        );
    }
    fast.is_some()
}

/// Asserts that skipping a value from every offset in `f` agrees with [`oracle`].
fn skip_agrees_everywhere(f: &[u8]) {
    for start in 0..=f.len() + 1 {
        let pos = DataPos::StartsAt(start);
        assert_eq!(
            d_span(f, &pos, usize::MAX),
            oracle::d_span(f, &pos),
            "from {start}: {}",
            String::from_utf8_lossy(f)
        );
    }
}

#[test]
fn fast_paths_agree_on_captured_frames() {
    let frames = captured_frames();
    assert!(frames.len() > 30);
    for (i, f) in frames.iter().enumerate() {
        let fast = agrees(f);
        // Compact frames in Discord's key order (the second of each triple) take the fast path.
        assert_eq!(fast, i % 3 == 1, "{}", String::from_utf8_lossy(f));
        let env = envelope(f).unwrap();
        let d = &f[d_span(f, &env.data, usize::MAX).unwrap()];
        serde_json::from_slice::<serde_json::Value>(d).unwrap();
        assert!(f.ends_with(d) || f[..f.len() - 1].trim_ascii_end().ends_with(d));
    }
}

#[test]
fn fast_paths_agree_on_every_truncation() {
    for f in captured_frames() {
        // Every prefix of the smaller frames; a spread of prefixes of the big ones.
        let step = if f.len() > 4096 { 61 } else { 1 };
        for end in (0..=f.len()).step_by(step) {
            agrees(&f[..end]);
        }
    }
}

#[test]
fn d_scan_agrees_from_every_offset() {
    for f in captured_frames().iter().filter(|f| f.len() < 3000) {
        skip_agrees_everywhere(f);
    }
    for f in EDGES {
        skip_agrees_everywhere(f);
    }
}

#[test]
fn fast_paths_agree_on_edge_cases() {
    let mut fast = 0;
    for f in EDGES {
        fast += usize::from(agrees(f));
        for end in 0..f.len() {
            agrees(&f[..end]);
        }
    }
    // The Discord-shaped ones above really take the fast path.
    assert!(fast >= 12, "{fast}");
    assert!(fast_envelope(br#"{"t":"A","s":1,"op":0,"d":{}}"#).is_some());
    assert!(fast_envelope(br#"{"t":null,"s":null,"op":11,"d":null}"#).is_some());
    // Backslashes in names are still refused.
    assert_eq!(
        envelope(br#"{"t":"A\\B","s":1,"op":0,"d":{}}"#),
        Err(Malformed("escaped event name"))
    );
}

#[test]
fn fast_paths_agree_on_random_mutations() {
    const ALPHABET: &[u8] = b"\"\\{}[],: \n0123456789nulltrsdopA\xc3";
    let seeds: Vec<Vec<u8>> = captured_frames()
        .into_iter()
        .filter(|f| f.len() < 1500)
        .chain(EDGES.iter().map(|f| f.to_vec()))
        .collect();
    let mut rng = fastrand::Rng::with_seed(0x9e37_79b9);
    for _ in 0..20_000 {
        let mut f = seeds[rng.usize(..seeds.len())].clone();
        for _ in 0..rng.usize(1..4) {
            let at = rng.usize(..=f.len());
            let byte = ALPHABET[rng.usize(..ALPHABET.len())];
            match rng.u8(..3) {
                0 if at < f.len() => f[at] = byte,
                1 if at < f.len() => {
                    f.remove(at);
                }
                _ => f.insert(at, byte),
            }
        }
        agrees(&f);
    }
}

#[test]
fn known_event_names_are_found_by_slot() {
    let mut found = 0;
    for kind in EventKind::ALL {
        let f = format!(r#"{{"t":"{}","s":7,"op":0,"d":{{}}}}"#, kind.name());
        let f = f.as_bytes();
        assert!(agrees(f));
        assert_eq!(envelope(f).unwrap().name, Some(kind.name()));
        assert_eq!(envelope(f).unwrap().kind, Some(*kind));
        let end = 6 + kind.name().len();
        let (head, tail) = name_words(kind.name().as_bytes());
        assert_eq!(head, u64::from_le_bytes(f[6..14].try_into().unwrap()));
        assert_eq!(
            tail,
            u64::from_le_bytes(f[end - 8..end].try_into().unwrap())
        );
        let slot = name_slot(head, tail);
        found += usize::from(EventKind::ALL.get(usize::from(KNOWN_NAMES[slot]) - 1) == Some(kind));
        // A name one byte off is not taken for the known one.
        for at in [6, 6 + kind.name().len() / 2, end - 1] {
            let mut g = f.to_vec();
            g[at] ^= 0x20;
            assert!(agrees(&g));
            assert_ne!(envelope(&g).unwrap().name, Some(kind.name()));
        }
    }
    // Today no two names share a slot; a few future collisions only cost those names speed.
    assert!(
        found + 3 >= EventKind::ALL.len(),
        "{found} of {}",
        EventKind::ALL.len()
    );
    for f in [
        br#"{"t":"NOT_AN_EVENT_YET","s":7,"op":0,"d":{}}"#.as_slice(),
        br#"{"t":"X","s":7,"op":0,"d":{}}"#,
        br#"{"t":"","s":7,"op":0,"d":{}}"#,
    ] {
        assert!(agrees(f));
    }
}

#[test]
fn fast_uint_reads_the_digits_it_finds() {
    let mut rng = fastrand::Rng::with_seed(7);
    let mut numbers = vec![
        0u64,
        1,
        9,
        10,
        99,
        100,
        9_999_999,
        10_000_000,
        12_345_678,
        u64::MAX,
    ];
    numbers.extend((0..2000).map(|_| {
        let len = rng.u32(1..20);
        rng.u64(..10u64.pow(len))
    }));
    for n in numbers {
        for after in ["", ",", "}", ",\"op\":0", "x", " 1"] {
            for lead in ["", "0", "00"] {
                let text = format!("{lead}{n}{after}");
                let digits = text.bytes().take_while(u8::is_ascii_digit).count();
                let want = (digits <= 19).then(|| text[..digits].parse::<u64>().unwrap());
                let mut i = 0;
                assert_eq!(fast_uint(text.as_bytes(), &mut i), want, "{text}");
                if want.is_some() {
                    assert_eq!(i, digits, "{text}");
                }
            }
        }
    }
    let mut i = 0;
    assert_eq!(fast_uint(b",1", &mut i), None);
}

#[test]
fn d_nested_deeper_than_the_limit_is_refused_however_it_was_found() {
    let nested = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
    for depth in [3, 4, 20_000] {
        let inner = format!(r#"{{"a":{},"b":"[[[["}}"#, nested(depth - 1));
        // Discord's order (the fast path stops at `d`), and `d` first (the general scan).
        let frames = [
            format!(r#"{{"t":"X","s":1,"op":0,"d":{inner}}}"#),
            format!(r#"{{"d":{inner},"op":0,"s":1,"t":"X"}}"#),
        ];
        for f in frames {
            let f = f.as_bytes();
            let env = envelope(f).unwrap();
            let span = d_span(f, &env.data, 4);
            if depth <= 4 {
                assert_eq!(&f[span.unwrap()], inner.as_bytes());
            } else {
                assert_eq!(span, Err(TOO_DEEP), "{depth}");
            }
        }
    }
    // Brackets inside strings do not count.
    let f = br#"{"t":"X","s":1,"op":0,"d":["[[[[[[[["]}"#;
    let env = envelope(f).unwrap();
    assert!(d_span(f, &env.data, 1).is_ok());
}
