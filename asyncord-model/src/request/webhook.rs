//! Webhook bodies: create/modify webhook, execute webhook (also interaction follow-ups), edit
//! webhook message (also the original interaction response and follow-ups), and [`JsonBody`] for
//! the Slack- and GitHub-compatible execute routes
//! ([docs](https://discord.com/developers/docs/resources/webhook#execute-webhook)).

use serde::{Deserialize, Serialize};

use super::allowed_mentions::AllowedMentions;
use super::files::{AttachmentMetadata, FileUpload, RequestBody, push_file};
use super::patch::Patch;
use super::poll::CreatePoll;
use super::rules::MessageParts;
use super::validate::{Path, Validate, ValidationError, check};
use crate::component::Component;
use crate::message::{Embed, MessageFlags};
use crate::{ChannelId, ForumTagId};

fn webhook_name(path: &Path<'_>, name: &str) -> Result<(), ValidationError> {
    check::chars(path, name, 1, 80)?;
    let lower = name.to_lowercase();
    for banned in ["clyde", "discord"] {
        if lower.contains(banned) {
            return Err(path.invalid(format!("webhook names cannot contain `{banned}`")));
        }
    }
    Ok(())
}

/// The body of [Create Webhook](https://discord.com/developers/docs/resources/webhook#create-webhook).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateWebhook {
    /// Name (1-80 characters, not containing "clyde" or "discord").
    pub name: String,
    /// Avatar (data URI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
}

impl CreateWebhook {
    /// A webhook with a name.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            avatar: None,
        }
    }
}

impl Validate for CreateWebhook {
    fn validate(&self) -> Result<(), ValidationError> {
        webhook_name(&Path::ROOT.field("name"), &self.name)
    }
}

impl RequestBody for CreateWebhook {}

/// The body of [Modify Webhook](https://discord.com/developers/docs/resources/webhook#modify-webhook)
/// (`channel_id` is ignored when modifying with a token).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModifyWebhook {
    /// New name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// New avatar (data URI; `Patch::Clear` removes it).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub avatar: Patch<String>,
    /// Move to another channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
}

impl Validate for ModifyWebhook {
    fn validate(&self) -> Result<(), ValidationError> {
        match &self.name {
            Some(name) => webhook_name(&Path::ROOT.field("name"), name),
            None => Ok(()),
        }
    }
}

impl RequestBody for ModifyWebhook {}

/// The body of [Execute Webhook](https://discord.com/developers/docs/resources/webhook#execute-webhook),
/// also used for [interaction follow-ups](https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message)
/// (where `flags` may hold EPHEMERAL). Query parameters (`wait`, `thread_id`...) belong to the
/// REST call, not the body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExecuteWebhook {
    /// Text (≤ 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Overrides the webhook's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Overrides the webhook's avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Text to speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tts: Option<bool>,
    /// Embeds (≤ 10).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub embeds: Vec<Embed>,
    /// Mention rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_mentions: Option<AllowedMentions>,
    /// Components (application-owned webhooks, or with `with_components`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Attachment metadata (filled by [`ExecuteWebhook::file`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentMetadata>>,
    /// Flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<MessageFlags>,
    /// Creates a forum/media thread with this name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_name: Option<String>,
    /// Tags of the created forum thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_tags: Option<Vec<ForumTagId>>,
    /// A poll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<CreatePoll>,
    /// Files to upload.
    #[serde(skip)]
    pub files: Vec<FileUpload>,
}

impl ExecuteWebhook {
    /// An empty body.
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

    /// Adds an embed.
    pub fn embed(mut self, embed: Embed) -> Self {
        self.embeds.push(embed);
        self
    }

    /// Adds a component.
    pub fn component(mut self, component: impl Into<Component>) -> Self {
        self.components.push(component.into());
        self
    }

    /// Overrides the name.
    pub fn username(mut self, username: impl Into<String>) -> Self {
        self.username = Some(username.into());
        self
    }

