//! Stickers, sticker items (as sent in messages), sticker packs, and their type/format enums.
//!
//! Discord docs: [Sticker resource](https://discord.com/developers/docs/resources/sticker).

use serde::{Deserialize, Serialize};

use crate::user::User;
use crate::{GuildId, SkuId, Snowflake, StickerId, StickerPackId, int_enum};

/// A sticker ([docs](https://discord.com/developers/docs/resources/sticker#sticker-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sticker {
    /// The sticker id.
    pub id: StickerId,
    /// For standard stickers: the pack it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack_id: Option<StickerPackId>,
    /// The sticker name.
    pub name: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Autocomplete/suggestion tags (comma-separated, max 200 characters).
    #[serde(default)]
    pub tags: String,
    /// Standard or guild sticker.
    #[serde(rename = "type")]
    pub kind: StickerType,
    /// The file format.
    pub format_type: StickerFormatType,
    /// Whether a guild sticker can be used (false when the guild lost boosts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<bool>,
    /// The guild the sticker belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The user that uploaded the guild sticker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// Sort order within a standard pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_value: Option<i32>,
}

/// The smallest form of a sticker, as sent in messages
/// ([docs](https://discord.com/developers/docs/resources/sticker#sticker-item-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StickerItem {
    /// The sticker id.
    pub id: StickerId,
    /// The sticker name.
    pub name: String,
    /// The file format.
    pub format_type: StickerFormatType,
}

/// A pack of standard stickers
/// ([docs](https://discord.com/developers/docs/resources/sticker#sticker-pack-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StickerPack {
    /// The pack id.
    pub id: StickerPackId,
    /// The stickers in the pack.
    #[serde(default)]
    pub stickers: Vec<Sticker>,
    /// The pack name.
    pub name: String,
    /// The SKU of the pack.
    pub sku_id: SkuId,
    /// The sticker shown as the pack's icon.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_sticker_id: Option<StickerId>,
    /// The pack description.
    #[serde(default)]
    pub description: String,
    /// The pack's banner image id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner_asset_id: Option<Snowflake>,
}

/// The response of "List Sticker Packs": `{ "sticker_packs": [...] }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StickerPacks {
    /// The packs.
    #[serde(default)]
    pub sticker_packs: Vec<StickerPack>,
}

int_enum! {
    /// Whether a sticker is standard or a guild's
    /// ([docs](https://discord.com/developers/docs/resources/sticker#sticker-object-sticker-types)).
    pub enum StickerType: i64 {
        /// An official sticker in a pack.
        Standard = 1,
        /// A sticker uploaded to a guild.
        Guild = 2,
    }
}

int_enum! {
    /// A sticker's file format
    /// ([docs](https://discord.com/developers/docs/resources/sticker#sticker-object-sticker-format-types)).
    pub enum StickerFormatType: i64 {
        /// PNG.
        Png = 1,
        /// Animated PNG.
        Apng = 2,
        /// Lottie JSON.
        Lottie = 3,
        /// GIF.
        Gif = 4,
    }
}

impl StickerFormatType {
    /// The CDN file extension for this format.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Lottie => "json",
            Self::Gif => "gif",
            _ => "png",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS_STICKER: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-sticker-example-sticker.json"
    );
    const DOCS_PACK: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-sticker-example-sticker-pack.json"
    );

    #[test]
    fn docs_sticker_parses() {
        let s: Sticker = serde_json::from_str(DOCS_STICKER).unwrap();
        assert_eq!(s.kind, StickerType::Standard);
        assert_eq!(s.format_type, StickerFormatType::Lottie);
        assert_eq!(s.sort_value, Some(12));
        let j = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Sticker>(&j).unwrap(), s);
    }

    #[test]
    fn docs_pack_parses() {
        let p: StickerPack = serde_json::from_str(DOCS_PACK).unwrap();
        assert_eq!(p.name, "Wumpus Beyond");
        assert_eq!(
            p.cover_sticker_id,
            Some(StickerId::new(749_053_689_419_006_003))
        );
        let j = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<StickerPack>(&j).unwrap(), p);
    }

    #[test]
    fn unknown_format_kept() {
        let i: StickerItem =
            serde_json::from_str(r#"{"id":"1","name":"x","format_type":9}"#).unwrap();
        assert_eq!(i.format_type, StickerFormatType::Unknown(9));
    }
}
