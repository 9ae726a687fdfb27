//! CDN URLs of images: avatars, icons, banners, splashes, emojis, stickers, decorations,
//! scheduled-event covers, with the formats and sizes each endpoint accepts.
//!
//! Discord docs: [Image Formatting](https://discord.com/developers/docs/reference#image-formatting).
//!
//! Each function returns a [`CdnImage`]: [`CdnImage::url`] is the default URL (GIF for animated
//! `a_` hashes, PNG otherwise; a sticker in its own format), and [`CdnImage::url_with`] picks a
//! format and a size, returning a [`CdnError`] for what the endpoint does not serve: a format it
//! does not list, GIF of a still image, a size that is not a power of two in `16..=4096`.
//!
//! ```
//! use asyncord_model::cdn::{self, ImageFormat};
//! use asyncord_model::common::ImageHash;
//! use asyncord_model::UserId;
//!
//! let hash = ImageHash::from("a_1269e74af4df7417b13759eae50c83dc");
//! let avatar = cdn::user_avatar(UserId::new(80351110224678912), &hash);
//! assert_eq!(
//!     avatar.url(),
//!     "https://cdn.discordapp.com/avatars/80351110224678912/a_1269e74af4df7417b13759eae50c83dc.gif"
//! );
//! assert_eq!(
//!     avatar.url_with(ImageFormat::WebP, Some(256))?,
//!     "https://cdn.discordapp.com/avatars/80351110224678912/a_1269e74af4df7417b13759eae50c83dc.webp?size=256&animated=true"
//! );
//! assert!(avatar.url_with(ImageFormat::Png, Some(100)).is_err());
//! # Ok::<(), asyncord_model::cdn::CdnError>(())
//! ```

use std::fmt::{self, Write as _};

use crate::common::ImageHash;
use crate::sticker::StickerFormatType;
use crate::{ApplicationId, EmojiId, GuildId, RoleId, ScheduledEventId, StickerId, TeamId, UserId};

/// The base URL of Discord's CDN.
pub const CDN: &str = "https://cdn.discordapp.com";

/// The base URL GIF stickers are served from.
pub const MEDIA: &str = "https://media.discordapp.net";

/// An image format the CDN can serve.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// `.png` (also animated PNG stickers).
    Png,
    /// `.jpg`.
    Jpeg,
    /// `.webp` (animated when the hash is, through `animated=true`).
    WebP,
    /// `.gif`, for animated images only.
    Gif,
    /// `.avif` (custom emojis).
    Avif,
    /// `.json`, Lottie stickers.
    Lottie,
}

impl ImageFormat {
    /// The file extension.
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::WebP => "webp",
            Self::Gif => "gif",
            Self::Avif => "avif",
            Self::Lottie => "json",
        }
    }
}

impl fmt::Display for ImageFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// Why a CDN URL cannot be built.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CdnError {
    /// The endpoint does not serve this format.
    #[error("{image} images are not served as {format}; use one of {accepted:?}")]
    UnsupportedFormat {
        /// What the image is (`"user avatar"`...).
        image: &'static str,
        /// The format asked for.
        format: ImageFormat,
        /// The formats the endpoint serves.
        accepted: &'static [ImageFormat],
    },
    /// GIF was asked for a still image (its hash does not start with `a_`).
    #[error("this {image} is not animated, so it has no GIF; use PNG, JPEG or WebP")]
    NotAnimated {
        /// What the image is.
        image: &'static str,
    },
    /// The size is not a power of two between 16 and 4096.
    #[error("image size {0} is not a power of two between 16 and 4096")]
    InvalidSize(u32),
    /// The endpoint has no size parameter (Lottie stickers, default avatars, decorations).
    #[error("{image} images come in one size only")]
    NotSizable {
        /// What the image is.
        image: &'static str,
    },
}

const STILL: &[ImageFormat] = &[ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP];
const MAYBE_ANIMATED: &[ImageFormat] = &[
    ImageFormat::Png,
    ImageFormat::Jpeg,
    ImageFormat::WebP,
    ImageFormat::Gif,
];
const EMOJI: &[ImageFormat] = &[
    ImageFormat::Png,
    ImageFormat::Jpeg,
    ImageFormat::WebP,
    ImageFormat::Gif,
    ImageFormat::Avif,
];
const PNG_ONLY: &[ImageFormat] = &[ImageFormat::Png];

