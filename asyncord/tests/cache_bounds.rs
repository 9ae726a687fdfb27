//! The cache's memory is bounded whatever Discord sends: floods of messages in many channels,
//! guilds with more members, roles and channels than the caps, more guilds than the cap.

use asyncord::cache::{Cache, CacheConfig};
use asyncord::model::gateway::events::Event;
use asyncord::model::{ChannelId, GuildId, MessageId};
use serde_json::{Value, json};

fn ev(cache: &Cache, name: &str, d: &Value) {
    cache.update(&Event::from_json_str(name, &d.to_string()).unwrap());
}

fn message(id: u64, channel: u64) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel.to_string(), "guild_id": "1",
        "author": {"id": (id % 500 + 1).to_string(), "username": "u", "discriminator": "0"},
        "content": "x", "timestamp": "2024-01-01T00:00:00+00:00", "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0
    })
}

fn guild(id: u64, members: u64, roles: u64, channels: u64) -> Value {
    json!({
        "id": id.to_string(), "name": "g", "owner_id": "1", "afk_timeout": 0,
        "verification_level": 0, "default_message_notifications": 0,
        "explicit_content_filter": 0, "features": [], "mfa_level": 0,
        "system_channel_flags": 0, "premium_tier": 0, "nsfw_level": 0, "emojis": [],
        "roles": (0..roles).map(|r| json!({"id": (id * 100_000 + r).to_string(), "name": "r",
            "permissions": "0", "position": 0})).collect::<Vec<_>>(),
        "channels": (0..channels).map(|c| json!({"id": (id * 100_000 + c).to_string(),
            "type": 0, "name": "c"})).collect::<Vec<_>>(),
        "members": (0..members).map(|m| json!({"user": {"id": (m + 1).to_string(),
            "username": "m", "discriminator": "0"}, "roles": [], "deaf": false, "mute": false,
            "flags": 0})).collect::<Vec<_>>(),
    })
}

#[test]
fn a_flood_of_messages_in_many_channels_stays_at_the_caps() {
    let config = CacheConfig::default()
        .messages_per_channel(5)
        .max_message_channels(64)
        .max_users(100);
    let cache = Cache::new(config);
    let mut id = 1;
    for channel in 0..500 {
        for _ in 0..20 {
            ev(&cache, "MESSAGE_CREATE", &message(id, 1_000 + channel));
            id += 1;
        }
    }
    let stats = cache.stats();
    assert_eq!(stats.message_channels, 64, "{stats:?}");
    assert_eq!(stats.messages, 64 * 5, "{stats:?}");
    assert!(stats.users <= 100, "{stats:?}");
    // The channels written last are the ones kept, with their newest messages.
    let last = cache.messages(ChannelId::new(1_000 + 499));
    assert_eq!(
        last.iter().map(|m| m.id).collect::<Vec<_>>(),
        (9_996..=10_000).map(MessageId::new).collect::<Vec<_>>()
    );
    assert!(cache.messages(ChannelId::new(1_000)).is_empty());
}

#[test]
fn a_guild_bigger_than_the_caps_is_cut_to_them() {
    let mut config = CacheConfig::default()
        .max_members(1_000, 1_500)
        .max_users(1_200);
    config.max_roles_per_guild = 50;
    config.max_channels_per_guild = 30;
    let cache = Cache::new(config);
    ev(&cache, "GUILD_CREATE", &guild(7, 20_000, 400, 600));
    let stats = cache.stats();
    assert_eq!(stats.members, 1_000, "{stats:?}");
    assert_eq!(cache.member_ids(GuildId::new(7)).len(), 1_000);
    assert_eq!(stats.users, 1_200, "{stats:?}");
    assert_eq!(stats.roles, 50, "{stats:?}");
    assert_eq!(stats.channels, 30, "{stats:?}");
    // A second guild shares the global member cap.
    ev(&cache, "GUILD_CREATE", &guild(8, 20_000, 1, 1));
    let stats = cache.stats();
    assert!(stats.members <= 1_500, "{stats:?}");
    assert_eq!(
        cache.member_ids(GuildId::new(7)).len() + cache.member_ids(GuildId::new(8)).len(),
        stats.members
    );
    // Members keep coming: still at the caps.
    for m in 0..5_000 {
        ev(
            &cache,
            "GUILD_MEMBER_ADD",
            &json!({"guild_id": "8", "user": {"id": (50_000 + m).to_string(),
            "username": "late", "discriminator": "0"}, "roles": [], "deaf": false, "mute": false, "flags": 0}),
        );
    }
    let stats = cache.stats();
    assert!(stats.members <= 1_500 && stats.users <= 1_200, "{stats:?}");
    assert!(
        cache
            .member(
                GuildId::new(8),
                asyncord::model::UserId::new(50_000 + 4_999)
            )
            .is_some(),
        "the newest member is kept"
    );
}

#[test]
fn more_guilds_than_the_cap_are_refused() {
    let cache = Cache::new(CacheConfig::default().max_guilds(10));
    for g in 1..=30 {
        ev(&cache, "GUILD_CREATE", &guild(g, 2, 1, 1));
    }
    assert_eq!(cache.stats().guilds, 10);
    assert_eq!(cache.stats().channels, 10);
}
