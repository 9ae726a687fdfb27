//! The payloads a client sends to the gateway
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#send-events)).
//!
//! Each command serialises to the whole frame `{"op": .., "d": ..}`, ready to send, and
//! deserialises from the same frame (the emulator reads them back). The `Debug` output of
//! [`Identify`] and [`Resume`] never shows the token.

use std::fmt;

use serde::de::{Deserializer, Error as _};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use super::opcode::OpCode;
pub use crate::presence::Status;
use crate::presence::{Activity, ActivityType};
use crate::{ChannelId, GuildId, Intents, UserId};

/// A payload a client sends, with its opcode.
pub trait GatewayCommand: Sized {
    /// The opcode of the frame.
    const OP: OpCode;

    /// Serialises only the `d` part of the frame.
    ///
    /// # Errors
    /// Whatever the serializer reports.
    fn serialize_data<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Deserialises the command from only the `d` part of the frame.
    ///
    /// # Errors
    /// When `d` does not have this command's shape.
    fn deserialize_data<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// Parses the command from the JSON text of `d` alone (what
    /// [`RawFrame::data_json`](super::RawFrame::data_json) returns).
    ///
    /// # Errors
    /// When the text is not this command's `d`.
    fn from_data_json(json: &str) -> Result<Self, serde_json::Error> {
        let mut de = serde_json::Deserializer::from_str(json);
        let value = Self::deserialize_data(&mut de)?;
        de.end()?;
        Ok(value)
    }
}

struct DataOut<'a, T>(&'a T);

impl<T: GatewayCommand> Serialize for DataOut<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_data(s)
    }
}

struct DataIn<T>(T);

impl<'de, T: GatewayCommand> Deserialize<'de> for DataIn<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize_data(d).map(DataIn)
    }
}

#[derive(Deserialize)]
struct FrameIn<D> {
    op: OpCode,
    d: D,
}

fn serialize_frame<T: GatewayCommand, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    let mut frame = s.serialize_struct("Frame", 2)?;
    frame.serialize_field("op", &T::OP)?;
    frame.serialize_field("d", &DataOut(value))?;
    frame.end()
}

fn deserialize_frame<'de, T: GatewayCommand, D: Deserializer<'de>>(d: D) -> Result<T, D::Error> {
    let frame = FrameIn::<DataIn<T>>::deserialize(d)?;
    if frame.op != T::OP {
        return Err(D::Error::custom(format_args!(
            "expected op {}, found op {}",
            T::OP.value(),
            frame.op.value()
        )));
    }
    Ok(frame.d.0)
}

/// Implements the frame serde for a struct declared with `#[serde(remote = "Self")]` (whose
/// derived, inherent `serialize`/`deserialize` handle `d`).
macro_rules! command {
    ($ty:ident, $op:ident) => {
        impl GatewayCommand for $ty {
            const OP: OpCode = OpCode::$op;
            fn serialize_data<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $ty::serialize(self, s)
            }
            fn deserialize_data<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $ty::deserialize(d)
            }
        }
        frame_serde!($ty);
    };
}

macro_rules! frame_serde {
    ($ty:ident) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                serialize_frame(self, s)
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                deserialize_frame(d)
            }
        }
    };
}

/// Op 2 Identify: starts a new session.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Identify {
    /// The bot token (without the `Bot ` prefix).
    pub token: String,
    /// Connection properties.
    pub properties: ConnectionProperties,
    /// Whether this connection supports per-message zlib compression.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compress: Option<bool>,
    /// Member count (50–250) above which a guild's offline members are not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub large_threshold: Option<u8>,
    /// `[shard_id, num_shards]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<[u32; 2]>,
    /// The presence to start with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<Presence>,
    /// The gateway intents to receive.
    pub intents: Intents,
}
command!(Identify, Identify);

impl Identify {
    /// An Identify with the given token and intents, default properties and no shard.
    pub fn new(token: impl Into<String>, intents: Intents) -> Self {
        Self {
            token: token.into(),
            properties: ConnectionProperties::default(),
            compress: None,
            large_threshold: None,
            shard: None,
            presence: None,
            intents,
        }
    }

    /// Sets the shard `[id, count]`.
    #[must_use]
    pub fn shard(mut self, id: u32, count: u32) -> Self {
        self.shard = Some([id, count]);
        self
    }

    /// Sets the presence to start with.
    #[must_use]
    pub fn presence(mut self, presence: Presence) -> Self {
        self.presence = Some(presence);
        self
    }

