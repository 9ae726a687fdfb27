//! Emoji: custom guild/application emoji and unicode emoji as they appear in reactions.
//!
//! Discord docs: [Emoji resource](https://discord.com/developers/docs/resources/emoji).

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::user::User;
use crate::{EmojiId, RoleId};

/// An emoji ([docs](https://discord.com/developers/docs/resources/emoji#emoji-object)).
///
/// A unicode emoji has no `id` and its `name` is the character itself; a custom emoji has an
/// `id` (its `name` may be `None` in reactions when the emoji was deleted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Emoji {
    /// The emoji id (`None` for unicode emoji).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<EmojiId>,
    /// The emoji name or unicode character.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Roles allowed to use this emoji.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub roles: Vec<RoleId>,
    /// The user that created the emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// Whether the emoji must be wrapped in colons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub require_colons: Option<bool>,
    /// Whether an integration manages the emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed: Option<bool>,
    /// Whether the emoji is animated.
    #[serde(default, deserialize_with = "null_as_default")]
    pub animated: bool,
    /// Whether the emoji can be used (false when the guild lost boosts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<bool>,
}

impl Emoji {
    /// A unicode emoji.
    pub fn unicode(ch: impl Into<String>) -> Self {
        Self {
            name: Some(ch.into()),
            ..Self::default()
        }
    }

    /// A custom emoji by id and name.
    pub fn custom(id: EmojiId, name: impl Into<String>, animated: bool) -> Self {
        Self {
            id: Some(id),
            name: Some(name.into()),
            animated,
            ..Self::default()
        }
    }

    /// Whether this is a custom emoji.
    pub fn is_custom(&self) -> bool {
        self.id.is_some()
    }

    /// The form used in message text: `<:name:id>`, `<a:name:id>` or the unicode character.
    pub fn mention(&self) -> String {
        let name = self.name.as_deref().unwrap_or("_");
        match self.id {
            Some(id) if self.animated => format!("<a:{name}:{id}>"),
            Some(id) => format!("<:{name}:{id}>"),
            None => name.to_owned(),
        }
    }

    /// The form used in reaction URLs: `name:id` or the unicode character (not yet URL-encoded).
    pub fn reaction_form(&self) -> String {
        let name = self.name.as_deref().unwrap_or("_");
        match self.id {
            Some(id) => format!("{name}:{id}"),
            None => name.to_owned(),
        }
    }
}

/// The response of "List Application Emojis": `{ "items": [...] }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationEmojis {
    /// The application's emoji.
    #[serde(default)]
    pub items: Vec<Emoji>,
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../testdata/discord-api/payloads/docs/", $name))
        };
    }

    fn round_trip(e: &Emoji) {
        let s = serde_json::to_string(e).unwrap();
        assert_eq!(&serde_json::from_str::<Emoji>(&s).unwrap(), e);
    }

    #[test]
    fn docs_emoji_examples_parse() {
        let e: Emoji =
            serde_json::from_str(fixture!("docs-resources-emoji-emoji-example.json")).unwrap();
        assert_eq!(e.roles.len(), 2);
        assert_eq!(e.user.as_ref().unwrap().username, "Luigi");
        assert_eq!(e.require_colons, Some(true));
        round_trip(&e);
        for text in [
            fixture!("docs-resources-emoji-standard-emoji-example.json"),
            fixture!("docs-resources-emoji-custom-emoji-examples.json"),
            fixture!("docs-resources-emoji-custom-emoji-examples-2.json"),
        ] {
            let e: Emoji = serde_json::from_str(text).unwrap();
            round_trip(&e);
        }
        let list: ApplicationEmojis = serde_json::from_str(fixture!(
            "docs-resources-emoji-list-application-emojis.json"
        ))
        .unwrap();
        assert!(!list.items.is_empty());
    }

    #[test]
    fn captured_guild_emojis_parse() {
        let pages: Vec<ApplicationEmojis> = serde_json::from_str(include_str!(
            "../../testdata/discord-api/payloads/captured-accord-jl/accordjl-rest_get_emojis.json"
        ))
        .unwrap();
        let emojis: Vec<&Emoji> = pages.iter().flat_map(|p| &p.items).collect();
        assert!(
            emojis
                .iter()
                .all(|e| e.is_custom() && e.available == Some(true))
        );
        for e in emojis {
            round_trip(e);
        }
    }

    #[test]
    fn mention_forms() {
        assert_eq!(Emoji::unicode("🔥").mention(), "🔥");
        assert_eq!(
            Emoji::custom(EmojiId::new(7), "x", false).mention(),
            "<:x:7>"
        );
        assert_eq!(
            Emoji::custom(EmojiId::new(7), "x", true).mention(),
            "<a:x:7>"
        );
        assert_eq!(
            Emoji::custom(EmojiId::new(7), "x", true).reaction_form(),
            "x:7"
        );
    }
}
