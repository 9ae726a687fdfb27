//! One test per gateway event the cache follows: the state after the event, as a bot author
//! reads it through the cache's methods.

#![recursion_limit = "256"]
#![allow(clippy::needless_pass_by_value)] // JSON built inline at each call

use asyncord::cache::{Cache, CacheConfig, CacheResource};
use asyncord::model::gateway::events::Event;
use asyncord::model::{
    ChannelId, EmojiId, GuildId, MessageId, Permissions, RoleId, StickerId, UserId,
};
use serde_json::{Value, json};

const GUILD: GuildId = GuildId::new(100);
const OWNER: UserId = UserId::new(1);
const ALICE: UserId = UserId::new(2);
const BOB: UserId = UserId::new(3);
const GENERAL: ChannelId = ChannelId::new(10);
const SECRET: ChannelId = ChannelId::new(11);
const THREAD: ChannelId = ChannelId::new(12);
const MOD: RoleId = RoleId::new(20);

fn ev(cache: &Cache, name: &str, d: Value) {
    let event = Event::from_json_str(name, &d.to_string()).unwrap();
    cache.update(&event);
}

fn user(id: UserId, name: &str) -> Value {
    json!({"id": id.to_string(), "username": name, "discriminator": "0", "avatar": null})
}

fn member(id: UserId, name: &str, roles: &[RoleId]) -> Value {
    json!({
        "user": user(id, name),
        "roles": roles.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "joined_at": "2024-01-01T00:00:00.000000+00:00",
        "deaf": false, "mute": false, "flags": 0
    })
}

fn role(id: RoleId, name: &str, permissions: Permissions, position: i32) -> Value {
    json!({
        "id": id.to_string(), "name": name, "color": 0, "hoist": false, "position": position,
        "permissions": permissions.bits().to_string(), "managed": false, "mentionable": false,
        "flags": 0
    })
}

fn channel(id: ChannelId, name: &str, overwrites: Value) -> Value {
    json!({"id": id.to_string(), "type": 0, "name": name, "position": 0,
           "permission_overwrites": overwrites})
}

fn message(id: u64, channel: ChannelId, author: UserId, content: &str) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel.to_string(), "guild_id": GUILD.to_string(),
        "author": user(author, "alice"), "content": content,
        "timestamp": "2024-01-01T00:00:00.000000+00:00", "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0
    })
}

fn everyone_perms() -> Permissions {
    Permissions::VIEW_CHANNEL | Permissions::SEND_MESSAGES | Permissions::READ_MESSAGE_HISTORY
}

fn guild_json() -> Value {
    json!({
        "id": GUILD.to_string(), "name": "test guild", "icon": null, "owner_id": OWNER.to_string(),
        "afk_channel_id": null, "afk_timeout": 300, "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": [role(GUILD.cast(), "@everyone", everyone_perms(), 0),
                  role(MOD, "mod", Permissions::MANAGE_MESSAGES, 1)],
        "emojis": [{"id": "30", "name": "blob", "animated": false}],
        "stickers": [{"id": "40", "name": "wave", "type": 2, "format_type": 1, "tags": "wave"}],
        "features": [], "mfa_level": 0, "application_id": null, "system_channel_id": null,
        "system_channel_flags": 0, "rules_channel_id": null, "vanity_url_code": null,
        "description": null, "banner": null, "premium_tier": 0, "preferred_locale": "en-US",
        "public_updates_channel_id": null, "nsfw_level": 0, "premium_progress_bar_enabled": false,
        "joined_at": "2024-01-01T00:00:00.000000+00:00", "large": false, "member_count": 3,
        "members": [member(OWNER, "owner", &[]), member(ALICE, "alice", &[MOD]),
                    member(BOB, "bob", &[])],
        "channels": [
            channel(GENERAL, "general", json!([])),
            channel(SECRET, "secret", json!([
                {"id": GUILD.to_string(), "type": 0, "allow": "0",
                 "deny": Permissions::VIEW_CHANNEL.bits().to_string()},
                {"id": MOD.to_string(), "type": 0,
                 "allow": Permissions::VIEW_CHANNEL.bits().to_string(), "deny": "0"}
            ]))
        ],
        "threads": [{"id": THREAD.to_string(), "type": 11, "name": "a thread",
                     "parent_id": GENERAL.to_string(), "guild_id": GUILD.to_string(),
                     "thread_metadata": {"archived": false, "auto_archive_duration": 60,
                     "archive_timestamp": "2024-01-01T00:00:00.000000+00:00", "locked": false}}],
        "voice_states": [{"channel_id": GENERAL.to_string(), "user_id": BOB.to_string(),
                          "session_id": "s", "deaf": false, "mute": false, "self_deaf": false,
                          "self_mute": false, "self_video": false, "suppress": false,
                          "request_to_speak_timestamp": null}],
        "presences": [{"user": {"id": ALICE.to_string()}, "status": "online", "activities": [],
                       "client_status": {}}]
    })
}

