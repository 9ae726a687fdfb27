//! CDN URLs against Discord's Image Formatting table: paths, default formats, animated hashes,
//! the formats each endpoint accepts, sizes, and the sticker special cases.

use asyncord_model::cdn::{self, CdnError, ImageFormat};
use asyncord_model::common::ImageHash;
use asyncord_model::sticker::StickerFormatType;
use asyncord_model::user::User;
use asyncord_model::{
    ApplicationId, EmojiId, GuildId, RoleId, ScheduledEventId, StickerId, TeamId, UserId,
};

const USER: UserId = UserId::new(80_351_110_224_678_912);
const GUILD: GuildId = GuildId::new(197_038_439_483_310_086);

fn still() -> ImageHash {
    ImageHash::from("8342729096ea3675442027381ff50dfe")
}

fn animated() -> ImageHash {
    ImageHash::from("a_1269e74af4df7417b13759eae50c83dc")
}

const C: &str = "https://cdn.discordapp.com";

#[test]
fn every_endpoint_has_its_documented_path() {
    let h = still();
    let cases = [
        (
            cdn::user_avatar(USER, &h),
            format!("{C}/avatars/{USER}/{h}.png"),
        ),
        (
            cdn::user_banner(USER, &h),
            format!("{C}/banners/{USER}/{h}.png"),
        ),
        (
            cdn::member_avatar(GUILD, USER, &h),
            format!("{C}/guilds/{GUILD}/users/{USER}/avatars/{h}.png"),
        ),
        (
            cdn::member_banner(GUILD, USER, &h),
            format!("{C}/guilds/{GUILD}/users/{USER}/banners/{h}.png"),
        ),
        (
            cdn::guild_icon(GUILD, &h),
            format!("{C}/icons/{GUILD}/{h}.png"),
        ),
        (
            cdn::guild_banner(GUILD, &h),
            format!("{C}/banners/{GUILD}/{h}.png"),
        ),
        (
            cdn::guild_splash(GUILD, &h),
            format!("{C}/splashes/{GUILD}/{h}.png"),
        ),
        (
            cdn::guild_discovery_splash(GUILD, &h),
            format!("{C}/discovery-splashes/{GUILD}/{h}.png"),
        ),
        (
            cdn::avatar_decoration(&h),
            format!("{C}/avatar-decoration-presets/{h}.png"),
        ),
        (
            cdn::emoji(EmojiId::new(41), false),
            format!("{C}/emojis/41.png"),
        ),
        (
            cdn::emoji(EmojiId::new(41), true),
            format!("{C}/emojis/41.gif"),
        ),
        (
            cdn::role_icon(RoleId::new(5), &h),
            format!("{C}/role-icons/5/{h}.png"),
        ),
        (
            cdn::application_icon(ApplicationId::new(6), &h),
            format!("{C}/app-icons/6/{h}.png"),
        ),
        (
            cdn::application_cover(ApplicationId::new(6), &h),
            format!("{C}/app-icons/6/{h}.png"),
        ),
        (
            cdn::team_icon(TeamId::new(7), &h),
            format!("{C}/team-icons/7/{h}.png"),
        ),
        (
            cdn::scheduled_event_cover(ScheduledEventId::new(8), &h),
            format!("{C}/guild-events/8/{h}.png"),
        ),
        (cdn::default_avatar(3), format!("{C}/embed/avatars/3.png")),
    ];
    for (image, expected) in cases {
        assert_eq!(image.url(), expected);
    }
}

#[test]
fn animated_hashes_default_to_gif_and_animate_webp() {
    let h = animated();
    let avatar = cdn::user_avatar(USER, &h);
    assert!(avatar.is_animated());
    assert_eq!(avatar.url(), format!("{C}/avatars/{USER}/{h}.gif"));
    assert_eq!(
        avatar.url_with(ImageFormat::WebP, None).unwrap(),
        format!("{C}/avatars/{USER}/{h}.webp?animated=true")
    );
    assert_eq!(
        avatar.url_with(ImageFormat::Png, Some(64)).unwrap(),
        format!("{C}/avatars/{USER}/{h}.png?size=64")
    );
    assert_eq!(
        cdn::emoji(EmojiId::new(41), true)
            .url_with(ImageFormat::WebP, Some(32))
            .unwrap(),
        format!("{C}/emojis/41.webp?size=32&animated=true")
    );
    // Endpoints without GIF never animate, even for an `a_` hash.
    let splash = cdn::guild_splash(GUILD, &h);
    assert!(!splash.is_animated());
    assert_eq!(splash.url(), format!("{C}/splashes/{GUILD}/{h}.png"));
}

