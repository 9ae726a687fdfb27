//! Presence: statuses, client status, and activities (games, streams, listening, custom
//! status) with their timestamps, party, assets, secrets, buttons and flags.
//!
//! Discord docs: [Presence update](https://discord.com/developers/docs/events/gateway-events#presence-update),
//! [Activity object](https://discord.com/developers/docs/events/gateway-events#activity-object).

use serde::{Deserialize, Serialize};

use crate::common::null_as_default;
use crate::user::User;
use crate::{ApplicationId, EmojiId, GuildId, int_enum, int_flags, str_enum};

/// A user's presence in a guild: the `PRESENCE_UPDATE` payload and the entries of
/// `GUILD_CREATE.presences` ([docs](https://discord.com/developers/docs/events/gateway-events#presence-update-presence-update-event-fields)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceUpdate {
    /// The user (only `id` is guaranteed).
    pub user: User,
    /// The guild (absent in `GUILD_CREATE.presences`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The overall status.
    #[serde(default)]
    pub status: Status,
    /// Current activities.
    #[serde(default, deserialize_with = "null_as_default")]
    pub activities: Vec<Activity>,
    /// Status per platform.
    #[serde(default)]
    pub client_status: ClientStatus,
}

str_enum! {
    /// An online status ([docs](https://discord.com/developers/docs/events/gateway-events#update-presence-status-types)).
    pub enum Status {
        /// Online.
        Online = "online",
        /// Do not disturb.
        Dnd = "dnd",
        /// Away.
        Idle = "idle",
        /// Shown as offline (only when sending).
        Invisible = "invisible",
        /// Offline.
        Offline = "offline",
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Status {
    fn default() -> Self {
        Self::Offline
    }
}

/// A user's status per platform; absent platforms are offline
/// ([docs](https://discord.com/developers/docs/events/gateway-events#client-status-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientStatus {
    /// Desktop application session status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desktop: Option<Status>,
    /// Mobile application session status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<Status>,
    /// Web or bot session status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<Status>,
    /// Embedded (console) session status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embedded: Option<Status>,
}

/// An activity ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object)).
///
/// Bots may only send `name`, `type`, `state` and `url`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// The activity name.
    #[serde(default)]
    pub name: String,
    /// The activity type.
    #[serde(rename = "type", default)]
    pub kind: ActivityType,
    /// The stream URL (streaming only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the activity was added to the session (unix milliseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<u64>,
    /// Start and end times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamps: Option<ActivityTimestamps>,
    /// The application id of the game.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
    /// Which field is shown in the status text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_display_type: Option<StatusDisplayType>,
    /// What the player is doing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
    /// URL linked from `details`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details_url: Option<String>,
    /// The party status, or the custom status text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// URL linked from `state`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state_url: Option<String>,
    /// The custom status emoji.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emoji: Option<ActivityEmoji>,
    /// The party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<ActivityParty>,
    /// Images and their hover texts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assets: Option<ActivityAssets>,
    /// Secrets for joining and spectating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secrets: Option<ActivitySecrets>,
    /// Whether the activity is an instanced game session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<bool>,
    /// Activity flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<ActivityFlags>,
    /// Custom buttons (up to 2): labels when received, label and URL when sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buttons: Option<Vec<ActivityButton>>,
}

impl Activity {
    /// An activity of a type with a name (what a bot sets as its presence).
    pub fn new(kind: ActivityType, name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            kind,
            ..Self::default()
        }
    }

    /// "Playing {name}".
    pub fn playing(name: impl Into<String>) -> Self {
        Self::new(ActivityType::Playing, name)
    }

    /// "Streaming {name}", linking to a Twitch or YouTube URL.
    pub fn streaming(name: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::new(ActivityType::Streaming, name)
        }
    }

    /// "Listening to {name}".
    pub fn listening(name: impl Into<String>) -> Self {
        Self::new(ActivityType::Listening, name)
    }

    /// "Watching {name}".
    pub fn watching(name: impl Into<String>) -> Self {
        Self::new(ActivityType::Watching, name)
    }

    /// "Competing in {name}".
    pub fn competing(name: impl Into<String>) -> Self {
        Self::new(ActivityType::Competing, name)
    }

    /// A custom status with text.
    pub fn custom(state: impl Into<String>) -> Self {
        Self {
            state: Some(state.into()),
            ..Self::new(ActivityType::Custom, "Custom Status")
        }
    }
}

int_enum! {
    /// The kind of an activity
    /// ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-types)).
    pub enum ActivityType: i64 {
        /// "Playing {name}".
        Playing = 0,
        /// "Streaming {details}".
        Streaming = 1,
        /// "Listening to {name}".
        Listening = 2,
        /// "Watching {name}".
        Watching = 3,
        /// "{emoji} {state}".
        Custom = 4,
        /// "Competing in {name}".
        Competing = 5,
    }
}

#[allow(clippy::derivable_impls)]
impl Default for ActivityType {
    fn default() -> Self {
        Self::Playing
    }
}