/// One image on the CDN; build its URL with [`url`](Self::url) or [`url_with`](Self::url_with).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CdnImage {
    image: &'static str,
    base: &'static str,
    /// The path without extension, from the base (`avatars/1/abc`).
    path: String,
    accepted: &'static [ImageFormat],
    animated: bool,
    sizable: bool,
    default: ImageFormat,
}

impl CdnImage {
    fn new(image: &'static str, path: String, accepted: &'static [ImageFormat]) -> Self {
        Self {
            image,
            base: CDN,
            path,
            accepted,
            animated: false,
            sizable: true,
            default: ImageFormat::Png,
        }
    }

    fn hashed(
        image: &'static str,
        path: String,
        hash: &ImageHash,
        accepted: &'static [ImageFormat],
    ) -> Self {
        let animated = hash.is_animated() && accepted.contains(&ImageFormat::Gif);
        Self {
            animated,
            default: if animated {
                ImageFormat::Gif
            } else {
                ImageFormat::Png
            },
            ..Self::new(image, path, accepted)
        }
    }

    /// Whether the image is animated (then GIF, and animated WebP, are available).
    pub fn is_animated(&self) -> bool {
        self.animated
    }

    /// The formats the endpoint serves.
    pub fn formats(&self) -> &'static [ImageFormat] {
        self.accepted
    }

    /// The default URL: GIF when animated, else PNG (a sticker: its own format), no size.
    pub fn url(&self) -> String {
        self.build(self.default, None)
    }

    /// The URL in `format`, at `size` pixels (a power of two in `16..=4096`) when given.
    pub fn url_with(&self, format: ImageFormat, size: Option<u32>) -> Result<String, CdnError> {
        if !self.accepted.contains(&format) {
            return Err(CdnError::UnsupportedFormat {
                image: self.image,
                format,
                accepted: self.accepted,
            });
        }
        if format == ImageFormat::Gif && !self.animated {
            return Err(CdnError::NotAnimated { image: self.image });
        }
        if let Some(size) = size {
            if !self.sizable || format == ImageFormat::Lottie {
                return Err(CdnError::NotSizable { image: self.image });
            }
            if !(16..=4096).contains(&size) || !size.is_power_of_two() {
                return Err(CdnError::InvalidSize(size));
            }
        }
        Ok(self.build(format, size))
    }

    fn build(&self, format: ImageFormat, size: Option<u32>) -> String {
        // GIF stickers live on the media host.
        let base = if self.image == "sticker" && format == ImageFormat::Gif {
            MEDIA
        } else {
            self.base
        };
        let mut url = format!("{base}/{}.{}", self.path, format.extension());
        let mut sep = '?';
        if let Some(size) = size {
            let _ = write!(url, "{sep}size={size}");
            sep = '&';
        }
        if format == ImageFormat::WebP && self.animated {
            let _ = write!(url, "{sep}animated=true");
        }
        url
    }
}

/// A user's avatar.
pub fn user_avatar(user_id: UserId, hash: &ImageHash) -> CdnImage {
    CdnImage::hashed(
        "user avatar",
        format!("avatars/{user_id}/{hash}"),
        hash,
        MAYBE_ANIMATED,
    )
}

/// The index of a user's default avatar: `(user_id >> 22) % 6` for users on the new username
/// system (discriminator `"0"` or absent), `discriminator % 5` for legacy users.
pub fn default_avatar_index(user_id: UserId, discriminator: &str) -> u64 {
    match discriminator.parse::<u64>() {
        Ok(d) if d != 0 => d % 5,
        _ => (user_id.get() >> 22) % 6,
    }
}

/// A default avatar (PNG only, one size), by [`default_avatar_index`].
pub fn default_avatar(index: u64) -> CdnImage {
    CdnImage {
        sizable: false,
        ..CdnImage::new("default avatar", format!("embed/avatars/{index}"), PNG_ONLY)
    }
}

/// A member's avatar in one guild.
pub fn member_avatar(guild_id: GuildId, user_id: UserId, hash: &ImageHash) -> CdnImage {
    CdnImage::hashed(
        "guild member avatar",
        format!("guilds/{guild_id}/users/{user_id}/avatars/{hash}"),
        hash,
        MAYBE_ANIMATED,
    )
}

/// A member's banner in one guild.
pub fn member_banner(guild_id: GuildId, user_id: UserId, hash: &ImageHash) -> CdnImage {
    CdnImage::hashed(
        "guild member banner",
        format!("guilds/{guild_id}/users/{user_id}/banners/{hash}"),
        hash,
        MAYBE_ANIMATED,
    )
}