fn cache_with_guild(config: CacheConfig) -> Cache {
    let cache = Cache::new(config);
    ev(
        &cache,
        "READY",
        json!({
            "v": 10, "user": user(UserId::new(999), "bot"), "guilds": [{"id": GUILD.to_string(), "unavailable": true}],
            "session_id": "x", "resume_gateway_url": "wss://x", "application": {"id": "999", "flags": 0}
        }),
    );
    ev(&cache, "GUILD_CREATE", guild_json());
    cache
}

#[test]
fn ready_sets_the_current_user() {
    let cache = cache_with_guild(CacheConfig::default());
    assert_eq!(cache.current_user().unwrap().username, "bot");
    ev(&cache, "USER_UPDATE", user(UserId::new(999), "renamed"));
    assert_eq!(cache.current_user().unwrap().username, "renamed");
    assert_eq!(cache.user(UserId::new(999)).unwrap().username, "renamed");
}

#[test]
fn guild_create_fills_every_resource() {
    let cache = cache_with_guild(CacheConfig::default().enable(CacheResource::Presences));
    let guild = cache.guild(GUILD).unwrap();
    assert_eq!(guild.name, "test guild");
    assert!(
        guild.members.is_none() && guild.roles.is_empty(),
        "lists are kept apart"
    );
    assert_eq!(cache.roles(GUILD).len(), 2);
    assert_eq!(cache.guild_channels(GUILD).len(), 3);
    assert_eq!(cache.channel(GENERAL).unwrap().guild_id, Some(GUILD));
    assert!(cache.channel(THREAD).unwrap().is_thread());
    assert_eq!(cache.member(GUILD, ALICE).unwrap().roles, vec![MOD]);
    assert_eq!(cache.member(GUILD, ALICE).unwrap().guild_id, Some(GUILD));
    assert_eq!(cache.user(BOB).unwrap().username, "bob");
    assert_eq!(
        cache
            .emoji(GUILD, EmojiId::new(30))
            .unwrap()
            .name
            .as_deref(),
        Some("blob")
    );
    assert_eq!(
        cache.sticker(GUILD, StickerId::new(40)).unwrap().name,
        "wave"
    );
    assert_eq!(
        cache.voice_state(GUILD, BOB).unwrap().channel_id,
        Some(GENERAL)
    );
    assert!(cache.presence(GUILD, ALICE).is_some());
    let stats = cache.stats();
    assert_eq!((stats.guilds, stats.members, stats.channels), (1, 3, 3));
}

#[test]
fn presences_are_off_by_default() {
    let cache = cache_with_guild(CacheConfig::default());
    assert!(cache.presence(GUILD, ALICE).is_none());
    assert_eq!(cache.stats().presences, 0);
}

#[test]
fn disabled_resources_stay_empty() {
    let config = CacheConfig::default()
        .disable(CacheResource::Members)
        .disable(CacheResource::Roles)
        .disable(CacheResource::Channels);
    let cache = cache_with_guild(config);
    assert!(cache.member(GUILD, ALICE).is_none());
    assert!(cache.roles(GUILD).is_empty());
    assert!(cache.channel(GENERAL).is_none());
    assert!(
        cache.channel(THREAD).is_some(),
        "threads are their own resource"
    );
}

