use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_json::Value;

use super::{Error, from_slice, from_str};

/// Documents of every JSON shape: read into `serde_json::Value` by both readers.
const VALID: &[&str] = &[
    r#"{"a":1,"b":[true,false,null],"c":{"d":"e"},"f":-2,"g":1.5e3,"h":""}"#,
    " \t\n\r{ \"a\" : [ 1 , 2 ] , \"b\" : { } , \"c\" : [ ] } \n",
    r#""plain""#,
    r#""esc \" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20ac \ud83d\ude00 end""#,
    r#""raw ünïcødé 😀 and \u0000""#,
    "0",
    "-0",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "3.141592653589793",
    "-1.5E-7",
    "1e+2",
    "2E307",
    "[[[[[[[[[[]]]]]]]]]]",
    r#"{"ids":["41771983423143937",80351110224678912],"nested":{"x":[{"y":[null]}]}}"#,
    "true",
    "null",
    r#"["a","bcdefghij","klmnopqrstuvwxyz0123456789","\"quoted\"","12345678\n"]"#,
];

/// Documents that are not JSON.
const INVALID: &[&[u8]] = &[
    b"",
    b" ",
    b"{",
    b"}",
    b"[1,]",
    b"[,1]",
    b"[1 2]",
    b"{\"a\":1,}",
    b"{\"a\" 1}",
    b"{\"a\":1 \"b\":2}",
    b"{a:1}",
    b"{1:1}",
    b"[1}",
    b"{\"a\":1]",
    b"\"unterminated",
    b"\"tab\there\"",
    b"\"\\x\"",
    b"\"\\u12\"",
    b"\"\\u12G4\"",
    b"\"\\ud800\"",
    b"\"\\udc00\"",
    b"\"\\ud800\\u0041\"",
    b"01",
    b"-01",
    b"1.",
    b".5",
    b"1e",
    b"1e+",
    b"-",
    b"+1",
    b"1e400",
    b"tru",
    b"nul",
    b"True",
    b"NaN",
    b"1 2",
    b"{} x",
    b"\"\xff\"",
    b"\"\xc3\"",
    b"\"\xed\xa0\x80\"",
];

fn ours(json: &[u8]) -> Result<Value, Error> {
    from_slice(json)
}

#[test]
fn reads_every_json_shape_as_serde_json_does() {
    for json in VALID {
        let want: Value = serde_json::from_str(json).unwrap();
        assert_eq!(ours(json.as_bytes()).unwrap(), want, "{json}");
    }
}

#[test]
fn refuses_what_is_not_json_with_an_offset() {
    for json in INVALID {
        assert!(serde_json::from_slice::<Value>(json).is_err(), "{json:?}");
        let e = ours(json).unwrap_err();
        assert!(e.is_syntax(), "{json:?}: {e}");
        let offset = e.offset().unwrap();
        assert!(offset <= json.len(), "{json:?}: {e}");
        assert!(
            e.to_string().ends_with(&format!(" at byte {offset}")),
            "{e}"
        );
    }
}

#[test]
fn every_cut_and_every_changed_byte_agrees_with_serde_json() {
    let corpus = VALID.join(" ,");
    let docs = [
        format!("[{corpus}]"),
        VALID[0].to_owned(),
        VALID[3].to_owned(),
    ];
    let replacements = b"\"\\{}[],:0-.eE a\x01\x7f\xff";
    for doc in &docs {
        let bytes = doc.as_bytes();
        for cut in 0..bytes.len() {
            let prefix = &bytes[..cut];
            assert_eq!(
                ours(prefix).is_ok(),
                serde_json::from_slice::<Value>(prefix).is_ok(),
                "{:?}",
                String::from_utf8_lossy(prefix)
            );
        }
        for at in 0..bytes.len() {
            for &r in replacements {
                let mut changed = bytes.to_vec();
                changed[at] = r;
                let want = serde_json::from_slice::<Value>(&changed);
                let got = ours(&changed);
                assert_eq!(
                    got.as_ref().ok(),
                    want.as_ref().ok(),
                    "{:?}",
                    String::from_utf8_lossy(&changed)
                );
            }
        }
    }
}

