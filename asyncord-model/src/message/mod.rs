//! Messages: embeds, attachments, reactions, references, snapshots, interaction metadata,
//! stickers, polls, and message/attachment flags.
//!
//! Implements the [Message resource](https://discord.com/developers/docs/resources/message)
//! and [Poll resource](https://discord.com/developers/docs/resources/poll).
//! [`Message`] is also the payload of MESSAGE_CREATE and MESSAGE_UPDATE: the gateway-only
//! extras (`guild_id`, `member`, members of mentioned users) are optional fields here, so the
//! events can be transparent newtypes over it.

mod attachment;
mod embed;
mod extras;
mod poll;
mod reaction;

pub use attachment::{Attachment, AttachmentFlags};
pub use embed::{
    Embed, EmbedAuthor, EmbedField, EmbedFooter, EmbedImage, EmbedProvider, EmbedThumbnail,
    EmbedType, EmbedVideo,
};
pub use extras::{
    BaseThemeType, ChannelMention, GuildProductPurchase, MentionedUser, MessageActivity,
    MessageActivityType, MessageCall, MessageInteraction, MessageInteractionMetadata,
    MessageReference, MessageReferenceType, MessageSnapshot, MessageSnapshotMessage, Nonce,
    PurchaseNotification, RoleSubscriptionData, SharedClientTheme,
};
pub use poll::{Poll, PollAnswer, PollAnswerCount, PollLayoutType, PollMedia, PollResults};
pub use reaction::{Reaction, ReactionCountDetails, ReactionType};

use serde::{Deserialize, Serialize};

use crate::application::Application;
use crate::channel::{Channel, ChannelType};
use crate::component::Component;
use crate::interaction::ResolvedData;
use crate::member::Member;
use crate::sticker::{Sticker, StickerItem};
use crate::user::User;
use crate::{
    ApplicationId, ChannelId, GuildId, MessageId, RoleId, Timestamp, WebhookId, int_enum, int_flags,
};

int_enum! {
    /// The kind of a message ([docs](https://discord.com/developers/docs/resources/message#message-object-message-types)).
    pub enum MessageType: i64 {
        /// A normal message.
        Default = 0,
        /// A recipient was added to a group DM.
        RecipientAdd = 1,
        /// A recipient was removed from a group DM.
        RecipientRemove = 2,
        /// A call.
        Call = 3,
        /// A group DM's name changed.
        ChannelNameChange = 4,
        /// A group DM's icon changed.
        ChannelIconChange = 5,
        /// A message was pinned.
        ChannelPinnedMessage = 6,
        /// A member joined the guild.
        UserJoin = 7,
        /// A member boosted the guild.
        GuildBoost = 8,
        /// A boost reached tier 1.
        GuildBoostTier1 = 9,
        /// A boost reached tier 2.
        GuildBoostTier2 = 10,
        /// A boost reached tier 3.
        GuildBoostTier3 = 11,
        /// An announcement channel was followed.
        ChannelFollowAdd = 12,
        /// The guild was disqualified from discovery.
        GuildDiscoveryDisqualified = 14,
        /// The guild is requalified for discovery.
        GuildDiscoveryRequalified = 15,
        /// Discovery grace period, initial warning.
        GuildDiscoveryGracePeriodInitialWarning = 16,
        /// Discovery grace period, final warning.
        GuildDiscoveryGracePeriodFinalWarning = 17,
        /// A thread was created.
        ThreadCreated = 18,
        /// A reply.
        Reply = 19,
        /// A chat input (slash) command response.
        ChatInputCommand = 20,
        /// The starter message of a thread.
        ThreadStarterMessage = 21,
        /// A reminder to invite people.
        GuildInviteReminder = 22,
        /// A context menu command response.
        ContextMenuCommand = 23,
        /// An auto-moderation action.
        AutoModerationAction = 24,
        /// A role subscription was purchased.
        RoleSubscriptionPurchase = 25,
        /// An interaction premium upsell.
        InteractionPremiumUpsell = 26,
        /// A stage started.
        StageStart = 27,
        /// A stage ended.
        StageEnd = 28,
        /// A stage speaker.
        StageSpeaker = 29,
        /// A stage raised hand.
        StageRaiseHand = 30,
        /// A stage topic changed.
        StageTopic = 31,
        /// A guild application premium subscription.
        GuildApplicationPremiumSubscription = 32,
        /// Incident alert mode enabled.
        GuildIncidentAlertModeEnabled = 36,
        /// Incident alert mode disabled.
        GuildIncidentAlertModeDisabled = 37,
        /// A raid was reported.
        GuildIncidentReportRaid = 38,
        /// A false alarm was reported.
        GuildIncidentReportFalseAlarm = 39,
        /// A purchase notification.
        PurchaseNotification = 44,
        /// A poll's result.
        PollResult = 46,
    }
}

impl MessageType {
    /// Whether a message of this type can be deleted by a bot (system messages mostly cannot).
    pub const fn is_deletable(self) -> bool {
        !matches!(
            self,
            Self::RecipientAdd
                | Self::RecipientRemove
                | Self::Call
                | Self::ChannelNameChange
                | Self::ChannelIconChange
                | Self::ThreadStarterMessage
        )
    }
}