#[test]
fn guild_update_and_delete() {
    let cache = cache_with_guild(CacheConfig::default());
    let mut g = guild_json();
    g["name"] = json!("renamed");
    ev(&cache, "GUILD_UPDATE", g);
    assert_eq!(cache.guild(GUILD).unwrap().name, "renamed");
    assert_eq!(
        cache.member(GUILD, ALICE).unwrap().roles,
        vec![MOD],
        "members survive an update"
    );

    ev(
        &cache,
        "GUILD_DELETE",
        json!({"id": GUILD.to_string(), "unavailable": true}),
    );
    assert!(cache.guild(GUILD).is_none());
    assert!(cache.is_unavailable(GUILD));
    assert!(
        cache.member(GUILD, ALICE).is_some(),
        "an outage keeps the data"
    );

    ev(&cache, "GUILD_DELETE", json!({"id": GUILD.to_string()}));
    assert!(!cache.is_unavailable(GUILD));
    assert!(cache.member(GUILD, ALICE).is_none());
    assert!(cache.channel(GENERAL).is_none());
    assert!(cache.voice_state(GUILD, BOB).is_none());
    let stats = cache.stats();
    assert_eq!(
        (
            stats.guilds,
            stats.members,
            stats.channels,
            stats.voice_states
        ),
        (0, 0, 0, 0)
    );
}

#[test]
fn channel_create_update_delete() {
    let cache = cache_with_guild(CacheConfig::default());
    let mut c = channel(ChannelId::new(50), "new", json!([]));
    c["guild_id"] = json!(GUILD.to_string());
    ev(&cache, "CHANNEL_CREATE", c.clone());
    assert_eq!(
        cache.channel(ChannelId::new(50)).unwrap().name.as_deref(),
        Some("new")
    );
    c["name"] = json!("renamed");
    ev(&cache, "CHANNEL_UPDATE", c.clone());
    assert_eq!(
        cache.channel(ChannelId::new(50)).unwrap().name.as_deref(),
        Some("renamed")
    );
    ev(&cache, "CHANNEL_DELETE", c);
    assert!(cache.channel(ChannelId::new(50)).is_none());
    // Deleting a channel deletes its threads.
    let mut general = channel(GENERAL, "general", json!([]));
    general["guild_id"] = json!(GUILD.to_string());
    ev(&cache, "CHANNEL_DELETE", general);
    assert!(cache.channel(THREAD).is_none());
    assert_eq!(cache.guild_channels(GUILD).len(), 1);
}

#[test]
fn thread_events() {
    let cache = cache_with_guild(CacheConfig::default());
    let t = json!({"id": "60", "type": 11, "name": "t", "parent_id": GENERAL.to_string(),
                   "guild_id": GUILD.to_string()});
    ev(&cache, "THREAD_CREATE", t.clone());
    assert!(cache.channel(ChannelId::new(60)).is_some());
    let mut t2 = t.clone();
    t2["name"] = json!("t2");
    ev(&cache, "THREAD_UPDATE", t2);
    assert_eq!(
        cache.channel(ChannelId::new(60)).unwrap().name.as_deref(),
        Some("t2")
    );
    ev(
        &cache,
        "THREAD_DELETE",
        json!({"id": "60", "guild_id": GUILD.to_string(),
                                         "parent_id": GENERAL.to_string(), "type": 11}),
    );
    assert!(cache.channel(ChannelId::new(60)).is_none());
    // A list sync for GENERAL drops THREAD (not listed) and adds the listed one.
    ev(
        &cache,
        "THREAD_LIST_SYNC",
        json!({"guild_id": GUILD.to_string(),
        "channel_ids": [GENERAL.to_string()], "threads": [t], "members": []}),
    );
    assert!(cache.channel(THREAD).is_none());
    assert!(cache.channel(ChannelId::new(60)).is_some());
}

#[test]
fn role_events() {
    let cache = cache_with_guild(CacheConfig::default());
    let r = role(RoleId::new(70), "new", Permissions::KICK_MEMBERS, 2);
    ev(
        &cache,
        "GUILD_ROLE_CREATE",
        json!({"guild_id": GUILD.to_string(), "role": r}),
    );
    assert_eq!(cache.role(GUILD, RoleId::new(70)).unwrap().name, "new");
    let r = role(RoleId::new(70), "renamed", Permissions::BAN_MEMBERS, 2);
    ev(
        &cache,
        "GUILD_ROLE_UPDATE",
        json!({"guild_id": GUILD.to_string(), "role": r}),
    );
    assert_eq!(
        cache.role(GUILD, RoleId::new(70)).unwrap().permissions,
        Permissions::BAN_MEMBERS
    );
    ev(
        &cache,
        "GUILD_ROLE_DELETE",
        json!({"guild_id": GUILD.to_string(), "role_id": "70"}),
    );
    assert!(cache.role(GUILD, RoleId::new(70)).is_none());
}

