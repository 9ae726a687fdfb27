//! Embeds and their sub-objects, with builder methods for sending
//! ([docs](https://discord.com/developers/docs/resources/message#embed-object)).
//!
//! Received embeds come from other bots, webhooks and link previews, and Discord has sent
//! authors without `name`, fields without `name`/`value`, footers without `text` and images
//! without `url`: those strings are empty then, instead of failing the whole message.

use serde::{Deserialize, Serialize};

use crate::common::{Color, null_as_default};
use crate::{Timestamp, str_enum};

str_enum! {
    /// The kind of an embed; bots always send `rich` ([docs](https://discord.com/developers/docs/resources/message#embed-object-embed-types)).
    pub enum EmbedType {
        /// A generic embed rendered from embed attributes.
        Rich = "rich",
        /// An image embed.
        Image = "image",
        /// A video embed.
        Video = "video",
        /// An animated gif rendered as a video.
        Gifv = "gifv",
        /// An article embed.
        Article = "article",
        /// A link embed.
        Link = "link",
        /// A poll result embed.
        PollResult = "poll_result",
        /// An auto-moderation alert embed.
        AutoModerationMessage = "auto_moderation_message",
    }
}

/// Embedded rich content ([docs](https://discord.com/developers/docs/resources/message#embed-object)).
///
/// Build one with `Embed::new().title("t").description("d").field("n", "v", false)`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Embed {
    /// Title (≤ 256 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Embed type (always `rich` for webhook and bot embeds).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EmbedType>,
    /// Description (≤ 4096 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// URL of the title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Timestamp shown in the footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    /// Colour of the side bar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<Color>,
    /// Footer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footer: Option<EmbedFooter>,
    /// Image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<EmbedImage>,
    /// Thumbnail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<EmbedThumbnail>,
    /// Video (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<EmbedVideo>,
    /// Provider (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<EmbedProvider>,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<EmbedAuthor>,
    /// Fields (≤ 25).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<EmbedField>,
    /// Embed flags (received only, undocumented bits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<u64>,
}

/// An embed footer ([docs](https://discord.com/developers/docs/resources/message#embed-object-embed-footer-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedFooter {
    /// Footer text (≤ 2048 characters; empty when a received footer has none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub text: String,
    /// Icon URL (http(s) and attachments only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// Proxied icon URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_icon_url: Option<String>,
}

/// An embed image ([docs](https://discord.com/developers/docs/resources/message#embed-object-embed-image-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedImage {
    /// Source URL (http(s) and `attachment://name`; empty when a received image has none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub url: String,
    /// Proxied URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    /// Height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Media type (undocumented, sent by Discord).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Thumbhash placeholder (undocumented, sent by Discord).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Placeholder version (undocumented, sent by Discord).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder_version: Option<u32>,
    /// Media flags (undocumented, sent by Discord).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<u64>,
}

/// An embed thumbnail: the same shape as an image.
pub type EmbedThumbnail = EmbedImage;

/// An embed video ([docs](https://discord.com/developers/docs/resources/message#embed-object-embed-video-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedVideo {
    /// Source URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Proxied URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    /// Height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Media type (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Thumbhash placeholder (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Placeholder version (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder_version: Option<u32>,
    /// Media flags (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<u64>,
}

/// An embed provider ([docs](https://discord.com/developers/docs/resources/message#embed-object-embed-provider-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedProvider {
    /// Provider name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Provider URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An embed author ([docs](https://discord.com/developers/docs/resources/message#embed-object-embed-author-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedAuthor {
    /// Author name (≤ 256 characters; empty when a received author has none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// Author URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Icon URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// Proxied icon URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_icon_url: Option<String>,
}

/// An embed field ([docs](https://discord.com/developers/docs/resources/message#embed-object-embed-field-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmbedField {
    /// Field name (≤ 256 characters; empty when a received field has none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// Field value (≤ 1024 characters; empty when a received field has none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub value: String,
    /// Whether the field is displayed inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inline: Option<bool>,
}

impl Embed {
    /// An empty embed.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the title URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the footer timestamp.
    pub fn timestamp(mut self, timestamp: Timestamp) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// Sets the colour.
    pub fn color(mut self, color: impl Into<Color>) -> Self {
        self.color = Some(color.into());
        self
    }

    /// Sets the footer text.
    pub fn footer(mut self, text: impl Into<String>) -> Self {
        self.footer = Some(EmbedFooter {
            text: text.into(),
            ..EmbedFooter::default()
        });
        self
    }

    /// Sets the footer text and icon.
    pub fn footer_with_icon(
        mut self,
        text: impl Into<String>,
        icon_url: impl Into<String>,
    ) -> Self {
        self.footer = Some(EmbedFooter {
            text: text.into(),
            icon_url: Some(icon_url.into()),
            proxy_icon_url: None,
        });
        self
    }

    /// Sets the image URL (`attachment://name` for an uploaded file).
    pub fn image(mut self, url: impl Into<String>) -> Self {
        self.image = Some(EmbedImage {
            url: url.into(),
            ..EmbedImage::default()
        });
        self
    }

    /// Sets the thumbnail URL.
    pub fn thumbnail(mut self, url: impl Into<String>) -> Self {
        self.thumbnail = Some(EmbedImage {
            url: url.into(),
            ..EmbedImage::default()
        });
        self
    }

    /// Sets the author name.
    pub fn author(mut self, name: impl Into<String>) -> Self {
        self.author = Some(EmbedAuthor {
            name: name.into(),
            ..EmbedAuthor::default()
        });
        self
    }

    /// Sets the full author object.
    pub fn author_full(mut self, author: EmbedAuthor) -> Self {
        self.author = Some(author);
        self
    }

    /// Adds a field.
    pub fn field(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
        inline: bool,
    ) -> Self {
        self.fields.push(EmbedField {
            name: name.into(),
            value: value.into(),
            inline: Some(inline),
        });
        self
    }

    /// The number of characters Discord counts toward the 6000 total: title, description,
    /// field names and values, footer text and author name.
    pub fn text_length(&self) -> usize {
        let count = |s: &Option<String>| s.as_deref().map_or(0, |s| s.chars().count());
        count(&self.title)
            + count(&self.description)
            + self
                .fields
                .iter()
                .map(|f| f.name.chars().count() + f.value.chars().count())
                .sum::<usize>()
            + self.footer.as_ref().map_or(0, |f| f.text.chars().count())
            + self.author.as_ref().map_or(0, |a| a.name.chars().count())
    }
}
