//! The cache against the emulator's world: a random stream of changes (fixed seed) made by a
//! bot over REST and by simulated users — channels, threads, roles, members' roles and
//! nicknames, members joining and leaving, messages sent, edited and deleted — then the cache is
//! compared with the world resource by resource. Paused clock, in memory.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::cache::{Cache, CacheConfig};
use asyncord::model::channel::ChannelType;
use asyncord::model::request::{
    CreateGuildChannel, CreateRole, ModifyGuildChannel, ModifyGuildMember, ModifyRole, Patch,
    StartThreadWithoutMessage,
};
use asyncord::model::{ChannelId, Intents, MessageId, RoleId, UserId};
use asyncord::testkit::{Emulator, EmulatorBots};
use serde_json::Value;

fn id_of(v: &Value) -> u64 {
    v["id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0)
}

#[tokio::test(start_paused = true)]
async fn a_random_stream_of_changes_leaves_the_cache_equal_to_the_world() {
    let emu = Emulator::start().await.unwrap();
    let slot: Arc<Mutex<Option<Cache>>> = Arc::default();
    let setup_slot = Arc::clone(&slot);
    let intents = Intents::GUILDS
        | Intents::GUILD_MEMBERS
        | Intents::GUILD_MESSAGES
        | Intents::MESSAGE_CONTENT;
    let bot = emu
        .run_bot_with(emu.token(), emu.group_config().intents(intents), move |g| {
            *setup_slot.lock().unwrap() = Some(g.enable_cache(CacheConfig::default()));
        })
        .await
        .unwrap();
    let cache = slot.lock().unwrap().clone().unwrap();
    let client = emu.rest_client();
    let (g, general) = (emu.guild_id(), emu.channel_id());
    let world = emu.world();

    let mut rng = fastrand::Rng::with_seed(0x00ca_c4e5);
    let mut channels: Vec<ChannelId> = vec![general];
    let mut threads: Vec<ChannelId> = Vec::new();
    let mut roles: Vec<RoleId> = Vec::new();
    let mut messages: Vec<(ChannelId, MessageId, UserId)> = Vec::new();
    let mut users: Vec<UserId> = emu
        .users()
        .iter()
        .map(asyncord::testkit::SimUser::id)
        .collect();
    let mut outside: Vec<UserId> = Vec::new();
    let mut counter = 0;

    for _ in 0..300 {
        counter += 1;
        match rng.u8(0..12) {
            0 => {
                let c = client
                    .guilds
                    .create_channel(
                        g,
                        CreateGuildChannel::new(format!("c{counter}"), ChannelType::GuildText),
                    )
                    .await
                    .unwrap();
                channels.push(c.id);
            }
            1 if channels.len() > 1 => {
                let c = channels[rng.usize(1..channels.len())];
                client
                    .channels
                    .edit(
                        c,
                        ModifyGuildChannel::new().name(format!("renamed{counter}")),
                    )
                    .await
                    .unwrap();
            }
            2 if channels.len() > 1 => {
                let c = channels.swap_remove(rng.usize(1..channels.len()));
                client.channels.delete(c).await.unwrap();
                messages.retain(|(ch, _, _)| *ch != c);
            }
            3 => {
                let parent = channels[rng.usize(0..channels.len())];
                let t = client
                    .channels
                    .threads(parent)
                    .start(StartThreadWithoutMessage::new(
                        format!("t{counter}"),
                        ChannelType::PublicThread,
                    ))
                    .await
                    .unwrap();
                threads.push(t.id);
            }
            4 if !threads.is_empty() => {
                let t = threads.swap_remove(rng.usize(0..threads.len()));
                client.channels.delete(t).await.unwrap();
                messages.retain(|(ch, _, _)| *ch != t);
            }
            5 => {
                let r = client
                    .guilds
                    .roles(g)
                    .create(CreateRole::new(format!("r{counter}")))
                    .await
                    .unwrap();
                roles.push(r.id);
            }
            6 if !roles.is_empty() => {
                let r = roles[rng.usize(0..roles.len())];
                let change = ModifyRole {
                    name: Patch::Set(format!("role{counter}")),
                    ..ModifyRole::default()
                };
                client.guilds.roles(g).edit(r, change).await.unwrap();
            }
            7 if !roles.is_empty() => {
                let r = roles.swap_remove(rng.usize(0..roles.len()));
                client.guilds.roles(g).delete(r).await.unwrap();
            }
            8 if !roles.is_empty() && !users.is_empty() => {
                let (r, u) = (
                    roles[rng.usize(0..roles.len())],
                    users[rng.usize(0..users.len())],
                );
                let members = client.guilds.members(g);
                if rng.bool() {
                    members.add_role(u, r).await.unwrap();
                } else {
                    members
                        .edit(
                            u,
                            ModifyGuildMember::new().nick(Some(format!("n{counter}"))),
                        )
                        .await
                        .unwrap();
                }
            }
            9 => {
                if !outside.is_empty() && rng.bool() {
                    let u = outside.swap_remove(rng.usize(0..outside.len()));
                    emu.user(u).join_guild(g).unwrap();
                    users.push(u);
                } else if users.len() > 2 && rng.bool() {
                    let u = users.swap_remove(rng.usize(2..users.len()));
                    emu.user(u).leave_guild(g).unwrap();
                    messages.retain(|(_, _, a)| *a != u);
                    outside.push(u);
                } else {
                    let u = emu.add_user(&format!("user{counter}"));
                    u.join_guild(g).unwrap();
                    users.push(u.id());
                }
            }
            10 if !messages.is_empty() => {
                let (c, m, a) = messages[rng.usize(0..messages.len())];
                if rng.bool() {
                    emu.user(a)
                        .edit_message(c, m, &format!("edited {counter}"))
                        .unwrap();
                } else {
                    emu.user(a).delete_message(c, m).unwrap();
                    messages.retain(|(_, id, _)| *id != m);
                }
            }
            _ => {
                let all: Vec<ChannelId> = channels.iter().chain(&threads).copied().collect();
                let c = all[rng.usize(0..all.len())];
                let a = users[rng.usize(0..users.len())];
                let m = emu.user(a).send_message(c, &format!("m{counter}")).unwrap();
                messages.push((c, m, a));
            }
        }
    }

    // A last message: once the cache has it, it has everything before it (one shard, in order).
    let alice = emu.user_named("alice").unwrap();
    let last = alice.send_message(general, "the end").unwrap();
    tokio::time::timeout(Duration::from_secs(30), async {
        while cache.message(general, last).is_none() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the cache caught up");

    // Channels and threads.
    let mut cached: Vec<u64> = cache.guild_channels(g).iter().map(|c| c.id.get()).collect();
    cached.sort_unstable();
    let mut expected: Vec<u64> = channels.iter().chain(&threads).map(|c| c.get()).collect();
    expected.sort_unstable();
    assert_eq!(cached, expected, "channel ids");
    for c in channels.iter().chain(&threads) {
        let in_world = world.channel(*c).unwrap();
        let in_cache = cache.channel(*c).unwrap();
        assert_eq!(
            in_cache.name.as_deref(),
            in_world["name"].as_str(),
            "name of {c}"
        );
        assert_eq!(
            in_cache.parent_id.map(ChannelId::get),
            in_world["parent_id"].as_str().and_then(|s| s.parse().ok())
        );
    }
    // Roles.
    let world_guild = world.guild(g).unwrap();
    let mut world_roles: Vec<(u64, String)> = world_guild["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (id_of(r), r["name"].as_str().unwrap_or_default().to_owned()))
        .collect();
    world_roles.sort();
    let mut cache_roles: Vec<(u64, String)> = cache
        .roles(g)
        .iter()
        .map(|r| (r.id.get(), r.name.clone()))
        .collect();
    cache_roles.sort();
    assert_eq!(cache_roles, world_roles, "roles");
    // Members: who is in, their roles and nicknames.
    let mut cached_members: Vec<u64> = cache.member_ids(g).iter().map(|u| u.get()).collect();
    cached_members.sort_unstable();
    for u in users.iter().chain(&outside) {
        let in_world = world.member(g, *u);
        let in_cache = cache.member(g, *u);
        assert_eq!(in_cache.is_some(), in_world.is_some(), "membership of {u}");
        if let (Some(w), Some(c)) = (in_world, in_cache) {
            let mut wr: Vec<u64> = w["roles"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|r| r.as_str()?.parse().ok())
                .collect();
            wr.sort_unstable();
            let mut cr: Vec<u64> = c.roles.iter().map(|r| r.get()).collect();
            cr.sort_unstable();
            assert_eq!(cr, wr, "roles of {u}");
            assert_eq!(c.nick.as_deref(), w["nick"].as_str(), "nick of {u}");
        }
    }
    // Messages: each channel's newest, with their current content.
    for c in channels.iter().chain(&threads) {
        let world_messages = world.messages(*c);
        let keep = cache.config().messages_per_channel;
        let tail: Vec<(u64, String)> = world_messages[world_messages.len().saturating_sub(keep)..]
            .iter()
            .map(|m| {
                (
                    id_of(m),
                    m["content"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        let cached: Vec<(u64, String)> = cache
            .messages(*c)
            .iter()
            .map(|m| (m.id.get(), m.content.clone()))
            .collect();
        assert_eq!(cached, tail, "messages of {c}");
    }
    let stats = cache.stats();
    // The stream left something of each kind to compare.
    assert!(
        stats.messages > 10 && stats.members > 5 && stats.channels > 5,
        "{stats:?}"
    );
    bot.stop().await.unwrap();
}
