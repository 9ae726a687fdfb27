//! The REST error type and Discord's JSON error body.
//!
//! Discord answers a failed request with `{"code", "message", "errors"?}`, where `errors` is a
//! tree of field names ending in `{"_errors": [{"code", "message"}]}`
//! (<https://discord.com/developers/docs/reference#error-messages>). [`ApiError`] keeps the code
//! and message and flattens the tree into [`FieldError`]s such as
//! `embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH)`.

use std::fmt;
use std::time::Duration;

pub use asyncord_model::rate_limit::RateLimitScope;
use asyncord_model::request::ValidationError;
use serde_json::Value;

/// The result type of every REST call.
pub type RestResult<T> = Result<T, RestError>;

/// A boxed error from the transport (connection refused, TLS, malformed response...).
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// One invalid field reported by Discord in the `errors` tree of an error body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Dotted path of the field, e.g. `embeds.0.title`.
    pub path: String,
    /// Discord's error code for the field, e.g. `BASE_TYPE_MAX_LENGTH`.
    pub code: String,
    /// Discord's message for the field.
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{} ({})", self.message, self.code)
        } else {
            write!(f, "{}: {} ({})", self.path, self.message, self.code)
        }
    }
}

/// A request Discord refused, with its JSON error body parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiError {
    /// The HTTP method of the request.
    pub method: String,
    /// The request path (webhook and interaction tokens redacted).
    pub path: String,
    /// The HTTP status code.
    pub status: u16,
    /// Discord's JSON error code (`0` when the body had none).
    pub code: u64,
    /// Discord's message.
    pub message: String,
    /// The nested field errors, flattened.
    pub errors: Vec<FieldError>,
}

impl ApiError {
    /// Builds the error from a status and a parsed JSON body.
    pub fn from_body(method: &str, path: &str, status: u16, body: &Value) -> Self {
        let mut errors = Vec::new();
        if let Some(tree) = body.get("errors") {
            flatten_errors(tree, &mut String::new(), &mut errors);
        }
        Self {
            method: method.to_owned(),
            path: path.to_owned(),
            status,
            code: body.get("code").and_then(Value::as_u64).unwrap_or(0),
            message: body
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned(),
            errors,
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} failed with {}: {} (code {})",
            self.method, self.path, self.status, self.message, self.code
        )?;
        for (i, e) in self.errors.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            fmt::Display::fmt(e, f)?;
        }
        Ok(())
    }
}

/// Walks Discord's `errors` tree, collecting every `_errors` list with its dotted path.
fn flatten_errors(node: &Value, path: &mut String, out: &mut Vec<FieldError>) {
    let Some(map) = node.as_object() else { return };
    for (key, child) in map {
        if key == "_errors" {
            for e in child.as_array().map(Vec::as_slice).unwrap_or_default() {
                out.push(FieldError {
                    path: path.clone(),
                    code: e
                        .get("code")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                    message: e
                        .get("message")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_owned(),
                });
            }
            continue;
        }
        let len = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
        flatten_errors(child, path, out);
        path.truncate(len);
    }
}

