//! Message attachments and attachment flags
//! ([docs](https://discord.com/developers/docs/resources/message#attachment-object)).

use serde::{Deserialize, Serialize};

use crate::{AttachmentId, Timestamp, int_flags};

int_flags! {
    /// Attachment flags ([docs](https://discord.com/developers/docs/resources/message#attachment-object-attachment-flags)).
    pub struct AttachmentFlags: u64 {
        /// A clip from a stream.
        const IS_CLIP = 1 << 0;
        /// The thumbnail of a media channel thread.
        const IS_THUMBNAIL = 1 << 1;
        /// Edited with remix.
        const IS_REMIX = 1 << 2;
        /// Marked as a spoiler.
        const IS_SPOILER = 1 << 3;
        /// Flagged as explicit media.
        const CONTAINS_EXPLICIT_MEDIA = 1 << 4;
        /// An animated image.
        const IS_ANIMATED = 1 << 5;
    }
}

/// A file attached to a message ([docs](https://discord.com/developers/docs/resources/message#attachment-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attachment {
    /// The attachment id.
    pub id: AttachmentId,
    /// The file name.
    pub filename: String,
    /// The title of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description / alt text (≤ 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The media type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Size in bytes.
    #[serde(default)]
    pub size: u64,
    /// Source URL.
    #[serde(default)]
    pub url: String,
    /// Proxied URL.
    #[serde(default)]
    pub proxy_url: String,
    /// Height (images).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Width (images).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Thumbhash placeholder (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder: Option<String>,
    /// Placeholder version (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placeholder_version: Option<u32>,
    /// Whether the attachment is ephemeral (removed after a set period).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral: Option<bool>,
    /// Duration of a voice message in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_secs: Option<f64>,
    /// Base64 sampled waveform of a voice message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waveform: Option<String>,
    /// Attachment flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<AttachmentFlags>,
    /// Users in the stream a clip was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clip_participants: Option<Vec<crate::user::User>>,
    /// When a clip was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clip_created_at: Option<Timestamp>,
    /// The application a clip was made in (partial application).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Box<crate::application::Application>>,
}
