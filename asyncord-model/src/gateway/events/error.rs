//! [`EventParseError`]: a dispatch payload that does not match its event type, with the JSON
//! path of the offending value when the parser reports a position.

use std::fmt;

/// A dispatch event's payload could not be parsed into its typed event.
///
/// Names the event, the JSON path inside `d` (when known) and the parser's message. The shard
/// logs it and hands the payload on as raw; it never stops the connection.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub struct EventParseError {
    /// The event name (`t`).
    pub event: String,
    /// Where in `d` parsing failed, like `.member.user.id` or `.embeds[2]` (`None` when the
    /// parser gave no position).
    pub path: Option<String>,
    /// The parser's message.
    pub message: String,
}

impl fmt::Display for EventParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot parse the {} event", self.event)?;
        if let Some(path) = &self.path {
            write!(f, " at `{path}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl EventParseError {
    /// An error from serde_json, with the path computed from its position in `json`.
    pub(crate) fn from_serde_json(event: &str, json: &str, err: &serde_json::Error) -> Self {
        let path = if err.line() == 0 {
            None
        } else {
            byte_offset(json, err.line(), err.column()).map(|offset| {
                crate::json::path_at(
                    json.as_bytes(),
                    offset,
                    err.to_string().starts_with("missing field"),
                )
            })
        };
        Self {
            event: event.to_owned(),
            path,
            message: err.to_string(),
        }
    }

    /// An error from the model's JSON reader for the document `json`, with the path of the value
    /// where reading stopped.
    pub(crate) fn from_json(event: &str, json: &[u8], err: &crate::json::Error) -> Self {
        Self {
            event: event.to_owned(),
            path: err.path_in(json),
            message: err.to_string(),
        }
    }
}

/// The byte offset of serde_json's 1-based `line` and byte `column` (the last byte read).
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(line - 2)
            .map(|(i, _)| i + 1)?
    };
    Some((line_start + column).min(text.len()))
}

#[cfg(test)]
mod tests {
    use super::EventParseError;

    fn error_for<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> EventParseError {
        let err = serde_json::from_str::<T>(json).unwrap_err();
        EventParseError::from_serde_json("TEST", json, &err)
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        id: u64,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        name: String,
        items: Vec<Inner>,
    }

    #[test]
    fn path_of_a_wrong_type_in_an_array() {
        let err =
            error_for::<Outer>("{\"name\": \"x\",\n \"items\": [{\"id\": 1}, {\"id\": \"two\"}]}");
        assert_eq!(err.path.as_deref(), Some(".items[1].id"));
        assert!(
            err.to_string()
                .starts_with("cannot parse the TEST event at `.items[1].id`")
        );
    }

    #[test]
    fn path_of_a_missing_field_is_the_object() {
        let err = error_for::<Outer>(r#"{"name": "x", "items": [{"id": 1}, {"idx": 2}]}"#);
        assert_eq!(err.path.as_deref(), Some(".items[1]"));
        let err = error_for::<Outer>(r#"{"items": []}"#);
        assert_eq!(err.path.as_deref(), Some("."));
    }

    #[test]
    fn escaped_quotes_in_strings_do_not_confuse_the_path() {
        let err = error_for::<Outer>(r#"{"name": "a \"}\" b", "items": [{"id": true}]}"#);
        assert_eq!(err.path.as_deref(), Some(".items[0].id"));
    }
}
