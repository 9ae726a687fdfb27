//! Routes: an operation of the route table ([`asyncord_model::route`]) with its path parameters
//! filled in, and its rate-limit identity.
//!
//! Discord limits requests per route **and top-level resource** (channel, guild, webhook id +
//! token, interaction) (<https://discord.com/developers/docs/topics/rate-limits>). A [`Route`]
//! is built from a table entry and typed parameters; its [`route_key`](Route::route_key) is the
//! method and the template, its [`major`](Route::major) the value of the parameters the table
//! names, so `GET /channels/1/messages/5` and `GET /channels/1/messages/6` share one limiter
//! while `GET /channels/2/messages/5` gets another.
//!
//! Parameters are typed, so none can be inserted as it is: ids are integers ([`Id`] of any
//! kind, `u32`), text goes through [`Segment`] and tokens through [`Secret`], both percent-encoded so
//! that a `/`, `?`, `#` or a dot segment in them cannot change which request is made.
//! `Route::new` takes exactly as many parameters as the entry's path has (checked by the
//! compiler, through the entry's type [`Endpoint<N>`]).

use std::fmt;
use std::fmt::Write as _;

use asyncord_model::Id;
use asyncord_model::request::{ValidationError, ValidationErrorKind};
use asyncord_model::route::{self, Endpoint, Operation};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

pub use ::http::Method;

/// The characters percent-encoded in header values and query parameters
/// (`encodeURIComponent`): everything but the unreserved set.
pub(crate) const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The characters percent-encoded in a path segment: everything but the unreserved set, and the
/// dot as well, so that no parameter can be a `.` or `..` segment.
const SEGMENT: &AsciiSet = &COMPONENT.add(b'.');

mod sealed {
    pub trait Sealed {}
}

/// A value for one parameter of a route's path: an id ([`Id`] of any kind, `u32`), text
/// ([`Segment`]) or a token ([`Secret`]). Sealed: a plain string is none of them, so it cannot be
/// put in a path without being encoded.
pub trait PathParam: sealed::Sealed {
    /// Writes the value as it goes into the path.
    fn write_path(&self, out: &mut String);

    /// Writes the value as logs and errors show it.
    fn write_log(&self, out: &mut String) {
        self.write_path(out);
    }

    /// Writes the value as the rate-limit key holds it.
    fn write_major(&self, out: &mut String) {
        self.write_path(out);
    }
}

impl<M> sealed::Sealed for Id<M> {}

impl<M> PathParam for Id<M> {
    fn write_path(&self, out: &mut String) {
        let _ = write!(out, "{}", self.get());
    }
}

impl sealed::Sealed for u32 {}

impl PathParam for u32 {
    fn write_path(&self, out: &mut String) {
        let _ = write!(out, "{self}");
    }
}

/// Percent-encodes `text` for one path segment; an empty text is a validation error of `param`.
fn encode(param: &str, text: &str) -> Result<String, ValidationError> {
    if text.is_empty() {
        return Err(ValidationError {
            path: param.to_owned(),
            kind: ValidationErrorKind::TooShort { min: 1, actual: 0 },
        });
    }
    Ok(utf8_percent_encode(text, SEGMENT).to_string())
}

/// Text for one path segment (a template or invite code, an emoji, an activity instance id),
/// percent-encoded: every byte outside the unreserved characters (letters, digits, `-`, `_`,
/// `~`) is written `%XX`, the dot included, so the text stays one segment whatever it holds and
/// decodes back to itself. Empty text is refused.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Segment(String);

impl Segment {
    /// Encodes `text` for the path parameter `param` (named in the error when `text` is empty).
    pub fn new(param: &str, text: &str) -> Result<Self, ValidationError> {
        encode(param, text).map(Self)
    }

    /// The encoded segment.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Segment({})", self.0)
    }
}

impl sealed::Sealed for Segment {}

impl PathParam for Segment {
    fn write_path(&self, out: &mut String) {
        out.push_str(&self.0);
    }
}

