//! Interaction responses (the body of Create Interaction Response) and the interaction callback
//! response object
//! ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object)).

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use crate::command::ApplicationCommandOptionChoice;
use crate::component::Component;
use crate::message::{Embed, Message, MessageFlags};
use crate::request::{
    AllowedMentions, AttachmentMetadata, CreatePoll, FileUpload, RequestBody, Validate,
    ValidationError,
};
use crate::{InteractionId, MessageId, int_enum};

int_enum! {
    /// How an interaction is answered ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-interaction-callback-type)).
    pub enum InteractionCallbackType: i64 {
        /// ACK a ping.
        Pong = 1,
        /// Respond with a message.
        ChannelMessageWithSource = 4,
        /// ACK now, edit a response in later ("thinking...").
        DeferredChannelMessageWithSource = 5,
        /// ACK a component interaction, edit the original message later.
        DeferredUpdateMessage = 6,
        /// Edit the message the component was attached to.
        UpdateMessage = 7,
        /// Answer an autocomplete request with choices.
        ApplicationCommandAutocompleteResult = 8,
        /// Open a modal.
        Modal = 9,
        /// Deprecated: upsell premium (use a premium button).
        PremiumRequired = 10,
        /// Launch the app's activity.
        LaunchActivity = 12,
    }
}

/// The message of a response (types 4 and 7), or the flags of a deferred one (type 5)
/// ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-messages)).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InteractionMessageData {
    /// Text to speech.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tts: Option<bool>,
    /// Text (≤ 2000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Embeds (≤ 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embeds: Option<Vec<Embed>>,
    /// Mention rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_mentions: Option<AllowedMentions>,
    /// Flags: EPHEMERAL, SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<MessageFlags>,
    /// Components.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<Component>>,
    /// Attachment metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentMetadata>>,
    /// A poll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<CreatePoll>,
    /// Files to upload.
    #[serde(skip)]
    pub files: Vec<FileUpload>,
}

impl InteractionMessageData {
    fn validate_at(&self, path: &crate::request::Path<'_>) -> Result<(), ValidationError> {
        crate::request::MessageParts {
            content: self.content.as_deref(),
            embeds: self.embeds.as_deref().unwrap_or_default(),
            components: self.components.as_deref().unwrap_or_default(),
            sticker_ids: &[],
            flags: self.flags,
            poll: self.poll.as_ref(),
            attachments: self.attachments.as_deref().unwrap_or_default(),
            nonce: None,
            allowed_mentions: self.allowed_mentions.as_ref(),
            files: &self.files,
        }
        .validate(path)
    }
}

/// Choices answering an autocomplete request (type 8).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AutocompleteData {
    /// The suggestions (≤ 25).
    #[serde(default)]
    pub choices: Vec<ApplicationCommandOptionChoice>,
}

/// A modal to open (type 9).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModalData {
    /// Developer-defined id (1-100 characters).
    pub custom_id: String,
    /// Title (≤ 45 characters).
    pub title: String,
    /// 1-5 components (labels, text displays, or legacy action rows of text inputs).
    pub components: Vec<Component>,
}

/// The body of [Create Interaction Response](https://discord.com/developers/docs/interactions/receiving-and-responding#create-interaction-response).
///
/// ```
/// use asyncord_model::interaction::InteractionResponse;
/// use asyncord_model::request::Validate;
/// let r = InteractionResponse::message("hi").ephemeral();
/// assert!(r.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum InteractionResponse {
    /// Pong (type 1).
    Pong,
    /// A message (type 4).
    Message(InteractionMessageData),
    /// Thinking, followed up later (type 5); only `flags` (EPHEMERAL) is used.
    DeferredMessage(InteractionMessageData),
    /// ACK a component, edit later (type 6).
    DeferredUpdate,
    /// Edit the component's message (type 7).
    UpdateMessage(InteractionMessageData),
    /// Autocomplete choices (type 8).
    Autocomplete(AutocompleteData),
    /// A modal (type 9).
    Modal(ModalData),
    /// Deprecated premium upsell (type 10).
    PremiumRequired,
    /// Launch the activity (type 12).
    LaunchActivity,
}

impl InteractionResponse {
    /// A text message response.
    pub fn message(content: impl Into<String>) -> Self {
        Self::Message(InteractionMessageData {
            content: Some(content.into()),
            ..InteractionMessageData::default()
        })
    }