#[test]
fn gif_needs_an_animated_image() {
    assert_eq!(
        cdn::user_avatar(USER, &still()).url_with(ImageFormat::Gif, None),
        Err(CdnError::NotAnimated {
            image: "user avatar"
        })
    );
    assert!(
        cdn::emoji(EmojiId::new(1), false)
            .url_with(ImageFormat::Gif, None)
            .is_err()
    );
}

#[test]
fn each_endpoint_accepts_only_its_formats() {
    let h = animated();
    let err = cdn::guild_splash(GUILD, &h)
        .url_with(ImageFormat::Gif, None)
        .unwrap_err();
    assert!(matches!(err, CdnError::UnsupportedFormat { .. }));
    assert!(err.to_string().contains("guild splash"));
    for image in [
        cdn::role_icon(RoleId::new(1), &h),
        cdn::application_icon(ApplicationId::new(1), &h),
        cdn::scheduled_event_cover(ScheduledEventId::new(1), &h),
        cdn::guild_discovery_splash(GUILD, &h),
    ] {
        assert!(image.url_with(ImageFormat::Gif, None).is_err());
        for ok in [ImageFormat::Png, ImageFormat::Jpeg, ImageFormat::WebP] {
            assert!(image.url_with(ok, None).is_ok());
        }
    }
    // AVIF: custom emojis only.
    assert!(
        cdn::emoji(EmojiId::new(1), false)
            .url_with(ImageFormat::Avif, None)
            .is_ok()
    );
    assert!(
        cdn::user_avatar(USER, &h)
            .url_with(ImageFormat::Avif, None)
            .is_err()
    );
    // PNG only.
    assert!(
        cdn::default_avatar(0)
            .url_with(ImageFormat::WebP, None)
            .is_err()
    );
    assert!(
        cdn::avatar_decoration(&h)
            .url_with(ImageFormat::Jpeg, None)
            .is_err()
    );
    assert_eq!(
        cdn::user_avatar(USER, &still())
            .url_with(ImageFormat::Jpeg, None)
            .unwrap(),
        format!("{C}/avatars/{USER}/{}.jpg", still())
    );
}

#[test]
fn sizes_are_powers_of_two_from_16_to_4096() {
    let image = cdn::guild_icon(GUILD, &still());
    for size in [16, 32, 64, 128, 256, 512, 1024, 2048, 4096] {
        assert_eq!(
            image.url_with(ImageFormat::Png, Some(size)).unwrap(),
            format!("{C}/icons/{GUILD}/{}.png?size={size}", still())
        );
    }
    for size in [0, 8, 15, 17, 100, 8192] {
        assert_eq!(
            image.url_with(ImageFormat::Png, Some(size)),
            Err(CdnError::InvalidSize(size))
        );
    }
    assert!(matches!(
        cdn::default_avatar(1).url_with(ImageFormat::Png, Some(64)),
        Err(CdnError::NotSizable { .. })
    ));
}

#[test]
fn stickers_by_format() {
    let id = StickerId::new(749_054_660_769_218_631);
    assert_eq!(
        cdn::sticker(id, StickerFormatType::Png).url(),
        format!("{C}/stickers/{id}.png")
    );
    assert_eq!(
        cdn::sticker(id, StickerFormatType::Apng).url(),
        format!("{C}/stickers/{id}.png")
    );
    let lottie = cdn::sticker(id, StickerFormatType::Lottie);
    assert_eq!(lottie.url(), format!("{C}/stickers/{id}.json"));
    assert!(lottie.url_with(ImageFormat::Lottie, Some(160)).is_err());
    assert!(lottie.url_with(ImageFormat::Png, None).is_err());
    let gif = cdn::sticker(id, StickerFormatType::Gif);
    assert_eq!(
        gif.url(),
        format!("https://media.discordapp.net/stickers/{id}.gif")
    );
    assert_eq!(
        gif.url_with(ImageFormat::Gif, Some(160)).unwrap_err(),
        CdnError::InvalidSize(160)
    );
    assert_eq!(
        gif.url_with(ImageFormat::Gif, Some(256)).unwrap(),
        format!("https://media.discordapp.net/stickers/{id}.gif?size=256")
    );
}

#[test]
fn default_avatars_new_and_legacy_username_systems() {
    // New system: (id >> 22) % 6.
    assert_eq!(cdn::default_avatar_index(USER, "0"), (USER.get() >> 22) % 6);
    assert_eq!(cdn::default_avatar_index(USER, ""), (USER.get() >> 22) % 6);
    // Legacy: discriminator % 5.
    assert_eq!(cdn::default_avatar_index(USER, "1337"), 1337 % 5);
    let user = User {
        id: USER,
        discriminator: "0".into(),
        ..User::default()
    };
    assert_eq!(
        user.avatar_url(),
        format!("{C}/embed/avatars/{}.png", (USER.get() >> 22) % 6)
    );
}
