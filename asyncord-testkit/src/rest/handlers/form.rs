//! Reading a request as Discord's forms do: string lengths checked with Discord's form errors,
//! the `limit` query clamped, a body field or its default, the allowed fields of a body merged
//! onto a stored object ([docs](https://discord.com/developers/docs/reference#error-messages)).

use asyncord_model::Snowflake;
use serde_json::{Map, Value, json};

use super::request::Ctx;
use crate::rest::reply::Reply;

/// Copies the allowed fields of `patch` onto `target` (JSON merge of the top level).
pub(crate) fn merge(target: &mut Value, patch: &Map<String, Value>, allowed: &[&str]) {
    for (k, v) in patch {
        if allowed.contains(&k.as_str()) {
            target[k.as_str()] = v.clone();
        }
    }
}

/// Checks a string field's length in characters (`min..=max`), as Discord's form errors do.
pub(crate) fn check_len(
    body: &Value,
    field: &str,
    min: usize,
    max: usize,
    required: bool,
) -> Result<(), Reply> {
    match body.get(field).and_then(Value::as_str) {
        None if required => Err(Reply::form_error(
            field,
            "BASE_TYPE_REQUIRED",
            "This field is required",
        )),
        None => Ok(()),
        Some(s) => {
            let n = s.chars().count();
            if n > max {
                Err(Reply::form_error(
                    field,
                    "BASE_TYPE_MAX_LENGTH",
                    &format!("Must be {max} or fewer in length."),
                ))
            } else if n < min {
                Err(Reply::form_error(
                    field,
                    "BASE_TYPE_BAD_LENGTH",
                    &format!("Must be between {min} and {max} in length."),
                ))
            } else {
                Ok(())
            }
        }
    }
}

/// `?limit=` clamped to `1..=max`, `default` when absent.
pub(crate) fn limit(ctx: &Ctx<'_>, default: u64, max: u64) -> usize {
    ctx.q_u64("limit").unwrap_or(default).clamp(1, max) as usize
}

/// A string field of `body`, or `default`.
pub(crate) fn s<'a>(body: &'a Map<String, Value>, k: &str, default: &'a str) -> &'a str {
    body.get(k).and_then(Value::as_str).unwrap_or(default)
}

/// A field of `body`, or `default`.
pub(crate) fn f(body: &Map<String, Value>, k: &str, default: Value) -> Value {
    body.get(k).cloned().unwrap_or(default)
}

/// An id as JSON (a string, as Discord writes snowflakes).
pub(crate) fn sid(id: Snowflake) -> Value {
    json!(id.to_string())
}