    /// A message response from full data.
    pub fn message_data(data: InteractionMessageData) -> Self {
        Self::Message(data)
    }

    /// A deferred message response ("thinking..."); `ephemeral` makes the follow-up ephemeral.
    pub fn deferred(ephemeral: bool) -> Self {
        Self::DeferredMessage(InteractionMessageData {
            flags: ephemeral.then_some(MessageFlags::EPHEMERAL),
            ..InteractionMessageData::default()
        })
    }

    /// Update the component's message.
    pub fn update(data: InteractionMessageData) -> Self {
        Self::UpdateMessage(data)
    }

    /// Autocomplete suggestions.
    pub fn autocomplete(choices: impl IntoIterator<Item = ApplicationCommandOptionChoice>) -> Self {
        Self::Autocomplete(AutocompleteData {
            choices: choices.into_iter().collect(),
        })
    }

    /// A modal.
    pub fn modal(
        custom_id: impl Into<String>,
        title: impl Into<String>,
        components: impl IntoIterator<Item = impl Into<Component>>,
    ) -> Self {
        Self::Modal(ModalData {
            custom_id: custom_id.into(),
            title: title.into(),
            components: components.into_iter().map(Into::into).collect(),
        })
    }

    /// Adds the EPHEMERAL flag to a message, deferred or update response.
    pub fn ephemeral(mut self) -> Self {
        if let Some(data) = self.message_data_mut() {
            data.flags = Some(data.flags.unwrap_or_default() | MessageFlags::EPHEMERAL);
        }
        self
    }

    /// Adds an embed to a message or update response.
    pub fn embed(mut self, embed: Embed) -> Self {
        if let Some(data) = self.message_data_mut() {
            data.embeds.get_or_insert_with(Vec::new).push(embed);
        }
        self
    }

    /// Adds a component to a message or update response.
    pub fn component(mut self, component: impl Into<Component>) -> Self {
        if let Some(data) = self.message_data_mut() {
            data.components
                .get_or_insert_with(Vec::new)
                .push(component.into());
        }
        self
    }

    /// Uploads a file with a message or update response.
    pub fn file(mut self, file: FileUpload) -> Self {
        if let Some(data) = self.message_data_mut() {
            crate::request::push_file(&mut data.files, &mut data.attachments, file);
        }
        self
    }

    fn message_data_mut(&mut self) -> Option<&mut InteractionMessageData> {
        match self {
            Self::Message(d) | Self::DeferredMessage(d) | Self::UpdateMessage(d) => Some(d),
            _ => None,
        }
    }

    /// The callback type.
    pub fn kind(&self) -> InteractionCallbackType {
        match self {
            Self::Pong => InteractionCallbackType::Pong,
            Self::Message(_) => InteractionCallbackType::ChannelMessageWithSource,
            Self::DeferredMessage(_) => InteractionCallbackType::DeferredChannelMessageWithSource,
            Self::DeferredUpdate => InteractionCallbackType::DeferredUpdateMessage,
            Self::UpdateMessage(_) => InteractionCallbackType::UpdateMessage,
            Self::Autocomplete(_) => InteractionCallbackType::ApplicationCommandAutocompleteResult,
            Self::Modal(_) => InteractionCallbackType::Modal,
            Self::PremiumRequired => InteractionCallbackType::PremiumRequired,
            Self::LaunchActivity => InteractionCallbackType::LaunchActivity,
        }
    }
}

#[derive(Serialize)]
struct Wire<'a, T> {
    #[serde(rename = "type")]
    kind: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a T>,
}

impl Serialize for InteractionResponse {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let kind = self.kind().value();
        match self {
            Self::Message(d) | Self::DeferredMessage(d) | Self::UpdateMessage(d) => Wire {
                kind,
                data: Some(d),
            }
            .serialize(s),
            Self::Autocomplete(d) => Wire {
                kind,
                data: Some(d),
            }
            .serialize(s),
            Self::Modal(d) => Wire {
                kind,
                data: Some(d),
            }
            .serialize(s),
            Self::Pong | Self::DeferredUpdate | Self::PremiumRequired | Self::LaunchActivity => {
                Wire::<()> { kind, data: None }.serialize(s)
            }
        }
    }
}