#[test]
fn member_events() {
    let cache = cache_with_guild(CacheConfig::default());
    let carol = UserId::new(4);
    let mut m = member(carol, "carol", &[]);
    m["guild_id"] = json!(GUILD.to_string());
    ev(&cache, "GUILD_MEMBER_ADD", m.clone());
    assert!(cache.member(GUILD, carol).is_some());
    assert_eq!(cache.user(carol).unwrap().username, "carol");
    m["roles"] = json!([MOD.to_string()]);
    m["nick"] = json!("caz");
    ev(&cache, "GUILD_MEMBER_UPDATE", m);
    assert_eq!(
        cache.member(GUILD, carol).unwrap().nick.as_deref(),
        Some("caz")
    );
    assert_eq!(cache.member_roles(GUILD, carol)[0].id, MOD);
    ev(
        &cache,
        "GUILD_MEMBER_REMOVE",
        json!({"guild_id": GUILD.to_string(), "user": user(carol, "carol")}),
    );
    assert!(cache.member(GUILD, carol).is_none());
    assert!(!cache.member_ids(GUILD).contains(&carol));
    ev(
        &cache,
        "GUILD_MEMBERS_CHUNK",
        json!({"guild_id": GUILD.to_string(),
        "members": [member(UserId::new(5), "dan", &[]), member(UserId::new(6), "eve", &[])],
        "chunk_index": 0, "chunk_count": 1}),
    );
    assert_eq!(cache.member_ids(GUILD).len(), 5);
}

#[test]
fn a_users_members_share_one_copy_of_the_user() {
    use std::sync::Arc;

    let cache = cache_with_guild(CacheConfig::default());
    let other = GuildId::new(200);
    let mut second = guild_json();
    second["id"] = json!(other.to_string());
    second["members"] = json!([member(ALICE, "alice", &[])]);
    ev(&cache, "GUILD_CREATE", second);
    let user = cache.user(ALICE).unwrap();
    let here = cache.member(GUILD, ALICE).unwrap();
    let there = cache.member(other, ALICE).unwrap();
    // One allocation for the user, whichever way it is reached: not a copy per member.
    assert!(Arc::ptr_eq(here.user.as_ref().unwrap(), &user));
    assert!(Arc::ptr_eq(there.user.as_ref().unwrap(), &user));
    assert_eq!(here.user.as_ref().unwrap().username, "alice");

    // A member update with a renamed user: the updated member and the users map hold the new
    // user; the other guild's member keeps the user its own guild last sent.
    let mut renamed = member(ALICE, "alicia", &[MOD]);
    renamed["guild_id"] = json!(GUILD.to_string());
    ev(&cache, "GUILD_MEMBER_UPDATE", renamed);
    let user = cache.user(ALICE).unwrap();
    assert_eq!(user.username, "alicia");
    let here = cache.member(GUILD, ALICE).unwrap();
    assert!(Arc::ptr_eq(here.user.as_ref().unwrap(), &user));
    assert_eq!(member_username(&cache, other, ALICE), "alice");

    // Without the users map, each member keeps the user it came with.
    let cache = cache_with_guild(CacheConfig::default().disable(CacheResource::Users));
    assert!(cache.user(ALICE).is_none());
    assert_eq!(member_username(&cache, GUILD, ALICE), "alice");
}

/// The username of the user a cached member holds.
fn member_username(cache: &Cache, guild: GuildId, user: UserId) -> String {
    let member = cache.member(guild, user).expect("a cached member");
    member.user.as_ref().expect("its user").username.clone()
}

#[test]
fn emoji_and_sticker_updates_replace_the_lists() {
    let cache = cache_with_guild(CacheConfig::default());
    ev(
        &cache,
        "GUILD_EMOJIS_UPDATE",
        json!({"guild_id": GUILD.to_string(),
        "emojis": [{"id": "31", "name": "a"}, {"id": "32", "name": "b"}]}),
    );
    assert!(cache.emoji(GUILD, EmojiId::new(30)).is_none());
    assert_eq!(cache.emojis(GUILD).len(), 2);
    ev(
        &cache,
        "GUILD_STICKERS_UPDATE",
        json!({"guild_id": GUILD.to_string(), "stickers": []}),
    );
    assert!(cache.stickers(GUILD).is_empty());
}

