//! Content components (components v2): text displays, thumbnails, media galleries and files
//! ([docs](https://discord.com/developers/docs/components/reference#text-display)).

use serde::{Deserialize, Serialize};

use crate::{AttachmentId, Snowflake};

/// Markdown text (`type` 10) ([docs](https://discord.com/developers/docs/components/reference#text-display)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextDisplay {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The markdown text.
    #[serde(default)]
    pub content: String,
}

impl TextDisplay {
    /// A text display.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            id: None,
            content: content.into(),
        }
    }
}

/// A media reference: a URL or `attachment://name` ([docs](https://discord.com/developers/docs/components/reference#unfurled-media-item)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfurledMediaItem {
    /// Source URL (http(s) or `attachment://filename`).
    pub url: String,
    /// The media id (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Snowflake>,
    /// Proxied URL (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_url: Option<String>,
    /// Height (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Width (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Media type (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// The uploaded attachment's id (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<AttachmentId>,
    /// Thumbhash placeholder (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Placeholder version (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder_version: Option<u32>,
    /// Loading state (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loading_state: Option<i64>,
    /// Media flags (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<u64>,
}

impl UnfurledMediaItem {
    /// A media item pointing at `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            ..Self::default()
        }
    }
}

/// A small image, used as a section accessory (`type` 11) ([docs](https://discord.com/developers/docs/components/reference#thumbnail)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thumbnail {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The image.
    pub media: UnfurledMediaItem,
    /// Alt text (≤ 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the thumbnail is blurred as a spoiler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoiler: Option<bool>,
}

impl Thumbnail {
    /// A thumbnail of `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            media: UnfurledMediaItem::new(url),
            ..Self::default()
        }
    }
}

/// A gallery of 1-10 images or videos (`type` 12) ([docs](https://discord.com/developers/docs/components/reference#media-gallery)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaGallery {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The items.
    #[serde(default)]
    pub items: Vec<MediaGalleryItem>,
}

impl MediaGallery {
    /// A gallery of these URLs.
    pub fn new(urls: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            id: None,
            items: urls
                .into_iter()
                .map(|u| MediaGalleryItem {
                    media: UnfurledMediaItem::new(u),
                    description: None,
                    spoiler: None,
                })
                .collect(),
        }
    }
}

/// One item of a media gallery ([docs](https://discord.com/developers/docs/components/reference#media-gallery-media-gallery-item-structure)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaGalleryItem {
    /// The image or video.
    pub media: UnfurledMediaItem,
    /// Alt text (≤ 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the item is blurred as a spoiler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoiler: Option<bool>,
}

/// An uploaded file shown in the message (`type` 13) ([docs](https://discord.com/developers/docs/components/reference#file)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    /// Optional identifier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i32>,
    /// The file; only `attachment://filename` is supported.
    pub file: UnfurledMediaItem,
    /// Whether the file is blurred as a spoiler.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spoiler: Option<bool>,
    /// The file name (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The size in bytes (received only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
}

impl File {
    /// A file component for the uploaded `filename` (`attachment://filename`).
    pub fn attachment(filename: &str) -> Self {
        Self {
            file: UnfurledMediaItem::new(format!("attachment://{filename}")),
            ..Self::default()
        }
    }
}