#[test]
fn nesting_is_limited_where_values_are_built_and_where_they_are_skipped() {
    #[derive(Debug, Deserialize)]
    struct Known {
        #[allow(dead_code)]
        id: u64,
    }
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(ours(nested(128).as_bytes()).is_ok());
    let e = ours(nested(129).as_bytes()).unwrap_err();
    assert!(e.message().contains("nested too deeply"), "{e}");
    // Deep enough to overflow the stack if it were followed.
    let hostile = "[".repeat(1_000_000);
    assert!(ours(hostile.as_bytes()).is_err());

    // The object itself is one level.
    let skipped = format!(r#"{{"id":1,"extra":{}}}"#, nested(127));
    assert!(from_str::<Known>(&skipped).is_ok());
    let skipped = format!(r#"{{"id":1,"extra":{}}}"#, "[".repeat(1_000_000));
    let e = from_str::<Known>(&skipped).unwrap_err();
    assert!(e.message().contains("nested too deeply"), "{e}");
}

#[test]
fn skipped_values_are_checked() {
    #[derive(Debug, Deserialize, PartialEq)]
    struct Known {
        id: u64,
    }
    assert_eq!(
        from_str::<Known>(r#"{"extra":{"a":[1,"\u00e9",null,{}]},"id":7}"#).unwrap(),
        Known { id: 7 }
    );
    for bad in [
        r#"{"extra":[1,],"id":7}"#,
        r#"{"extra":{"a" 1},"id":7}"#,
        r#"{"extra":"\q","id":7}"#,
        r#"{"extra":01,"id":7}"#,
        r#"{"extra":[1}],"id":7}"#,
        r#"{"extra":nul,"id":7}"#,
    ] {
        assert!(from_str::<Known>(bad).unwrap_err().is_syntax(), "{bad}");
    }
}

#[test]
fn a_value_of_the_wrong_shape_names_the_problem_and_where_it_stopped() {
    #[derive(Debug, Deserialize)]
    struct Doc {
        #[allow(dead_code)]
        name: String,
        #[allow(dead_code)]
        count: u8,
    }
    let e = from_str::<Doc>(r#"{"name":"a","count":300}"#).unwrap_err();
    assert!(!e.is_syntax());
    assert!(e.message().contains("300"), "{e}");
    assert_eq!(e.offset(), Some(23));
    let e = from_str::<Doc>(r#"{"name":"a"}"#).unwrap_err();
    assert!(e.message().contains("missing field `count`"), "{e}");
    let e = from_str::<Doc>(r#"{"name":5,"count":1}"#).unwrap_err();
    assert!(e.message().contains("invalid type: integer `5`"), "{e}");
}

#[test]
fn strings_without_escapes_are_borrowed() {
    #[derive(Deserialize)]
    struct Doc<'a> {
        plain: &'a str,
        #[serde(borrow)]
        escaped: Cow<'a, str>,
        #[serde(borrow)]
        unescaped: Cow<'a, str>,
    }
    let json = r#"{"plain":"abc","escaped":"a\nb","unescaped":"xyz"}"#;
    let doc: Doc<'_> = from_str(json).unwrap();
    assert_eq!(doc.plain, "abc");
    assert!(matches!(doc.escaped, Cow::Owned(ref s) if s == "a\nb"));
    assert!(matches!(doc.unescaped, Cow::Borrowed("xyz")));
    // A borrowed `&str` cannot hold an unescaped copy.
    assert!(from_str::<Doc<'_>>(r#"{"plain":"a\"b","escaped":"","unescaped":""}"#).is_err());
}

#[test]
fn maps_keyed_by_numbers_read_their_keys_as_numbers() {
    let map: HashMap<u64, String> = from_str(r#"{"1":"a","18446744073709551615":"b"}"#).unwrap();
    assert_eq!(map[&u64::MAX], "b");
    let map: BTreeMap<i8, bool> = from_str(r#"{"-1":true}"#).unwrap();
    assert!(map[&-1]);
    assert!(from_str::<HashMap<u8, bool>>(r#"{"256":true}"#).is_err());
    assert!(from_str::<HashMap<u8, bool>>(r#"{"x":true}"#).is_err());
}

#[test]
fn enums_read_as_serde_json_reads_them() {
    #[derive(Debug, Deserialize, PartialEq)]
    enum Shape {
        Empty,
        Circle(f64),
        Point(i32, i32),
        Rect { w: u32, h: u32 },
    }
    let cases = [
        (r#""Empty""#, Shape::Empty),
        (r#"{"Empty":null}"#, Shape::Empty),
        (r#"{"Circle":1.5}"#, Shape::Circle(1.5)),
        (r#"{"Point":[1,-2]}"#, Shape::Point(1, -2)),
        (r#"{"Rect":{"w":3,"h":4}}"#, Shape::Rect { w: 3, h: 4 }),
    ];
    for (json, want) in cases {
        assert_eq!(from_str::<Shape>(json).unwrap(), want, "{json}");
        assert_eq!(serde_json::from_str::<Shape>(json).unwrap(), want, "{json}");
    }
    for bad in [
        r#""Circle""#,
        r#""Nope""#,
        r#"{"Circle":1.5,"Empty":null}"#,
        r#"{"Circle"}"#,
        "3",
    ] {
        assert!(from_str::<Shape>(bad).is_err(), "{bad}");
        assert!(serde_json::from_str::<Shape>(bad).is_err(), "{bad}");
    }
}

#[test]
fn numbers_reach_the_visitor_serde_json_would_call() {
    assert_eq!(from_str::<u64>("18446744073709551615").unwrap(), u64::MAX);
    assert_eq!(from_str::<i64>("-9223372036854775808").unwrap(), i64::MIN);
    assert!(from_str::<u64>("18446744073709551616").is_err());
    assert!(from_str::<i64>("9223372036854775808").is_err());
    assert!(from_str::<u32>("-1").is_err());
    assert_eq!(
        from_str::<f64>("-0.25e1").unwrap().to_bits(),
        (-2.5f64).to_bits()
    );
    assert_eq!(from_str::<f64>("7").unwrap().to_bits(), 7f64.to_bits());
    assert_eq!(from_str::<Option<u8>>("null").unwrap(), None);
    assert_eq!(from_str::<Option<u8>>(" 5 ").unwrap(), Some(5));
    assert_eq!(from_str::<char>(r#""\u00e9""#).unwrap(), 'é');
}
