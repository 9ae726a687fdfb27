//! Channels of every type, threads, thread members and metadata, forum tags, permission
//! overwrites, followed channels, and channel flags.
//!
//! Implements the [Channel resource](https://discord.com/developers/docs/resources/channel).
//! One [`Channel`] struct carries the fields of every channel type (guild text, voice, category,
//! announcement, stage, forum, media, DMs, group DMs and threads); fields a type does not use are
//! `None`.

use serde::{Deserialize, Serialize};

use crate::common::ImageHash;
use crate::emoji::Emoji;
use crate::member::Member;
use crate::user::User;
use crate::{
    ApplicationId, ChannelId, EmojiId, ForumTagId, GuildId, MessageId, Permissions, Snowflake,
    Timestamp, UserId, WebhookId, int_enum, int_flags,
};

int_enum! {
    /// The kind of a channel ([docs](https://discord.com/developers/docs/resources/channel#channel-object-channel-types)).
    pub enum ChannelType: i64 {
        /// A text channel within a guild.
        GuildText = 0,
        /// A direct message between users.
        Dm = 1,
        /// A voice channel within a guild.
        GuildVoice = 2,
        /// A direct message between multiple users.
        GroupDm = 3,
        /// An organizational category of up to 50 channels.
        GuildCategory = 4,
        /// A channel users can follow and crosspost into their own guild.
        GuildAnnouncement = 5,
        /// A temporary sub-channel within an announcement channel.
        AnnouncementThread = 10,
        /// A temporary sub-channel within a text, forum or media channel.
        PublicThread = 11,
        /// A temporary sub-channel visible only to those invited and moderators.
        PrivateThread = 12,
        /// A voice channel for hosting events with an audience.
        GuildStageVoice = 13,
        /// The channel in a hub containing the listed servers.
        GuildDirectory = 14,
        /// A channel that can only contain threads.
        GuildForum = 15,
        /// A channel that can only contain threads, similar to forums.
        GuildMedia = 16,
    }
}

impl ChannelType {
    /// Whether this is one of the three thread types.
    pub const fn is_thread(self) -> bool {
        matches!(
            self,
            Self::AnnouncementThread | Self::PublicThread | Self::PrivateThread
        )
    }

    /// Whether this channel type lives in a guild (not a DM or group DM).
    pub const fn is_guild(self) -> bool {
        !matches!(self, Self::Dm | Self::GroupDm)
    }

    /// Whether this is a voice-like channel (voice or stage).
    pub const fn is_voice(self) -> bool {
        matches!(self, Self::GuildVoice | Self::GuildStageVoice)
    }

    /// Whether this channel holds only threads (forum or media).
    pub const fn is_thread_only(self) -> bool {
        matches!(self, Self::GuildForum | Self::GuildMedia)
    }
}

int_flags! {
    /// Channel flags ([docs](https://discord.com/developers/docs/resources/channel#channel-object-channel-flags)).
    pub struct ChannelFlags: u64 {
        /// This thread is pinned to the top of its parent forum or media channel.
        const PINNED = 1 << 1;
        /// A tag is required when creating a thread in this forum or media channel.
        const REQUIRE_TAG = 1 << 4;
        /// Hides the embedded media download options (media channels only).
        const HIDE_MEDIA_DOWNLOAD_OPTIONS = 1 << 15;
    }
}

int_enum! {
    /// The camera video quality of a voice channel ([docs](https://discord.com/developers/docs/resources/channel#channel-object-video-quality-modes)).
    pub enum VideoQualityMode: i64 {
        /// Discord chooses the quality for optimal performance.
        Auto = 1,
        /// 720p.
        Full = 2,
    }
}

int_enum! {
    /// The default sort order of posts in a forum or media channel ([docs](https://discord.com/developers/docs/resources/channel#channel-object-sort-order-types)).
    pub enum SortOrderType: i64 {
        /// Sort by activity.
        LatestActivity = 0,
        /// Sort by creation time (newest first).
        CreationDate = 1,
    }
}

