//! Users, avatar decorations, collectibles, primary guilds (server tags), connections, user
//! flags and premium types.
//!
//! Discord docs: [User resource](https://discord.com/developers/docs/resources/user).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::common::{Color, ImageHash, Locale, null_as_default};
use crate::{GuildId, SkuId, UserId, int_enum, int_flags, str_enum};

pub use crate::cdn::CDN;

/// A Discord user ([docs](https://discord.com/developers/docs/resources/user#user-object)).
///
/// Partial users (in mentions, audit logs, docs examples) may lack even `id`/`username`; those
/// fields then hold their default (`0` / empty string) rather than failing the whole payload.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The user's id.
    #[serde(default)]
    pub id: UserId,
    /// The user's username (not unique across the platform for legacy users).
    #[serde(default)]
    pub username: String,
    /// The legacy 4-digit tag, `"0"` for migrated users (`"0000"` for a webhook's author).
    #[serde(default, deserialize_with = "discriminator")]
    pub discriminator: Cow<'static, str>,
    /// The display name, if set (for bots: the application name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global_name: Option<String>,
    /// The avatar hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<ImageHash>,
    /// Whether the user belongs to an OAuth2 application (a bot).
    #[serde(default, deserialize_with = "null_as_default")]
    pub bot: bool,
    /// Whether the user is an official Discord system user.
    #[serde(default, deserialize_with = "null_as_default")]
    pub system: bool,
    /// Whether two-factor authentication is enabled (OAuth2 `identify` / current user only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mfa_enabled: Option<bool>,
    /// The banner hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banner: Option<ImageHash>,
    /// The banner colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_color: Option<Color>,
    /// The chosen language (current user only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// Whether the email is verified (`email` scope).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    /// The email address (`email` scope).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The user's flags (current user only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flags: Option<UserFlags>,
    /// The Nitro subscription type (current user only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub premium_type: Option<PremiumType>,
    /// The public flags (badges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_flags: Option<UserFlags>,
    /// The avatar decoration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_decoration_data: Option<Box<AvatarDecorationData>>,
    /// Collectibles (nameplates).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collectibles: Option<Box<Collectibles>>,
    /// The user's primary guild (server tag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_guild: Option<Box<PrimaryGuild>>,
}

impl User {
    /// The name to show: the global display name, falling back to the username.
    pub fn display_name(&self) -> &str {
        self.global_name.as_deref().unwrap_or(&self.username)
    }

    /// A mention of this user (`<@id>`).
    pub fn mention(&self) -> String {
        format!("<@{}>", self.id)
    }

    /// The CDN URL of the avatar (`gif` when animated, else `png`), or of the default avatar
    /// when none is set.
    /// [`crate::cdn::user_avatar`] gives other formats and sizes.
    pub fn avatar_url(&self) -> String {
        match &self.avatar {
            Some(hash) => crate::cdn::user_avatar(self.id, hash).url(),
            None => crate::cdn::default_avatar(self.default_avatar_index()).url(),
        }
    }

    /// Index of the default avatar: `(id >> 22) % 6` for migrated users, else
    /// `discriminator % 5`.
    pub fn default_avatar_index(&self) -> u64 {
        crate::cdn::default_avatar_index(self.id, &self.discriminator)
    }

    /// The user's tag: `name#1234` for legacy users, the username alone for migrated users.
    pub fn tag(&self) -> String {
        if self.discriminator.is_empty() || self.discriminator == "0" {
            self.username.clone()
        } else {
            format!("{}#{}", self.username, self.discriminator)
        }
    }
}

/// Reads a discriminator; `"0"` (every migrated user) and `"0000"` (a webhook's messages), the
/// ones nearly every user and message carries, without an allocation.
fn discriminator<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    struct DiscriminatorVisitor;
    impl Visitor<'_> for DiscriminatorVisitor {
        type Value = Cow<'static, str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a discriminator (a string)")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(match v {
                "0" => Cow::Borrowed("0"),
                "0000" => Cow::Borrowed("0000"),
                _ => Cow::Owned(v.to_owned()),
            })
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }
    }
    d.deserialize_str(DiscriminatorVisitor)
}