/// Everything that can go wrong with a REST call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RestError {
    /// The request body broke one of Discord's documented limits; nothing was sent.
    #[error("invalid request, nothing was sent: {0}")]
    Validation(#[from] ValidationError),
    /// Discord rejected the request as malformed (400): see the field errors.
    #[error("bad request: {0}")]
    BadRequest(ApiError),
    /// The token is not valid (401). The client stops using it.
    #[error("unauthorized (check the bot token): {0}")]
    Unauthorized(ApiError),
    /// An earlier request got 401, so this client no longer sends requests with its token.
    #[error(
        "the bot token was rejected by Discord (401) earlier; this client sends no more \
         authenticated requests: create a new client with a valid token"
    )]
    TokenInvalidated,
    /// The bot lacks a permission or access (403).
    #[error("forbidden (missing permission or access): {0}")]
    Forbidden(ApiError),
    /// The resource does not exist (404).
    #[error("not found: {0}")]
    NotFound(ApiError),
    /// Another 4xx status.
    #[error("request failed: {0}")]
    Api(ApiError),
    /// Still rate limited after the configured number of retries.
    #[error(
        "{method} {path} rate limited ({scope} scope, retry after {retry_after:?}) after {attempts} attempts: {message}"
    )]
    RateLimited {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The scope of the last 429.
        scope: RateLimitScope,
        /// How long Discord asked to wait.
        retry_after: Duration,
        /// Whether it was the global limit.
        global: bool,
        /// Discord's message.
        message: String,
        /// How many times the request was sent.
        attempts: u32,
    },
    /// Not sent: the invalid responses (401, 403, non-shared 429, webhook 404) of the last 10
    /// minutes reached the client's limit, which keeps the IP clear of Cloudflare's ban at
    /// 10,000 (see [`InvalidRequestLimiter`](super::InvalidRequestLimiter)). Fix what makes
    /// the requests invalid (a missing permission, a deleted webhook...).
    #[error(
        "{method} {path} was not sent: {count} invalid requests (401/403/429/webhook 404) in the \
         last 10 minutes reached this client's limit of {limit}, which keeps the IP clear of \
         Discord's ban at 10,000; the window has room again in {retry_after:?}"
    )]
    InvalidRequestLimit {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The invalid responses in the window.
        count: u32,
        /// The limit.
        limit: u32,
        /// When the window has room again, even if every request now in flight turns out
        /// invalid.
        retry_after: Duration,
    },
    /// The response was a redirect (3xx), which is never followed: the request would carry
    /// the token to a host the client was not configured with. A proxy or base URL that
    /// redirects needs fixing.
    #[error(
        "{method} {path}: status {status} redirects to {}; redirects are not followed, so the \
         token never goes to another host (check the base URL)",
        .location.as_deref().unwrap_or("an unknown location")
    )]
    Redirected {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The HTTP status.
        status: u16,
        /// The host (and port) of the `Location` header (`the same host` for a relative one),
        /// if any; its path is left out.
        location: Option<String>,
    },
    /// Discord had a server error (5xx), after retries for idempotent methods.
    #[error("{method} {path}: Discord server error {status} after {attempts} attempts")]
    Server {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The HTTP status.
        status: u16,
        /// How many times the request was sent.
        attempts: u32,
    },
    /// No response within the configured timeout.
    #[error("{method} {path}: no response within {after:?}")]
    Timeout {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The configured timeout.
        after: Duration,
    },
    /// The connection failed (DNS, TCP, TLS, HTTP framing).
    #[error("{method} {path}: transport error: {source}")]
    Transport {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The underlying error.
        #[source]
        source: BoxError,
    },
    /// Discord answered with an error status and a body that is not JSON (a proxy page...).
    #[error("{method} {path}: status {status} with a non-JSON body: {snippet}")]
    NotJson {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The HTTP status.
        status: u16,
        /// The start of the body.
        snippet: String,
    },
    /// A successful response whose body does not match the expected model type.
    #[error(
        "{method} {path}: could not parse the response: {source} (body starts with: {snippet})"
    )]
    Decode {
        /// The HTTP method.
        method: String,
        /// The request path (tokens redacted).
        path: String,
        /// The parse error (with its line and column).
        #[source]
        source: serde_json::Error,
        /// The start of the body.
        snippet: String,
    },
    /// The request could not be built (a body failed to serialise, a bad base URL...).
    #[error("could not build the request: {0}")]
    InvalidRequest(String),
    /// An interaction received over HTTP was answered automatically with a deferral when its
    /// deadline passed, and this response cannot follow a deferral (an autocomplete result or
    /// a modal must be the first answer): answer those within the interactions endpoint's
    /// deadline.
    #[error(
        "interaction {interaction_id}: a {callback:?} response cannot follow the automatic \
         deferral sent when the interactions endpoint's deadline passed; answer it sooner"
    )]
    LateInteractionResponse {
        /// The interaction.
        interaction_id: asyncord_model::InteractionId,
        /// The response's callback type.
        callback: asyncord_model::interaction::InteractionCallbackType,
    },
}

impl RestError {
    /// The HTTP status, when the error came from a response.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::BadRequest(e)
            | Self::Unauthorized(e)
            | Self::Forbidden(e)
            | Self::NotFound(e)
            | Self::Api(e) => Some(e.status),
            Self::RateLimited { .. } => Some(429),
            Self::Server { status, .. }
            | Self::NotJson { status, .. }
            | Self::Redirected { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Discord's parsed error body, when there is one.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Self::BadRequest(e)
            | Self::Unauthorized(e)
            | Self::Forbidden(e)
            | Self::NotFound(e)
            | Self::Api(e) => Some(e),
            _ => None,
        }
    }

    /// Discord's JSON error code, when there is one (e.g. `10008` Unknown Message).
    pub fn code(&self) -> Option<u64> {
        self.api_error().map(|e| e.code)
    }

    /// Maps a 4xx response with a JSON body to its kind.
    pub(crate) fn from_api(e: ApiError) -> Self {
        match e.status {
            400 => Self::BadRequest(e),
            401 => Self::Unauthorized(e),
            403 => Self::Forbidden(e),
            404 => Self::NotFound(e),
            _ => Self::Api(e),
        }
    }
}