    /// Sets the large threshold (Discord accepts 50–250).
    #[must_use]
    pub fn large_threshold(mut self, threshold: u8) -> Self {
        self.large_threshold = Some(threshold);
        self
    }
}

impl fmt::Debug for Identify {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Identify")
            .field("token", &"<redacted>")
            .field("properties", &self.properties)
            .field("compress", &self.compress)
            .field("large_threshold", &self.large_threshold)
            .field("shard", &self.shard)
            .field("presence", &self.presence)
            .field("intents", &self.intents)
            .finish()
    }
}

/// The `properties` of [`Identify`]. Holds no host name or other personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionProperties {
    /// The operating system (`linux`, `windows`, `macos`...).
    pub os: String,
    /// The library name.
    pub browser: String,
    /// The library name.
    pub device: String,
}

impl Default for ConnectionProperties {
    /// The current OS, and `asyncord` as browser and device.
    fn default() -> Self {
        Self {
            os: std::env::consts::OS.to_owned(),
            browser: "asyncord".to_owned(),
            device: "asyncord".to_owned(),
        }
    }
}

/// Op 6 Resume: replays the events missed since `seq` on a new connection.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct Resume {
    /// The bot token.
    pub token: String,
    /// The session id from READY.
    pub session_id: String,
    /// The last sequence number received.
    pub seq: u64,
}
command!(Resume, Resume);

impl fmt::Debug for Resume {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resume")
            .field("token", &"<redacted>")
            .field("session_id", &self.session_id)
            .field("seq", &self.seq)
            .finish()
    }
}

/// Op 1 Heartbeat: `d` is the last sequence number received, or `null` before any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Heartbeat {
    /// The last sequence number received.
    pub last_sequence: Option<u64>,
}

impl GatewayCommand for Heartbeat {
    const OP: OpCode = OpCode::Heartbeat;
    fn serialize_data<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.last_sequence.serialize(s)
    }
    fn deserialize_data<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<u64>::deserialize(d).map(|last_sequence| Self { last_sequence })
    }
}
frame_serde!(Heartbeat);

/// A presence as a bot sets it (the `d` of op 3, and Identify's `presence`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    /// Unix time in milliseconds when the client went idle, or `None`.
    pub since: Option<u64>,
    /// The activities.
    pub activities: Vec<Activity>,
    /// The status.
    pub status: Status,
    /// Whether the client is away.
    pub afk: bool,
}

impl Presence {
    /// A presence with this status and no activity.
    pub fn new(status: Status) -> Self {
        Self {
            since: None,
            activities: Vec::new(),
            status,
            afk: false,
        }
    }

    /// Adds an activity (bots may set only `name`, `type`, `url` and `state`).
    #[must_use]
    pub fn activity(mut self, activity: Activity) -> Self {
        self.activities.push(activity);
        self
    }

    /// Adds "Playing {name}".
    #[must_use]
    pub fn playing(self, name: impl Into<String>) -> Self {
        self.activity(BotActivity::playing(name))
    }

    /// Adds "Listening to {name}".
    #[must_use]
    pub fn listening(self, name: impl Into<String>) -> Self {
        self.activity(BotActivity::listening(name))
    }

    /// Adds "Watching {name}".
    #[must_use]
    pub fn watching(self, name: impl Into<String>) -> Self {
        self.activity(BotActivity::watching(name))
    }

    /// Adds "Competing in {name}".
    #[must_use]
    pub fn competing(self, name: impl Into<String>) -> Self {
        self.activity(BotActivity::competing(name))
    }

    /// Adds "Streaming {name}" with a Twitch or YouTube URL.
    #[must_use]
    pub fn streaming(self, name: impl Into<String>, url: impl Into<String>) -> Self {
        self.activity(BotActivity::streaming(name, url))
    }

    /// Adds a custom status showing `text`.
    #[must_use]
    pub fn custom_status(self, text: impl Into<String>) -> Self {
        self.activity(BotActivity::custom(text))
    }
}

/// Constructors for the [`Activity`] values a bot may set (only `name`, `type`, `url` and
/// `state` are allowed): `BotActivity::playing("chess")`.
#[derive(Clone, Copy, Debug)]
pub struct BotActivity;

impl BotActivity {
    fn of(kind: ActivityType, name: impl Into<String>) -> Activity {
        Activity {
            name: name.into(),
            kind,
            ..Activity::default()
        }
    }

    /// "Playing {name}".
    pub fn playing(name: impl Into<String>) -> Activity {
        Self::of(ActivityType::Playing, name)
    }

