//! Message bodies: create and edit message, bulk delete.
//! <https://discord.com/developers/docs/resources/message#create-message>

use serde::{Deserialize, Serialize};

use super::allowed_mentions::AllowedMentions;
use super::files::{AttachmentMetadata, FileUpload, RequestBody, push_file};
use super::patch::Patch;
use super::poll::CreatePoll;
use super::rules::MessageParts;
use super::validate::{Path, Validate, ValidationError, check};
use crate::component::Component;
use crate::message::{Embed, MessageFlags, MessageReference, Nonce, SharedClientTheme};
use crate::{AttachmentId, MessageId, StickerId};

/// The body of [Create Message](https://discord.com/developers/docs/resources/message#create-message).
///
/// ```
/// use asyncord_model::message::Embed;
/// use asyncord_model::request::{CreateMessage, Validate};
/// let msg = CreateMessage::content("pong");
/// assert!(msg.validate().is_ok());
/// let msg = CreateMessage::new().embed(Embed::new().title("t"));
/// assert!(msg.validate().is_ok());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateMessage {
    /// Text (≤ 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Nonce to confirm the message was sent (≤ 25 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<Nonce>,
    /// Text to speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tts: Option<bool>,
    /// Embeds (≤ 10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<Embed>,
    /// Mention notification rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_mentions: Option<AllowedMentions>,
    /// A reply or forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_reference: Option<MessageReference>,
    /// Components.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Guild stickers (≤ 3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sticker_ids: Vec<StickerId>,
    /// Attachment metadata (filled by [`CreateMessage::file`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentMetadata>>,
    /// Flags: SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<MessageFlags>,
    /// With a nonce: return the existing message when the nonce was used recently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_nonce: Option<bool>,
    /// A poll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<CreatePoll>,
    /// A custom client theme to share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_client_theme: Option<SharedClientTheme>,
    /// Files to upload (sent as multipart `files[n]`).
    #[serde(skip)]
    pub files: Vec<FileUpload>,
}

impl CreateMessage {
    /// An empty message body.
    pub fn new() -> Self {
        Self::default()
    }

    /// A text message.
    pub fn content(content: impl Into<String>) -> Self {
        Self {
            content: Some(content.into()),
            ..Self::default()
        }
    }

    /// Sets the text.
    pub fn with_content(mut self, content: impl Into<String>) -> Self {
        self.content = Some(content.into());
        self
    }

    /// Adds an embed.
    pub fn embed(mut self, embed: Embed) -> Self {
        self.embeds.push(embed);
        self
    }

    /// Replaces the embeds.
    pub fn embeds(mut self, embeds: impl IntoIterator<Item = Embed>) -> Self {
        self.embeds = embeds.into_iter().collect();
        self
    }

    /// Replaces the components.
    pub fn components(
        mut self,
        components: impl IntoIterator<Item = impl Into<Component>>,
    ) -> Self {
        self.components = components.into_iter().map(Into::into).collect();
        self
    }

    /// Adds a component.
    pub fn component(mut self, component: impl Into<Component>) -> Self {
        self.components.push(component.into());
        self
    }

    /// Uses components v2: sets the IS_COMPONENTS_V2 flag and the components.
    pub fn components_v2(
        mut self,
        components: impl IntoIterator<Item = impl Into<Component>>,
    ) -> Self {
        self.flags = Some(self.flags.unwrap_or_default() | MessageFlags::IS_COMPONENTS_V2);
        self.components(components)
    }

    /// Replies to a message.
    pub fn reply_to(mut self, message_id: MessageId) -> Self {
        self.message_reference = Some(MessageReference::reply(message_id));
        self
    }

    /// Sets the message reference (reply or forward).
    pub fn message_reference(mut self, reference: MessageReference) -> Self {
        self.message_reference = Some(reference);
        self
    }

    /// Sets the allowed mentions.
    pub fn allowed_mentions(mut self, mentions: AllowedMentions) -> Self {
        self.allowed_mentions = Some(mentions);
        self
    }

    /// Sets the nonce.
    pub fn nonce(mut self, nonce: impl Into<Nonce>) -> Self {
        self.nonce = Some(nonce.into());
        self
    }

    /// Sets text to speech.
    pub fn tts(mut self, tts: bool) -> Self {
        self.tts = Some(tts);
        self
    }

    /// Adds a sticker.
    pub fn sticker(mut self, sticker_id: StickerId) -> Self {
        self.sticker_ids.push(sticker_id);
        self
    }

    /// Sets the flags.
    pub fn flags(mut self, flags: MessageFlags) -> Self {
        self.flags = Some(flags);
        self
    }

    /// Attaches a poll.
    pub fn poll(mut self, poll: CreatePoll) -> Self {
        self.poll = Some(poll);
        self
    }

    /// Uploads a file and adds its `attachments` entry.
    pub fn file(mut self, file: FileUpload) -> Self {
        push_file(&mut self.files, &mut self.attachments, file);
        self
    }