int_enum! {
    /// Which field of an activity the status text shows
    /// ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-status-display-types)).
    pub enum StatusDisplayType: i64 {
        /// The name.
        Name = 0,
        /// The state.
        State = 1,
        /// The details.
        Details = 2,
    }
}

int_flags! {
    /// Activity flags ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-flags)).
    pub struct ActivityFlags: u64 {
        /// Instanced.
        const INSTANCE = 1 << 0;
        /// Joinable.
        const JOIN = 1 << 1;
        /// Spectatable.
        const SPECTATE = 1 << 2;
        /// Join requests allowed.
        const JOIN_REQUEST = 1 << 3;
        /// Synced (Spotify).
        const SYNC = 1 << 4;
        /// Playable.
        const PLAY = 1 << 5;
        /// Party limited to friends.
        const PARTY_PRIVACY_FRIENDS = 1 << 6;
        /// Party limited to the voice channel.
        const PARTY_PRIVACY_VOICE_CHANNEL = 1 << 7;
        /// Embedded activity.
        const EMBEDDED = 1 << 8;
    }
}

/// Start/end of an activity in unix milliseconds
/// ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-timestamps)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityTimestamps {
    /// When the activity started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<u64>,
    /// When the activity ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<u64>,
}

/// The emoji of a custom status
/// ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-emoji)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityEmoji {
    /// The emoji name.
    #[serde(default)]
    pub name: String,
    /// The custom emoji id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<EmojiId>,
    /// Whether the emoji is animated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub animated: Option<bool>,
}

/// A party ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-party)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityParty {
    /// The party id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `[current_size, max_size]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<[u32; 2]>,
}

/// Images of an activity ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-assets)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityAssets {
    /// The large image (asset id or `mp:` media proxy path).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_image: Option<String>,
    /// Hover text of the large image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_text: Option<String>,
    /// URL opened when clicking the large image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_url: Option<String>,
    /// The small image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_image: Option<String>,
    /// Hover text of the small image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_text: Option<String>,
    /// URL opened when clicking the small image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub small_url: Option<String>,
    /// The invite cover image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_cover_image: Option<String>,
}

/// Secrets for rich presence joining and spectating
/// ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-secrets)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivitySecrets {
    /// Secret for joining a party.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<String>,
    /// Secret for spectating a game.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spectate: Option<String>,
    /// Secret for an instanced match.
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "match")]
    pub match_secret: Option<String>,
}

/// A button of an activity: Discord sends only labels to other users; a full button has a URL
/// ([docs](https://discord.com/developers/docs/events/gateway-events#activity-object-activity-buttons)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ActivityButton {
    /// A label only (as received).
    Label(String),
    /// A label and the URL it opens.
    Link {
        /// The button text (1-32 characters).
        label: String,
        /// The URL (1-512 characters).
        url: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! docs {
        ($name:literal) => {
            include_str!(concat!("../../testdata/discord-api/payloads/docs/", $name))
        };
    }

    fn parse<T: serde::de::DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(
        t: &str,
    ) -> T {
        let v: T = serde_json::from_str(t).unwrap();
        assert_eq!(
            serde_json::from_str::<T>(&serde_json::to_string(&v).unwrap()).unwrap(),
            v
        );
        v
    }

    #[test]
    fn docs_activities_parse() {
        let a: Activity = parse(docs!(
            "docs-events-gateway-events-example-activity-with-rich-presence.json"
        ));
        assert_eq!(a.kind, ActivityType::Playing);
        assert_eq!(a.party.as_ref().unwrap().size, Some([2, 2]));
        assert!(a.secrets.as_ref().unwrap().match_secret.is_some());
        assert_eq!(a.timestamps.unwrap().start, Some(15_112_000_660_000));
        let b: Activity = parse(docs!("docs-events-gateway-events-example-activity.json"));
        assert!(!b.name.is_empty());
    }

    #[test]
    fn presence_update_parses() {
        let p: PresenceUpdate = parse(
            r#"{"user":{"id":"1"},"guild_id":"2","status":"idle","client_status":{"mobile":"idle","vr":"online"},
                "activities":[{"name":"x","type":4,"state":"hi","emoji":{"name":"🔥"},"buttons":["Open"],"flags":3,"created_at":1}]}"#,
        );
        assert_eq!(p.status, Status::Idle);
        assert_eq!(p.client_status.mobile, Some(Status::Idle));
        let a = &p.activities[0];
        assert_eq!(a.kind, ActivityType::Custom);
        assert_eq!(
            a.buttons.as_ref().unwrap()[0],
            ActivityButton::Label("Open".into())
        );
        assert_eq!(a.flags, Some(ActivityFlags::INSTANCE | ActivityFlags::JOIN));
    }

    #[test]
    fn link_button_round_trips() {
        let b: ActivityButton = parse(r#"{"label":"Site","url":"https://example.com"}"#);
        assert!(matches!(b, ActivityButton::Link { .. }));
        assert_eq!(
            Activity::streaming("s", "https://twitch.tv/x").kind,
            ActivityType::Streaming
        );
    }
}
