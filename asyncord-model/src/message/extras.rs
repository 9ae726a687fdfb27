//! The smaller message sub-objects: mentions, references, snapshots, interaction metadata,
//! activity, calls, role subscription data and the nonce
//! ([docs](https://discord.com/developers/docs/resources/message#message-object)).

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Attachment, Embed, MessageFlags, MessageType};
use crate::channel::ChannelType;
use crate::command::ApplicationIntegrationType;
use crate::component::Component;
use crate::interaction::InteractionType;
use crate::member::Member;
use crate::sticker::{Sticker, StickerItem};
use crate::user::User;
use crate::{
    ChannelId, GuildId, InteractionId, MessageId, RoleId, SkuId, Snowflake, Timestamp, UserId,
    int_enum,
};

/// A user mentioned in a message; in gateway events it also carries the partial guild member.
///
/// Read in one pass (`member` picked out of the user's keys as they come), not with
/// `#[serde(flatten)]`, which would first copy every key and value of every mention into an
/// intermediate tree.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionedUser {
    /// The user.
    #[serde(flatten)]
    pub user: User,
    /// The partial guild member (MESSAGE_CREATE/UPDATE in guilds only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Box<Member>>,
}

impl<'de> Deserialize<'de> for MentionedUser {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MentionVisitor;
        impl<'de> Visitor<'de> for MentionVisitor {
            type Value = MentionedUser;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a user object")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<MentionedUser, A::Error> {
                let mut member = None;
                let user =
                    User::deserialize(de::value::MapAccessDeserializer::new(WithoutMember {
                        map,
                        member: &mut member,
                    }))?;
                Ok(MentionedUser { user, member })
            }
        }
        d.deserialize_map(MentionVisitor)
    }
}

/// A mention's keys as the user's: `member`'s value is taken aside as it passes.
struct WithoutMember<'m, A> {
    map: A,
    member: &'m mut Option<Box<Member>>,
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for WithoutMember<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        // Each key is read as a string and handed straight to the user's field reader; `member`
        // is read here instead (the seed waits for the next key).
        let mut seed = Some(seed);
        while let Some(key) = self.map.next_key_seed(UserKey { seed: &mut seed })? {
            match key {
                Some(field) => return Ok(Some(field)),
                None => *self.member = self.map.next_value()?,
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// One key of a mention: the user's field (`Some`, read by the user's field seed) or `member`
/// (`None`, the seed left for the next key).
struct UserKey<'s, K> {
    seed: &'s mut Option<K>,
}

impl<'de, K: de::DeserializeSeed<'de>> de::DeserializeSeed<'de> for UserKey<'_, K> {
    type Value = Option<K::Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl<'de, K: de::DeserializeSeed<'de>> Visitor<'de> for UserKey<'_, K> {
    type Value = Option<K::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
        self.field(key, de::value::BorrowedStrDeserializer::new(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        self.field(key, de::value::StrDeserializer::new(key))
    }
}

impl<'de, K: de::DeserializeSeed<'de>> UserKey<'_, K> {
    /// `None` for `member`; otherwise the user's field, read by the seed from `as_field` (the
    /// key as a deserializer).
    fn field<E: de::Error, F: Deserializer<'de, Error = E>>(
        self,
        key: &str,
        as_field: F,
    ) -> Result<Option<K::Value>, E> {
        if key == "member" {
            return Ok(None);
        }
        let seed = self
            .seed
            .take()
            .ok_or_else(|| E::custom("a key read twice"))?;
        seed.deserialize(as_field).map(Some)
    }
}

impl std::ops::Deref for MentionedUser {
    type Target = User;
    fn deref(&self) -> &User {
        &self.user
    }
}

impl From<User> for MentionedUser {
    fn from(user: User) -> Self {
        Self { user, member: None }
    }
}

/// A channel mentioned in a crossposted message ([docs](https://discord.com/developers/docs/resources/message#channel-mention-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelMention {
    /// The channel id.
    pub id: ChannelId,
    /// The guild containing the channel.
    pub guild_id: GuildId,
    /// The channel type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// The channel name.
    pub name: String,
}

