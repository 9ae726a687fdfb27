//! The hash that names an image on Discord's CDN.
//!
//! Discord docs: [image formatting](https://discord.com/developers/docs/reference#image-formatting).
//!
//! Discord's hashes are 32 lowercase hex digits, with `a_` in front for an animated image. One
//! in that form is kept as its 16 bytes (no allocation: users, members and guilds each carry
//! one or more, in every event that has them); any other text is kept as it came.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The hash of an image on Discord's CDN (avatar, icon, banner, splash...).
///
/// Animated images have hashes starting with `a_`. Its text is its [`Display`](fmt::Display)
/// form (`hash.to_string()`, or `{hash}` in a format string). Hashes are ordered, so that they
/// can key a sorted map, but not as their text is.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ImageHash(Repr);

#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Repr {
    /// 32 lowercase hex digits as 16 bytes, after `a_` when `animated`.
    Hex { animated: bool, bytes: [u8; 16] },
    /// Any other text.
    Text(Box<str>),
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

impl ImageHash {
    /// A hash from its text.
    pub fn new(hash: impl AsRef<str>) -> Self {
        let hash = hash.as_ref();
        Self(packed(hash).unwrap_or_else(|| Repr::Text(hash.into())))
    }

    /// Whether the image is animated (the hash starts with `a_`): request it as `.gif`/`.webp`.
    pub fn is_animated(&self) -> bool {
        match &self.0 {
            Repr::Hex { animated, .. } => *animated,
            Repr::Text(text) => text.starts_with("a_"),
        }
    }

    /// The file extension the CDN serves by default: `gif` for animated images, else `png`.
    pub fn default_extension(&self) -> &'static str {
        if self.is_animated() { "gif" } else { "png" }
    }
}

/// `hash` as 16 bytes, if it is 32 lowercase hex digits (after `a_`).
fn packed(hash: &str) -> Option<Repr> {
    let (animated, digits) = match hash.strip_prefix("a_") {
        Some(rest) => (true, rest),
        None => (false, hash),
    };
    let digits: &[u8; 32] = digits.as_bytes().try_into().ok()?;
    let mut bytes = [0; 16];
    // Every digit's value is looked up, and one test at the end says whether any was not one.
    let mut invalid = 0;
    for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
        let (high, low) = (
            HEX_VALUES[usize::from(pair[0])],
            HEX_VALUES[usize::from(pair[1])],
        );
        invalid |= high | low;
        *byte = (high << 4) | (low & 0xf);
    }
    (invalid & NOT_HEX == 0).then_some(Repr::Hex { animated, bytes })
}

/// Marks a byte that is not a lowercase hex digit in [`HEX_VALUES`] (an uppercase one would not
/// write back as it came).
const NOT_HEX: u8 = 0x10;

/// Each byte's value as a lowercase hex digit, or [`NOT_HEX`].
const HEX_VALUES: [u8; 256] = {
    let mut values = [NOT_HEX; 256];
    let mut digit = 0;
    while digit < 16 {
        values[HEX_DIGITS[digit] as usize] = digit as u8;
        digit += 1;
    }
    values
};

impl fmt::Display for ImageHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Hex { animated, bytes } => {
                let mut text = [0; 34];
                let start = if *animated {
                    text[..2].copy_from_slice(b"a_");
                    2
                } else {
                    0
                };
                for (pair, byte) in text[start..].chunks_exact_mut(2).zip(bytes) {
                    pair[0] = HEX_DIGITS[usize::from(byte >> 4)];
                    pair[1] = HEX_DIGITS[usize::from(byte & 0xf)];
                }
                let digits = std::str::from_utf8(&text[..start + 32]).map_err(|_| fmt::Error)?;
                f.write_str(digits)
            }
            Repr::Text(text) => f.write_str(text),
        }
    }
}

impl fmt::Debug for ImageHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ImageHash({:?})", self.to_string())
    }
}

