//! Discord's request signature: `X-Signature-Ed25519` is the hex Ed25519 signature, by the
//! application's key, of `X-Signature-Timestamp` followed by the body; the application's public
//! key is the hex string the developer portal shows.
//! <https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-validating-security-request-headers>
//!
//! Verification is ring's (`signature::ED25519`), already in the build through rustls. The
//! timestamp (Unix seconds) must also lie within a window around the server's clock, so that a
//! request captured once cannot be replayed later.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ring::signature::{ED25519, UnparsedPublicKey};

/// The header carrying the signature (128 hex digits).
pub const SIGNATURE_HEADER: &str = "x-signature-ed25519";
/// The header carrying the signed timestamp (Unix seconds).
pub const TIMESTAMP_HEADER: &str = "x-signature-timestamp";

/// An application's Ed25519 public key (the portal's "Public Key": 64 hex digits).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey([u8; 32]);

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", hex(&self.0))
    }
}

impl PublicKey {
    /// Parses the portal's hex form (surrounding whitespace ignored, either case).
    ///
    /// # Errors
    /// [`KeyError`] when it is not 64 hex digits.
    pub fn from_hex(hex: &str) -> Result<Self, KeyError> {
        let mut key = [0u8; 32];
        decode_hex(hex.trim(), &mut key).ok_or(KeyError)?;
        Ok(Self(key))
    }

    /// The key from its 32 bytes.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The key's bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Whether `signature_hex` is this key's signature of `timestamp` followed by `body`.
    pub fn verify(&self, timestamp: &[u8], body: &[u8], signature_hex: &[u8]) -> bool {
        let mut signature = [0u8; 64];
        let Ok(text) = std::str::from_utf8(signature_hex) else {
            return false;
        };
        if decode_hex(text, &mut signature).is_none() {
            return false;
        }
        let mut message = Vec::with_capacity(timestamp.len() + body.len());
        message.extend_from_slice(timestamp);
        message.extend_from_slice(body);
        UnparsedPublicKey::new(&ED25519, &self.0)
            .verify(&message, &signature)
            .is_ok()
    }
}

impl std::str::FromStr for PublicKey {
    type Err = KeyError;

    fn from_str(s: &str) -> Result<Self, KeyError> {
        Self::from_hex(s)
    }
}

/// A public key that is not 64 hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "an interactions public key is the 64 hex digits the developer portal shows under \
     General Information > Public Key"
)]
pub struct KeyError;

/// Why a request was refused (each answered with 401, as Discord requires).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// `X-Signature-Ed25519` or `X-Signature-Timestamp` is missing.
    #[error("missing X-Signature-Ed25519 or X-Signature-Timestamp")]
    MissingHeaders,
    /// The signature is not the application key's signature of the timestamp and body.
    #[error("invalid request signature")]
    BadSignature,
    /// The timestamp is not a Unix time within the replay window of the server's clock.
    #[error("stale or malformed X-Signature-Timestamp (outside the replay window)")]
    Stale,
}

/// Checks a request's signature headers against `key`, and its timestamp against `now` and
/// `window` (either side). The signature is checked first, so that an unsigned request learns
/// nothing about the server's clock.
pub fn check(
    key: &PublicKey,
    signature: Option<&[u8]>,
    timestamp: Option<&[u8]>,
    body: &[u8],
    now: SystemTime,
    window: Duration,
) -> Result<(), Rejection> {
    let (Some(signature), Some(timestamp)) = (signature, timestamp) else {
        return Err(Rejection::MissingHeaders);
    };
    if !key.verify(timestamp, body, signature) {
        return Err(Rejection::BadSignature);
    }
    let sent = std::str::from_utf8(timestamp)
        .ok()
        .and_then(|t| t.trim().parse::<u64>().ok())
        .ok_or(Rejection::Stale)?;
    let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    if now.abs_diff(sent) > window.as_secs() {
        return Err(Rejection::Stale);
    }
    Ok(())
}

