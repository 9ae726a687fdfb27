//! The Redis backend while Redis is down for a while, then back (restarted empty, as after a
//! crash without persistence): REST requests go on, limited by each process alone, and share
//! the limits again once Redis answers; dispatches wait in the publisher and reach the workers
//! once it is back; the session is stored again. Errors name the server and what failed.
//! Skipped (with a message) without `redis-server`, unless `ASYNCORD_REQUIRE_REDIS` is set.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::dispatcher::{Dispatcher, RawEvent};
use asyncord::gateway::{Delivery, EventSink, Gateway, GatewayConfig, Shards};
use asyncord::model::Intents;
use asyncord::redis::{
    BusConfig, BusPublisher, BusWorker, Namespace, RedisLink, RedisRateLimiter, RedisSessionStore,
};
use asyncord::rest::RestClient;
use asyncord::testkit::gateway::GatewayServerConfig;
use asyncord::testkit::{Emulator, RedisServer};

const MESSAGE: &str = r#"{"id":"1","channel_id":"2","author":{"id":"7","username":"u"},"content":"x","embeds":[],"attachments":[],"mentions":[]}"#;

fn link(redis: &RedisServer) -> RedisLink {
    RedisLink::with_timeouts(
        &redis.url(),
        Duration::from_millis(500),
        Duration::from_millis(500),
    )
    .unwrap()
}

async fn eventually(what: &str, done: impl Fn() -> bool) {
    tokio::time::timeout(Duration::from_mins(2), async {
        while !done() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{what}: not in time"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rest_requests_go_on_without_redis_and_share_the_limits_again_after() {
    let Some(mut redis) = RedisServer::start_or_skip("rest_requests_go_on_without_redis...") else {
        return;
    };
    let emu = Emulator::start().await.unwrap();
    let link = link(&redis);
    let client = RestClient::builder(emu.token())
        .base_url(emu.rest_url())
        .rate_limiter(Arc::new(RedisRateLimiter::new(
            link.clone(),
            &Namespace::new("bot"),
        )))
        .build();
    let channel = emu.channel_id();
    client.channels.get(channel).await.unwrap();
    assert!(!link.is_down());

    redis.kill();
    for _ in 0..5 {
        client
            .channels
            .get(channel)
            .await
            .expect("limited locally meanwhile");
    }
    assert!(link.is_down(), "the outage is noticed");

    redis.restart().unwrap();
    let probe = redis::Client::open(redis.url()).unwrap();
    let mut conn = probe.get_multiplexed_async_connection().await.unwrap();
    tokio::time::timeout(Duration::from_mins(1), async {
        loop {
            client.channels.get(channel).await.unwrap();
            let buckets: Vec<String> = redis::cmd("KEYS")
                .arg("bot:rest:bucket:*")
                .query_async(&mut conn)
                .await
                .unwrap();
            if !buckets.is_empty() && !link.is_down() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    })
    .await
    .expect("the limiter uses Redis again once it is back");
}

#[tokio::test]
async fn errors_name_the_server_and_what_failed_never_the_password() {
    let Some(mut redis) = RedisServer::start_or_skip("errors_name_the_server...") else {
        return;
    };
    let port = redis.port();
    redis.kill();
    let link = RedisLink::with_timeouts(
        &format!("redis://:hunter2@127.0.0.1:{port}/"),
        Duration::from_millis(300),
        Duration::from_millis(300),
    )
    .unwrap();
    let store = RedisSessionStore::new(link, Namespace::new("bot"));
    let err = store.load(1, 0..1).await.unwrap_err();
    let text = err.to_string();
    assert!(err.is_unreachable(), "{text}");
    assert!(text.contains(&format!("127.0.0.1:{port}")), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
    let bad = RedisLink::open("http://127.0.0.1/")
        .unwrap_err()
        .to_string();
    assert!(bad.contains("invalid Redis URL"), "{bad}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dispatches_wait_out_an_outage_and_reach_the_workers_after() {
    let Some(mut redis) = RedisServer::start_or_skip("dispatches_wait_out_an_outage...") else {
        return;
    };
    let emu = Emulator::builder()
        .gateway_config(GatewayServerConfig {
            replay_buffer: 10_000,
            send_queue_capacity: 10_000,
            ..GatewayServerConfig::default()
        })
        .start()
        .await
        .unwrap();
    let namespace = Namespace::new("bot");
    let publisher = Arc::new(BusPublisher::start(
        link(&redis),
        namespace.clone(),
        &BusConfig::new(),
        1,
        std::collections::HashMap::default(),
        BusPublisher::everything(),
    ));
    let mut config = GatewayConfig::new(emu.token(), Intents::GUILDS | Intents::GUILD_MESSAGES)
        .url(emu.gateway_url())
        .shards(Shards::all(1));
    config.delivery = Delivery::Sink(publisher.clone() as Arc<dyn EventSink>);
    let gateway = Gateway::connect(config).await.unwrap();

    let dispatcher = Dispatcher::new();
    let handled: Arc<Mutex<Vec<u64>>> = Arc::default();
    let record = handled.clone();
    dispatcher.add_raw_handler(move |event: RawEvent, _ctx| {
        record.lock().unwrap().push(event.seq);
        async {}
    });
    let worker = BusWorker::start(
        link(&redis),
        &namespace,
        BusConfig::new().block(Duration::from_millis(200)),
        dispatcher,
    );
    emu.wait_for_sessions(1).await.unwrap();
    let first = emu
        .gateway()
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), 100))
        .unwrap();
    eventually("the first flood handled", || {
        handled.lock().unwrap().contains(&first)
    })
    .await;

    redis.kill();
    let last = emu
        .gateway()
        .flood(0, std::iter::repeat_n(("MESSAGE_CREATE", MESSAGE), 100))
        .unwrap();
    // The shard reads them; they wait in the publisher.
    eventually("the second flood queued in the publisher", || {
        publisher.queued() > 0
    })
    .await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(
        publisher.queued() > 0,
        "nothing is published while Redis is down"
    );

    redis.restart().unwrap();
    eventually("the second flood handled", || {
        handled.lock().unwrap().contains(&last)
    })
    .await;
    let seen: HashSet<u64> = handled.lock().unwrap().iter().copied().collect();
    assert!(
        (first + 1..=last).all(|s| seen.contains(&s)),
        "every dispatch of the outage reached the worker"
    );
    // The session, lost with Redis, is stored again by the next dispatch.
    let store = RedisSessionStore::new(link(&redis), namespace);
    let sessions = store.load(1, 0..1).await.unwrap();
    let session = sessions.get(&0).expect("the session is stored again");
    assert_eq!(session.sequence, last);
    assert_eq!(
        Some(session.session_id.clone()),
        emu.gateway().session_id(0)
    );

    worker.stop(Duration::from_secs(5)).await;
    gateway.handle().shutdown();
    let _ = gateway.join().await;
    publisher.finish(Duration::from_secs(5)).await;
}
