//! The one table of all 79 dispatch events: it generates [`Event`], its parse functions, and
//! each event type's [`GatewayEvent`] impl.

use std::borrow::Borrow;

use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use super::EventParseError;
#[allow(clippy::wildcard_imports)]
use super::*;
use crate::gateway::{EventKind, GatewayEvent};

/// `Box<T>` for the rows marked `Box`, `T` otherwise.
macro_rules! storage {
    (Box $ty:ty) => { Box<$ty> };
    ($ty:ty) => { $ty };
}

macro_rules! events {
    ($( $kind:ident => $ty:ident $($boxed:ident)? ),* $(,)?) => {
        /// Any dispatch event: one variant per [`EventKind`] (large payloads boxed), plus
        /// [`Event::Unknown`] for names this version of asyncord does not know.
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        pub enum Event {
            $(
                #[doc = concat!("[`", stringify!($ty), "`].")]
                $kind(storage!($($boxed)? $ty)),
            )*
            /// An event name this version does not know, with its payload as received.
            Unknown {
                /// The `t` name.
                name: String,
                /// The `d` payload, unparsed.
                raw: Box<RawValue>,
            },
        }

        impl Event {
            /// The event's kind (`None` for [`Event::Unknown`]).
            pub const fn kind(&self) -> Option<EventKind> {
                match self {
                    $( Self::$kind(_) => Some(EventKind::$kind), )*
                    Self::Unknown { .. } => None,
                }
            }

            /// The `t` name (`"MESSAGE_CREATE"`).
            pub fn name(&self) -> &str {
                match self {
                    $( Self::$kind(_) => EventKind::$kind.name(), )*
                    Self::Unknown { name, .. } => name,
                }
            }

            /// Parses `d` of the event named `name` with serde_json.
            ///
            /// An unknown name gives [`Event::Unknown`] (the text must still be valid JSON).
            ///
            /// # Errors
            /// [`EventParseError`] naming the event, the JSON path and the problem.
            pub fn from_json_str(name: &str, json: &str) -> Result<Self, EventParseError> {
                match EventKind::from_name(name) {
                    $( Some(EventKind::$kind) => parse_json::<$ty>(name, json).map(|e| Self::$kind(e.into())), )*
                    None => Self::unknown(name, json),
                }
            }

            /// Parses `d` of the event named `name` with the model's [JSON reader](crate::json).
            ///
            /// An unknown name gives [`Event::Unknown`] (the bytes must still be valid JSON).
            ///
            /// # Errors
            /// [`EventParseError`] naming the event, the JSON path and the problem (with the byte
            /// offset where reading stopped).
            pub fn from_slice(name: &str, data: &[u8]) -> Result<Self, EventParseError> {
                Self::from_slice_with_buffers(name, data, &mut crate::gateway::ParseBuffers::new())
            }

            /// Same as [`Event::from_slice`], reusing the reader's scratch space between calls
            /// (one [`ParseBuffers`](crate::gateway::ParseBuffers) per shard or thread: the
            /// parse then allocates only the event).
            ///
            /// # Errors
            /// As [`Event::from_slice`].
            pub fn from_slice_with_buffers(
                name: &str,
                data: &[u8],
                buffers: &mut crate::gateway::ParseBuffers,
            ) -> Result<Self, EventParseError> {
                match EventKind::from_name(name) {
                    $( Some(EventKind::$kind) => parse_buffered(name, data, buffers, |e: $ty| Self::$kind(e.into())), )*
                    None => Self::unknown_bytes(name, data),
                }
            }
        }

        impl PartialEq for Event {
            fn eq(&self, other: &Self) -> bool {
                match (self, other) {
                    $( (Self::$kind(a), Self::$kind(b)) => a == b, )*
                    (Self::Unknown { name: a, raw: x }, Self::Unknown { name: b, raw: y }) => {
                        a == b && x.get() == y.get()
                    }
                    _ => false,
                }
            }
        }

        impl Serialize for Event {
            /// Serialises the payload `d` (not the frame).
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( Self::$kind(e) => e.serialize(s), )*
                    Self::Unknown { raw, .. } => raw.serialize(s),
                }
            }
        }

        $(
            impl GatewayEvent for $ty {
                const KIND: EventKind = EventKind::$kind;

                fn from_event(event: &Event) -> Option<&Self> {
                    match event {
                        Event::$kind(e) => Some(<_ as Borrow<Self>>::borrow(e)),
                        _ => None,
                    }
                }
            }

            impl From<$ty> for Event {
                fn from(e: $ty) -> Self {
                    Self::$kind(e.into())
                }
            }
        )*

        #[cfg(test)]
        pub(super) const TABLE_LEN: usize = [$(EventKind::$kind),*].len();
    };
}

