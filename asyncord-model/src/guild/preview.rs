//! Guild previews, widgets (settings and public JSON), welcome screens, and vanity URLs.
//!
//! Discord docs: [Guild preview](https://discord.com/developers/docs/resources/guild#guild-preview-object),
//! [Guild widget](https://discord.com/developers/docs/resources/guild#guild-widget-object),
//! [Welcome screen](https://discord.com/developers/docs/resources/guild#welcome-screen-object).

use serde::{Deserialize, Serialize};

use crate::common::{ImageHash, null_as_default};
use crate::emoji::Emoji;
use crate::guild::GuildFeature;
use crate::sticker::Sticker;
use crate::{ChannelId, EmojiId, GuildId, Snowflake, str_enum};

/// What a discoverable guild shows before joining
/// ([docs](https://discord.com/developers/docs/resources/guild#guild-preview-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildPreview {
    /// The guild id.
    pub id: GuildId,
    /// The guild name.
    pub name: String,
    /// The icon hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon: Option<ImageHash>,
    /// The splash hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub splash: Option<ImageHash>,
    /// The discovery splash hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_splash: Option<ImageHash>,
    /// Custom emoji.
    #[serde(default, deserialize_with = "null_as_default")]
    pub emojis: Vec<Emoji>,
    /// Enabled features.
    #[serde(default, deserialize_with = "null_as_default")]
    pub features: Vec<GuildFeature>,
    /// Approximate member count.
    #[serde(default)]
    pub approximate_member_count: u64,
    /// Approximate online member count.
    #[serde(default)]
    pub approximate_presence_count: u64,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Custom stickers.
    #[serde(default, deserialize_with = "null_as_default")]
    pub stickers: Vec<Sticker>,
}

/// Whether the guild widget is on, and its invite channel
/// ([docs](https://discord.com/developers/docs/resources/guild#guild-widget-settings-object)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildWidgetSettings {
    /// Whether the widget is enabled.
    #[serde(default, deserialize_with = "null_as_default")]
    pub enabled: bool,
    /// The widget channel.
    #[serde(default)]
    pub channel_id: Option<ChannelId>,
}

/// The public widget JSON ([docs](https://discord.com/developers/docs/resources/guild#guild-widget-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuildWidget {
    /// The guild id.
    pub id: GuildId,
    /// The guild name.
    pub name: String,
    /// The widget's instant invite URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instant_invite: Option<String>,
    /// Voice and stage channels that `@everyone` can connect to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub channels: Vec<WidgetChannel>,
    /// Online members (max 100; ids and names anonymised).
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<WidgetMember>,
    /// Number of online members.
    #[serde(default)]
    pub presence_count: u64,
}

/// A channel in the widget.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetChannel {
    /// The channel id.
    pub id: ChannelId,
    /// The channel name.
    pub name: String,
    /// The sort position.
    #[serde(default)]
    pub position: i32,
}

/// A member in the widget (anonymised).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetMember {
    /// An anonymised id (`0`, `1`, ...).
    pub id: Snowflake,
    /// The username.
    pub username: String,
    /// The discriminator.
    #[serde(default)]
    pub discriminator: String,
    /// Always null.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<ImageHash>,
    /// The online status (`online`, `idle`, `dnd`).
    #[serde(default)]
    pub status: String,
    /// A CDN URL of the avatar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// The current activity name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<WidgetActivity>,
    /// The voice channel the member is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_id: Option<ChannelId>,
    /// Deafened by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deaf: Option<bool>,
    /// Muted by the server.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mute: Option<bool>,
    /// Deafened locally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_deaf: Option<bool>,
    /// Muted locally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_mute: Option<bool>,
    /// Suppressed (stage audience).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppress: Option<bool>,
}

/// The activity a widget member shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WidgetActivity {
    /// The activity name.
    pub name: String,
}

str_enum! {
    /// The style of the widget PNG image
    /// ([docs](https://discord.com/developers/docs/resources/guild#get-guild-widget-image-widget-style-options)).
    pub enum WidgetStyle {
        /// A small shield.
        Shield = "shield",
        /// Large banner with the guild icon and "Chat Now".
        Banner1 = "banner1",
        /// Smaller banner with the Discord logo.
        Banner2 = "banner2",
        /// Banner with "Chat Now" at the bottom.
        Banner3 = "banner3",
        /// Large banner with the guild splash.
        Banner4 = "banner4",
    }
}

/// The welcome screen of a community guild
/// ([docs](https://discord.com/developers/docs/resources/guild#welcome-screen-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WelcomeScreen {
    /// The server description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Up to 5 suggested channels.
    #[serde(default, deserialize_with = "null_as_default")]
    pub welcome_channels: Vec<WelcomeScreenChannel>,
}

/// A channel suggested on the welcome screen
/// ([docs](https://discord.com/developers/docs/resources/guild#welcome-screen-object-welcome-screen-channel-structure)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WelcomeScreenChannel {
    /// The channel id.
    pub channel_id: ChannelId,
    /// What the channel is for.
    #[serde(default)]
    pub description: String,
    /// The custom emoji id.
    #[serde(default)]
    pub emoji_id: Option<EmojiId>,
    /// The emoji name (or unicode character).
    #[serde(default)]
    pub emoji_name: Option<String>,
}

/// The guild's vanity invite ([docs](https://discord.com/developers/docs/resources/guild#get-guild-vanity-url)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VanityUrl {
    /// The vanity code.
    #[serde(default)]
    pub code: Option<String>,
    /// How many times it was used.
    #[serde(default)]
    pub uses: u64,
}
