//! [`Namespace`]: the prefix of every key one bot keeps in Redis, and the keys under it. Two
//! bots can share a server; their keys never meet. The default namespace is `asyncord:` plus
//! the bot's user id, read from its token (the token's first part is the id in base64: public,
//! unlike the rest of the token).

use std::fmt;

/// The keys one bot keeps in Redis, all under one prefix.
///
/// | Key | Type | What |
/// |---|---|---|
/// | `{ns}:identify:{bucket}` | string, 5 s TTL | the lease of an IDENTIFY of a `max_concurrency` bucket |
/// | `{ns}:identify:budget` | string, TTL to the reset | session starts left today |
/// | `{ns}:rest:routes` | hash | route key → Discord's bucket hash |
/// | `{ns}:rest:bucket:{id}` | hash, TTL | one bucket's window: limit, taken, reset, window length, generation |
/// | `{ns}:rest:global` | sorted set | the global limit's last second of requests |
/// | `{ns}:rest:global:blocked` | string, TTL | set after a global 429 |
/// | `{ns}:session:{shard}` | hash | a shard's session: id, sequence, resume URL, shard count |
/// | `{ns}:events` | stream | dispatches from gateway processes to workers |
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Namespace(String);

impl fmt::Debug for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Namespace").field(&self.0).finish()
    }
}

impl fmt::Display for Namespace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Namespace {
    /// A namespace with this prefix (without a trailing `:`).
    pub fn new(prefix: impl Into<String>) -> Self {
        Self(prefix.into().trim_end_matches(':').to_owned())
    }

    /// The default namespace of the bot with this token: `asyncord:{bot user id}`. A token
    /// whose first part is not a base64 user id (a test token) gives `asyncord:{hash}` (a hash
    /// of that first part, never of the secret rest).
    pub fn for_token(token: &crate::Token) -> Self {
        let first = token.expose_secret().split('.').next().unwrap_or_default();
        match bot_id(first) {
            Some(id) => Self(format!("asyncord:{id}")),
            None => Self(format!("asyncord:{:016x}", fnv(first))),
        }
    }

    /// The prefix.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub(crate) fn identify_bucket(&self, bucket: u32) -> String {
        format!("{}:identify:{bucket}", self.0)
    }

    pub(crate) fn identify_budget(&self) -> String {
        format!("{}:identify:budget", self.0)
    }

    pub(crate) fn rest_routes(&self) -> String {
        format!("{}:rest:routes", self.0)
    }

    /// The prefix of the bucket keys (`{ns}:rest:bucket:`); the scripts append the id.
    pub(crate) fn rest_bucket_prefix(&self) -> String {
        format!("{}:rest:bucket:", self.0)
    }

    pub(crate) fn rest_global(&self) -> String {
        format!("{}:rest:global", self.0)
    }

    pub(crate) fn rest_global_blocked(&self) -> String {
        format!("{}:rest:global:blocked", self.0)
    }

    pub(crate) fn session(&self, shard: u32) -> String {
        format!("{}:session:{shard}", self.0)
    }

    pub(crate) fn events(&self) -> String {
        format!("{}:events", self.0)
    }

    pub(crate) fn commands(&self) -> String {
        format!("{}:commands", self.0)
    }
}

/// The user id a token's first part encodes (base64 of its decimal digits, with or without
/// padding), if it does.
fn bot_id(first: &str) -> Option<u64> {
    let mut bits: u32 = 0;
    let mut count = 0;
    let mut out = Vec::with_capacity(first.len() * 3 / 4);
    for c in first.trim_end_matches('=').bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(v);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    if out.is_empty() || out.len() > 20 || !out.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(&out).ok()?.parse().ok()
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_namespace_is_the_bot_s_user_id() {
        // "MTIzNDU2Nzg5MDEyMzQ1Njc4" is base64 of "123456789012345678".
        let token = crate::Token::new("MTIzNDU2Nzg5MDEyMzQ1Njc4.GaBcDe.secret-part");
        assert_eq!(
            Namespace::for_token(&token).as_str(),
            "asyncord:123456789012345678"
        );
    }

    #[test]
    fn a_token_without_an_id_gets_a_hash_of_its_first_part_only() {
        let a = Namespace::for_token(&crate::Token::new("test-token"));
        assert!(a.as_str().starts_with("asyncord:"), "{a}");
        assert_ne!(a, Namespace::for_token(&crate::Token::new("other-token")));
        let secret_a = Namespace::for_token(&crate::Token::new("MTIz!.x.secret-1"));
        let secret_b = Namespace::for_token(&crate::Token::new("MTIz!.x.secret-2"));
        assert_eq!(secret_a, secret_b, "the secret part is not used");
    }

    #[test]
    fn keys_live_under_the_prefix() {
        let ns = Namespace::new("bot:");
        assert_eq!(ns.session(3), "bot:session:3");
        assert_eq!(ns.identify_bucket(1), "bot:identify:1");
        assert_eq!(ns.events(), "bot:events");
    }
}
