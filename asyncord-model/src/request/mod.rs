//! REST request bodies with builders; each validates Discord's documented limits before
//! anything is sent.
//!
//! - Bodies are plain serde structs with builder methods (`CreateMessage::content("pong")`,
//!   `CreateMessage::new().embed(Embed::new().title("t"))`).
//! - [`Validate`] checks the limits of the [docs](https://discord.com/developers/docs/resources/message#create-message)
//!   and returns a [`ValidationError`] naming the field path (`embeds[2].fields[7].value`), the
//!   limit and the actual value.
//! - PATCH bodies use `Option<Option<T>>` with [`crate::common::nullable`]: `None` leaves a field
//!   unchanged (absent), `Some(None)` clears it (`null`).
//! - Files: bodies that can upload files carry `files: Vec<FileUpload>` (not serialised). Adding
//!   a file with a builder's `file(..)` method also appends the matching `attachments` entry
//!   (`id` = the file's index), so the JSON is complete; the REST layer only has to send each
//!   file as the multipart part `files[n]` (see [`RequestBody::files`]).

mod application;
mod automod;
mod channel;
pub mod command;
mod extra;
mod files;
mod guild;
mod guild_settings;
mod image;
mod message;
mod misc;
mod rules;
mod scheduled_event;
mod thread;
mod validate;
mod webhook;

pub use application::ModifyCurrentApplication;
pub use automod::{CreateAutoModerationRule, ModifyAutoModerationRule};
pub use channel::{
    CreateChannelInvite, CreateGuildChannel, EditChannelPermissions, FollowAnnouncementChannel,
    ModifyChannel, ModifyGroupDm, ModifyGuildChannel, ModifyThread,
};
pub use command::{CreateCommand, EditCommand, EditCommandPermissions};
pub use extra::{
    AddGroupDmRecipient, BeginGuildPrune, CreateEmoji, CreateSoundboardSound,
    CreateTestEntitlement, GuildTemplateBody, JsonBody, ModifyApplicationEmoji, ModifyEmoji,
    ModifySoundboardSound, ModifyVoiceState, SendSoundboardSound,
};
pub use files::{AttachmentMetadata, FileUpload, RequestBody};
pub use guild::{
    AddGuildMember, BulkBan, CreateGuildBan, CreateRole, ModifyCurrentMember, ModifyGuild,
    ModifyGuildMember, ModifyRole,
};
pub use guild_settings::{
    ActionJoinRequest, JoinRequestAction, ModifyGuildWidget, ModifyIncidentActions,
    ModifyOnboarding, ModifyWelcomeScreen,
};
pub use image::{ImageData, ImageDataError, base64_into, sniff_image, sniff_sound};
pub use message::{
    AllowedMentionType, AllowedMentions, BulkDeleteMessages, CreateMessage, CreatePoll, EditMessage,
};
pub use misc::{
    CreateDm, CreateGroupDm, CreateStageInstance, CreateSticker, ModifyCurrentUser,
    ModifyStageInstance, ModifySticker,
};
pub use scheduled_event::{
    CreateScheduledEvent, CreateScheduledEventException, ModifyScheduledEvent,
    ModifyScheduledEventException,
};
pub use thread::{
    ForumThreadMessage, StartThreadFromMessage, StartThreadInForum, StartThreadWithoutMessage,
};
pub use validate::{Validate, ValidationError, ValidationErrorKind};
pub use webhook::{CreateWebhook, EditWebhookMessage, ExecuteWebhook, ModifyWebhook};

pub(crate) use files::push_file;
pub(crate) use rules::{MessageParts, modal_components};
pub(crate) use validate::{Path, check};
