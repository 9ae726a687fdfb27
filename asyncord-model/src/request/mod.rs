//! REST request bodies with builders; each validates Discord's documented limits before
//! anything is sent.
//!
//! - Bodies are plain serde structs with builder methods (`CreateMessage::content("pong")`,
//!   `CreateMessage::new().embed(Embed::new().title("t"))`).
//! - [`Validate`] checks the limits of the [docs](https://discord.com/developers/docs/resources/message#create-message)
//!   and returns a [`ValidationError`] naming the field path (`embeds[2].fields[7].value`), the
//!   limit and the actual value.
//! - A field of a PATCH body that can be cleared is a [`Patch`]: [`Patch::Unchanged`] leaves it
//!   out, [`Patch::Clear`] sends `null`, [`Patch::Set`] (or `value.into()`) sends the value.
//! - Files: bodies that can upload files carry `files: Vec<FileUpload>` (not serialised). Adding
//!   a file with a builder's `file(..)` method also appends the matching `attachments` entry
//!   (`id` = the file's index), so the JSON is complete; the REST layer only has to send each
//!   file as the multipart part `files[n]` (see [`RequestBody::files`]).

mod allowed_mentions;
mod application;
mod auto_moderation;
mod channel;
pub mod command;
mod emoji;
mod entitlement;
mod files;
mod guild;
mod guild_template;
mod image;
mod message;
mod patch;
mod poll;
mod rules;
mod scheduled_event;
mod soundboard;
mod stage_instance;
mod sticker;
mod thread;
mod user;
mod validate;
mod voice;
mod webhook;

pub use allowed_mentions::{AllowedMentionType, AllowedMentions};
pub use application::ModifyCurrentApplication;
pub use auto_moderation::{CreateAutoModerationRule, ModifyAutoModerationRule};
pub use channel::{
    AddGroupDmRecipient, CreateChannelInvite, CreateGuildChannel, EditChannelPermissions,
    FollowAnnouncementChannel, ModifyChannel, ModifyGroupDm, ModifyGuildChannel, ModifyThread,
};
pub use command::{CreateCommand, EditCommand, EditCommandPermissions};
pub use emoji::{CreateEmoji, ModifyApplicationEmoji, ModifyEmoji};
pub use entitlement::CreateTestEntitlement;
pub use files::{AttachmentMetadata, FileUpload, RequestBody};
pub use guild::{
    ActionJoinRequest, AddGuildMember, BeginGuildPrune, BulkBan, CreateGuildBan, CreateRole,
    JoinRequestAction, ModifyCurrentMember, ModifyGuild, ModifyGuildMember, ModifyGuildWidget,
    ModifyIncidentActions, ModifyOnboarding, ModifyRole, ModifyWelcomeScreen,
};
pub use guild_template::GuildTemplateBody;
pub use image::{ImageData, ImageDataError, base64_into, sniff_image, sniff_sound};
pub use message::{BulkDeleteMessages, CreateMessage, EditMessage};
pub use patch::Patch;
pub use poll::CreatePoll;
pub use scheduled_event::{
    CreateScheduledEvent, CreateScheduledEventException, ModifyScheduledEvent,
    ModifyScheduledEventException,
};
pub use soundboard::{CreateSoundboardSound, ModifySoundboardSound, SendSoundboardSound};
pub use stage_instance::{CreateStageInstance, ModifyStageInstance};
pub use sticker::{CreateSticker, ModifySticker};
pub use thread::{
    ForumThreadMessage, StartThreadFromMessage, StartThreadInForum, StartThreadWithoutMessage,
};
pub use user::{CreateDm, CreateGroupDm, ModifyCurrentUser};
pub use validate::{Validate, ValidationError, ValidationErrorKind};
pub use voice::ModifyVoiceState;
pub use webhook::{CreateWebhook, EditWebhookMessage, ExecuteWebhook, JsonBody, ModifyWebhook};

pub(crate) use files::push_file;
pub(crate) use rules::{MessageParts, modal_components};
pub(crate) use validate::{Path, check};