/// The first `max` characters of a body, for error messages, with the tokens it may hold
/// redacted (see [`redact_tokens`]).
pub(crate) fn snippet(body: &[u8], max: usize) -> String {
    let text = String::from_utf8_lossy(body);
    // Redact a little past the cut, so a token straddling it is recognised whole.
    let end = text
        .char_indices()
        .nth(max.saturating_add(256))
        .map_or(text.len(), |(i, _)| i);
    let redacted = redact_tokens(&text[..end]);
    let mut s: String = redacted.chars().take(max).collect();
    if redacted.chars().count() > max || end < text.len() {
        s.push('…');
    }
    s
}

/// Replaces the tokens a response body can carry: the string value of every `"token"` key (a
/// webhook's, an interaction's) becomes `<redacted>`, and the token segment of a webhook or
/// interaction URL (`/webhooks/{id}/{token}`, `/interactions/{id}/{token}`) becomes `:token`.
/// An unterminated value (a cut body) is redacted to the end.
fn redact_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let key = rest.find("\"token\"");
        let url = ["/webhooks/", "/interactions/"]
            .iter()
            .filter_map(|p| rest.find(p).map(|i| (i, p.len())))
            .min();
        match (key, url) {
            (Some(k), u) if u.is_none_or(|(i, _)| k < i) => {
                let after = k + "\"token\"".len();
                out.push_str(&rest[..after]);
                rest = &rest[after..];
                rest = redact_string_value(rest, &mut out);
            }
            (_, Some((i, len))) => {
                let after = i + len;
                out.push_str(&rest[..after]);
                rest = &rest[after..];
                let digits =
                    rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                if digits > 0 && rest[digits..].starts_with('/') {
                    out.push_str(&rest[..=digits]);
                    rest = &rest[digits + 1..];
                    let token = rest
                        .find(|c: char| {
                            matches!(c, '/' | '?' | '#' | '"' | '\\') || c.is_whitespace()
                        })
                        .unwrap_or(rest.len());
                    if token > 0 {
                        out.push_str(":token");
                        rest = &rest[token..];
                    }
                }
            }
            _ => {
                out.push_str(rest);
                return out;
            }
        }
    }
}

/// After a key: writes `: "<redacted>"` for a string value (the separator as it was), and
/// returns what follows the value; anything else is left as it is.
fn redact_string_value<'t>(rest: &'t str, out: &mut String) -> &'t str {
    let value = rest.trim_start();
    let Some(value) = value.strip_prefix(':') else {
        return rest;
    };
    let value = value.trim_start();
    let Some(inner) = value.strip_prefix('"') else {
        return rest;
    };
    out.push_str(&rest[..rest.len() - inner.len()]);
    out.push_str("<redacted>");
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return &inner[i..],
            _ => {}
        }
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_field_errors_render_readably() {
        let body = serde_json::json!({
            "code": 50035,
            "message": "Invalid Form Body",
            "errors": {"embeds": {"0": {"title": {"_errors": [
                {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 256 or fewer in length."}
            ]}}}}
        });
        let e = ApiError::from_body("POST", "/channels/1/messages", 400, &body);
        assert_eq!(e.code, 50035);
        assert_eq!(e.errors[0].path, "embeds.0.title");
        let text = RestError::from_api(e).to_string();
        assert!(
            text.contains("embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH)"),
            "{text}"
        );
    }

    #[test]
    fn top_level_errors_have_no_path() {
        let body = serde_json::json!({"code": 50035, "message": "Invalid Form Body",
            "errors": {"_errors": [{"code": "X", "message": "m"}]}});
        let e = ApiError::from_body("GET", "/x", 400, &body);
        assert_eq!(e.errors[0].to_string(), "m (X)");
    }

    #[test]
    fn snippets_redact_tokens() {
        let body = br#"{"id": "1", "token" : "abc\"def", "url": "https://discord.com/api/webhooks/12/s3cr3t-T0k?wait=1", "name": "token"}"#;
        let s = snippet(body, 500);
        assert_eq!(
            s,
            r#"{"id": "1", "token" : "<redacted>", "url": "https://discord.com/api/webhooks/12/:token?wait=1", "name": "token"}"#
        );
        // Cut inside the token: nothing of it remains.
        let body = br#"{"token":"0123456789abcdef0123456789"}"#;
        let s = snippet(body, 15);
        assert_eq!(s, r#"{"token":"<reda…"#);
        let s = snippet(b"x /interactions/5/itok/callback", 100);
        assert_eq!(s, "x /interactions/5/:token/callback");
        // Not a token: left alone.
        let s = snippet(br#"{"tokens": 3, "path": "/webhooks/abc"}"#, 100);
        assert_eq!(s, r#"{"tokens": 3, "path": "/webhooks/abc"}"#);
    }
}
