//! Small helpers over JSON values used by the validator: type names, numeric comparison,
//! equality that treats `1` and `1.0` alike, and the `format` checks.

use std::cmp::Ordering;

use serde_json::{Number, Value};

use super::keywords;

/// The JSON Schema type name of a value (`integer` for whole numbers).
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if is_integer(n) => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Whether `value` is an instance of the JSON Schema type `name`.
pub fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "number" => value.is_number(),
        "integer" => matches!(value, Value::Number(n) if is_integer(n)),
        other => type_name(value) == other,
    }
}

/// A short description of a value for error messages: `string "abc"`, `integer 5`, `array`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("{} {n}", type_name(value)),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            if shown.len() < s.len() {
                format!("string {shown:?}...")
            } else {
                format!("string {shown:?}")
            }
        }
        Value::Array(items) => format!("array of {}", items.len()),
        Value::Object(_) => "object".to_owned(),
    }
}

/// A number as an exact integer, when it is one that fits.
fn as_int(n: &Number) -> Option<i128> {
    n.as_i64()
        .map(i128::from)
        .or_else(|| n.as_u64().map(i128::from))
}

/// Whether a number is whole (JSON Schema counts `1.0` as an integer).
pub fn is_integer(n: &Number) -> bool {
    as_int(n).is_some()
        || n.as_f64()
            .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
}

/// Compares two numbers exactly when both are integers, as floats otherwise.
pub fn compare(a: &Number, b: &Number) -> Option<Ordering> {
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => Some(x.cmp(&y)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

/// JSON equality where numbers compare by value (`1 == 1.0`).
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => compare(x, y) == Some(Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|other| json_eq(v, other)))
        }
        _ => a == b,
    }
}

/// Checks `value` against a `format`; `Err` carries the message. Formats apply only to the
/// instance types they describe (a `date-time` format on a null is not checked).
pub fn check_format(format: &str, value: &Value) -> Result<(), String> {
    match (format, value) {
        ("snowflake", Value::String(s)) => {
            if keywords::matches_pattern(keywords::SNOWFLAKE_PATTERN, s) == Some(true)
                && s.parse::<u64>().is_ok()
            {
                Ok(())
            } else {
                Err(format!("{} is not a snowflake", describe(value)))
            }
        }
        ("int32", Value::Number(n)) => {
            in_range(n, i128::from(i32::MIN), i128::from(i32::MAX), "int32")
        }
        ("int64", Value::Number(n)) => {
            in_range(n, i128::from(i64::MIN), i128::from(i64::MAX), "int64")
        }
        ("date-time", Value::String(s)) => {
            if is_date_time(s) {
                Ok(())
            } else {
                Err(format!("{} is not an RFC 3339 date-time", describe(value)))
            }
        }
        ("uri", Value::String(s)) => {
            if is_uri(s) {
                Ok(())
            } else {
                Err(format!("{} is not a URI", describe(value)))
            }
        }
        (f, _) if keywords::FORMATS.contains(&f) => Ok(()),
        (f, _) => Err(format!("unsupported format {f:?} in the spec")),
    }
}

fn in_range(n: &Number, min: i128, max: i128, name: &str) -> Result<(), String> {
    match as_int(n) {
        Some(i) if (min..=max).contains(&i) => Ok(()),
        Some(i) => Err(format!("integer {i} does not fit {name}")),
        // whole floats (1.0) are accepted as integers; their size is checked by min/max
        None => Ok(()),
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)`, leniently: the separator may be `T`, `t` or a
/// space, and the zone may be missing (Discord's docs examples sometimes omit it).
fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && b.get(16) == Some(&b':')
        && digits(17..19))
    {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let len = frac.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 {
            return false;
        }
        rest = &frac[len..];
    }
    match rest.as_bytes() {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit()),
        _ => false,
    }
}

/// A loose URI check: a scheme (`letter *(letter / digit / "+" / "-" / ".")`), a colon, and no
/// whitespace.
fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.chars().any(char::is_whitespace)
}