#[test]
fn voice_state_updates() {
    let cache = cache_with_guild(CacheConfig::default());
    let vs = |channel: Option<ChannelId>| {
        json!({"guild_id": GUILD.to_string(),
        "channel_id": channel.map(|c| c.to_string()), "user_id": ALICE.to_string(),
        "session_id": "s", "deaf": false, "mute": false, "self_deaf": false, "self_mute": true,
        "self_video": false, "suppress": false, "request_to_speak_timestamp": null})
    };
    ev(&cache, "VOICE_STATE_UPDATE", vs(Some(GENERAL)));
    assert!(cache.voice_state(GUILD, ALICE).unwrap().self_mute);
    ev(&cache, "VOICE_STATE_UPDATE", vs(None));
    assert!(
        cache.voice_state(GUILD, ALICE).is_none(),
        "leaving the channel removes the state"
    );
}

#[test]
fn presence_updates_when_enabled() {
    let cache = cache_with_guild(CacheConfig::default().enable(CacheResource::Presences));
    ev(
        &cache,
        "PRESENCE_UPDATE",
        json!({"user": {"id": BOB.to_string()},
        "guild_id": GUILD.to_string(), "status": "idle", "activities": [], "client_status": {}}),
    );
    assert_eq!(
        serde_json::to_value(&cache.presence(GUILD, BOB).unwrap().status).unwrap(),
        json!("idle")
    );
}

#[test]
fn message_events() {
    let cache = cache_with_guild(CacheConfig::default());
    ev(
        &cache,
        "MESSAGE_CREATE",
        message(1000, GENERAL, ALICE, "hello"),
    );
    ev(
        &cache,
        "MESSAGE_CREATE",
        message(1001, GENERAL, ALICE, "world"),
    );
    let all = cache.messages(GENERAL);
    assert_eq!(
        all.iter().map(|m| m.content.as_str()).collect::<Vec<_>>(),
        ["hello", "world"]
    );
    ev(
        &cache,
        "MESSAGE_UPDATE",
        message(1000, GENERAL, ALICE, "hello (edited)"),
    );
    assert_eq!(
        cache
            .message(GENERAL, MessageId::new(1000))
            .unwrap()
            .content,
        "hello (edited)"
    );
    ev(
        &cache,
        "MESSAGE_UPDATE",
        message(5, GENERAL, ALICE, "an old message"),
    );
    assert!(
        cache.message(GENERAL, MessageId::new(5)).is_none(),
        "old edits are not added"
    );
    ev(
        &cache,
        "MESSAGE_DELETE",
        json!({"id": "1000", "channel_id": GENERAL.to_string()}),
    );
    assert!(cache.message(GENERAL, MessageId::new(1000)).is_none());
    assert_eq!(
        cache
            .deleted_message(GENERAL, MessageId::new(1000))
            .unwrap()
            .content,
        "hello (edited)"
    );
    ev(
        &cache,
        "MESSAGE_DELETE_BULK",
        json!({"ids": ["1001"], "channel_id": GENERAL.to_string()}),
    );
    assert!(cache.messages(GENERAL).is_empty());
}

#[test]
fn permissions_from_the_cache() {
    let cache = cache_with_guild(CacheConfig::default());
    assert_eq!(cache.permissions(GUILD, OWNER), Some(Permissions::all()));
    assert_eq!(
        cache.permissions(GUILD, ALICE),
        Some(everyone_perms() | Permissions::MANAGE_MESSAGES)
    );
    // SECRET hides from @everyone but shows to MOD.
    assert!(cache.permissions_in(SECRET, BOB).unwrap().is_empty());
    assert!(
        cache
            .permissions_in(SECRET, ALICE)
            .unwrap()
            .contains(Permissions::VIEW_CHANNEL)
    );
    // The thread takes GENERAL's overwrites; SEND_MESSAGES_IN_THREADS is not granted here.
    let in_thread = cache.permissions_in(THREAD, BOB).unwrap();
    assert!(in_thread.contains(Permissions::VIEW_CHANNEL));
    assert!(!in_thread.contains(Permissions::SEND_MESSAGES));
    assert_eq!(cache.permissions(GUILD, UserId::new(12345)), None);
}
