//! Sharding: identify pacing by `max_concurrency` buckets, a shard range per process, the shard
//! count and URL from `GET /gateway/bot`, and dispatch routing by guild.

mod gateway_support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, GatewayConfig, IDENTIFY_INTERVAL, Shards};
use asyncord::model::{GuildId, Intents};
use asyncord::testkit::Dispatch;
use asyncord::testkit::gateway::{
    GatewayServer, GatewayServerConfig, MemoryWorld, ServerEventKind,
};
use gateway_support::*;
use serde_json::json;

#[tokio::test(start_paused = true)]
async fn sixteen_shards_identify_four_per_five_seconds_by_bucket() {
    // the emulator answers an identify that comes too soon for its bucket with op 9
    let env = setup(GatewayServerConfig {
        max_concurrency: 4,
        ..server_config()
    })
    .await;
    let mut cfg = client_config(&env, Compression::ZstdStream).shards(Shards::all(16));
    cfg.max_concurrency = 4;
    let mut gw = Gateway::connect(cfg).await.unwrap();
    env.server.wait_for(|ev| identifies(ev) == 16).await;
    let identified: Vec<(tokio::time::Instant, u32)> = env
        .server
        .events()
        .into_iter()
        .filter_map(|e| match e.kind {
            ServerEventKind::Identified { shard, .. } => Some((e.at, shard[0])),
            _ => None,
        })
        .collect();
    let mut by_bucket: BTreeMap<u32, Vec<(tokio::time::Instant, u32)>> = BTreeMap::new();
    for &(at, shard) in &identified {
        by_bucket.entry(shard % 4).or_default().push((at, shard));
    }
    assert_eq!(by_bucket.len(), 4);
    for (bucket, list) in &by_bucket {
        assert_eq!(list.len(), 4, "bucket {bucket}");
        // in order of shard id, one per 5 s
        let shards: Vec<u32> = list.iter().map(|(_, s)| *s).collect();
        assert_eq!(shards, vec![*bucket, bucket + 4, bucket + 8, bucket + 12]);
        for pair in list.windows(2) {
            assert!(
                pair[1].0 - pair[0].0 >= IDENTIFY_INTERVAL,
                "bucket {bucket}"
            );
        }
    }
    // never more than max_concurrency identifies within any 5 s window
    for &(start, _) in &identified {
        let in_window = identified
            .iter()
            .filter(|(at, _)| *at >= start && *at - start < IDENTIFY_INTERVAL)
            .count();
        assert!(in_window <= 4);
    }
    assert_eq!(
        count(&env.server.events(), |k| matches!(
            k,
            ServerEventKind::IdentifyTooFast { .. }
        )),
        0
    );
    // every shard got its READY
    let mut ready = std::collections::BTreeSet::new();
    while ready.len() < 16 {
        let f = next(&mut gw).await;
        if f.name == "READY" {
            ready.insert(f.shard_id);
        }
    }
}

fn guild_on_shard(shard: u64, count: u64, n: u64) -> u64 {
    // (id >> 22) % count == shard
    ((n * count + shard) << 22) | 7
}

#[tokio::test(start_paused = true)]
async fn a_process_runs_its_shard_range_and_gets_its_guilds_events() {
    let world = Arc::new(MemoryWorld::new());
    let bot = world.add_bot(TOKEN, BOT_ID, Intents::empty());
    let g1 = guild_on_shard(1, 4, 3);
    let g3 = guild_on_shard(3, 4, 5);
    world.add_guild(bot.user_id, g1, json!({}));
    world.add_guild(bot.user_id, g3, json!({}));
    let server = GatewayServer::start(world.clone(), server_config())
        .await
        .unwrap();
    let cfg = GatewayConfig::new(TOKEN, Intents::GUILDS | Intents::GUILD_MESSAGES)
        .url(server.url())
        .shards(Shards::Fixed {
            count: 4,
            range: 2..4,
        })
        .connector(Arc::new(server.endpoint()));
    let mut gw = Gateway::connect(cfg).await.unwrap();
    assert_eq!(gw.handle().shard_ids(), vec![2, 3]);
    assert_eq!(gw.handle().shard_for_guild(GuildId::new(g3)), 3);
    // shard 3 gets g3's GUILD_CREATE, shard 2 none
    let mut ready = 0;
    let guild_create = loop {
        let f = next(&mut gw).await;
        match f.name.as_ref() {
            "READY" => ready += 1,
            "GUILD_CREATE" => break f,
            other => panic!("unexpected {other}"),
        }
    };
    assert_eq!(guild_create.shard_id, 3);
    let shards: Vec<[u32; 2]> = server
        .events()
        .into_iter()
        .filter_map(|e| match e.kind {
            ServerEventKind::Identified { shard, .. } => Some(shard),
            _ => None,
        })
        .collect();
    assert_eq!(shards.len(), 2);
    assert!(shards.contains(&[2, 4]) && shards.contains(&[3, 4]));
    if ready < 2 {
        until(&mut gw, "READY").await;
    }
    // a message in g3 published by the world reaches shard 3 only; one in g1 (another
    // process's shard) reaches nobody here
    for (g, content) in [(g1, "elsewhere"), (g3, "here")] {
        world.publish(Dispatch {
            event: "MESSAGE_CREATE".into(),
            data: json!({"id": "1", "guild_id": g.to_string(), "channel_id": "2", "content": content, "author": {"id": "5"}, "mentions": []}),
            guild_id: Some(GuildId::new(g)),
            intents: Intents::GUILD_MESSAGES,
            only_bot: None,
        });
    }
    let f = until(&mut gw, "MESSAGE_CREATE").await;
    assert_eq!(f.shard_id, 3);
    let d: serde_json::Value = serde_json::from_slice(&f.data).unwrap();
    assert_eq!(d["guild_id"], g3.to_string());
    assert!(
        tokio::time::timeout(Duration::from_secs(60), gw.next_event())
            .await
            .is_err()
    );
}

