//! Responses the emulator sends, including Discord's JSON error bodies
//! (<https://discord.com/developers/docs/topics/opcodes-and-status-codes#json>).

use serde_json::{Value, json};

/// A response before headers are added.
#[derive(Clone, Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Option<Value>,
}

impl Reply {
    /// 200 with a JSON body.
    pub fn ok(body: Value) -> Self {
        Self {
            status: 200,
            body: Some(body),
        }
    }

    /// 201 with a JSON body.
    pub fn created(body: Value) -> Self {
        Self {
            status: 201,
            body: Some(body),
        }
    }

    /// 204 without body.
    pub fn no_content() -> Self {
        Self {
            status: 204,
            body: None,
        }
    }

    /// An error with Discord's `{code, message}` body.
    pub fn error(status: u16, code: u64, message: &str) -> Self {
        Self {
            status,
            body: Some(json!({"message": message, "code": code})),
        }
    }

    /// 405, Discord's answer to a path it has called with a method it has not.
    pub fn method_not_allowed() -> Self {
        Self::error(405, 0, "405: Method Not Allowed")
    }

    /// 404 with an "Unknown X" code.
    pub fn unknown(code: u64, what: &str) -> Self {
        Self::error(404, code, &format!("Unknown {what}"))
    }

    /// 400 "Invalid Form Body" (50035) with one field error at a dotted `path` (`""`: top level).
    pub fn form_error(path: &str, code: &str, message: &str) -> Self {
        let mut tree = json!({"_errors": [{"code": code, "message": message}]});
        for key in path.rsplit('.').filter(|k| !k.is_empty()) {
            tree = json!({ key: tree });
        }
        Self {
            status: 400,
            body: Some(json!({"message": "Invalid Form Body", "code": 50035, "errors": tree})),
        }
    }
}

/// Shorthands for the "Unknown X" 404s.
pub(crate) mod unknown {
    use super::Reply;

    pub fn channel() -> Reply {
        Reply::unknown(10003, "Channel")
    }
    pub fn guild() -> Reply {
        Reply::unknown(10004, "Guild")
    }
    pub fn message() -> Reply {
        Reply::unknown(10008, "Message")
    }
    pub fn member() -> Reply {
        Reply::unknown(10007, "Member")
    }
    pub fn role() -> Reply {
        Reply::unknown(10011, "Role")
    }
    pub fn user() -> Reply {
        Reply::unknown(10013, "User")
    }
    pub fn invite() -> Reply {
        Reply::unknown(10006, "Invite")
    }
    pub fn webhook() -> Reply {
        Reply::unknown(10015, "Webhook")
    }
    pub fn ban() -> Reply {
        Reply::unknown(10026, "Ban")
    }
    pub fn emoji() -> Reply {
        Reply::unknown(10014, "Emoji")
    }
    pub fn interaction() -> Reply {
        Reply::unknown(10062, "interaction")
    }
    pub fn command() -> Reply {
        Reply::unknown(10063, "application command")
    }
    pub fn stage_instance() -> Reply {
        Reply::unknown(10067, "Stage Instance")
    }
    pub fn sticker() -> Reply {
        Reply::unknown(10060, "Sticker")
    }
    /// A path Discord does not have (or the emulator does not emulate).
    pub fn route() -> Reply {
        Reply::error(404, 0, "404: Not Found")
    }
}