    /// "Listening to {name}".
    pub fn listening(name: impl Into<String>) -> Activity {
        Self::of(ActivityType::Listening, name)
    }

    /// "Watching {name}".
    pub fn watching(name: impl Into<String>) -> Activity {
        Self::of(ActivityType::Watching, name)
    }

    /// "Competing in {name}".
    pub fn competing(name: impl Into<String>) -> Activity {
        Self::of(ActivityType::Competing, name)
    }

    /// "Streaming {name}" with a Twitch or YouTube URL.
    pub fn streaming(name: impl Into<String>, url: impl Into<String>) -> Activity {
        Activity {
            url: Some(url.into()),
            ..Self::of(ActivityType::Streaming, name)
        }
    }

    /// A custom status showing `text`.
    pub fn custom(text: impl Into<String>) -> Activity {
        Activity {
            state: Some(text.into()),
            ..Self::of(ActivityType::Custom, "Custom Status")
        }
    }
}

/// Op 3 Update Presence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdatePresence(pub Presence);

impl GatewayCommand for UpdatePresence {
    const OP: OpCode = OpCode::PresenceUpdate;
    fn serialize_data<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
    fn deserialize_data<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Presence::deserialize(d).map(Self)
    }
}
frame_serde!(UpdatePresence);

/// Op 4 Update Voice State: joins, moves between or leaves (`channel_id: None`) voice channels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct UpdateVoiceState {
    /// The guild.
    pub guild_id: GuildId,
    /// The voice channel to join, or `None` to leave.
    pub channel_id: Option<ChannelId>,
    /// Whether the client is muted.
    pub self_mute: bool,
    /// Whether the client is deafened.
    pub self_deaf: bool,
}
command!(UpdateVoiceState, VoiceStateUpdate);

/// Op 8 Request Guild Members: answered by `GUILD_MEMBERS_CHUNK` events.
///
/// Either `query` (a name prefix, `""` for everyone) with a `limit`, or `user_ids`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct RequestGuildMembers {
    /// The guild.
    pub guild_id: GuildId,
    /// Usernames starting with this string; `""` for all members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Maximum number of members (0 for no limit with `query: ""`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Whether to include the members' presences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presences: Option<bool>,
    /// The members to fetch (at most 100).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "one_or_many"
    )]
    pub user_ids: Option<Vec<UserId>>,
    /// A nonce (at most 32 bytes) echoed in the chunks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}
command!(RequestGuildMembers, RequestGuildMembers);

fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<UserId>>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(UserId),
        Many(Vec<UserId>),
    }
    Ok(Option::<OneOrMany>::deserialize(d)?.map(|v| match v {
        OneOrMany::One(id) => vec![id],
        OneOrMany::Many(ids) => ids,
    }))
}

impl RequestGuildMembers {
    /// Members whose username starts with `query` (`""` and `limit` 0: every member).
    pub fn query(guild_id: GuildId, query: impl Into<String>, limit: u32) -> Self {
        Self {
            guild_id,
            query: Some(query.into()),
            limit: Some(limit),
            presences: None,
            user_ids: None,
            nonce: None,
        }
    }

    /// Every member of the guild (needs the `GUILD_MEMBERS` intent).
    pub fn all(guild_id: GuildId) -> Self {
        Self::query(guild_id, "", 0)
    }

    /// The given members.
    pub fn user_ids(guild_id: GuildId, user_ids: impl IntoIterator<Item = UserId>) -> Self {
        Self {
            guild_id,
            query: None,
            limit: None,
            presences: None,
            user_ids: Some(user_ids.into_iter().collect()),
            nonce: None,
        }
    }

    /// Also sends the members' presences (needs the `GUILD_PRESENCES` intent).
    #[must_use]
    pub fn with_presences(mut self) -> Self {
        self.presences = Some(true);
        self
    }

    /// Sets the nonce echoed back in every chunk.
    #[must_use]
    pub fn nonce(mut self, nonce: impl Into<String>) -> Self {
        self.nonce = Some(nonce.into());
        self
    }
}

/// Op 31 Request Soundboard Sounds: answered by a `SOUNDBOARD_SOUNDS` event per guild.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct RequestSoundboardSounds {
    /// The guilds.
    pub guild_ids: Vec<GuildId>,
}
command!(RequestSoundboardSounds, RequestSoundboardSounds);