/// An avatar decoration ([docs](https://discord.com/developers/docs/resources/user#avatar-decoration-data-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvatarDecorationData {
    /// The decoration's image hash (cosmetic data that still changes: absent or null is kept
    /// as `None` rather than failing the user).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset: Option<ImageHash>,
    /// The SKU the decoration belongs to (`None` for decorations not sold in the shop).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_id: Option<SkuId>,
}

/// Collectibles a user owns ([docs](https://discord.com/developers/docs/resources/user#collectibles)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Collectibles {
    /// The nameplate the user has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nameplate: Option<Nameplate>,
}

/// A nameplate collectible ([docs](https://discord.com/developers/docs/resources/user#nameplate)).
///
/// Cosmetic data that still changes: every field may be absent or null without failing the user.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Nameplate {
    /// The nameplate's SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku_id: Option<SkuId>,
    /// The asset path.
    #[serde(default, deserialize_with = "null_as_default")]
    pub asset: String,
    /// The label.
    #[serde(default, deserialize_with = "null_as_default")]
    pub label: String,
    /// The background colour palette name (`crimson`, `berry`, `sky`, ...).
    #[serde(default, deserialize_with = "null_as_default")]
    pub palette: String,
}

/// A user's primary guild: the server tag they display
/// ([docs](https://discord.com/developers/docs/resources/user#user-object-user-primary-guild)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrimaryGuild {
    /// The guild the tag belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_guild_id: Option<GuildId>,
    /// Whether the user displays the tag (`None` when the guild changed tags and it was cleared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity_enabled: Option<bool>,
    /// The tag text (up to 4 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// The server tag badge hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub badge: Option<ImageHash>,
}

int_flags! {
    /// Flags on a user: badges and account properties
    /// ([docs](https://discord.com/developers/docs/resources/user#user-object-user-flags)).
    pub struct UserFlags: u64 {
        /// Discord employee.
        const STAFF = 1 << 0;
        /// Partnered server owner.
        const PARTNER = 1 << 1;
        /// HypeSquad events member.
        const HYPESQUAD = 1 << 2;
        /// Bug hunter level 1.
        const BUG_HUNTER_LEVEL_1 = 1 << 3;
        /// House Bravery member.
        const HYPESQUAD_ONLINE_HOUSE_1 = 1 << 6;
        /// House Brilliance member.
        const HYPESQUAD_ONLINE_HOUSE_2 = 1 << 7;
        /// House Balance member.
        const HYPESQUAD_ONLINE_HOUSE_3 = 1 << 8;
        /// Early Nitro supporter.
        const PREMIUM_EARLY_SUPPORTER = 1 << 9;
        /// The user is a team.
        const TEAM_PSEUDO_USER = 1 << 10;
        /// Bug hunter level 2.
        const BUG_HUNTER_LEVEL_2 = 1 << 14;
        /// Verified bot.
        const VERIFIED_BOT = 1 << 16;
        /// Early verified bot developer.
        const VERIFIED_DEVELOPER = 1 << 17;
        /// Moderator programs alumni.
        const CERTIFIED_MODERATOR = 1 << 18;
        /// Bot uses only HTTP interactions and is shown in the online member list.
        const BOT_HTTP_INTERACTIONS = 1 << 19;
        /// Active developer.
        const ACTIVE_DEVELOPER = 1 << 22;
    }
}

int_enum! {
    /// The Nitro subscription a user has
    /// ([docs](https://discord.com/developers/docs/resources/user#user-object-premium-types)).
    pub enum PremiumType: i64 {
        /// No Nitro.
        None = 0,
        /// Nitro Classic.
        NitroClassic = 1,
        /// Nitro.
        Nitro = 2,
        /// Nitro Basic.
        NitroBasic = 3,
    }
}

