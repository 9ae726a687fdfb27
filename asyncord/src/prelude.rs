//! The names a bot needs in scope: `use asyncord::prelude::*;`.
//!
//! The dispatcher's names (`handler`, `HandlerResult`, `Dispatcher`...), the hub's (`ClientHub`,
//! `ClientGroup`, `connect`...), the clients (`RestClient`, `GatewayHandle`), every gateway event
//! (`MessageCreateEvent`...), the command framework's (`command`, `CommandContext`, `Choice`,
//! `Modal`...) with the objects options resolve to (`User`, `Member`, `Channel`, `Role`...), the common request bodies and the model's primitives (every id type:
//! `ChannelId`, `GuildId`, `UserId`...); with the
//! `testkit` feature, the emulator's bot methods (`emu.run_bot(..)`, `emu.group_config()`...).

pub use asyncord_model::gateway::events::*;
pub use asyncord_model::request::{CreateMessage, EditMessage};
pub use asyncord_model::{
    ApplicationId, AttachmentId, AuditLogEntryId, AutoModerationRuleId, ChannelId, CommandId,
    EmojiId, EntitlementId, ForumTagId, GuildId, Id, IntegrationId, InteractionId, JoinRequestId,
    MessageId, OnboardingPromptId, OnboardingPromptOptionId, RoleId, ScheduledEventExceptionId,
    ScheduledEventId, SkuId, Snowflake, SoundboardSoundId, StageInstanceId, StickerId,
    StickerPackId, SubscriptionId, TeamId, UserId, WebhookId,
};
pub use asyncord_model::{Intents, Permissions, Timestamp};

pub use crate::cache::{Cache, CacheConfig};
pub use crate::client_hub::{
    ClientGroup, ClientGroups, ClientHub, GroupConfig, HubConfig, StopHandle, connect, connect_with,
};
pub use asyncord_model::channel::{Channel, ChannelType};
pub use asyncord_model::member::Member;
pub use asyncord_model::message::{Attachment, Message};
pub use asyncord_model::role::Role;
pub use asyncord_model::user::User;

pub use crate::commands::{
    AutocompleteContext, Choice, Command, CommandContext, CommandError, CommandFailure,
    CommandRegistration, CommandResult, Component, Cooldown, Mentionable, Modal, OptionDefinition,
    Reply, command, component,
};
pub use crate::dispatcher::{
    Context, Dispatcher, HandlerError, HandlerResult, Inject, InjectError, RawEvent, handler,
    inject,
};
pub use crate::gateway::GatewayHandle;
pub use crate::rest::RestClient;

#[cfg(feature = "testkit")]
pub use crate::testkit::EmulatorBots as _;
