//! Parsed values equal the bytes: the value the client parsed from a response, serialised
//! again, must give back the response body, field for field. A field the model drops, or one
//! whose value comes back different, is a finding; the fields the model does not keep on
//! purpose are listed in [`NOT_KEPT`], each with its reason, and nowhere else.
//!
//! Equal means: the same JSON, numbers compared as numbers, timestamps compared as instants
//! (through the model's `Timestamp`), and a field the body sends as `null`, `[]`, `{}` or
//! `false` may be absent from the serialised value (the model reads absence as that value).

use asyncord::model::Timestamp;
use serde::Serialize;
use serde_json::Value;

/// Response fields the model does not keep: `(operation id or "*", path, reason)`. The path
/// starts at the body (`.user.clan`, `[].member`; `[]` stands for every array element).
pub const NOT_KEPT: &[(&str, &str, &str)] = &[(
    "execute_slack_compatible_webhook",
    "",
    "the body is the text `ok` (a Slack convention), not an object; the client returns ()",
)];

/// The differences between the body and the serialised value (empty when they agree).
pub fn differences<T: Serialize>(op: &str, body: &[u8], value: &T) -> Result<Vec<String>, String> {
    let input: Value =
        serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))?;
    let output =
        serde_json::to_value(value).map_err(|e| format!("the value does not serialise: {e}"))?;
    let mut found = Vec::new();
    diff(op, "", &input, &output, &mut found);
    found.dedup();
    Ok(found)
}

fn not_kept(op: &str, path: &str) -> bool {
    NOT_KEPT
        .iter()
        .any(|(o, p, _)| (*o == "*" || *o == op) && *p == path)
}

fn diff(op: &str, path: &str, input: &Value, output: &Value, found: &mut Vec<String>) {
    if not_kept(op, path) {
        return;
    }
    match (input, output) {
        (Value::Object(i), Value::Object(o)) => {
            for (key, v) in i {
                let at = format!("{path}.{key}");
                match o.get(key) {
                    Some(w) => diff(op, &at, v, w, found),
                    None if is_empty(v) || not_kept(op, &at) => {}
                    None => found.push(format!("{at} lost ({})", short(v))),
                }
            }
        }
        (Value::Array(i), Value::Array(o)) => {
            if i.len() != o.len() {
                found.push(format!(
                    "{path}: {} items came back as {}",
                    i.len(),
                    o.len()
                ));
            }
            let at = format!("{path}[]");
            for (v, w) in i.iter().zip(o) {
                diff(op, &at, v, w, found);
            }
        }
        (a, b) if same(a, b) => {}
        (a, b) => found.push(format!(
            "{} altered: {} came back as {}",
            if path.is_empty() { "the body" } else { path },
            short(a),
            short(b)
        )),
    }
}

/// Whether a body value the serialised value may leave out is "nothing".
fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

fn same(sent: &Value, back: &Value) -> bool {
    if sent == back {
        return true;
    }
    match (sent, back) {
        (Value::Number(sent), Value::Number(back)) => sent.as_f64() == back.as_f64(),
        (Value::String(sent), Value::String(back)) => {
            let instant = |text: &str| serde_json::from_value::<Timestamp>(Value::from(text)).ok();
            matches!((instant(sent), instant(back)), (Some(p), Some(q)) if p == q)
        }
        _ => false,
    }
}

/// A value, shortened for a report.
fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() > 60 {
        format!("{}...", text.chars().take(60).collect::<String>())
    } else {
        text
    }
}