impl Event {
    fn unknown(name: &str, json: &str) -> Result<Self, EventParseError> {
        RawValue::from_string(json.to_owned())
            .map(|raw| Self::Unknown {
                name: name.to_owned(),
                raw,
            })
            .map_err(|e| EventParseError::from_serde_json(name, json, &e))
    }

    fn unknown_bytes(name: &str, data: &[u8]) -> Result<Self, EventParseError> {
        match std::str::from_utf8(data) {
            Ok(json) => Self::unknown(name, json),
            Err(e) => Err(EventParseError {
                event: name.to_owned(),
                path: None,
                message: format!("the payload is not UTF-8: {e}"),
            }),
        }
    }
}

/// `d` read as `T` with serde_json; the error names the JSON path of the value that did not fit.
pub(crate) fn parse_json<T: DeserializeOwned>(
    name: &str,
    json: &str,
) -> Result<T, EventParseError> {
    crate::lenient::strict_first(|| serde_json::from_str(json))
        .map_err(|e| EventParseError::from_serde_json(name, json, &e))
}

/// `d` read as `T` and handed to `place` (the event's variant) where it was read.
fn parse_buffered<T: DeserializeOwned, U>(
    name: &str,
    data: &[u8],
    buffers: &mut crate::gateway::ParseBuffers,
    place: impl FnOnce(T) -> U,
) -> Result<U, EventParseError> {
    buffers
        .parse_into(data, place)
        .map_err(|e| EventParseError::from_json(name, data, &e))
}

events! {
    Ready => ReadyEvent Box,
    Resumed => ResumedEvent,
    RateLimited => RateLimitedEvent,
    ApplicationCommandPermissionsUpdate => ApplicationCommandPermissionsUpdateEvent Box,
    AutoModerationRuleCreate => AutoModerationRuleCreateEvent Box,
    AutoModerationRuleUpdate => AutoModerationRuleUpdateEvent Box,
    AutoModerationRuleDelete => AutoModerationRuleDeleteEvent Box,
    AutoModerationActionExecution => AutoModerationActionExecutionEvent Box,
    ChannelCreate => ChannelCreateEvent Box,
    ChannelUpdate => ChannelUpdateEvent Box,
    ChannelDelete => ChannelDeleteEvent Box,
    ChannelInfo => ChannelInfoEvent,
    ChannelPinsUpdate => ChannelPinsUpdateEvent,
    ThreadCreate => ThreadCreateEvent Box,
    ThreadUpdate => ThreadUpdateEvent Box,
    ThreadDelete => ThreadDeleteEvent,
    ThreadListSync => ThreadListSyncEvent,
    ThreadMemberUpdate => ThreadMemberUpdateEvent Box,
    ThreadMembersUpdate => ThreadMembersUpdateEvent,
    EntitlementCreate => EntitlementCreateEvent Box,
    EntitlementUpdate => EntitlementUpdateEvent Box,
    EntitlementDelete => EntitlementDeleteEvent Box,
    GuildCreate => GuildCreateEvent Box,
    GuildUpdate => GuildUpdateEvent Box,
    GuildDelete => GuildDeleteEvent,
    GuildAuditLogEntryCreate => GuildAuditLogEntryCreateEvent Box,
    GuildBanAdd => GuildBanAddEvent Box,
    GuildBanRemove => GuildBanRemoveEvent Box,
    GuildEmojisUpdate => GuildEmojisUpdateEvent,
    GuildStickersUpdate => GuildStickersUpdateEvent,
    GuildIntegrationsUpdate => GuildIntegrationsUpdateEvent,
    GuildMemberAdd => GuildMemberAddEvent Box,
    GuildMemberRemove => GuildMemberRemoveEvent Box,
    GuildMemberUpdate => GuildMemberUpdateEvent Box,
    GuildMembersChunk => GuildMembersChunkEvent Box,
    GuildRoleCreate => GuildRoleCreateEvent Box,
    GuildRoleUpdate => GuildRoleUpdateEvent Box,
    GuildRoleDelete => GuildRoleDeleteEvent,
    GuildScheduledEventCreate => GuildScheduledEventCreateEvent Box,
    GuildScheduledEventUpdate => GuildScheduledEventUpdateEvent Box,
    GuildScheduledEventDelete => GuildScheduledEventDeleteEvent Box,
    GuildScheduledEventUserAdd => GuildScheduledEventUserAddEvent,
    GuildScheduledEventUserRemove => GuildScheduledEventUserRemoveEvent,
    GuildSoundboardSoundCreate => GuildSoundboardSoundCreateEvent Box,
    GuildSoundboardSoundUpdate => GuildSoundboardSoundUpdateEvent Box,
    GuildSoundboardSoundDelete => GuildSoundboardSoundDeleteEvent,
    GuildSoundboardSoundsUpdate => GuildSoundboardSoundsUpdateEvent,
    SoundboardSounds => SoundboardSoundsEvent,
    IntegrationCreate => IntegrationCreateEvent Box,
    IntegrationUpdate => IntegrationUpdateEvent Box,
    IntegrationDelete => IntegrationDeleteEvent,
    InteractionCreate => InteractionCreateEvent Box,
    InviteCreate => InviteCreateEvent Box,
    InviteDelete => InviteDeleteEvent,
    MessageCreate => MessageCreateEvent Box,
    MessageUpdate => MessageUpdateEvent Box,
    MessageDelete => MessageDeleteEvent,
    MessageDeleteBulk => MessageDeleteBulkEvent,
    MessageReactionAdd => MessageReactionAddEvent Box,
    MessageReactionRemove => MessageReactionRemoveEvent Box,
    MessageReactionRemoveAll => MessageReactionRemoveAllEvent,
    MessageReactionRemoveEmoji => MessageReactionRemoveEmojiEvent Box,
    PresenceUpdate => PresenceUpdateEvent Box,
    StageInstanceCreate => StageInstanceCreateEvent Box,
    StageInstanceUpdate => StageInstanceUpdateEvent Box,
    StageInstanceDelete => StageInstanceDeleteEvent Box,
    SubscriptionCreate => SubscriptionCreateEvent Box,
    SubscriptionUpdate => SubscriptionUpdateEvent Box,
    SubscriptionDelete => SubscriptionDeleteEvent Box,
    TypingStart => TypingStartEvent Box,
    UserUpdate => UserUpdateEvent Box,
    VoiceChannelEffectSend => VoiceChannelEffectSendEvent Box,
    VoiceChannelStartTimeUpdate => VoiceChannelStartTimeUpdateEvent,
    VoiceChannelStatusUpdate => VoiceChannelStatusUpdateEvent,
    VoiceStateUpdate => VoiceStateUpdateEvent Box,
    VoiceServerUpdate => VoiceServerUpdateEvent,
    WebhooksUpdate => WebhooksUpdateEvent,
    MessagePollVoteAdd => MessagePollVoteAddEvent,
    MessagePollVoteRemove => MessagePollVoteRemoveEvent,
}

