//! Thread bodies: start a thread from a message, without a message, or in a forum/media channel
//! with its first message ([docs](https://discord.com/developers/docs/resources/channel#start-thread-from-message)).

use serde::{Deserialize, Serialize};

use super::allowed_mentions::AllowedMentions;
use super::channel::ChannelLimits;
use super::files::{AttachmentMetadata, FileUpload, RequestBody, push_file};
use super::rules::MessageParts;
use super::validate::{Path, Validate, ValidationError, check};
use crate::channel::ChannelType;
use crate::component::Component;
use crate::message::{Embed, MessageFlags};
use crate::{ForumTagId, StickerId};

fn thread_common(
    name: &str,
    rate_limit_per_user: Option<u32>,
    auto_archive_duration: Option<u32>,
) -> Result<(), ValidationError> {
    ChannelLimits {
        kind: None,
        name: Some(name),
        topic: None,
        rate_limit_per_user,
        default_thread_rate_limit_per_user: None,
        user_limit: None,
        available_tags: None,
    }
    .validate(&Path::ROOT)?;
    if let Some(d) = auto_archive_duration
        && ![60, 1440, 4320, 10080].contains(&d)
    {
        return Err(Path::ROOT
            .field("auto_archive_duration")
            .invalid(format!("must be 60, 1440, 4320 or 10080 minutes, got {d}")));
    }
    Ok(())
}

/// The body of [Start Thread from Message](https://discord.com/developers/docs/resources/channel#start-thread-from-message).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartThreadFromMessage {
    /// The name (1-100 characters).
    pub name: String,
    /// Auto-archive minutes (60, 1440, 4320, 10080).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_archive_duration: Option<u32>,
    /// Slowmode (0-21600 s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
}

impl StartThreadFromMessage {
    /// A thread with this name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            ..Self::default()
        }
    }
}

impl Validate for StartThreadFromMessage {
    fn validate(&self) -> Result<(), ValidationError> {
        thread_common(
            &self.name,
            self.rate_limit_per_user,
            self.auto_archive_duration,
        )
    }
}

impl RequestBody for StartThreadFromMessage {}

/// The body of [Start Thread without Message](https://discord.com/developers/docs/resources/channel#start-thread-without-message).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartThreadWithoutMessage {
    /// The name (1-100 characters).
    pub name: String,
    /// Auto-archive minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_archive_duration: Option<u32>,
    /// Thread type (default private thread).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ChannelType>,
    /// Whether non-moderators can add members (private threads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitable: Option<bool>,
    /// Slowmode (0-21600 s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
}

impl StartThreadWithoutMessage {
    /// A thread of a type with this name.
    pub fn new(name: impl Into<String>, kind: ChannelType) -> Self {
        Self {
            name: name.into(),
            kind: Some(kind),
            ..Self::default()
        }
    }
}

impl Validate for StartThreadWithoutMessage {
    fn validate(&self) -> Result<(), ValidationError> {
        thread_common(
            &self.name,
            self.rate_limit_per_user,
            self.auto_archive_duration,
        )?;
        if let Some(k) = self.kind
            && !k.is_thread()
        {
            return Err(Path::ROOT.field("type").invalid("must be a thread type"));
        }
        Ok(())
    }
}

impl RequestBody for StartThreadWithoutMessage {}

/// The first message of a forum or media thread ([docs](https://discord.com/developers/docs/resources/channel#start-thread-in-forum-or-media-channel-forum-and-media-thread-message-params-object)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ForumThreadMessage {
    /// Text (≤ 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Embeds (≤ 10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<Embed>,
    /// Mention rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_mentions: Option<AllowedMentions>,
    /// Components.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Stickers (≤ 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sticker_ids: Vec<StickerId>,
    /// Attachment metadata (filled by [`StartThreadInForum::file`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentMetadata>>,
    /// Flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<MessageFlags>,
}

/// The body of [Start Thread in Forum or Media Channel](https://discord.com/developers/docs/resources/channel#start-thread-in-forum-or-media-channel).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StartThreadInForum {
    /// The name (1-100 characters).
    pub name: String,
    /// Auto-archive minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_archive_duration: Option<u32>,
    /// Slowmode (0-21600 s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
    /// The first message.
    pub message: ForumThreadMessage,
    /// Forum tags to apply (≤ 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_tags: Option<Vec<ForumTagId>>,
    /// Files to upload with the first message.
    #[serde(skip)]
    pub files: Vec<FileUpload>,
}

impl StartThreadInForum {
    /// A post with a name and text.
    pub fn new(name: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            message: ForumThreadMessage {
                content: Some(content.into()),
                ..ForumThreadMessage::default()
            },
            ..Self::default()
        }
    }

    /// Adds an embed to the first message.
    pub fn embed(mut self, embed: Embed) -> Self {
        self.message.embeds.push(embed);
        self
    }

    /// Applies a forum tag.
    pub fn tag(mut self, tag_id: ForumTagId) -> Self {
        self.applied_tags.get_or_insert_with(Vec::new).push(tag_id);
        self
    }

    /// Uploads a file with the first message.
    pub fn file(mut self, file: FileUpload) -> Self {
        push_file(&mut self.files, &mut self.message.attachments, file);
        self
    }
}

impl Validate for StartThreadInForum {
    fn validate(&self) -> Result<(), ValidationError> {
        thread_common(
            &self.name,
            self.rate_limit_per_user,
            self.auto_archive_duration,
        )?;
        if let Some(tags) = &self.applied_tags {
            check::count(&Path::ROOT.field("applied_tags"), tags.len(), 0, 5)?;
        }
        let m = &self.message;
        MessageParts {
            content: m.content.as_deref(),
            embeds: &m.embeds,
            components: &m.components,
            sticker_ids: &m.sticker_ids,
            flags: m.flags,
            poll: None,
            attachments: m.attachments.as_deref().unwrap_or_default(),
            nonce: None,
            allowed_mentions: m.allowed_mentions.as_ref(),
            files: &self.files,
        }
        .validate(&Path::ROOT.field("message"))
    }
}

impl RequestBody for StartThreadInForum {
    fn files(&self) -> &[FileUpload] {
        &self.files
    }
}