    fn parts(&self) -> MessageParts<'_> {
        MessageParts {
            content: self.content.as_deref(),
            embeds: &self.embeds,
            components: &self.components,
            sticker_ids: &self.sticker_ids,
            flags: self.flags,
            poll: self.poll.as_ref(),
            attachments: self.attachments.as_deref().unwrap_or_default(),
            nonce: self.nonce.as_ref(),
            allowed_mentions: self.allowed_mentions.as_ref(),
            files: &self.files,
        }
    }
}

impl Validate for CreateMessage {
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(theme) = &self.shared_client_theme {
            let p = Path::ROOT.field("shared_client_theme");
            check::count(&p.field("colors"), theme.colors.len(), 0, 5)?;
            check::range(
                &p.field("gradient_angle"),
                i64::from(theme.gradient_angle),
                0,
                360,
            )?;
            check::range(&p.field("base_mix"), i64::from(theme.base_mix), 0, 100)?;
        }
        let parts = self.parts();
        if parts.is_empty()
            && self.message_reference.is_none()
            && self.shared_client_theme.is_none()
        {
            return Err(Path::ROOT.invalid(
                "a message needs content, embeds, components, stickers, files or a poll",
            ));
        }
        parts.validate(&Path::ROOT)
    }
}

impl RequestBody for CreateMessage {
    fn files(&self) -> &[FileUpload] {
        &self.files
    }
}

/// The body of [Edit Message](https://discord.com/developers/docs/resources/message#edit-message).
///
/// Every field but `files` and `attachments` is a [`Patch`]: [`Patch::Unchanged`] leaves it,
/// [`Patch::Clear`] clears it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditMessage {
    /// New text (≤ 2000 characters).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub content: Patch<String>,
    /// New embeds (≤ 10).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub embeds: Patch<Vec<Embed>>,
    /// New flags (only SUPPRESS_EMBEDS can be toggled, IS_COMPONENTS_V2 only set).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub flags: Patch<MessageFlags>,
    /// New mention rules.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub allowed_mentions: Patch<AllowedMentions>,
    /// New components.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub components: Patch<Vec<Component>>,
    /// The attachments to keep plus new uploads (replaces the list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentMetadata>>,
    /// New files to upload.
    #[serde(skip)]
    pub files: Vec<FileUpload>,
}

impl EditMessage {
    /// An edit that changes nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the text (`None` clears it).
    pub fn content(mut self, content: Option<impl Into<String>>) -> Self {
        self.content = Patch::set_or_clear(content.map(Into::into));
        self
    }

    /// Replaces the embeds.
    pub fn embeds(mut self, embeds: impl IntoIterator<Item = Embed>) -> Self {
        self.embeds = Patch::Set(embeds.into_iter().collect());
        self
    }

    /// Replaces the components.
    pub fn components(
        mut self,
        components: impl IntoIterator<Item = impl Into<Component>>,
    ) -> Self {
        self.components = Patch::Set(components.into_iter().map(Into::into).collect());
        self
    }

    /// Sets the flags.
    pub fn flags(mut self, flags: MessageFlags) -> Self {
        self.flags = Patch::Set(flags);
        self
    }

    /// Sets the allowed mentions.
    pub fn allowed_mentions(mut self, mentions: AllowedMentions) -> Self {
        self.allowed_mentions = Patch::Set(mentions);
        self
    }

    /// Keeps an existing attachment (by id).
    pub fn keep_attachment(mut self, id: AttachmentId) -> Self {
        self.attachments
            .get_or_insert_with(Vec::new)
            .push(AttachmentMetadata::keep(id));
        self
    }

    /// Uploads a new file.
    pub fn file(mut self, file: FileUpload) -> Self {
        push_file(&mut self.files, &mut self.attachments, file);
        self
    }
}

impl Validate for EditMessage {
    fn validate(&self) -> Result<(), ValidationError> {
        MessageParts {
            content: self.content.as_deref(),
            embeds: self.embeds.as_deref().unwrap_or_default(),
            components: self.components.as_deref().unwrap_or_default(),
            sticker_ids: &[],
            flags: self.flags.get().copied(),
            poll: None,
            attachments: self.attachments.as_deref().unwrap_or_default(),
            nonce: None,
            allowed_mentions: self.allowed_mentions.get(),
            files: &self.files,
        }
        .validate(&Path::ROOT)
    }
}

impl RequestBody for EditMessage {
    fn files(&self) -> &[FileUpload] {
        &self.files
    }
}

/// The body of [Bulk Delete Messages](https://discord.com/developers/docs/resources/message#bulk-delete-messages):
/// 2-100 unique ids, none older than two weeks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkDeleteMessages {
    /// The message ids.
    pub messages: Vec<MessageId>,
}

impl BulkDeleteMessages {
    /// Deletes these messages.
    pub fn new(messages: impl IntoIterator<Item = MessageId>) -> Self {
        Self {
            messages: messages.into_iter().collect(),
        }
    }
}

impl Validate for BulkDeleteMessages {
    fn validate(&self) -> Result<(), ValidationError> {
        let path = Path::ROOT.field("messages");
        check::count(&path, self.messages.len(), 2, 100)?;
        check::unique(&path, self.messages.iter(), ToString::to_string)
    }
}

impl RequestBody for BulkDeleteMessages {}