/// An account the user connected to Discord
/// ([docs](https://discord.com/developers/docs/resources/user#connection-object)).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// The account id on the service.
    pub id: String,
    /// The account's username on the service.
    pub name: String,
    /// The service.
    #[serde(rename = "type")]
    pub kind: ConnectionService,
    /// Whether the connection is revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,
    /// Partial server integrations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrations: Option<Vec<crate::guild::Integration>>,
    /// Whether the connection is verified.
    #[serde(default, deserialize_with = "null_as_default")]
    pub verified: bool,
    /// Whether friend sync is enabled.
    #[serde(default, deserialize_with = "null_as_default")]
    pub friend_sync: bool,
    /// Whether activities from this connection are shown in presence updates.
    #[serde(default, deserialize_with = "null_as_default")]
    pub show_activity: bool,
    /// Whether the connection has a matching third-party OAuth2 token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub two_way_link: bool,
    /// Who can see this connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<ConnectionVisibility>,
}

str_enum! {
    /// A service a user can connect
    /// ([docs](https://discord.com/developers/docs/resources/user#connection-object-services)).
    pub enum ConnectionService {
        /// Amazon Music.
        AmazonMusic = "amazon-music",
        /// Battle.net.
        BattleNet = "battlenet",
        /// Bungie.net.
        Bungie = "bungie",
        /// Bluesky.
        Bluesky = "bluesky",
        /// Crunchyroll.
        Crunchyroll = "crunchyroll",
        /// Domain.
        Domain = "domain",
        /// eBay.
        Ebay = "ebay",
        /// Epic Games.
        EpicGames = "epicgames",
        /// Facebook.
        Facebook = "facebook",
        /// GitHub.
        Github = "github",
        /// Instagram.
        Instagram = "instagram",
        /// League of Legends.
        LeagueOfLegends = "leagueoflegends",
        /// Mastodon.
        Mastodon = "mastodon",
        /// PayPal.
        Paypal = "paypal",
        /// PlayStation Network.
        Playstation = "playstation",
        /// Reddit.
        Reddit = "reddit",
        /// Riot Games.
        RiotGames = "riotgames",
        /// Roblox.
        Roblox = "roblox",
        /// Spotify.
        Spotify = "spotify",
        /// Skype.
        Skype = "skype",
        /// Steam.
        Steam = "steam",
        /// TikTok.
        Tiktok = "tiktok",
        /// Twitch.
        Twitch = "twitch",
        /// X (Twitter).
        Twitter = "twitter",
        /// Xbox.
        Xbox = "xbox",
        /// YouTube.
        Youtube = "youtube",
    }
}

int_enum! {
    /// Who can see a connection
    /// ([docs](https://discord.com/developers/docs/resources/user#connection-object-visibility-types)).
    pub enum ConnectionVisibility: i64 {
        /// Only the user.
        None = 0,
        /// Everyone.
        Everyone = 1,
    }
}