impl<'de> Deserialize<'de> for InteractionResponse {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(rename = "type")]
            kind: InteractionCallbackType,
            #[serde(default)]
            data: Option<serde_json::Value>,
        }
        fn data<T: Default + serde::de::DeserializeOwned, E: serde::de::Error>(
            v: Option<serde_json::Value>,
        ) -> Result<T, E> {
            v.map_or_else(
                || Ok(T::default()),
                |v| T::deserialize(v).map_err(E::custom),
            )
        }
        let raw = Raw::deserialize(d)?;
        Ok(match raw.kind {
            InteractionCallbackType::Pong => Self::Pong,
            InteractionCallbackType::ChannelMessageWithSource => Self::Message(data(raw.data)?),
            InteractionCallbackType::DeferredChannelMessageWithSource => {
                Self::DeferredMessage(data(raw.data)?)
            }
            InteractionCallbackType::DeferredUpdateMessage => Self::DeferredUpdate,
            InteractionCallbackType::UpdateMessage => Self::UpdateMessage(data(raw.data)?),
            InteractionCallbackType::ApplicationCommandAutocompleteResult => {
                Self::Autocomplete(data(raw.data)?)
            }
            InteractionCallbackType::Modal => {
                let v = raw.data.ok_or_else(|| D::Error::missing_field("data"))?;
                Self::Modal(ModalData::deserialize(v).map_err(D::Error::custom)?)
            }
            InteractionCallbackType::PremiumRequired => Self::PremiumRequired,
            InteractionCallbackType::LaunchActivity => Self::LaunchActivity,
            InteractionCallbackType::Unknown(n) => {
                return Err(D::Error::custom(format_args!(
                    "unknown interaction callback type {n}"
                )));
            }
        })
    }
}

impl Validate for InteractionResponse {
    fn validate(&self) -> Result<(), ValidationError> {
        use crate::request::{Path, check};
        let data = Path::ROOT.field("data");
        match self {
            Self::Message(d) | Self::DeferredMessage(d) | Self::UpdateMessage(d) => {
                d.validate_at(&data)
            }
            Self::Autocomplete(a) => {
                let cp = data.field("choices");
                check::count(&cp, a.choices.len(), 0, 25)?;
                for (i, c) in a.choices.iter().enumerate() {
                    crate::request::command::validate_choice(&cp.index(i), c)?;
                }
                Ok(())
            }
            Self::Modal(m) => {
                check::chars(&data.field("custom_id"), &m.custom_id, 1, 100)?;
                check::chars(&data.field("title"), &m.title, 1, 45)?;
                crate::request::modal_components(&data.field("components"), &m.components)
            }
            Self::Pong | Self::DeferredUpdate | Self::PremiumRequired | Self::LaunchActivity => {
                Ok(())
            }
        }
    }
}

impl RequestBody for InteractionResponse {
    fn files(&self) -> &[FileUpload] {
        match self {
            Self::Message(d) | Self::DeferredMessage(d) | Self::UpdateMessage(d) => &d.files,
            _ => &[],
        }
    }
}

/// The answer of Create Interaction Response with `with_response=true`
/// ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-callback-interaction-callback-response-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InteractionCallbackResponse {
    /// The interaction.
    pub interaction: InteractionCallback,
    /// What the response created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<InteractionCallbackResource>,
}

/// The interaction a callback answered ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-callback-interaction-callback-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InteractionCallback {
    /// The interaction id.
    pub id: InteractionId,
    /// The interaction type.
    #[serde(rename = "type")]
    pub kind: super::InteractionType,
    /// The activity instance launched, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_instance_id: Option<String>,
    /// The message created by the response, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_message_id: Option<MessageId>,
    /// Whether the response message is in a loading state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_message_loading: Option<bool>,
    /// Whether the response message is ephemeral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_message_ephemeral: Option<bool>,
}

/// The resource a callback created ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-callback-interaction-callback-resource-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InteractionCallbackResource {
    /// The callback type.
    #[serde(rename = "type")]
    pub kind: InteractionCallbackType,
    /// The launched activity instance (LAUNCH_ACTIVITY).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_instance: Option<ActivityInstanceResource>,
    /// The created or updated message (message responses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Box<Message>>,
}

/// The activity instance a `LAUNCH_ACTIVITY` callback started (the docs' "activity instance
/// resource"; the full object is [`crate::application::ActivityInstance`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityInstanceResource {
    /// The instance id.
    pub id: String,
}