#[cfg(test)]
mod tests {
    use super::{Event, TABLE_LEN};
    use crate::gateway::{EventKind, GatewayEvent, MessageDeleteEvent};

    #[test]
    fn every_kind_has_a_row() {
        assert_eq!(TABLE_LEN, EventKind::ALL.len());
        assert_eq!(TABLE_LEN, 79);
    }

    #[test]
    fn unknown_names_keep_the_payload() {
        let json = r#"{"a": [1, 2]}"#;
        let event = Event::from_json_str("BRAND_NEW_EVENT", json).unwrap();
        assert_eq!(event.kind(), None);
        assert_eq!(event.name(), "BRAND_NEW_EVENT");
        let bytes = json.as_bytes().to_vec();
        assert_eq!(Event::from_slice("BRAND_NEW_EVENT", &bytes).unwrap(), event);
        assert!(Event::from_json_str("BRAND_NEW_EVENT", "{oops").is_err());
    }

    #[test]
    fn both_parsers_agree_and_errors_name_the_event() {
        let json = r#"{"id": "3", "channel_id": "2", "guild_id": "1"}"#;
        let event = Event::from_json_str("MESSAGE_DELETE", json).unwrap();
        let bytes = json.as_bytes().to_vec();
        assert_eq!(Event::from_slice("MESSAGE_DELETE", &bytes).unwrap(), event);
        assert_eq!(event.kind(), Some(EventKind::MessageDelete));
        let typed = MessageDeleteEvent::from_event(&event).unwrap();
        assert_eq!(typed.id.get(), 3);
        assert_eq!(serde_json::to_value(&event).unwrap()["channel_id"], "2");

        let err = Event::from_json_str("MESSAGE_DELETE", r#"{"id": "x", "channel_id": "2"}"#)
            .unwrap_err();
        assert_eq!(err.event, "MESSAGE_DELETE");
        assert_eq!(err.path.as_deref(), Some(".id"));
        let bad = br#"{"id": true}"#.to_vec();
        let err = Event::from_slice("MESSAGE_DELETE", &bad).unwrap_err();
        assert!(err.to_string().contains("MESSAGE_DELETE"));
    }
}
