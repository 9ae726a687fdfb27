//! ISO 8601 timestamps as Discord sends them (`2015-04-26T06:26:56.936000+00:00`).

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A point in time, with microsecond precision, in UTC.
///
/// Parses any ISO 8601 / RFC 3339 date-time Discord sends (with `Z` or an offset, with or
/// without fractional seconds); serialises as `YYYY-MM-DDTHH:MM:SS.ffffff+00:00`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp(i64);

/// The error returned for a string that is not an ISO 8601 date-time.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 8601 timestamp (expected e.g. 2021-01-01T00:00:00.000000+00:00)")]
pub struct ParseTimestampError(pub String);

impl Timestamp {
    /// A timestamp from microseconds since the Unix epoch.
    pub const fn from_unix_micros(micros: i64) -> Self {
        Self(micros)
    }

    /// A timestamp from seconds since the Unix epoch.
    pub const fn from_unix_secs(secs: i64) -> Self {
        Self(secs * 1_000_000)
    }

    /// The current time.
    pub fn now() -> Self {
        let d = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        Self(d.as_micros() as i64)
    }

    /// Microseconds since the Unix epoch.
    pub const fn unix_micros(self) -> i64 {
        self.0
    }

    /// Milliseconds since the Unix epoch.
    pub const fn unix_millis(self) -> i64 {
        self.0.div_euclid(1000)
    }

    /// Seconds since the Unix epoch.
    pub const fn unix_secs(self) -> i64 {
        self.0.div_euclid(1_000_000)
    }

    /// Adds a duration (saturating).
    #[must_use]
    pub fn saturating_add(self, d: std::time::Duration) -> Self {
        Self(self.0.saturating_add(d.as_micros() as i64))
    }
}

impl std::ops::Add<std::time::Duration> for Timestamp {
    type Output = Timestamp;

    fn add(self, d: std::time::Duration) -> Timestamp {
        self.saturating_add(d)
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date.
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date for a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The value of two ASCII digits, with `bad` set when either is not a digit (checked once for
/// all the fields of a timestamp, not field by field).
#[inline]
fn pair(tens: u8, ones: u8, bad: &mut bool) -> u32 {
    let (tens, ones) = (tens.wrapping_sub(b'0'), ones.wrapping_sub(b'0'));
    *bad |= tens > 9 || ones > 9;
    u32::from(tens) * 10 + u32::from(ones)
}

/// `YYYY-MM-DDTHH:MM:SS`, then optional fractional seconds (any number of digits, the first six
/// kept), then `Z`, an offset `+HH:MM`/`-HH:MM`, or nothing (UTC).
fn parse(s: &str) -> Option<Timestamp> {
    let (head, rest) = s.as_bytes().split_first_chunk::<19>()?;
    let mut bad = false;
    let year = pair(head[0], head[1], &mut bad) * 100 + pair(head[2], head[3], &mut bad);
    let month = pair(head[5], head[6], &mut bad);
    let day = pair(head[8], head[9], &mut bad);
    let hour = pair(head[11], head[12], &mut bad);
    let min = pair(head[14], head[15], &mut bad);
    let sec = pair(head[17], head[18], &mut bad);
    if bad
        || head[4] != b'-'
        || head[7] != b'-'
        || !matches!(head[10], b'T' | b't' | b' ')
        || head[13] != b':'
        || head[16] != b':'
        || !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || min > 59
        || sec > 60
    {
        return None;
    }
    let mut rest = rest;
    let mut micros = 0i64;
    if let [b'.', fraction @ ..] = rest {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return None;
        }
        // Six digits or fewer, each worth a tenth of the one before.
        for (&c, place) in fraction.iter().zip([100_000, 10_000, 1_000, 100, 10, 1]) {
            if !c.is_ascii_digit() {
                break;
            }
            micros += i64::from(c - b'0') * place;
        }
        rest = &fraction[digits..];
    }
    let offset_secs: i64 = match *rest {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let mut bad = false;
            let offset = i64::from(pair(h1, h2, &mut bad) * 3600 + pair(m1, m2, &mut bad) * 60);
            if bad {
                return None;
            }
            if sign == b'-' { -offset } else { offset }
        }
        _ => return None,
    };
    let days = days_from_civil(i64::from(year), month, day);
    let secs =
        days * 86_400 + i64::from(hour) * 3600 + i64::from(min) * 60 + i64::from(sec) - offset_secs;
    Some(Timestamp(secs * 1_000_000 + micros))
}

impl FromStr for Timestamp {
    type Err = ParseTimestampError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse(s).ok_or_else(|| ParseTimestampError(s.to_owned()))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.div_euclid(1_000_000);
        let micros = self.0.rem_euclid(1_000_000);
        let days = secs.div_euclid(86_400);
        let sod = secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{micros:06}+00:00",
            sod / 3600,
            (sod / 60) % 60,
            sod % 60
        )
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO 8601 timestamp")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Timestamp, E> {
        parse(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TimestampVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discord_forms() {
        let a: Timestamp = "2015-04-26T06:26:56.936000+00:00".parse().unwrap();
        assert_eq!(a.to_string(), "2015-04-26T06:26:56.936000+00:00");
        let z: Timestamp = "2015-04-26T06:26:56.936Z".parse().unwrap();
        assert_eq!(a, z);
        let off: Timestamp = "2015-04-26T08:26:56.936+02:00".parse().unwrap();
        assert_eq!(a, off);
        let plain: Timestamp = "1970-01-01T00:00:00".parse().unwrap();
        assert_eq!(plain.unix_micros(), 0);
        let before: Timestamp = "1969-12-31T23:59:59.5+00:00".parse().unwrap();
        assert_eq!(before.unix_micros(), -500_000);
        assert_eq!(before.to_string(), "1969-12-31T23:59:59.500000+00:00");
        let long: Timestamp = "2015-04-26t06:26:56.1234567z".parse().unwrap();
        assert_eq!(long.unix_micros() % 1_000_000, 123_456);
        let spaced: Timestamp = "2015-04-26 06:26:56-01:30".parse().unwrap();
        assert_eq!(spaced.unix_secs() - a.unix_secs(), 5_400);
        for bad in [
            "",
            "2015-04-26",
            "2015-04-26T06:26:56+0a:00",
            "2015-04-26T06:26:56+02:00x",
            "2015-04-26T06:26:56Zx",
            "2015-04-26T24:00:00Z",
            "2015-04-26T06:26:5",
            "2015-13-01T00:00:00Z",
            "2015-04-26T06:26:56.+00:00",
            "x015-04-26T06:26:56Z",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn leap_years_round_trip() {
        for s in [
            "2024-02-29T12:00:00.000000+00:00",
            "2000-03-01T00:00:00.000001+00:00",
            "2100-12-31T23:59:59.999999+00:00",
        ] {
            let t: Timestamp = s.parse().unwrap();
            assert_eq!(t.to_string(), s);
        }
    }
}