/// A webhook or interaction token in a path: encoded like a [`Segment`], shown as `:token` in
/// logs and errors, `<redacted>` in `Debug`, and kept in the rate-limit key only as a
/// fingerprint (a custom limiter may store or log its keys). Empty tokens are refused.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(String);

impl Secret {
    /// Encodes `token` for the path parameter `param` (named in the error when it is empty).
    pub fn new(param: &str, token: &str) -> Result<Self, ValidationError> {
        encode(param, token).map(Self)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

impl sealed::Sealed for Secret {}

impl PathParam for Secret {
    fn write_path(&self, out: &mut String) {
        out.push_str(&self.0);
    }

    fn write_log(&self, out: &mut String) {
        out.push_str(":token");
    }

    fn write_major(&self, out: &mut String) {
        // FNV-1a: stable across processes and builds, which a shared limiter needs.
        let hash = self.0.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        });
        let _ = write!(out, "{hash:016x}");
    }
}

/// One API route with its parameters filled in.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Route {
    operation: &'static Operation,
    method: Method,
    path: String,
    log_path: String,
    major: String,
}

impl Route {
    /// The route of a table entry (`&asyncord::model::route::GET_CHANNEL`) with its path
    /// parameters, in path order.
    pub fn new<const N: usize>(
        endpoint: &'static Endpoint<N>,
        params: [&dyn PathParam; N],
    ) -> Self {
        let operation = endpoint.operation();
        let mut path = String::with_capacity(operation.path().len() + 24 * N);
        let mut log_path = String::with_capacity(path.capacity());
        let mut params_iter = params.iter();
        for segment in operation.segments() {
            path.push('/');
            log_path.push('/');
            match segment {
                route::Segment::Literal(text) => {
                    path.push_str(text);
                    log_path.push_str(text);
                }
                route::Segment::Param(_) => {
                    // `N` is the path's parameter count (the type of `endpoint` says so).
                    if let Some(param) = params_iter.next() {
                        param.write_path(&mut path);
                        param.write_log(&mut log_path);
                    }
                }
            }
        }
        let mut major = String::new();
        for (i, name) in operation.major().params().iter().enumerate() {
            if i > 0 {
                major.push('/');
            }
            if let Some(param) = operation
                .params()
                .position(|p| p == *name)
                .and_then(|index| params.get(index))
            {
                param.write_major(&mut major);
            }
        }
        Self {
            operation,
            method: http_method(operation.method()),
            path,
            log_path,
            major,
        }
    }

    /// The table entry.
    pub fn operation(&self) -> &'static Operation {
        self.operation
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The path template, e.g. `/channels/{channel_id}/messages`.
    pub fn template(&self) -> &'static str {
        self.operation.path()
    }

    /// The path with parameters, starting with `/` (relative to the API base URL).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The path with webhook and interaction tokens replaced by `:token`, for logs and errors.
    pub fn log_path(&self) -> &str {
        &self.log_path
    }

    /// The top-level resource (channel, guild, webhook id and token fingerprint, interaction
    /// id and token fingerprint), or `""`.
    pub fn major(&self) -> &str {
        &self.major
    }

    /// The key of this route's limiter before Discord names its bucket:
    /// `GET /channels/{channel_id}`.
    pub fn route_key(&self) -> String {
        format!("{} {}", self.method, self.operation.path())
    }

    /// Whether the route is sent with the bot token (token routes are not).
    pub fn is_authenticated(&self) -> bool {
        self.operation.auth().sends_bot_token()
    }

    /// Whether the route is exempt from the global limit.
    pub fn is_global_exempt(&self) -> bool {
        self.operation.is_global_exempt()
    }

    /// Whether retrying the request is safe (GET, PUT, DELETE, HEAD).
    pub fn is_idempotent(&self) -> bool {
        matches!(
            self.method,
            Method::GET | Method::PUT | Method::DELETE | Method::HEAD
        )
    }
}

