//! [`Token`]: the bot token, normalised once and never shown
//! ([docs](https://discord.com/developers/docs/reference#authentication)).
//!
//! Discord authenticates a bot with `Authorization: Bot <token>` on REST and with the bare token
//! in the gateway's IDENTIFY and RESUME. A token pasted from the developer portal, an
//! environment variable or a config file often carries stray whitespace or that `Bot ` prefix
//! already; [`Token`] takes any of them and keeps the bare token, for the HTTP client, the
//! gateway and the client hub alike. Its `Debug` is redacted and it has no `Display`, so a token
//! cannot end up in a log line or an error message by accident.

use std::fmt;
use std::sync::Arc;

/// A bot token: trimmed, without a `Bot ` prefix (matched case-insensitively), and redacted in
/// `Debug`. Cheap to clone (one `Arc`).
///
/// Every constructor that needs a token takes `impl Into<Token>`, so a `&str` or a `String`
/// works as is:
///
/// ```
/// use asyncord::Token;
///
/// let token = Token::from("  Bot MTIz.abc.def \n");
/// assert_eq!(token.expose_secret(), "MTIz.abc.def");
/// assert_eq!(format!("{token:?}"), "Token(<redacted>)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Token(Arc<str>);

impl Token {
    /// Normalises `raw`: surrounding whitespace and a leading `Bot ` (any case, any whitespace
    /// after it) are removed.
    pub fn new(raw: &str) -> Self {
        Self(Arc::from(normalise(raw)))
    }

    /// The bare token, for the places that must send it (the `Authorization` header, IDENTIFY,
    /// RESUME). Never log it.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Whether the token is empty (after normalisation).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn normalise(raw: &str) -> &str {
    let token = raw.trim();
    let bytes = token.as_bytes();
    if bytes.len() > 4 && bytes[..3].eq_ignore_ascii_case(b"bot") && bytes[3].is_ascii_whitespace()
    {
        // Bytes 0..4 are ASCII, so 4 is a character boundary.
        token[4..].trim_start()
    } else {
        token
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

impl From<&str> for Token {
    fn from(raw: &str) -> Self {
        Self::new(raw)
    }
}

impl From<String> for Token {
    fn from(raw: String) -> Self {
        Self::new(&raw)
    }
}

impl From<&String> for Token {
    fn from(raw: &String) -> Self {
        Self::new(raw)
    }
}

impl From<&Token> for Token {
    fn from(token: &Token) -> Self {
        token.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_and_a_bot_prefix_of_any_case_are_removed() {
        for raw in [
            "abc.def",
            "  abc.def\n",
            "Bot abc.def",
            "bot abc.def",
            "BOT  abc.def ",
            "\tBot\tabc.def",
        ] {
            assert_eq!(Token::from(raw).expose_secret(), "abc.def", "{raw:?}");
        }
        // "Bot" glued to the token is part of the token, not a prefix.
        assert_eq!(Token::from("Botabc").expose_secret(), "Botabc");
        assert_eq!(Token::from("Bot").expose_secret(), "Bot");
        assert!(Token::from("   ").is_empty());
        // Non-ASCII input does not trip the prefix check.
        assert_eq!(Token::from("é").expose_secret(), "é");
        assert_eq!(Token::from("bö x").expose_secret(), "bö x");
        assert_eq!(Token::from("éé x").expose_secret(), "éé x");
    }

    #[test]
    fn debug_never_shows_the_token() {
        let token = Token::from(String::from("Bot sEcReT.token.value"));
        let shown = format!("{token:?} {token:#?} {:?}", Some(&token));
        assert!(!shown.contains("sEcReT"), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }
}