/// Real loopback TCP on the real clock (short heartbeat interval): the shard count and URL come
/// from `GET /gateway/bot`.
#[tokio::test]
async fn shard_count_and_url_from_gateway_bot_over_tcp() {
    let world = Arc::new(MemoryWorld::new());
    let bot = world.add_bot(TOKEN, BOT_ID, Intents::empty());
    world.add_guild(bot.user_id, guild_on_shard(1, 2, 1), json!({}));
    let server = GatewayServer::start(
        world,
        GatewayServerConfig {
            heartbeat_interval: Duration::from_millis(300),
            shards: 2,
            max_concurrency: 2,
            ..GatewayServerConfig::default()
        },
    )
    .await
    .unwrap();
    let mut cfg = GatewayConfig::new(TOKEN, Intents::GUILDS).compression(Compression::ZstdStream);
    cfg.api_base = server.api_base();
    let mut gw = Gateway::connect(cfg).await.unwrap();
    assert_eq!(gw.handle().shard_ids(), vec![0, 1]);
    let mut ready = std::collections::BTreeSet::new();
    let mut guild_creates = 0;
    tokio::time::timeout(Duration::from_secs(20), async {
        while ready.len() < 2 || guild_creates < 1 {
            let f = gw.next_event().await.unwrap();
            match f.name.as_ref() {
                "READY" => {
                    ready.insert(f.shard_id);
                }
                "GUILD_CREATE" => {
                    assert_eq!(f.shard_id, 1);
                    guild_creates += 1;
                }
                _ => {}
            }
        }
    })
    .await
    .expect("both shards ready over TCP");
    // heartbeats flow on the real clock
    tokio::time::timeout(
        Duration::from_secs(20),
        server.wait_for(|ev| count(ev, |k| matches!(k, ServerEventKind::Heartbeat { .. })) >= 4),
    )
    .await
    .unwrap();
    assert!(gw.handle().latency(0).is_some() || gw.handle().latency(1).is_some());
    let sessions = gw.shutdown().await;
    assert_eq!(sessions.len(), 2);

    // a bad token is refused by GET /gateway/bot with a typed error
    let mut cfg = GatewayConfig::new("nope", Intents::GUILDS);
    cfg.api_base = server.api_base();
    let err = Gateway::connect(cfg).await.unwrap_err();
    assert!(matches!(
        err,
        asyncord::gateway::GatewayError::AuthenticationFailed
    ));
}

/// An identify queue that never waits (a broken multi-process queue, say).
struct NoQueue;

impl asyncord::gateway::IdentifyQueue for NoQueue {
    fn acquire(
        &self,
        _shard_id: u32,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send + '_>> {
        Box::pin(async {})
    }
}

#[tokio::test(start_paused = true)]
async fn identifying_too_fast_gets_op_9_and_the_shard_retries() {
    let env = setup(server_config()).await;
    let cfg = client_config(&env, Compression::ZstdStream)
        .shards(Shards::all(2))
        .identify_queue(Arc::new(NoQueue));
    let mut gw = Gateway::connect(cfg).await.unwrap();
    let mut ready = std::collections::BTreeSet::new();
    while ready.len() < 2 {
        let f = next(&mut gw).await;
        if f.name == "READY" {
            ready.insert(f.shard_id);
        }
    }
    let events = env.server.events();
    assert!(
        count(&events, |k| matches!(
            k,
            ServerEventKind::IdentifyTooFast { .. }
        )) >= 1
    );
    let times: Vec<_> = events
        .iter()
        .filter(|e| matches!(e.kind, ServerEventKind::Identified { .. }))
        .map(|e| e.at)
        .collect();
    assert_eq!(times.len(), 2);
    assert!(times[1] - times[0] >= IDENTIFY_INTERVAL);
}