impl From<String> for ImageHash {
    fn from(v: String) -> Self {
        match packed(&v) {
            Some(repr) => Self(repr),
            None => Self(Repr::Text(v.into_boxed_str())),
        }
    }
}

impl From<&str> for ImageHash {
    fn from(v: &str) -> Self {
        Self::new(v)
    }
}

impl Serialize for ImageHash {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Repr::Hex { .. } => s.collect_str(self),
            Repr::Text(text) => s.serialize_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for ImageHash {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct HashVisitor;
        impl Visitor<'_> for HashVisitor {
            type Value = ImageHash;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an image hash (a string)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ImageHash, E> {
                Ok(ImageHash::new(v))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<ImageHash, E> {
                Ok(ImageHash::from(v))
            }
        }
        d.deserialize_str(HashVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STILL: &str = "8342729096ea3675442027381ff50dfe";
    const ANIMATED: &str = "a_1269e74af4df7417b13759eae50c83dc";

    #[test]
    fn discord_hashes_are_packed_and_written_back_as_they_came() {
        for text in [STILL, ANIMATED, "00000000000000000000000000000000"] {
            let hash = ImageHash::from(text);
            assert!(matches!(hash.0, Repr::Hex { .. }), "{text}");
            assert_eq!(hash.to_string(), text);
            assert_eq!(serde_json::to_string(&hash).unwrap(), format!("\"{text}\""));
            let read: ImageHash = serde_json::from_str(&format!("\"{text}\"")).unwrap();
            assert_eq!(read, hash);
            let read: ImageHash =
                crate::json::from_slice(format!("\"{text}\"").as_bytes()).unwrap();
            assert_eq!(read, hash);
        }
        assert!(!ImageHash::from(STILL).is_animated());
        assert!(ImageHash::from(ANIMATED).is_animated());
        assert_eq!(ImageHash::from(ANIMATED).default_extension(), "gif");
        assert_eq!(ImageHash::from(STILL).default_extension(), "png");
    }

    #[test]
    fn other_text_is_kept_as_it_came() {
        let uppercase = STILL.to_uppercase();
        for text in [
            "abc",
            "a_abc",
            "",
            "a_",
            uppercase.as_str(),
            "8342729096ea3675442027381ff50dfe0",
            "8342729096ea3675442027381ff50dfg",
            "b_1269e74af4df7417b13759eae50c83dc",
            "mp:external/é",
        ] {
            let hash = ImageHash::from(text);
            assert!(matches!(hash.0, Repr::Text(_)), "{text}");
            assert_eq!(hash.to_string(), text);
            assert_eq!(
                serde_json::to_value(&hash).unwrap(),
                serde_json::Value::from(text)
            );
            let read: ImageHash = serde_json::from_value(serde_json::Value::from(text)).unwrap();
            assert_eq!(read, hash);
        }
        assert!(ImageHash::from("a_abc").is_animated());
        assert!(!ImageHash::from("abc").is_animated());
    }

    #[test]
    fn equal_text_is_an_equal_hash() {
        assert_eq!(ImageHash::new(STILL), ImageHash::from(STILL.to_owned()));
        assert_ne!(ImageHash::from(STILL), ImageHash::from(ANIMATED));
        assert_ne!(
            ImageHash::from(STILL),
            ImageHash::from(format!("a_{STILL}"))
        );
        assert_eq!(
            format!("{:?}", ImageHash::from("abc")),
            "ImageHash(\"abc\")"
        );
        let sorted: std::collections::BTreeSet<ImageHash> = [STILL, ANIMATED, "abc", STILL]
            .into_iter()
            .map(ImageHash::from)
            .collect();
        assert_eq!(sorted.len(), 3);
    }

    #[test]
    fn a_hash_is_no_larger_than_a_string() {
        assert_eq!(size_of::<Option<ImageHash>>(), size_of::<String>());
    }

    #[test]
    fn not_a_string_is_refused() {
        assert!(serde_json::from_str::<ImageHash>("12").is_err());
        assert!(crate::json::from_slice::<ImageHash>(b"{}").is_err());
    }
}