/// A user's profile banner.
pub fn user_banner(user_id: UserId, hash: &ImageHash) -> CdnImage {
    CdnImage::hashed(
        "user banner",
        format!("banners/{user_id}/{hash}"),
        hash,
        MAYBE_ANIMATED,
    )
}

/// An avatar decoration (PNG only), by its `asset` hash.
pub fn avatar_decoration(asset: &ImageHash) -> CdnImage {
    CdnImage::new(
        "avatar decoration",
        format!("avatar-decoration-presets/{asset}"),
        PNG_ONLY,
    )
}

/// A guild's icon.
pub fn guild_icon(guild_id: GuildId, hash: &ImageHash) -> CdnImage {
    CdnImage::hashed(
        "guild icon",
        format!("icons/{guild_id}/{hash}"),
        hash,
        MAYBE_ANIMATED,
    )
}

/// A guild's banner.
pub fn guild_banner(guild_id: GuildId, hash: &ImageHash) -> CdnImage {
    CdnImage::hashed(
        "guild banner",
        format!("banners/{guild_id}/{hash}"),
        hash,
        MAYBE_ANIMATED,
    )
}

/// A guild's invite splash (never animated).
pub fn guild_splash(guild_id: GuildId, hash: &ImageHash) -> CdnImage {
    CdnImage::new("guild splash", format!("splashes/{guild_id}/{hash}"), STILL)
}

/// A guild's discovery splash (never animated).
pub fn guild_discovery_splash(guild_id: GuildId, hash: &ImageHash) -> CdnImage {
    CdnImage::new(
        "guild discovery splash",
        format!("discovery-splashes/{guild_id}/{hash}"),
        STILL,
    )
}

/// A custom emoji; `animated` as the emoji object says (GIF, and animated WebP, then).
pub fn emoji(emoji_id: EmojiId, animated: bool) -> CdnImage {
    CdnImage {
        animated,
        default: if animated {
            ImageFormat::Gif
        } else {
            ImageFormat::Png
        },
        ..CdnImage::new("custom emoji", format!("emojis/{emoji_id}"), EMOJI)
    }
}

/// A sticker in its format: PNG and APNG as `.png`, Lottie as `.json` (one size), GIF as `.gif`
/// on the media host.
pub fn sticker(sticker_id: StickerId, format: StickerFormatType) -> CdnImage {
    const PNG: &[ImageFormat] = &[ImageFormat::Png];
    const LOTTIE: &[ImageFormat] = &[ImageFormat::Lottie];
    const GIF: &[ImageFormat] = &[ImageFormat::Gif];
    let (accepted, default, animated) = match format {
        StickerFormatType::Lottie => (LOTTIE, ImageFormat::Lottie, false),
        StickerFormatType::Gif => (GIF, ImageFormat::Gif, true),
        // PNG, APNG and formats Discord may add later are served as `.png`.
        _ => (PNG, ImageFormat::Png, false),
    };
    CdnImage {
        animated,
        default,
        sizable: format != StickerFormatType::Lottie,
        ..CdnImage::new("sticker", format!("stickers/{sticker_id}"), accepted)
    }
}

/// A role's icon.
pub fn role_icon(role_id: RoleId, hash: &ImageHash) -> CdnImage {
    CdnImage::new("role icon", format!("role-icons/{role_id}/{hash}"), STILL)
}

/// An application's icon.
pub fn application_icon(application_id: ApplicationId, hash: &ImageHash) -> CdnImage {
    CdnImage::new(
        "application icon",
        format!("app-icons/{application_id}/{hash}"),
        STILL,
    )
}

/// An application's cover image.
pub fn application_cover(application_id: ApplicationId, hash: &ImageHash) -> CdnImage {
    CdnImage::new(
        "application cover",
        format!("app-icons/{application_id}/{hash}"),
        STILL,
    )
}

/// A team's icon.
pub fn team_icon(team_id: TeamId, hash: &ImageHash) -> CdnImage {
    CdnImage::new("team icon", format!("team-icons/{team_id}/{hash}"), STILL)
}

/// A scheduled event's cover image.
pub fn scheduled_event_cover(event_id: ScheduledEventId, hash: &ImageHash) -> CdnImage {
    CdnImage::new(
        "scheduled event cover",
        format!("guild-events/{event_id}/{hash}"),
        STILL,
    )
}