int_enum! {
    /// The default layout of a forum channel ([docs](https://discord.com/developers/docs/resources/channel#channel-object-forum-layout-types)).
    pub enum ForumLayoutType: i64 {
        /// No default has been set.
        NotSet = 0,
        /// Display posts as a list.
        ListView = 1,
        /// Display posts as a collection of tiles.
        GalleryView = 2,
    }
}

int_enum! {
    /// Whom a permission overwrite applies to.
    pub enum OverwriteType: i64 {
        /// A role.
        Role = 0,
        /// A member.
        Member = 1,
    }
}

/// A permission overwrite on a channel ([docs](https://discord.com/developers/docs/resources/channel#overwrite-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overwrite {
    /// The role or user id, as `kind` says (`.cast()` it to a [`RoleId`](crate::RoleId) or a
    /// [`UserId`]).
    pub id: Snowflake,
    /// Whether `id` is a role or a member.
    #[serde(rename = "type")]
    pub kind: OverwriteType,
    /// Permissions explicitly allowed.
    #[serde(default)]
    pub allow: Permissions,
    /// Permissions explicitly denied.
    #[serde(default)]
    pub deny: Permissions,
}

/// Thread-specific fields of a thread channel ([docs](https://discord.com/developers/docs/resources/channel#thread-metadata-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadMetadata {
    /// Whether the thread is archived.
    #[serde(default)]
    pub archived: bool,
    /// Minutes of inactivity after which the thread is archived (60, 1440, 4320 or 10080).
    #[serde(default)]
    pub auto_archive_duration: u32,
    /// When the archive status last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive_timestamp: Option<Timestamp>,
    /// Whether the thread is locked (only MANAGE_THREADS members can unarchive it).
    #[serde(default)]
    pub locked: bool,
    /// Whether non-moderators can add other non-moderators (private threads only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitable: Option<bool>,
    /// When the thread was created (only for threads created after 2022-01-09).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_timestamp: Option<Timestamp>,
}

/// A user's membership of a thread ([docs](https://discord.com/developers/docs/resources/channel#thread-member-object)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadMember {
    /// The thread id (omitted in GUILD_CREATE's threads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ChannelId>,
    /// The user id (omitted in GUILD_CREATE's threads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<UserId>,
    /// When the user last joined the thread.
    pub join_timestamp: Timestamp,
    /// Notification settings (undocumented bits).
    #[serde(default)]
    pub flags: u64,
    /// The guild member, when requested with `with_member`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Box<Member>>,
    /// The guild id (THREAD_MEMBER_UPDATE only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// The member's presence (`THREAD_MEMBERS_UPDATE.added_members` only; may be null).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<Box<crate::presence::PresenceUpdate>>,
}

/// The default emoji shown on a forum post's reaction button ([docs](https://discord.com/developers/docs/resources/channel#default-reaction-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultReaction {
    /// A guild custom emoji id.
    #[serde(default)]
    pub emoji_id: Option<EmojiId>,
    /// A unicode emoji.
    #[serde(default)]
    pub emoji_name: Option<String>,
}

/// A tag that can be applied to threads of a forum or media channel ([docs](https://discord.com/developers/docs/resources/channel#forum-tag-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForumTag {
    /// The tag id (absent when creating a tag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ForumTagId>,
    /// The tag name (0-20 characters).
    pub name: String,
    /// Whether only MANAGE_THREADS members can add or remove this tag.
    #[serde(default)]
    pub moderated: bool,
    /// A guild custom emoji id.
    #[serde(default)]
    pub emoji_id: Option<EmojiId>,
    /// A unicode emoji.
    #[serde(default)]
    pub emoji_name: Option<String>,
}

/// A followed announcement channel ([docs](https://discord.com/developers/docs/resources/channel#followed-channel-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowedChannel {
    /// The source channel id.
    pub channel_id: ChannelId,
    /// The created target webhook id.
    pub webhook_id: WebhookId,
}

