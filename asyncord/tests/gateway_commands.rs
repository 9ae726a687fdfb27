//! Outbound commands: the 120-per-60-s limit with room for heartbeats, presence, voice state,
//! guild members gathered across chunks, soundboard sounds; and the world's dispatches reaching
//! sessions by intents with the MESSAGE_CONTENT rules.

mod gateway_support;

use std::sync::Arc;
use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, GatewayConfig, GatewayError, Shards};
use asyncord::model::gateway::{
    BotActivity, Presence, RequestGuildMembers, Status, UpdateVoiceState,
};
use asyncord::model::{ChannelId, GuildId, Intents, UserId};
use asyncord::testkit::Dispatch;
use asyncord::testkit::gateway::{
    GatewayServer, GatewayServerConfig, MemoryWorld, ServerEventKind,
};
use gateway_support::*;
use serde_json::json;

#[tokio::test(start_paused = true)]
async fn commands_stay_under_120_per_minute_and_heartbeats_keep_going() {
    let env = setup(GatewayServerConfig {
        heartbeat_interval: Duration::from_secs(5),
        ..server_config()
    })
    .await;
    let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
        .await
        .unwrap();
    until(&mut gw, "READY").await;
    let handle = gw.handle();
    let sender = tokio::spawn(async move {
        for i in 0..300 {
            let presence =
                Presence::new(Status::Online).activity(BotActivity::playing(format!("game {i}")));
            handle.update_presence(presence).await.unwrap();
        }
    });
    env.server
        .wait_for(|ev| count(ev, |k| matches!(k, ServerEventKind::Command { op: 3, .. })) == 300)
        .await;
    sender.await.unwrap();
    let events = env.server.events();
    assert_eq!(
        count(&events, |k| matches!(
            k,
            ServerEventKind::ClosedByServer { .. }
        )),
        0,
        "never hit 4008"
    );
    assert_eq!(env.server.connection_count(), 1);
    let frames: Vec<_> = events
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                ServerEventKind::Command { .. }
                    | ServerEventKind::Heartbeat { .. }
                    | ServerEventKind::Identified { .. }
            )
        })
        .map(|e| e.at)
        .collect();
    for &t in &frames {
        let window = frames
            .iter()
            .filter(|&&x| x >= t && x - t < Duration::from_secs(60))
            .count();
        assert!(window <= 120, "{window} frames in one minute");
    }
    // heartbeats went on while the commands were throttled
    let last_command = events
        .iter()
        .rev()
        .find(|e| matches!(e.kind, ServerEventKind::Command { .. }))
        .unwrap()
        .at;
    let beats = events
        .iter()
        .filter(|e| matches!(e.kind, ServerEventKind::Heartbeat { .. }) && e.at <= last_command)
        .count();
    assert!(beats as u64 >= (last_command - events[0].at).as_secs() / 5 - 1);
    // the last presence is the last one sent
    let ServerEventKind::Command { data, .. } = &events
        .iter()
        .rev()
        .find(|e| matches!(e.kind, ServerEventKind::Command { .. }))
        .unwrap()
        .kind
    else {
        unreachable!()
    };
    assert_eq!(data["activities"][0]["name"], "game 299");
}

