//! Routes: the method + path of a request and its rate-limit identity.
//!
//! Discord limits requests per route **and top-level resource** (channel, guild, webhook id +
//! token) (<https://discord.com/developers/docs/topics/rate-limits>). A [`Route`] is built from a
//! path template with `{}` placeholders (`"channels/{}/messages/{}"`) and its parameters; its
//! [`bucket_key`](Route::bucket_key) is the method, the template and the major parameter, so
//! `GET channels/1/messages/5` and `GET channels/1/messages/6` share one limiter while
//! `GET channels/2/messages/5` gets another.

use std::fmt;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

pub use ::http::Method;

/// The characters percent-encoded in path segments and header values (`encodeURIComponent`).
pub(crate) const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one path segment (emoji names, invite codes...).
pub fn encode_segment(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// One API route with its parameters filled in.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Route {
    method: Method,
    template: &'static str,
    path: String,
    log_path: String,
    major: String,
    authenticated: bool,
    global_exempt: bool,
}

impl Route {
    /// Builds a route from a template with `{}` placeholders, filled in order with `params`.
    ///
    /// The template has no leading slash: `"channels/{}/messages"`. Parameters are inserted as
    /// given: percent-encode free text with [`encode_segment`] first.
    pub fn new(
        method: Method,
        template: &'static str,
        params: &[&(dyn fmt::Display + Sync)],
    ) -> Self {
        let mut path = String::with_capacity(template.len() + 24 * params.len() + 1);
        let mut log_path = String::with_capacity(path.capacity());
        let mut params_iter = params.iter();
        let mut index = 0usize;
        let mut values: Vec<String> = Vec::with_capacity(params.len());
        path.push('/');
        log_path.push('/');
        let mut rest = template;
        while let Some(pos) = rest.find("{}") {
            path.push_str(&rest[..pos]);
            log_path.push_str(&rest[..pos]);
            let value = params_iter
                .next()
                .map(ToString::to_string)
                .unwrap_or_default();
            path.push_str(&value);
            if is_token_param(template, index) {
                log_path.push_str(":token");
            } else {
                log_path.push_str(&value);
            }
            values.push(value);
            index += 1;
            rest = &rest[pos + 2..];
        }
        path.push_str(rest);
        log_path.push_str(rest);

        let token_route =
            template.starts_with("webhooks/{}/{}") || template.starts_with("interactions/{}/{}");
        let major = if template.starts_with("webhooks/{}/{}") {
            format!(
                "{}/{}",
                values.first().map_or("", String::as_str),
                values.get(1).map_or("", String::as_str)
            )
        } else if template.starts_with("channels/{}")
            || template.starts_with("guilds/{}")
            || template.starts_with("webhooks/{}")
        {
            values.first().cloned().unwrap_or_default()
        } else {
            String::new()
        };
        Self {
            global_exempt: template.starts_with("interactions/"),
            authenticated: !token_route,
            method,
            template,
            path,
            log_path,
            major,
        }
    }

    /// Marks the route as exempt from the global limit (interaction follow-ups).
    pub fn global_exempt(mut self) -> Self {
        self.global_exempt = true;
        self
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The path template, e.g. `channels/{}/messages`.
    pub fn template(&self) -> &'static str {
        self.template
    }

    /// The path with parameters, starting with `/` (relative to the API base URL).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The path with webhook and interaction tokens replaced by `:token`, for logs and errors.
    pub fn log_path(&self) -> &str {
        &self.log_path
    }

    /// The top-level resource id (channel, guild, webhook id/token), or `""`.
    pub fn major(&self) -> &str {
        &self.major
    }

    /// The key of this route's limiter before Discord names its bucket.
    pub fn route_key(&self) -> String {
        format!("{} {}", self.method, self.template)
    }

    /// Whether the route is sent with the bot token (webhook-token routes are not).
    pub fn is_authenticated(&self) -> bool {
        self.authenticated
    }

    /// Whether the route is exempt from the global limit.
    pub fn is_global_exempt(&self) -> bool {
        self.global_exempt
    }

    /// Whether retrying the request is safe (GET, PUT, DELETE, HEAD).
    pub fn is_idempotent(&self) -> bool {
        matches!(
            self.method,
            Method::GET | Method::PUT | Method::DELETE | Method::HEAD
        )
    }
}

/// Whether the `index`-th parameter of `template` is a webhook or interaction token.
fn is_token_param(template: &str, index: usize) -> bool {
    index == 1
        && (template.starts_with("webhooks/{}/{}") || template.starts_with("interactions/{}/{}"))
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
    use super::*;

    #[test]
    fn major_parameter_and_token_redaction() {
        let r = Route::new(Method::GET, "channels/{}/messages/{}", &[&1, &2]);
        assert_eq!(r.path(), "/channels/1/messages/2");
        assert_eq!(r.major(), "1");
        assert_eq!(r.route_key(), "GET channels/{}/messages/{}");
        let w = Route::new(Method::POST, "webhooks/{}/{}", &[&7, &"secret"]);
        assert_eq!(w.path(), "/webhooks/7/secret");
        assert_eq!(w.log_path(), "/webhooks/7/:token");
        assert!(!w.is_authenticated());
        assert_eq!(w.major(), "7/secret");
        let i = Route::new(
            Method::POST,
            "interactions/{}/{}/callback",
            &[&1, &"abcsecret"],
        );
        assert!(i.is_global_exempt());
        assert!(!format!("{i:?}").contains("abcsecret"));
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(encode_segment("👍"), "%F0%9F%91%8D");
        assert_eq!(encode_segment("name:123"), "name%3A123");
    }
}
