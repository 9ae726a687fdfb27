//! Small shared value types: colours, image hashes, locales.
//!
//! Discord docs: [locales](https://discord.com/developers/docs/reference#locales),
//! [image formatting](https://discord.com/developers/docs/reference#image-formatting).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::str_enum;

pub use crate::image_hash::ImageHash;

/// An RGB colour as Discord sends it: one integer `0xRRGGBB`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Color(pub u32);

impl Color {
    /// Black, also Discord's "no colour" for roles.
    pub const BLACK: Color = Color(0);
    /// Discord's blurple (`#5865F2`).
    pub const BLURPLE: Color = Color(0x0058_65F2);

    /// A colour from its red, green and blue components.
    pub const fn from_rgb(r: u8, g: u8, b: u8) -> Self {
        Self(((r as u32) << 16) | ((g as u32) << 8) | b as u32)
    }

    /// The red component.
    pub const fn r(self) -> u8 {
        (self.0 >> 16) as u8
    }

    /// The green component.
    pub const fn g(self) -> u8 {
        (self.0 >> 8) as u8
    }

    /// The blue component.
    pub const fn b(self) -> u8 {
        self.0 as u8
    }

    /// The `(r, g, b)` components.
    pub const fn rgb(self) -> (u8, u8, u8) {
        (self.r(), self.g(), self.b())
    }

    /// The raw integer value.
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl From<u32> for Color {
    fn from(v: u32) -> Self {
        Self(v)
    }
}

impl From<Color> for u32 {
    fn from(c: Color) -> Self {
        c.0
    }
}

impl fmt::Display for Color {
    /// Formats as `#rrggbb`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:06x}", self.0 & 0x00FF_FFFF)
    }
}

str_enum! {
    /// A language Discord supports ([docs](https://discord.com/developers/docs/reference#locales)).
    pub enum Locale {
        /// Indonesian.
        Indonesian = "id",
        /// Danish.
        Danish = "da",
        /// German.
        German = "de",
        /// English, UK.
        EnglishUk = "en-GB",
        /// English, US.
        EnglishUs = "en-US",
        /// Spanish.
        Spanish = "es-ES",
        /// Spanish, LATAM.
        SpanishLatam = "es-419",
        /// French.
        French = "fr",
        /// Croatian.
        Croatian = "hr",
        /// Italian.
        Italian = "it",
        /// Lithuanian.
        Lithuanian = "lt",
        /// Hungarian.
        Hungarian = "hu",
        /// Dutch.
        Dutch = "nl",
        /// Norwegian.
        Norwegian = "no",
        /// Polish.
        Polish = "pl",
        /// Portuguese, Brazilian.
        PortugueseBrazilian = "pt-BR",
        /// Romanian.
        Romanian = "ro",
        /// Finnish.
        Finnish = "fi",
        /// Swedish.
        Swedish = "sv-SE",
        /// Vietnamese.
        Vietnamese = "vi",
        /// Turkish.
        Turkish = "tr",
        /// Czech.
        Czech = "cs",
        /// Greek.
        Greek = "el",
        /// Bulgarian.
        Bulgarian = "bg",
        /// Russian.
        Russian = "ru",
        /// Ukrainian.
        Ukrainian = "uk",
        /// Hindi.
        Hindi = "hi",
        /// Thai.
        Thai = "th",
        /// Chinese, China.
        ChineseChina = "zh-CN",
        /// Japanese.
        Japanese = "ja",
        /// Chinese, Taiwan.
        ChineseTaiwan = "zh-TW",
        /// Korean.
        Korean = "ko",
    }
}

/// Deserializes a field that Discord may send as `null` into `T::default()` (use with
/// `#[serde(default, deserialize_with = "crate::common::null_as_default")]` for lists and flags
/// that may be absent or null).
pub fn null_as_default<'de, T, D>(d: D) -> Result<T, D::Error>
where
    T: Deserialize<'de> + Default,
    D: Deserializer<'de>,
{
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_rgb() {
        let c = Color::from_rgb(0x12, 0x34, 0x56);
        assert_eq!(c.get(), 0x0012_3456);
        assert_eq!(c.rgb(), (0x12, 0x34, 0x56));
        assert_eq!(c.to_string(), "#123456");
        assert_eq!(serde_json::to_string(&c).unwrap(), "1193046");
        assert_eq!(serde_json::from_str::<Color>("1193046").unwrap(), c);
    }

    #[test]
    fn image_hash_animation() {
        assert!(ImageHash::from("a_abc").is_animated());
        assert!(!ImageHash::from("abc").is_animated());
        assert_eq!(ImageHash::from("a_abc").default_extension(), "gif");
        let h: ImageHash = serde_json::from_str("\"8342729096ea\"").unwrap();
        assert_eq!(h.to_string(), "8342729096ea");
    }

    #[test]
    fn locale_known_and_unknown() {
        let l: Locale = serde_json::from_str("\"es-419\"").unwrap();
        assert_eq!(l, Locale::SpanishLatam);
        let u: Locale = serde_json::from_str("\"xx-YY\"").unwrap();
        assert_eq!(u, Locale::Unknown("xx-YY".into()));
        assert_eq!(serde_json::to_string(&u).unwrap(), "\"xx-YY\"");
    }

    #[derive(Serialize, Deserialize, PartialEq, Debug, Default)]
    struct Lists {
        #[serde(default, deserialize_with = "null_as_default")]
        list: Vec<u8>,
    }

    #[test]
    fn null_reads_as_the_default() {
        for json in ["{}", r#"{"list":null}"#, r#"{"list":[]}"#] {
            assert_eq!(
                serde_json::from_str::<Lists>(json).unwrap(),
                Lists::default()
            );
        }
        let set: Lists = serde_json::from_str(r#"{"list":[1]}"#).unwrap();
        assert_eq!(set.list, [1]);
    }
}