int_flags! {
    /// Message flags ([docs](https://discord.com/developers/docs/resources/message#message-object-message-flags)).
    pub struct MessageFlags: u64 {
        /// This message has been published to following channels.
        const CROSSPOSTED = 1 << 0;
        /// This message originated from a followed channel.
        const IS_CROSSPOST = 1 << 1;
        /// Do not include embeds when serialising this message.
        const SUPPRESS_EMBEDS = 1 << 2;
        /// The source message of this crosspost was deleted.
        const SOURCE_MESSAGE_DELETED = 1 << 3;
        /// This message came from the urgent message system.
        const URGENT = 1 << 4;
        /// This message has an associated thread with the same id.
        const HAS_THREAD = 1 << 5;
        /// Only visible to the user who invoked the interaction.
        const EPHEMERAL = 1 << 6;
        /// An interaction response that is "thinking".
        const LOADING = 1 << 7;
        /// Some roles failed to be mentioned in a thread.
        const FAILED_TO_MENTION_SOME_ROLES_IN_THREAD = 1 << 8;
        /// Will not trigger push and desktop notifications.
        const SUPPRESS_NOTIFICATIONS = 1 << 12;
        /// A voice message.
        const IS_VOICE_MESSAGE = 1 << 13;
        /// Has a snapshot (via message forwarding).
        const HAS_SNAPSHOT = 1 << 14;
        /// Uses the v2 components system: layout is fully driven by `components`.
        const IS_COMPONENTS_V2 = 1 << 15;
    }
}

/// A message sent in a channel ([docs](https://discord.com/developers/docs/resources/message#message-object)).
///
/// Content, embeds, attachments, components and poll are empty unless the app has the
/// MESSAGE_CONTENT intent, or the message mentions the app, is a DM, or was sent by the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// The message id.
    pub id: MessageId,
    /// The channel the message was sent in.
    pub channel_id: ChannelId,
    /// The author (a webhook user for webhook messages).
    pub author: User,
    /// The text (up to 2000 characters).
    #[serde(default)]
    pub content: String,
    /// When the message was sent.
    pub timestamp: Timestamp,
    /// When the message was last edited.
    #[serde(default)]
    pub edited_timestamp: Option<Timestamp>,
    /// Whether this was a text-to-speech message.
    #[serde(default)]
    pub tts: bool,
    /// Whether the message mentions everyone.
    #[serde(default)]
    pub mention_everyone: bool,
    /// Users mentioned (in the gateway, each may carry a partial `member`).
    #[serde(default)]
    pub mentions: Vec<MentionedUser>,
    /// Roles mentioned.
    #[serde(default)]
    pub mention_roles: Vec<RoleId>,
    /// Channels mentioned (crossposted messages only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mention_channels: Option<Vec<ChannelMention>>,
    /// Attached files.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Embedded content.
    #[serde(default)]
    pub embeds: Vec<Embed>,
    /// Reactions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reactions: Option<Vec<Reaction>>,
    /// Used to validate that a message was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<Nonce>,
    /// Whether the message is pinned.
    #[serde(default)]
    pub pinned: bool,
    /// The webhook that sent the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_id: Option<WebhookId>,
    /// The message type.
    #[serde(rename = "type")]
    pub kind: MessageType,
    /// Rich Presence activity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Box<MessageActivity>>,
    /// The partial application of Rich Presence-related chat embeds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Box<Application>>,
    /// The application of an interaction or application-owned webhook message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
    /// Message flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<MessageFlags>,
    /// The source of a crosspost, reply, pin, thread creation or forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_reference: Option<MessageReference>,
    /// Forwarded messages (a minimal copy of each).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_snapshots: Option<Vec<MessageSnapshot>>,
    /// The message this one replies to (`None` when absent, null or deleted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referenced_message: Option<Box<Message>>,
    /// Metadata of the interaction this message responds to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interaction_metadata: Option<Box<MessageInteractionMetadata>>,
    /// Deprecated: use `interaction_metadata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interaction: Option<Box<MessageInteraction>>,
    /// The thread started from this message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread: Option<Box<Channel>>,
    /// Components (buttons, selects, v2 layout...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// Stickers sent with the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sticker_items: Option<Vec<StickerItem>>,
    /// Deprecated: use `sticker_items`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stickers: Option<Vec<Sticker>>,
    /// Approximate position in a thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u64>,
    /// Data of a role subscription purchase or renewal message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_subscription_data: Option<Box<RoleSubscriptionData>>,
    /// Users, members, channels, roles and attachments referenced by components.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved: Option<Box<ResolvedData>>,
    /// A poll.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll: Option<Box<Poll>>,
    /// The call associated with a call message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<Box<MessageCall>>,
    /// The guild id (gateway MESSAGE_CREATE/UPDATE only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The author's partial guild member (gateway MESSAGE_CREATE/UPDATE in guilds only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Box<Member>>,
    /// Details of a purchase notification message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_notification: Option<Box<PurchaseNotification>>,
    /// A custom client theme shared with the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_client_theme: Option<Box<SharedClientTheme>>,
    /// The type of the channel (sent by the gateway, undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_type: Option<ChannelType>,
}

impl Message {
    /// The message flags (empty when absent).
    pub fn flags(&self) -> MessageFlags {
        self.flags.unwrap_or_default()
    }

    /// Whether the message was sent by a webhook.
    pub const fn is_webhook(&self) -> bool {
        self.webhook_id.is_some()
    }

    /// A link to the message (`https://discord.com/channels/{guild or @me}/{channel}/{message}`).
    pub fn jump_url(&self) -> String {
        match self.guild_id {
            Some(guild) => format!(
                "https://discord.com/channels/{guild}/{}/{}",
                self.channel_id, self.id
            ),
            None => format!(
                "https://discord.com/channels/@me/{}/{}",
                self.channel_id, self.id
            ),
        }
    }
}

#[cfg(test)]
mod tests;
