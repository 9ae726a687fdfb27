//! Discord identifiers ([snowflakes](https://discord.com/developers/docs/reference#snowflakes)).
//!
//! A [`Snowflake`] is a 64-bit id. Discord sends it as a string (sometimes as a number); asyncord
//! accepts both and always writes a string, as Discord expects.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::timestamp::Timestamp;

/// Milliseconds between the Unix epoch and the Discord epoch (2015-01-01T00:00:00Z).
pub const DISCORD_EPOCH_MS: u64 = 1_420_070_400_000;

/// A Discord id: a guild, channel, user, message, role, application... id.
///
/// Parses from a JSON string or number, serialises as a string.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Snowflake(u64);

impl Snowflake {
    /// Wraps a raw id.
    pub const fn new(id: u64) -> Self {
        Self(id)
    }

    /// The raw 64-bit value.
    pub const fn get(self) -> u64 {
        self.0
    }

    /// Milliseconds since the Unix epoch at which this id was created.
    pub const fn timestamp_ms(self) -> u64 {
        (self.0 >> 22) + DISCORD_EPOCH_MS
    }

    /// When this id was created.
    pub fn created_at(self) -> Timestamp {
        Timestamp::from_unix_micros((self.timestamp_ms() as i64) * 1000)
    }

    /// The smallest id created at `unix_ms` (useful for `before`/`after` pagination by time).
    pub const fn from_timestamp_ms(unix_ms: u64) -> Self {
        Self(unix_ms.saturating_sub(DISCORD_EPOCH_MS) << 22)
    }

    /// The internal worker id bits.
    pub const fn worker_id(self) -> u8 {
        ((self.0 & 0x3E_0000) >> 17) as u8
    }

    /// The internal process id bits.
    pub const fn process_id(self) -> u8 {
        ((self.0 & 0x1_F000) >> 12) as u8
    }

    /// The per-process increment.
    pub const fn increment(self) -> u16 {
        (self.0 & 0xFFF) as u16
    }
}

impl fmt::Debug for Snowflake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Display for Snowflake {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The error returned when a string is not a valid snowflake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a Discord id: expected an unsigned 64-bit integer")]
pub struct ParseSnowflakeError(pub String);

impl FromStr for Snowflake {
    type Err = ParseSnowflakeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse::<u64>()
            .map(Self)
            .map_err(|_| ParseSnowflakeError(s.to_owned()))
    }
}

impl From<u64> for Snowflake {
    fn from(id: u64) -> Self {
        Self(id)
    }
}

impl From<&Snowflake> for Snowflake {
    fn from(id: &Snowflake) -> Self {
        *id
    }
}

impl From<Snowflake> for u64 {
    fn from(id: Snowflake) -> Self {
        id.0
    }
}

impl PartialEq<u64> for Snowflake {
    fn eq(&self, other: &u64) -> bool {
        self.0 == *other
    }
}

impl Serialize for Snowflake {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = itoa_buf(self.0);
        serializer.serialize_str(buf.as_str())
    }
}

/// Formats a u64 into a stack buffer without allocating.
fn itoa_buf(mut n: u64) -> StackStr {
    let mut out = StackStr {
        buf: [0; 20],
        start: 20,
    };
    loop {
        out.start -= 1;
        out.buf[out.start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out
}

struct StackStr {
    buf: [u8; 20],
    start: usize,
}

impl StackStr {
    fn as_str(&mut self) -> &str {
        // Only ASCII digits are ever written.
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or("0")
    }
}

struct SnowflakeVisitor;

impl Visitor<'_> for SnowflakeVisitor {
    type Value = Snowflake;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Discord id (a string or a non-negative integer)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Snowflake, E> {
        v.parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Snowflake, E> {
        Ok(Snowflake(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Snowflake, E> {
        u64::try_from(v)
            .map(Snowflake)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }
}

impl<'de> Deserialize<'de> for Snowflake {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SnowflakeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_string_and_number_writes_string() {
        let a: Snowflake = serde_json::from_str("\"175928847299117063\"").unwrap();
        let b: Snowflake = serde_json::from_str("175928847299117063").unwrap();
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"175928847299117063\"");
        assert!(serde_json::from_str::<Snowflake>("\"abc\"").is_err());
        assert!(serde_json::from_str::<Snowflake>("-1").is_err());
    }

    #[test]
    fn creation_time_matches_docs() {
        // The docs' example: 175928847299117063 was created at 2016-04-30 11:18:25.796 UTC.
        let id = Snowflake::new(175_928_847_299_117_063);
        assert_eq!(id.timestamp_ms(), 1_462_015_105_796);
        assert_eq!(id.worker_id(), 1);
        assert_eq!(id.process_id(), 0);
        assert_eq!(id.increment(), 7);
        assert_eq!(
            id.created_at().to_string(),
            "2016-04-30T11:18:25.796000+00:00"
        );
        assert_eq!("175928847299117063".parse::<Snowflake>().unwrap(), id);
    }
}