/// The role connection an application attached to a user
/// ([docs](https://discord.com/developers/docs/resources/user#application-role-connection-object)).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationRoleConnection {
    /// The vanity platform name (max 50 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_name: Option<String>,
    /// The username on the platform (max 100 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform_username: Option<String>,
    /// Metadata keys mapped to their stringified values (max 100 characters each).
    #[serde(default, deserialize_with = "null_as_default")]
    pub metadata: std::collections::BTreeMap<String, String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS_USER: &str = include_str!(
        "../../testdata/discord-api/payloads/docs/docs-resources-user-example-user.json"
    );
    const GET_ME: &str = include_str!(
        "../../testdata/discord-api/payloads/captured-accord-jl/accordjl-rest_get_me.json"
    );

    fn round_trip(u: &User) {
        let s = serde_json::to_string(u).unwrap();
        assert_eq!(&serde_json::from_str::<User>(&s).unwrap(), u);
    }

    #[test]
    fn discriminators_read_as_sent() {
        for (sent, borrowed) in [("0", true), ("0000", true), ("1337", false), ("", false)] {
            let text = format!(r#"{{"id":"1","username":"a","discriminator":"{sent}"}}"#);
            for user in [
                serde_json::from_str::<User>(&text).unwrap(),
                crate::json::from_slice::<User>(text.as_bytes()).unwrap(),
            ] {
                assert_eq!(user.discriminator, sent);
                assert_eq!(
                    matches!(user.discriminator, Cow::Borrowed(_)),
                    borrowed,
                    "{sent}"
                );
                round_trip(&user);
            }
        }
        let missing: User = crate::json::from_slice(br#"{"id":"1","username":"a"}"#).unwrap();
        assert_eq!(missing.discriminator, "");
        assert!(crate::json::from_slice::<User>(br#"{"discriminator":7}"#).is_err());
    }

    #[test]
    fn docs_user_parses() {
        let u: User = serde_json::from_str(DOCS_USER).unwrap();
        assert_eq!(u.id, UserId::new(80_351_110_224_678_912));
        assert_eq!(u.tag(), "Nelly#1337");
        assert_eq!(u.accent_color, Some(Color(16_711_680)));
        assert_eq!(u.flags, Some(UserFlags::HYPESQUAD_ONLINE_HOUSE_1));
        assert_eq!(u.premium_type, Some(PremiumType::None));
        let deco = u.avatar_decoration_data.as_ref().unwrap();
        assert!(deco.asset.as_ref().unwrap().is_animated());
        assert_eq!(
            u.collectibles
                .as_ref()
                .unwrap()
                .nameplate
                .as_ref()
                .unwrap()
                .palette,
            "cobalt"
        );
        assert_eq!(
            u.primary_guild.as_ref().unwrap().tag.as_deref(),
            Some("DISC")
        );
        round_trip(&u);
    }

    #[test]
    fn cosmetic_data_without_its_fields_keeps_the_user() {
        let u: User = serde_json::from_value(serde_json::json!({
            "id": "1", "username": "a", "discriminator": "0",
            "avatar_decoration_data": {"asset": null},
            "collectibles": {"nameplate": {"label": null}}
        }))
        .unwrap();
        let deco = u.avatar_decoration_data.unwrap();
        assert_eq!((deco.asset, deco.sku_id), (None, None));
        let plate = u.collectibles.unwrap().nameplate.unwrap();
        assert_eq!(plate.sku_id, None);
        assert!(plate.asset.is_empty() && plate.label.is_empty());
    }

    #[test]
    fn captured_current_user_parses() {
        let v: Vec<User> = serde_json::from_str(GET_ME).unwrap();
        let u = &v[0];
        assert!(u.bot);
        assert_eq!(u.locale, Some(Locale::EnglishUs));
        assert_eq!(u.email, None);
        assert_eq!(u.display_name(), "username_2");
        round_trip(u);
    }

    #[test]
    fn migrated_user() {
        let u: User = serde_json::from_str(include_str!(
            "../../testdata/discord-api/payloads/docs/docs-change-log-example-migrated-user.json"
        ))
        .unwrap();
        assert_eq!(u.tag(), "nelly");
        assert_eq!(u.display_name(), "Nelly");
        assert_eq!(u.premium_type, Some(PremiumType::NitroClassic));
        assert_eq!(
            u.avatar_url(),
            "https://cdn.discordapp.com/avatars/80351110224678912/8342729096ea3675442027381ff50dfe.png"
        );
        let plain = User {
            id: UserId::new(80_351_110_224_678_912),
            ..User::default()
        };
        assert_eq!(
            plain.default_avatar_index(),
            (80_351_110_224_678_912u64 >> 22) % 6
        );
        let legacy = User {
            discriminator: "1337".into(),
            ..User::default()
        };
        assert_eq!(
            legacy.avatar_url(),
            "https://cdn.discordapp.com/embed/avatars/2.png"
        );
    }

    #[test]
    fn partial_and_unknown() {
        let u: User =
            serde_json::from_str(r#"{"bot":null,"public_flags":8388608,"premium_type":9,"new":1}"#)
                .unwrap();
        assert!(!u.bot);
        assert_eq!(u.public_flags.unwrap().bits(), 1 << 23);
        assert_eq!(u.premium_type, Some(PremiumType::Unknown(9)));
    }
}