/// A page of threads: the answer of the list-threads endpoints ([docs](https://discord.com/developers/docs/resources/channel#list-public-archived-threads)).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ThreadList {
    /// The threads.
    #[serde(default)]
    pub threads: Vec<Channel>,
    /// A thread member object for each returned thread the current user has joined.
    #[serde(default)]
    pub members: Vec<ThreadMember>,
    /// Whether more threads can be fetched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_more: Option<bool>,
}

/// A channel of any type ([docs](https://discord.com/developers/docs/resources/channel#channel-object)).
///
/// Also the payload of CHANNEL_CREATE/UPDATE/DELETE and THREAD_CREATE/UPDATE/DELETE (which adds
/// `newly_created`, and `member` for the thread creator).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    /// The channel id.
    pub id: ChannelId,
    /// The channel type.
    #[serde(rename = "type")]
    pub kind: ChannelType,
    /// The guild id (may be missing in some gateway events).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guild_id: Option<GuildId>,
    /// Sorting position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<i32>,
    /// Explicit permission overwrites for members and roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permission_overwrites: Option<Vec<Overwrite>>,
    /// The name (1-100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The topic (0-4096 characters for forum/media, 0-1024 otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// Whether the channel is age-restricted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nsfw: Option<bool>,
    /// The id of the last message sent (or thread created, for forums); may not be a valid message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_message_id: Option<MessageId>,
    /// Bitrate in bits per second (voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bitrate: Option<u32>,
    /// User limit (voice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_limit: Option<u32>,
    /// Slowmode in seconds (0-21600).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit_per_user: Option<u32>,
    /// The recipients of a DM or group DM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<User>>,
    /// Group DM icon hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<ImageHash>,
    /// The creator of a group DM or thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_id: Option<UserId>,
    /// The application that created a group DM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_id: Option<ApplicationId>,
    /// Whether a group DM is managed by an application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed: Option<bool>,
    /// The parent category (guild channels) or parent channel (threads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<ChannelId>,
    /// When the last message was pinned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_pin_timestamp: Option<Timestamp>,
    /// The voice region id (`None` = automatic).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rtc_region: Option<String>,
    /// Camera video quality mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video_quality_mode: Option<VideoQualityMode>,
    /// Number of messages in a thread (excludes the initial message and deleted ones).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_count: Option<u32>,
    /// Approximate number of users in a thread (stops counting at 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_count: Option<u32>,
    /// Thread-specific fields.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_metadata: Option<Box<ThreadMetadata>>,
    /// The current user's thread membership (some endpoints), or the creator's (THREAD_CREATE).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<Box<ThreadMember>>,
    /// Default auto-archive duration in minutes for new threads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_auto_archive_duration: Option<u32>,
    /// Computed permissions of the invoking user (in interaction resolved data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
    /// Channel flags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<ChannelFlags>,
    /// Number of messages ever sent in a thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_message_sent: Option<u32>,
    /// Tags that can be used in a forum or media channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_tags: Option<Vec<ForumTag>>,
    /// Tag ids applied to a thread of a forum or media channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_tags: Option<Vec<ForumTagId>>,
    /// Default reaction emoji of a forum or media channel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_reaction_emoji: Option<Box<DefaultReaction>>,
    /// Initial slowmode of new threads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_thread_rate_limit_per_user: Option<u32>,
    /// Default sort order of forum/media posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_sort_order: Option<SortOrderType>,
    /// Default layout of forum posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_forum_layout: Option<ForumLayoutType>,
    /// Whether the thread was just created (THREAD_CREATE only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub newly_created: Option<bool>,
    /// The voice channel status (undocumented; sent in GUILD_CREATE by some clients).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Channel version counter (undocumented; sent in captured frames).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u64>,
    /// The emoji shown next to a voice channel's name (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_emoji: Option<Box<Emoji>>,
    /// The channel's theme colour (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theme_color: Option<u32>,
    /// Forum post template text (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// How applied tags filter forum posts, e.g. `match_some` (undocumented).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_tag_setting: Option<String>,
}

impl Channel {
    /// Whether this channel is a thread.
    pub const fn is_thread(&self) -> bool {
        self.kind.is_thread()
    }

