//! The kinds of id: one uninhabited marker type per kind of object Discord identifies, and the
//! alias users write ([`ChannelId`] is [`Id`]`<`[`ChannelMarker`]`>`).

use super::Id;

/// A kind of id: names it in `Debug` output (`ChannelId(123)`).
///
/// Implemented by the markers of this module; a marker is an uninhabited type (`enum X {}`) that
/// only exists at compile time.
pub trait Marker {
    /// The alias of the id's type, such as `"ChannelId"`.
    const NAME: &'static str;
}

macro_rules! markers {
    ($(
        $(#[$marker_doc:meta])*
        $marker:ident => $(#[$alias_doc:meta])* $alias:ident;
    )*) => {$(
        $(#[$marker_doc])*
        #[derive(Debug)]
        pub enum $marker {}

        impl Marker for $marker {
            const NAME: &'static str = stringify!($alias);
        }

        $(#[$alias_doc])*
        pub type $alias = Id<$marker>;

        /// Every id is a snowflake: a typed id goes where an id of any kind is taken.
        impl From<$alias> for Snowflake {
            fn from(id: $alias) -> Self {
                id.cast()
            }
        }

        /// A typed id equals the snowflake of the same value (an overwrite's or an audit log
        /// entry's target compared with a user id).
        impl PartialEq<Snowflake> for $alias {
            fn eq(&self, other: &Snowflake) -> bool {
                self.get() == other.get()
            }
        }

        /// A snowflake equals the typed id of the same value.
        impl PartialEq<$alias> for Snowflake {
            fn eq(&self, other: &$alias) -> bool {
                self.get() == other.get()
            }
        }
    )*};
}

markers! {
    /// Marks an [`ApplicationId`].
    ApplicationMarker =>
    /// An [application](https://discord.com/developers/docs/resources/application)'s id (for a
    /// bot, the same value as its user id).
    ApplicationId;

    /// Marks an [`AttachmentId`].
    AttachmentMarker =>
    /// A message [attachment](https://discord.com/developers/docs/resources/message#attachment-object)'s
    /// id (in a request body, the index of a file being uploaded, or an attachment to keep).
    AttachmentId;

    /// Marks an [`AuditLogEntryId`].
    AuditLogEntryMarker =>
    /// An [audit log entry](https://discord.com/developers/docs/resources/audit-log#audit-log-entry-object)'s id.
    AuditLogEntryId;

    /// Marks an [`AutoModerationRuleId`].
    AutoModerationRuleMarker =>
    /// An [auto moderation rule](https://discord.com/developers/docs/resources/auto-moderation)'s id.
    AutoModerationRuleId;

    /// Marks a [`ChannelId`].
    ChannelMarker =>
    /// A [channel](https://discord.com/developers/docs/resources/channel)'s id: guild channels,
    /// DMs and threads (a thread is a channel; a thread started from a message has the
    /// message's id).
    ChannelId;

    /// Marks a [`CommandId`].
    CommandMarker =>
    /// An [application command](https://discord.com/developers/docs/interactions/application-commands)'s id.
    CommandId;

    /// Marks an [`EmojiId`].
    EmojiMarker =>
    /// A custom [emoji](https://discord.com/developers/docs/resources/emoji)'s id (guild or
    /// application emoji).
    EmojiId;

    /// Marks an [`EntitlementId`].
    EntitlementMarker =>
    /// An [entitlement](https://discord.com/developers/docs/resources/entitlement)'s id.
    EntitlementId;

    /// Marks a [`ForumTagId`].
    ForumTagMarker =>
    /// A [forum or media channel tag](https://discord.com/developers/docs/resources/channel#forum-tag-object)'s id.
    ForumTagId;

    /// Marks a [`GuildId`].
    GuildMarker =>
    /// A [guild](https://discord.com/developers/docs/resources/guild)'s id (its `@everyone`
    /// role has the same value: [`GuildId::everyone_role`]).
    GuildId;

    /// Marks an [`IntegrationId`].
    IntegrationMarker =>
    /// A guild [integration](https://discord.com/developers/docs/resources/guild#integration-object)'s id.
    IntegrationId;

    /// Marks an [`InteractionId`].
    InteractionMarker =>
    /// An [interaction](https://discord.com/developers/docs/interactions/receiving-and-responding)'s id.
    InteractionId;

    /// Marks a [`JoinRequestId`].
    JoinRequestMarker =>
    /// A guild membership join request's id (member verification).
    JoinRequestId;

    /// Marks a [`MessageId`].
    MessageMarker =>
    /// A [message](https://discord.com/developers/docs/resources/message)'s id.
    MessageId;

    /// Marks an [`OnboardingPromptId`].
    OnboardingPromptMarker =>
    /// A guild [onboarding prompt](https://discord.com/developers/docs/resources/guild#guild-onboarding-object-onboarding-prompt-structure)'s id.
    OnboardingPromptId;

    /// Marks an [`OnboardingPromptOptionId`].
    OnboardingPromptOptionMarker =>
    /// An [onboarding prompt option](https://discord.com/developers/docs/resources/guild#guild-onboarding-object-prompt-option-structure)'s id.
    OnboardingPromptOptionId;

    /// Marks a [`RoleId`].
    RoleMarker =>
    /// A [role](https://discord.com/developers/docs/topics/permissions#role-object)'s id.
    RoleId;

    /// Marks a [`ScheduledEventId`].
    ScheduledEventMarker =>
    /// A [guild scheduled event](https://discord.com/developers/docs/resources/guild-scheduled-event)'s id.
    ScheduledEventId;

    /// Marks a [`ScheduledEventExceptionId`].
    ScheduledEventExceptionMarker =>
    /// An exception's id: one changed or cancelled occurrence of a recurring guild scheduled
    /// event.
    ScheduledEventExceptionId;

    /// Marks a [`SkuId`].
    SkuMarker =>
    /// A [SKU](https://discord.com/developers/docs/resources/sku)'s id (also the id of a role
    /// subscription listing).
    SkuId;

    /// Marks a [`SoundboardSoundId`].
    SoundboardSoundMarker =>
    /// A [soundboard sound](https://discord.com/developers/docs/resources/soundboard)'s id.
    SoundboardSoundId;

    /// Marks a [`StageInstanceId`].
    StageInstanceMarker =>
    /// A [stage instance](https://discord.com/developers/docs/resources/stage-instance)'s id.
    StageInstanceId;

    /// Marks a [`StickerId`].
    StickerMarker =>
    /// A [sticker](https://discord.com/developers/docs/resources/sticker)'s id.
    StickerId;

    /// Marks a [`StickerPackId`].
    StickerPackMarker =>
    /// A [sticker pack](https://discord.com/developers/docs/resources/sticker#sticker-pack-object)'s id.
    StickerPackId;

    /// Marks a [`SubscriptionId`].
    SubscriptionMarker =>
    /// A [subscription](https://discord.com/developers/docs/resources/subscription)'s id.
    SubscriptionId;

    /// Marks a [`TeamId`].
    TeamMarker =>
    /// A developer [team](https://discord.com/developers/docs/topics/teams)'s id.
    TeamId;

    /// Marks a [`UserId`].
    UserMarker =>
    /// A [user](https://discord.com/developers/docs/resources/user)'s id (also a guild member's).
    UserId;

    /// Marks a [`WebhookId`].
    WebhookMarker =>
    /// A [webhook](https://discord.com/developers/docs/resources/webhook)'s id.
    WebhookId;
}

/// Marks a [`Snowflake`]: an id whose kind is not fixed.
#[derive(Debug)]
pub enum GenericMarker {}

impl Marker for GenericMarker {
    const NAME: &'static str = "Snowflake";
}

/// An id that may name several kinds of object, or one no other kind covers: a permission
/// overwrite's target (role or user), an audit log entry's target, a mentionable option's
/// value, a command's `version`. Any typed id converts into it (`Snowflake::from(user_id)`);
/// [`Id::cast`] turns it into the kind the context says it is.
pub type Snowflake = Id<GenericMarker>;

impl GuildId {
    /// The guild's `@everyone` role, which has the guild's id.
    pub const fn everyone_role(self) -> RoleId {
        self.cast()
    }
}