    /// Overrides the avatar.
    pub fn avatar_url(mut self, url: impl Into<String>) -> Self {
        self.avatar_url = Some(url.into());
        self
    }

    /// Makes a follow-up ephemeral.
    pub fn ephemeral(mut self) -> Self {
        self.flags = Some(self.flags.unwrap_or_default() | MessageFlags::EPHEMERAL);
        self
    }

    /// Sets the flags.
    pub fn flags(mut self, flags: MessageFlags) -> Self {
        self.flags = Some(flags);
        self
    }

    /// Uploads a file.
    pub fn file(mut self, file: FileUpload) -> Self {
        push_file(&mut self.files, &mut self.attachments, file);
        self
    }
}

impl Validate for ExecuteWebhook {
    fn validate(&self) -> Result<(), ValidationError> {
        if let Some(name) = &self.username {
            webhook_name(&Path::ROOT.field("username"), name)?;
        }
        if let Some(name) = &self.thread_name {
            check::chars(&Path::ROOT.field("thread_name"), name, 1, 100)?;
        }
        let parts = MessageParts {
            content: self.content.as_deref(),
            embeds: &self.embeds,
            components: &self.components,
            sticker_ids: &[],
            flags: self.flags,
            poll: self.poll.as_ref(),
            attachments: self.attachments.as_deref().unwrap_or_default(),
            nonce: None,
            allowed_mentions: self.allowed_mentions.as_ref(),
            files: &self.files,
        };
        if parts.is_empty() {
            return Err(
                Path::ROOT.invalid("a message needs content, embeds, components, files or a poll")
            );
        }
        parts.validate(&Path::ROOT)
    }
}

impl RequestBody for ExecuteWebhook {
    fn files(&self) -> &[FileUpload] {
        &self.files
    }
}

/// The body of [Edit Webhook Message](https://discord.com/developers/docs/resources/webhook#edit-webhook-message),
/// also Edit Original Interaction Response and Edit Follow-up Message. Every field but `files`
/// and `attachments` is a [`Patch`]: [`Patch::Unchanged`] leaves it, [`Patch::Clear`] clears it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditWebhookMessage {
    /// New text.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub content: Patch<String>,
    /// New embeds.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub embeds: Patch<Vec<Embed>>,
    /// New flags (e.g. IS_COMPONENTS_V2).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub flags: Patch<MessageFlags>,
    /// New mention rules.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub allowed_mentions: Patch<AllowedMentions>,
    /// New components.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub components: Patch<Vec<Component>>,
    /// Attachments to keep plus new uploads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentMetadata>>,
    /// A poll (only when editing a deferred response).
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub poll: Patch<CreatePoll>,
    /// New files.
    #[serde(skip)]
    pub files: Vec<FileUpload>,
}

impl EditWebhookMessage {
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

    /// Uploads a new file.
    pub fn file(mut self, file: FileUpload) -> Self {
        push_file(&mut self.files, &mut self.attachments, file);
        self
    }
}

impl Validate for EditWebhookMessage {
    fn validate(&self) -> Result<(), ValidationError> {
        MessageParts {
            content: self.content.as_deref(),
            embeds: self.embeds.as_deref().unwrap_or_default(),
            components: self.components.as_deref().unwrap_or_default(),
            sticker_ids: &[],
            flags: self.flags.get().copied(),
            poll: self.poll.get(),
            attachments: self.attachments.as_deref().unwrap_or_default(),
            nonce: None,
            allowed_mentions: self.allowed_mentions.get(),
            files: &self.files,
        }
        .validate(&Path::ROOT)
    }
}

impl RequestBody for EditWebhookMessage {
    fn files(&self) -> &[FileUpload] {
        &self.files
    }
}

/// Any JSON body, sent as is (no local checks): for the Slack- and GitHub-compatible webhook
/// routes, whose payloads are Slack's and GitHub's formats, not Discord's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct JsonBody(pub serde_json::Value);

impl Validate for JsonBody {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for JsonBody {}