    /// A `<#id>` mention of this channel.
    pub fn mention(&self) -> String {
        format!("<#{}>", self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(path: &str) -> serde_json::Value {
        let full = format!(
            "{}/../testdata/discord-api/payloads/{path}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
        serde_json::from_str(&text).unwrap()
    }

    fn round_trip(value: &serde_json::Value) -> Channel {
        let first: Channel = serde_json::from_value(value.clone()).unwrap();
        let again: Channel = serde_json::from_value(serde_json::to_value(&first).unwrap()).unwrap();
        assert_eq!(first, again);
        first
    }

    #[test]
    fn docs_channel_examples_parse() {
        for (file, kind) in [
            ("channel-category", ChannelType::GuildCategory),
            ("dm-channel", ChannelType::Dm),
            ("group-dm-channel", ChannelType::GroupDm),
            ("guild-announcement-channel", ChannelType::GuildAnnouncement),
            ("guild-text-channel", ChannelType::GuildText),
            ("guild-voice-channel", ChannelType::GuildVoice),
            ("thread-channel", ChannelType::PublicThread),
        ] {
            let c = round_trip(&payload(&format!(
                "docs/docs-resources-channel-example-{file}.json"
            )));
            assert_eq!(c.kind, kind, "{file}");
        }
    }

    #[test]
    fn thread_fields_parse() {
        let c = round_trip(&payload(
            "docs/docs-resources-channel-example-thread-channel.json",
        ));
        assert!(c.is_thread());
        let meta = c.thread_metadata.unwrap();
        assert!(meta.auto_archive_duration > 0);
        assert!(c.message_count.is_some());
    }

    #[test]
    fn captured_channels_parse() {
        let frames = payload("captured-accord-jl/accordjl-gateway_guild_create.json");
        let mut n = 0;
        for frame in frames.as_array().unwrap() {
            for key in ["channels", "threads"] {
                for c in frame["d"][key].as_array().into_iter().flatten() {
                    round_trip(c);
                    n += 1;
                }
            }
        }
        assert!(n > 10);
        let frames = payload("captured-accord-jl/accordjl-gateway_thread_create.json");
        for frame in frames.as_array().unwrap() {
            let c = round_trip(&frame["d"]);
            assert!(c.is_thread());
        }
        let rest = payload("captured-accord-jl/accordjl-rest_get_channel.json");
        let c = round_trip(&rest[0]);
        assert!(c.icon_emoji.and_then(|e| e.name).is_some());
    }

    #[test]
    fn forum_channel_with_tags() {
        let json = serde_json::json!({
            "id": "1", "type": 15, "guild_id": "2", "name": "forum",
            "available_tags": [{"id": "3", "name": "bug", "moderated": false, "emoji_id": null, "emoji_name": "🐛"}],
            "default_reaction_emoji": {"emoji_id": null, "emoji_name": "👍"},
            "default_sort_order": null, "default_forum_layout": 2, "flags": 16,
            "permission_overwrites": [{"id": "2", "type": 0, "allow": "1024", "deny": "0"}]
        });
        let c = round_trip(&json);
        assert!(c.kind.is_thread_only());
        assert_eq!(
            c.available_tags.as_ref().unwrap()[0].emoji_name.as_deref(),
            Some("🐛")
        );
        assert_eq!(c.default_forum_layout, Some(ForumLayoutType::GalleryView));
        assert!(c.flags.unwrap().contains(ChannelFlags::REQUIRE_TAG));
        let ow = &c.permission_overwrites.as_ref().unwrap()[0];
        assert_eq!(ow.kind, OverwriteType::Role);
        assert!(ow.allow.contains(Permissions::VIEW_CHANNEL));
    }

    #[test]
    fn unknown_channel_type_is_kept() {
        let c = round_trip(&serde_json::json!({"id": "1", "type": 77}));
        assert_eq!(c.kind, ChannelType::Unknown(77));
        assert_eq!(serde_json::to_value(&c).unwrap()["type"], 77);
    }
}