int_enum! {
    /// The kind of a message activity ([docs](https://discord.com/developers/docs/resources/message#message-object-message-activity-types)).
    pub enum MessageActivityType: i64 {
        /// Join.
        Join = 1,
        /// Spectate.
        Spectate = 2,
        /// Listen.
        Listen = 3,
        /// Join request.
        JoinRequest = 5,
    }
}

/// A Rich Presence activity attached to a message ([docs](https://discord.com/developers/docs/resources/message#message-object-message-activity-structure)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageActivity {
    /// The activity type.
    #[serde(rename = "type")]
    pub kind: MessageActivityType,
    /// The party id from a Rich Presence event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party_id: Option<String>,
}

/// The call of a call message ([docs](https://discord.com/developers/docs/resources/message#message-call-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageCall {
    /// Users that participated.
    #[serde(default)]
    pub participants: Vec<UserId>,
    /// When the call ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_timestamp: Option<Timestamp>,
}

/// Data of a role subscription purchase message ([docs](https://discord.com/developers/docs/resources/message#role-subscription-data-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleSubscriptionData {
    /// The SKU and listing id.
    pub role_subscription_listing_id: SkuId,
    /// The tier name.
    pub tier_name: String,
    /// Cumulative months subscribed.
    pub total_months_subscribed: u32,
    /// Whether this is a renewal.
    pub is_renewal: bool,
}

int_enum! {
    /// How a message reference is used ([docs](https://discord.com/developers/docs/resources/message#message-reference-types)).
    pub enum MessageReferenceType: i64 {
        /// A standard reference (reply, crosspost, pin...).
        Default = 0,
        /// A forward.
        Forward = 1,
    }
}

/// A reference to another message ([docs](https://discord.com/developers/docs/resources/message#message-reference-structure)).
///
/// Used in received messages and in create-message bodies (replies and forwards).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MessageReference {
    /// The kind of reference (default: [`MessageReferenceType::Default`]).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MessageReferenceType>,
    /// The referenced message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<MessageId>,
    /// The channel of the referenced message (optional when replying).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// The guild of the referenced message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// When sending: error if the referenced message does not exist (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_if_not_exists: Option<bool>,
}

impl MessageReference {
    /// A reply to `message_id`.
    pub fn reply(message_id: MessageId) -> Self {
        Self {
            message_id: Some(message_id),
            ..Self::default()
        }
    }

    /// A forward of `message_id` from `channel_id`.
    pub fn forward(channel_id: ChannelId, message_id: MessageId) -> Self {
        Self {
            kind: Some(MessageReferenceType::Forward),
            message_id: Some(message_id),
            channel_id: Some(channel_id),
            ..Self::default()
        }
    }

    /// Sets `fail_if_not_exists`.
    pub fn fail_if_not_exists(mut self, fail: bool) -> Self {
        self.fail_if_not_exists = Some(fail);
        self
    }
}

/// The copy of a forwarded message ([docs](https://discord.com/developers/docs/resources/message#message-snapshot-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageSnapshot {
    /// The minimal message.
    pub message: MessageSnapshotMessage,
}

/// The subset of message fields kept in a [`MessageSnapshot`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageSnapshotMessage {
    /// The message type.
    #[serde(rename = "type")]
    pub kind: MessageType,
    /// The text.
    #[serde(default)]
    pub content: String,
    /// Embeds.
    #[serde(default)]
    pub embeds: Vec<Embed>,
    /// Attachments.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// When the original was sent.
    pub timestamp: Timestamp,
    /// When the original was last edited.
    #[serde(default)]
    pub edited_timestamp: Option<Timestamp>,
    /// Flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<MessageFlags>,
    /// Users mentioned.
    #[serde(default)]
    pub mentions: Vec<User>,
    /// Roles mentioned.
    #[serde(default)]
    pub mention_roles: Vec<RoleId>,
    /// Deprecated stickers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stickers: Option<Vec<Sticker>>,
    /// Stickers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sticker_items: Option<Vec<StickerItem>>,
    /// Components.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
}

