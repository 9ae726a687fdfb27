//! An id in JSON: written as a string, as Discord writes it; read from a string or a number.
//! The same holds for ids as map keys, which JSON always writes as strings.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Id;
use super::parse::{excerpt, parse_digits};

impl<M> Serialize for Id<M> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0_u8; 20];
        serializer.serialize_str(write_digits(self.get(), &mut buf))
    }
}

/// Writes `n` in decimal at the end of `buf`, without allocating; returns the digits.
fn write_digits(mut n: u64, buf: &mut [u8; 20]) -> &str {
    let mut start = buf.len();
    loop {
        start -= 1;
        buf[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    std::str::from_utf8(&buf[start..]).unwrap_or("0")
}

struct IdVisitor<M>(PhantomData<fn() -> M>);

impl<M> Visitor<'_> for IdVisitor<M> {
    type Value = Id<M>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Discord id (a string of digits or a non-negative integer)")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Id<M>, E> {
        parse_digits(v.as_bytes())
            .map(Id::new)
            .map_err(|kind| E::custom(format_args!("`{}` is not a Discord id: {kind}", excerpt(v))))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id<M>, E> {
        Ok(Id::new(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id<M>, E> {
        u64::try_from(v)
            .map(Id::new)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
    }
}

impl<'de, M> Deserialize<'de> for Id<M> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(IdVisitor(PhantomData))
    }
}