fn decode_hex(text: &str, out: &mut [u8]) -> Option<()> {
    let bytes = text.as_bytes();
    if bytes.len() != out.len() * 2 {
        return None;
    }
    for (slot, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        *slot = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(())
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use ring::rand::SystemRandom;
    use ring::signature::{Ed25519KeyPair, KeyPair};

    use super::*;

    fn pair() -> (Ed25519KeyPair, PublicKey) {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
        let key = PublicKey::from_bytes(pair.public_key().as_ref().try_into().unwrap());
        (pair, key)
    }

    fn sign(pair: &Ed25519KeyPair, timestamp: &str, body: &[u8]) -> String {
        let mut m = timestamp.as_bytes().to_vec();
        m.extend_from_slice(body);
        hex(pair.sign(&m).as_ref())
    }

    const NOW: u64 = 1_700_000_000;
    const WINDOW: Duration = Duration::from_secs(300);

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn a_request_signed_by_the_application_key_passes() {
        let (pair, key) = pair();
        let body = br#"{"type":1}"#;
        let ts = NOW.to_string();
        let sig = sign(&pair, &ts, body);
        let ok = check(
            &key,
            Some(sig.as_bytes()),
            Some(ts.as_bytes()),
            body,
            at(NOW),
            WINDOW,
        );
        assert_eq!(ok, Ok(()));
        let upper = sig.to_uppercase();
        let ok = check(
            &key,
            Some(upper.as_bytes()),
            Some(ts.as_bytes()),
            body,
            at(NOW),
            WINDOW,
        );
        assert_eq!(ok, Ok(()), "hex digits in either case");
    }

    #[test]
    fn tampered_wrong_key_missing_and_stale_requests_are_rejected() {
        let (pair, key) = pair();
        let (_, other) = pair_other();
        let body = br#"{"type":2,"id":"1"}"#;
        let ts = NOW.to_string();
        let sig = sign(&pair, &ts, body);
        let run = |key: &PublicKey, sig: Option<&str>, ts: Option<&str>, body: &[u8], now| {
            check(
                key,
                sig.map(str::as_bytes),
                ts.map(str::as_bytes),
                body,
                at(now),
                WINDOW,
            )
        };
        let tampered = br#"{"type":2,"id":"2"}"#;
        assert_eq!(
            run(&key, Some(&sig), Some(&ts), tampered, NOW),
            Err(Rejection::BadSignature)
        );
        assert_eq!(
            run(&other, Some(&sig), Some(&ts), body, NOW),
            Err(Rejection::BadSignature)
        );
        assert_eq!(
            run(&key, None, Some(&ts), body, NOW),
            Err(Rejection::MissingHeaders)
        );
        assert_eq!(
            run(&key, Some(&sig), None, body, NOW),
            Err(Rejection::MissingHeaders)
        );
        assert_eq!(
            run(&key, Some("zz"), Some(&ts), body, NOW),
            Err(Rejection::BadSignature)
        );
        // The timestamp is signed: changing it breaks the signature.
        let later = (NOW + 1).to_string();
        assert_eq!(
            run(&key, Some(&sig), Some(&later), body, NOW),
            Err(Rejection::BadSignature)
        );
        // Within the window either side: fine; past it: a replay.
        assert_eq!(run(&key, Some(&sig), Some(&ts), body, NOW + 300), Ok(()));
        assert_eq!(run(&key, Some(&sig), Some(&ts), body, NOW - 300), Ok(()));
        assert_eq!(
            run(&key, Some(&sig), Some(&ts), body, NOW + 301),
            Err(Rejection::Stale)
        );
        assert_eq!(
            run(&key, Some(&sig), Some(&ts), body, NOW - 301),
            Err(Rejection::Stale)
        );
        let words = "yesterday";
        let signed_words = sign(&pair, words, body);
        assert_eq!(
            run(&key, Some(&signed_words), Some(words), body, NOW),
            Err(Rejection::Stale),
            "a signed timestamp that is not a number is refused too"
        );
    }

    fn pair_other() -> (Ed25519KeyPair, PublicKey) {
        pair()
    }

    #[test]
    fn public_keys_parse_from_the_portal_s_hex_only() {
        let (_, key) = pair();
        let text = format!("  {}\n", hex(key.as_bytes()).to_uppercase());
        assert_eq!(PublicKey::from_hex(&text), Ok(key));
        assert_eq!(PublicKey::from_hex("abcd"), Err(KeyError));
        assert_eq!(PublicKey::from_hex(&"g".repeat(64)), Err(KeyError));
        assert!(format!("{key:?}").contains(&hex(key.as_bytes())));
    }
}
