//! # asyncord-model
//!
//! The Discord API v10 data model used by [asyncord](https://docs.rs/asyncord): identifiers,
//! bit flags, every object a bot sees, gateway payloads and the 79 dispatch events, and REST
//! request bodies that validate Discord's documented limits before anything is sent.
//!
//! Serde types only: no I/O, no async runtime.
//!
//! Forward compatibility is a rule here: unknown fields are ignored, unknown enum values are kept
//! as `Unknown(..)` (any integer), unknown flag bits are kept, optional fields may be absent or
//! `null`, and one malformed element of a large event's collections (a member of a
//! `GUILD_CREATE`) is left out and reported instead of failing the event ([`lenient`]).

pub mod macros;

pub mod flags;
pub mod id;
pub mod json;
pub mod timestamp;

pub mod gateway;

pub mod application;
pub mod audit_log;
pub mod auto_moderation;
pub mod cdn;
pub mod channel;
pub mod command;
pub mod common;
pub mod component;
pub mod emoji;
pub mod guild;
mod image_hash;
pub mod interaction;
pub mod invite;
pub mod lenient;
pub mod member;
pub mod message;
pub mod message_formatting;
pub mod monetization;
pub mod permissions;
pub mod presence;
pub mod rate_limit;
pub mod request;
pub mod role;
pub mod route;
pub mod scheduled_event;
pub mod soundboard;
pub mod stage_instance;
pub mod sticker;
pub mod user;
pub mod voice;
pub mod webhook;

pub use flags::{Intents, Permissions};
pub use id::{
    ApplicationId, AttachmentId, AuditLogEntryId, AutoModerationRuleId, ChannelId, CommandId,
    EmojiId, EntitlementId, ForumTagId, GuildId, Id, IntegrationId, InteractionId, JoinRequestId,
    MessageId, OnboardingPromptId, OnboardingPromptOptionId, RoleId, ScheduledEventExceptionId,
    ScheduledEventId, SkuId, Snowflake, SoundboardSoundId, StageInstanceId, StickerId,
    StickerPackId, SubscriptionId, TeamId, UserId, WebhookId,
};
pub use timestamp::Timestamp;

// Lets `int_flags!`/`string_flags!` expand in downstream crates without a direct dependency.
#[doc(hidden)]
pub use bitflags;
