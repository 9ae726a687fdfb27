//! Values the conformance calls send: the seeded world's ids, a placeholder id, timestamps, a
//! 1x1 PNG.

use asyncord::model::request::ImageData;
use asyncord::model::{ApplicationId, ChannelId, GuildId, Id, Timestamp, UserId};
use asyncord::testkit::rest::Seed;

/// The seeded guild, its channel, its user and the bot's application.
pub fn seeded(seed: &Seed) -> (GuildId, ChannelId, UserId, ApplicationId) {
    (
        seed.guild_id,
        seed.channel_id,
        seed.user_id,
        seed.bot.application_id,
    )
}

/// An id no object has, used when the call that should have made one failed.
pub const fn none<M>() -> Id<M> {
    Id::new(1)
}

/// A timestamp from RFC 3339 text.
pub fn at(s: &str) -> Timestamp {
    s.parse().expect("timestamp")
}

/// A 1x1 PNG.
pub fn png() -> ImageData {
    let bytes: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
    ];
    ImageData::from_bytes(bytes).expect("png")
}