#[tokio::test(start_paused = true)]
async fn guild_members_are_gathered_across_chunks() {
    let world = Arc::new(MemoryWorld::new());
    let bot = world.add_bot(TOKEN, BOT_ID, Intents::GUILD_MEMBERS);
    let members: Vec<_> = (0..2_500)
        .map(|i| json!({"user": {"id": (50_000 + i).to_string(), "username": format!("{}user{i}", if i % 2 == 0 { "a" } else { "b" })}, "roles": []}))
        .collect();
    world.add_guild(
        bot.user_id,
        42 << 22,
        json!({"members": members, "soundboard_sounds": [{"sound_id": "9", "name": "boop"}]}),
    );
    let server = GatewayServer::start(world, server_config()).await.unwrap();
    let cfg = GatewayConfig::new(TOKEN, Intents::GUILDS | Intents::GUILD_MEMBERS)
        .url(server.url())
        .shards(Shards::all(1))
        .connector(Arc::new(server.endpoint()));
    let mut gw = Gateway::connect(cfg).await.unwrap();
    until(&mut gw, "GUILD_CREATE").await;
    let handle = gw.handle();
    let guild = GuildId::new(42 << 22);
    let chunks = handle
        .fetch_guild_members(RequestGuildMembers::all(guild))
        .await
        .unwrap();
    assert_eq!(chunks.len(), 3);
    let mut total = 0;
    for (i, c) in chunks.iter().enumerate() {
        assert_eq!((c.chunk_index, c.chunk_count), (i as u32, 3));
        assert_eq!(c.guild_id, guild);
        total += c.members.len();
    }
    assert_eq!(total, 2_500);
    assert_eq!(
        chunks[2]
            .members
            .last()
            .unwrap()
            .user
            .as_ref()
            .unwrap()
            .username,
        "buser2499"
    );
    let chunks = handle
        .fetch_guild_members(RequestGuildMembers::query(guild, "b", 10).nonce("mine"))
        .await
        .unwrap();
    assert_eq!(
        (chunks[0].members.len(), chunks[0].nonce.as_deref()),
        (10, Some("mine"))
    );
    // the chunks were also dispatched to the consumer
    assert_eq!(
        until(&mut gw, "GUILD_MEMBERS_CHUNK")
            .await
            .kind
            .unwrap()
            .name(),
        "GUILD_MEMBERS_CHUNK"
    );
    // a nonce over 32 bytes is refused before sending
    let err = handle
        .request_guild_members(&RequestGuildMembers::all(guild).nonce("x".repeat(33)))
        .await
        .unwrap_err();
    assert!(matches!(err, GatewayError::InvalidCommand(_)));

    handle
        .update_voice_state(UpdateVoiceState {
            guild_id: guild,
            channel_id: Some(ChannelId::new(77)),
            self_mute: true,
            self_deaf: false,
        })
        .await
        .unwrap();
    handle.request_soundboard_sounds(&[guild]).await.unwrap();
    let sounds = until(&mut gw, "SOUNDBOARD_SOUNDS").await;
    let d: serde_json::Value = serde_json::from_slice(&sounds.data).unwrap();
    assert_eq!(d["soundboard_sounds"][0]["name"], "boop");
    let ops: Vec<(u8, serde_json::Value)> = server
        .events()
        .into_iter()
        .filter_map(|e| match e.kind {
            ServerEventKind::Command { op, data } => Some((op, data)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ops.iter().map(|(op, _)| *op).collect::<Vec<_>>(),
        vec![8, 8, 4, 31]
    );
    assert_eq!(ops[2].1["channel_id"], "77");
    assert_eq!(ops[2].1["self_mute"], true);
    assert!(
        handle
            .send(9, &RequestGuildMembers::all(guild))
            .await
            .is_err()
    );
}

fn message(guild: Option<u64>, author: u64, mentions: &[u64]) -> Dispatch {
    let mut data = json!({
        "id": "1", "channel_id": "2", "author": {"id": author.to_string(), "username": "x"},
        "content": "secret words", "embeds": [{"title": "t"}], "attachments": [{"id": "3"}],
        "components": [{"type": 1}], "poll": {"question": {"text": "?"}},
        "mentions": mentions.iter().map(|m| json!({"id": m.to_string()})).collect::<Vec<_>>(),
    });
    if let Some(g) = guild {
        data["guild_id"] = json!(g.to_string());
    }
    Dispatch {
        event: "MESSAGE_CREATE".into(),
        data,
        guild_id: guild.map(GuildId::new),
        intents: if guild.is_some() {
            Intents::GUILD_MESSAGES
        } else {
            Intents::DIRECT_MESSAGES
        },
        only_bot: None,
    }
}

#[tokio::test(start_paused = true)]
async fn world_dispatches_follow_intents_and_message_content_rules() {
    let world = Arc::new(MemoryWorld::new());
    let bot = world.add_bot(TOKEN, BOT_ID, Intents::empty());
    let guild = GUILDS[0];
    world.add_guild(bot.user_id, guild, json!({}));
    let server = GatewayServer::start(world.clone(), server_config())
        .await
        .unwrap();
    let cfg = GatewayConfig::new(
        TOKEN,
        Intents::GUILDS | Intents::GUILD_MESSAGES | Intents::DIRECT_MESSAGES,
    )
    .url(server.url())
    .shards(Shards::all(1))
    .connector(Arc::new(server.endpoint()));
    let mut gw = Gateway::connect(cfg).await.unwrap();
    until(&mut gw, "GUILD_CREATE").await;

    let content = |f: &asyncord::gateway::DispatchFrame| -> serde_json::Value {
        serde_json::from_slice(&f.data).unwrap()
    };
    // someone else's guild message: content fields emptied
    world.publish(message(Some(guild), 5, &[]));
    let d = content(&next(&mut gw).await);
    assert_eq!(d["content"], "");
    assert_eq!(d["embeds"], json!([]));
    assert_eq!(d["attachments"], json!([]));
    assert_eq!(d["components"], json!([]));
    assert!(d.get("poll").is_none());
    // mentioning the bot, the bot's own message, and a DM keep their content
    for dispatch in [
        message(Some(guild), 5, &[BOT_ID]),
        message(Some(guild), BOT_ID, &[]),
        message(None, 5, &[]),
    ] {
        world.publish(dispatch);
        let d = content(&next(&mut gw).await);
        assert_eq!(d["content"], "secret words");
        assert_eq!(d["embeds"][0]["title"], "t");
    }
    // an event of an intent the session lacks, or of another guild, or for another bot, is not sent
    world.publish(Dispatch {
        event: "TYPING_START".into(),
        data: json!({"channel_id": "2"}),
        guild_id: Some(GuildId::new(guild)),
        intents: Intents::GUILD_MESSAGE_TYPING,
        only_bot: None,
    });
    world.publish(message(Some(GUILDS[1]), 5, &[]));
    world.publish(Dispatch {
        event: "INTERACTION_CREATE".into(),
        data: json!({"id": "1"}),
        guild_id: None,
        intents: Intents::empty(),
        only_bot: Some(UserId::new(999)),
    });
    world.publish(Dispatch {
        event: "INTERACTION_CREATE".into(),
        data: json!({"id": "2"}),
        guild_id: None,
        intents: Intents::empty(),
        only_bot: Some(bot.user_id),
    });
    let f = next(&mut gw).await;
    assert_eq!(
        (f.name.as_ref(), content(&f)["id"].as_str()),
        ("INTERACTION_CREATE", Some("2"))
    );
}