crate::str_enum! {
    /// A field [`RequestChannelInfo`] can ask for.
    pub enum ChannelInfoField {
        /// The voice channel status.
        Status = "status",
        /// When the current voice session started.
        VoiceStartTime = "voice_start_time",
    }
}

/// Op 43 Request Channel Info: answered by a `CHANNEL_INFO` event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(remote = "Self")]
pub struct RequestChannelInfo {
    /// The guild.
    pub guild_id: GuildId,
    /// The fields wanted.
    pub fields: Vec<ChannelInfoField>,
}
command!(RequestChannelInfo, RequestChannelInfo);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identify_frame_and_redacted_debug() {
        let identify = Identify::new("Tk9.pLx.VALUE", Intents::GUILDS | Intents::GUILD_MESSAGES)
            .shard(1, 4)
            .presence(Presence::new(Status::Dnd).playing("chess"));
        let json = serde_json::to_value(&identify).unwrap();
        assert_eq!(json["op"], 2);
        assert_eq!(json["d"]["token"], "Tk9.pLx.VALUE");
        assert_eq!(json["d"]["intents"], 513);
        assert_eq!(json["d"]["shard"], serde_json::json!([1, 4]));
        assert_eq!(json["d"]["presence"]["status"], "dnd");
        assert_eq!(
            json["d"]["presence"]["activities"][0],
            serde_json::json!({"name": "chess", "type": 0})
        );
        assert_eq!(json["d"]["presence"]["since"], serde_json::Value::Null);
        assert_eq!(json["d"]["properties"]["browser"], "asyncord");
        assert!(json["d"].get("compress").is_none());
        let back: Identify = serde_json::from_value(json).unwrap();
        assert_eq!(back, identify);
        assert!(!format!("{identify:?}").contains("Tk9"));
        let resume = Resume {
            token: "Tk9-resume".into(),
            session_id: "abc".into(),
            seq: 7,
        };
        assert!(!format!("{resume:?}").contains("Tk9"));
    }

    #[test]
    fn heartbeat_is_a_bare_sequence() {
        let hb = Heartbeat {
            last_sequence: Some(251),
        };
        assert_eq!(serde_json::to_string(&hb).unwrap(), r#"{"op":1,"d":251}"#);
        let first = Heartbeat::default();
        assert_eq!(
            serde_json::to_string(&first).unwrap(),
            r#"{"op":1,"d":null}"#
        );
        let back: Heartbeat = serde_json::from_str(r#"{"op":1,"d":251}"#).unwrap();
        assert_eq!(back, hb);
    }

    #[test]
    fn wrong_opcode_is_rejected() {
        let err = serde_json::from_str::<Resume>(
            r#"{"op":2,"d":{"token":"t","session_id":"s","seq":1}}"#,
        );
        assert!(err.unwrap_err().to_string().contains("expected op 6"));
    }

    #[test]
    fn voice_state_leave_sends_null_channel() {
        let leave = UpdateVoiceState {
            guild_id: GuildId::new(41_771_983_423_143_937),
            channel_id: None,
            self_mute: false,
            self_deaf: true,
        };
        let json = serde_json::to_value(&leave).unwrap();
        assert_eq!(json["op"], 4);
        assert!(json["d"]["channel_id"].is_null());
    }

    #[test]
    fn request_guild_members_accepts_one_or_many_ids() {
        let one =
            RequestGuildMembers::from_data_json(r#"{"guild_id":"1","user_ids":"2","limit":0}"#)
                .unwrap();
        assert_eq!(one.user_ids, Some(vec![UserId::new(2)]));
        let req = RequestGuildMembers::all(GuildId::new(1))
            .with_presences()
            .nonce("n");
        let json = serde_json::to_value(&req).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"op":8,"d":{"guild_id":"1","query":"","limit":0,"presences":true,"nonce":"n"}})
        );
    }

    #[test]
    fn channel_info_and_soundboard_requests() {
        let json = r#"{"op":43,"d":{"guild_id":"613425648685547541","fields":["status","voice_start_time"]}}"#;
        let req: RequestChannelInfo = serde_json::from_str(json).unwrap();
        assert_eq!(
            req.fields,
            vec![ChannelInfoField::Status, ChannelInfoField::VoiceStartTime]
        );
        assert_eq!(serde_json::to_string(&req).unwrap(), json);
        let sounds = RequestSoundboardSounds {
            guild_ids: vec![GuildId::new(5)],
        };
        assert_eq!(
            serde_json::to_string(&sounds).unwrap(),
            r#"{"op":31,"d":{"guild_ids":["5"]}}"#
        );
    }
}