/// The `http` crate's method for a table method.
fn http_method(method: route::Method) -> Method {
    match method {
        route::Method::Get => Method::GET,
        route::Method::Post => Method::POST,
        route::Method::Put => Method::PUT,
        route::Method::Patch => Method::PATCH,
        route::Method::Delete => Method::DELETE,
    }
}

impl fmt::Debug for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.log_path)
    }
}

impl fmt::Display for Route {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.method, self.log_path)
    }
}

#[cfg(test)]
mod tests {
    use asyncord_model::route::{
        CREATE_INTERACTION_RESPONSE, CREATE_REACTION, EXECUTE_WEBHOOK, GET_CHANNEL_MESSAGE,
        GET_GUILD_TEMPLATE, GET_STAGE_INSTANCE,
    };
    use asyncord_model::{ChannelId, InteractionId, MessageId, StageInstanceId, WebhookId};

    use super::*;

    #[test]
    fn major_parameter_and_token_redaction() {
        let (channel, message) = (ChannelId::new(1), MessageId::new(2));
        let get = Route::new(&GET_CHANNEL_MESSAGE, [&channel, &message]);
        assert_eq!(get.path(), "/channels/1/messages/2");
        assert_eq!(get.major(), "1");
        assert_eq!(
            get.route_key(),
            "GET /channels/{channel_id}/messages/{message_id}"
        );
        assert!(get.is_authenticated());

        let token = Secret::new("webhook_token", "secret").unwrap();
        let w = Route::new(&EXECUTE_WEBHOOK, [&WebhookId::new(7), &token]);
        assert_eq!(w.path(), "/webhooks/7/secret");
        assert_eq!(w.log_path(), "/webhooks/7/:token");
        assert!(!w.is_authenticated());
        assert!(!w.is_global_exempt());
        assert!(w.major().starts_with("7/"), "{}", w.major());
        assert!(!w.major().contains("secret"));
        let other = Secret::new("webhook_token", "other").unwrap();
        let w2 = Route::new(&EXECUTE_WEBHOOK, [&WebhookId::new(7), &other]);
        assert_ne!(w.major(), w2.major(), "each token has its own limit");

        let token = Secret::new("interaction_token", "abcsecret").unwrap();
        let i = Route::new(
            &CREATE_INTERACTION_RESPONSE,
            [&InteractionId::new(1), &token],
        );
        assert!(i.is_global_exempt());
        assert!(i.major().starts_with("1/"));
        assert!(!format!("{i:?} {i} {token:?}").contains("abcsecret"));

        let s = Route::new(&GET_STAGE_INSTANCE, [&StageInstanceId::new(3)]);
        assert_eq!(
            s.major(),
            "",
            "only /channels/{{id}} routes are per channel"
        );
    }

    #[test]
    fn segments_are_percent_encoded_with_dots() {
        let e = |s: &str| Segment::new("p", s).unwrap().as_str().to_owned();
        assert_eq!(e("👍"), "%F0%9F%91%8D");
        assert_eq!(e("name:123"), "name%3A123");
        assert_eq!(e(".."), "%2E%2E");
        assert_eq!(e("a/b?c#d"), "a%2Fb%3Fc%23d");
        assert_eq!(e("%2e"), "%252e");
        assert_eq!(e("a-b_c~D9"), "a-b_c~D9");
        let err = Segment::new("code", "").unwrap_err();
        assert_eq!(err.path, "code");
        assert!(Secret::new("webhook_token", "").is_err());
        let code = Segment::new("code", "../x").unwrap();
        let r = Route::new(&GET_GUILD_TEMPLATE, [&code]);
        assert_eq!(r.path(), "/guilds/templates/%2E%2E%2Fx");
        let emoji = Segment::new("emoji_name", "👍").unwrap();
        let r = Route::new(
            &CREATE_REACTION,
            [&ChannelId::new(1), &MessageId::new(2), &emoji],
        );
        assert_eq!(
            r.path(),
            "/channels/1/messages/2/reactions/%F0%9F%91%8D/@me"
        );
    }
}
