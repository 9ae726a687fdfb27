//! File uploads carried by request bodies, the JSON `attachments` entries that describe them,
//! and the [`RequestBody`] trait the REST layer uses to find them
//! ([docs](https://discord.com/developers/docs/reference#uploading-files)).

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::AttachmentId;

/// A file to upload with a request. Never serialised: the REST layer sends it as the multipart
/// part `files[n]`, where `n` is its index in the body's `files`.
#[derive(Clone, PartialEq, Eq)]
pub struct FileUpload {
    /// The file name shown in Discord (and used in `attachment://filename` references).
    pub filename: String,
    /// The bytes (shared, so cloning a body does not copy them).
    pub data: Arc<[u8]>,
    /// Alt text (≤ 1024 characters).
    pub description: Option<String>,
    /// The media type (`image/png`...); the REST layer may guess it from the name when `None`.
    pub content_type: Option<String>,
}

impl FileUpload {
    /// A file from a name and bytes.
    pub fn new(filename: impl Into<String>, data: impl Into<Arc<[u8]>>) -> Self {
        Self {
            filename: filename.into(),
            data: data.into(),
            description: None,
            content_type: None,
        }
    }

    /// Sets the alt text.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the media type.
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The `attachment://filename` URL to reference this file from an embed or component.
    pub fn attachment_url(&self) -> String {
        format!("attachment://{}", self.filename)
    }

    /// The `attachments` entry describing this file when it is `files[index]`.
    pub fn metadata(&self, index: usize) -> AttachmentMetadata {
        AttachmentMetadata {
            id: AttachmentId::new(index as u64),
            filename: Some(self.filename.clone()),
            description: self.description.clone(),
            ..AttachmentMetadata::default()
        }
    }
}

impl fmt::Debug for FileUpload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FileUpload")
            .field("filename", &self.filename)
            .field("bytes", &self.data.len())
            .field("description", &self.description)
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// An entry of a body's `attachments` array: a new upload (`id` = its index in `files`) or an
/// existing attachment to keep when editing (`id` = the attachment id)
/// ([docs](https://discord.com/developers/docs/resources/message#attachment-object)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentMetadata {
    /// The upload index or the existing attachment id.
    pub id: AttachmentId,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filename: Option<String>,
    /// Alt text (≤ 1024 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Duration of a voice message in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_secs: Option<f64>,
    /// Base64 waveform of a voice message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waveform: Option<String>,
    /// Whether to mark it as a spoiler (Discord then sets the `IS_SPOILER` attachment flag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_spoiler: Option<bool>,
}

impl AttachmentMetadata {
    /// Keeps the existing attachment `id` when editing a message.
    pub fn keep(id: AttachmentId) -> Self {
        Self {
            id,
            ..Self::default()
        }
    }
}

/// What the REST layer needs to know about any request body beyond its JSON.
pub trait RequestBody {
    /// Files to send as multipart parts `files[0]`, `files[1]`...; when non-empty the JSON body
    /// goes in the `payload_json` part.
    fn files(&self) -> &[FileUpload] {
        &[]
    }
}

/// Appends `file` to `files` and its metadata (with the index as id) to `attachments`.
pub(crate) fn push_file(
    files: &mut Vec<FileUpload>,
    attachments: &mut Option<Vec<AttachmentMetadata>>,
    file: FileUpload,
) {
    let index = files.len();
    attachments
        .get_or_insert_with(Vec::new)
        .push(file.metadata(index));
    files.push(file);
}