/// Metadata of the interaction a message responds to ([docs](https://discord.com/developers/docs/resources/message#message-interaction-metadata-object)).
///
/// One struct for the three documented shapes: application command (`target_user`,
/// `target_message_id`), message component (`interacted_message_id`) and modal submit
/// (`triggering_interaction_metadata`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageInteractionMetadata {
    /// The interaction id.
    pub id: InteractionId,
    /// The interaction type.
    #[serde(rename = "type")]
    pub kind: InteractionType,
    /// The user who triggered the interaction.
    pub user: User,
    /// Installation contexts that authorised the interaction, keyed by integration type: a guild
    /// id for a guild install (`0` in the bot's DM), a user id for a user install.
    #[serde(default)]
    pub authorizing_integration_owners: BTreeMap<ApplicationIntegrationType, Snowflake>,
    /// The id of the original response message (follow-ups only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_response_message_id: Option<MessageId>,
    /// The user the command was run on (user commands).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_user: Option<User>,
    /// The message the command was run on (message commands).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_message_id: Option<MessageId>,
    /// The message that contained the interactive component (component interactions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interacted_message_id: Option<MessageId>,
    /// The interaction that opened the modal (modal submits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triggering_interaction_metadata: Option<Box<MessageInteractionMetadata>>,
}

/// Deprecated interaction summary sent on interaction responses ([docs](https://discord.com/developers/docs/interactions/receiving-and-responding#message-interaction-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MessageInteraction {
    /// The interaction id.
    pub id: InteractionId,
    /// The interaction type.
    #[serde(rename = "type")]
    pub kind: InteractionType,
    /// The command name (with subcommand names).
    pub name: String,
    /// The invoking user.
    pub user: User,
    /// The invoking partial member (guild interactions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Box<Member>>,
}

/// A message nonce: a string or an integer, echoed back in MESSAGE_CREATE.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Nonce {
    /// A string nonce (≤ 25 characters).
    String(String),
    /// An integer nonce.
    Integer(i64),
}

impl From<&str> for Nonce {
    fn from(v: &str) -> Self {
        Self::String(v.to_owned())
    }
}

impl From<String> for Nonce {
    fn from(v: String) -> Self {
        Self::String(v)
    }
}

impl From<i64> for Nonce {
    fn from(v: i64) -> Self {
        Self::Integer(v)
    }
}

impl fmt::Display for Nonce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::String(s) => f.write_str(s),
            Self::Integer(n) => write!(f, "{n}"),
        }
    }
}

impl Serialize for Nonce {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String(v) => s.serialize_str(v),
            Self::Integer(v) => s.serialize_i64(*v),
        }
    }
}

impl<'de> Deserialize<'de> for Nonce {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Nonce;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or integer nonce")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Nonce, E> {
                Ok(Nonce::String(v.to_owned()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Nonce, E> {
                Ok(Nonce::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Nonce, E> {
                i64::try_from(v)
                    .map(Nonce::Integer)
                    .or_else(|_| Ok(Nonce::String(v.to_string())))
            }
        }
        d.deserialize_any(V)
    }
}

int_enum! {
    /// The base mode of a shared client theme.
    pub enum BaseThemeType: i64 {
        /// No base theme.
        Unset = 0,
        /// Dark.
        Dark = 1,
        /// Light.
        Light = 2,
        /// Darker.
        Darker = 3,
        /// Midnight.
        Midnight = 4,
    }
}

/// A custom client theme shared with a message ([docs](https://discord.com/developers/docs/resources/message#shared-client-theme-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedClientTheme {
    /// Hex colours of the gradient (≤ 5), e.g. `5865F2`.
    #[serde(default)]
    pub colors: Vec<String>,
    /// Direction of the gradient (0-360).
    #[serde(default)]
    pub gradient_angle: u16,
    /// Intensity of the colours (0-100).
    #[serde(default)]
    pub base_mix: u8,
    /// The base mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_theme: Option<BaseThemeType>,
}

/// A purchase notification message's details ([docs](https://discord.com/developers/docs/resources/message#message-object-purchase-notification-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PurchaseNotification {
    /// The kind of purchase (0 = guild product).
    #[serde(rename = "type")]
    pub kind: i64,
    /// The guild product purchased.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_product_purchase: Option<GuildProductPurchase>,
}

/// A purchased guild product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildProductPurchase {
    /// The product listing id.
    pub listing_id: Snowflake,
    /// The product name.
    pub product_name: String,
}
