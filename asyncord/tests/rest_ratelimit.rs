//! Rate limiting on tokio's paused clock, through the emulator's in-memory transport: shared
//! buckets, Discord's order, the global limit, each 429 scope, the retry bound, 5xx retries and
//! the 401 stop.

#[path = "rest_common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::Duration;

use asyncord::http::{InMemoryRateLimiter, RateLimitScope, RateLimiter, RestError, Route};
use asyncord::model::Snowflake;
use asyncord::model::request::{CreateMessage, EditMessage};
use asyncord::model::route;
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{
    BucketDef, Fault, FaultRule, RecordedRequest, RestConfig, RestServer,
};
use common::in_memory;
use futures_util::future::join_all;
use tokio::time::Instant;

fn shared_bucket_config(limit: u32) -> RestConfig {
    RestConfig::default().buckets(vec![BucketDef::new(
        "0a1b2c3d4e5f",
        limit,
        Duration::from_secs(1),
        &[
            "POST channels/{}/messages",
            "PATCH channels/{}/messages/{}",
            "POST channels/{}/typing",
        ],
    )])
}

fn secs(s: u64) -> Duration {
    Duration::from_secs(s)
}

fn ms(ms: u64) -> Duration {
    Duration::from_millis(ms)
}

/// The time between each recorded request and the one before it.
fn gaps(server: &RestServer) -> Vec<Duration> {
    let reqs = server.requests();
    reqs.windows(2).map(|w| w[1].at - w[0].at).collect()
}

fn statuses(server: &RestServer) -> Vec<u16> {
    server.requests().iter().map(|r| r.status).collect()
}

/// The largest number of requests inside any window of one second.
fn max_per_second(reqs: &[RecordedRequest]) -> usize {
    reqs.iter()
        .map(|a| {
            reqs.iter()
                .filter(|b| b.at >= a.at && b.at - a.at < Duration::from_secs(1))
                .count()
        })
        .max()
        .unwrap_or(0)
}

#[tokio::test(start_paused = true)]
async fn burst_of_200_over_a_shared_bucket_has_no_429_and_keeps_order() {
    let (server, client, seed, _world) = in_memory(shared_bucket_config(5));
    let messages = client.channels.messages(seed.channel_id);
    // Learn the bucket of each route once (Discord names it in the first response).
    let target = messages
        .create(CreateMessage::content("target"))
        .await
        .unwrap()
        .id;
    messages
        .edit(target, EditMessage::new().content(Some("warm")))
        .await
        .unwrap();
    client.channels.typing(seed.channel_id).await.unwrap();
    server.clear_requests();

    let calls = (0..200).map(|i| {
        let messages = messages.clone();
        let client = client.clone();
        async move {
            match i % 3 {
                0 => messages
                    .create(CreateMessage::content(format!("#{i}")))
                    .await
                    .map(drop),
                1 => messages
                    .edit(target, EditMessage::new().content(Some(format!("#{i}"))))
                    .await
                    .map(drop),
                _ => client.channels.typing(seed.channel_id).await,
            }
        }
    });
    for r in join_all(calls).await {
        r.unwrap();
    }

    let reqs = server.requests();
    assert_eq!(reqs.len(), 200);
    assert!(
        reqs.iter().all(|r| r.status != 429),
        "429s: {:?}",
        statuses(&server)
    );
    // The warm-up used 3 of the first window's 5 requests: 2 more go at once, then 5 at each
    // reset, one second apart: request `i` goes exactly `(i + 3) / 5` seconds after the first.
    for (i, r) in reqs.iter().enumerate() {
        assert_eq!(
            r.at - reqs[0].at,
            secs((i as u64 + 3) / 5),
            "request {i} sent at the wrong time"
        );
    }
    for (i, r) in reqs.iter().enumerate() {
        match i % 3 {
            0 | 1 => assert_eq!(
                r.json().unwrap()["content"],
                format!("#{i}"),
                "request {i} out of order"
            ),
            _ => assert!(
                r.path.ends_with("/typing"),
                "request {i} out of order: {}",
                r.path
            ),
        }
    }
    assert_eq!(max_per_second(&reqs), 5);
}

#[tokio::test(start_paused = true)]
async fn global_limit_is_never_exceeded_in_any_one_second_window() {
    let config = RestConfig::default()
        .buckets(vec![])
        .default_limit(1000, Duration::from_secs(1))
        .global_limit(50);
    let (server, client, seed, world) = in_memory(config);
    // 300 requests on 30 channels: separate buckets, so only the global limit applies.
    let channels: Vec<_> = (0..30)
        .map(|i| world.add_channel(seed.guild_id, &format!("c{i}"), 0))
        .collect();
    server.clear_requests();
    let start = Instant::now();
    let calls = (0..300).map(|i| {
        let client = client.clone();
        let channel = channels[i % channels.len()];
        async move { client.channels.get(channel).await.map(drop) }
    });
    for r in join_all(calls).await {
        r.unwrap();
    }
    let reqs = server.requests();
    assert_eq!(reqs.len(), 300);
    assert!(reqs.iter().all(|r| r.status == 200));
    assert_eq!(max_per_second(&reqs), 50);
    // 50 at once, then 50 more each time the first of the last 50 is a second old: six
    // groups exactly one second apart, none early, none late.
    for second in 0..6 {
        let at = start + secs(second);
        let sent = reqs.iter().filter(|r| r.at == at).count();
        assert_eq!(sent, 50, "{sent} requests at {second} s");
    }
}

#[tokio::test(start_paused = true)]
async fn interaction_callbacks_are_exempt_from_the_global_limit() {
    let config = RestConfig::default().global_limit(0);
    let (world, seed) = asyncord::testkit::rest::World::seeded();
    let server = RestServer::in_memory(world.clone(), config);
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .transport(Arc::new(server.endpoint()))
        .global_limit(2)
        .build();
    let interactions: Vec<_> = (0..10)
        .map(|_| {
            world
                .add_interaction(
                    &seed.bot,
                    seed.channel_id,
                    seed.user_id,
                    &serde_json::json!({"name": "x"}),
                )
                .unwrap()
        })
        .collect();
    let start = Instant::now();
    let calls = interactions.iter().map(|(id, token)| {
        let client = client.clone();
        async move {
            client
                .interactions
                .respond(
                    *id,
                    token,
                    asyncord::model::interaction::InteractionResponse::message("ok"),
                )
                .await
        }
    });
    for r in join_all(calls).await {
        r.unwrap();
    }
    let reqs = server.requests();
    assert_eq!(reqs.len(), 10);
    // All ten went out at once although the global limit is 2 per second.
    assert!(reqs.iter().all(|r| r.at == start), "a callback waited");
    assert_eq!(Instant::now(), start);
    assert!(reqs.iter().all(|r| r.header("authorization").is_none()));
}

#[tokio::test(start_paused = true)]
async fn user_scope_429_is_retried_after_retry_after() {
    let (server, client, seed, _w) = in_memory(RestConfig::default());
    server.inject(
        FaultRule::new(Fault::RateLimited {
            scope: RateLimitScope::User,
            retry_after: Duration::from_secs(2),
        })
        .on("GET channels/{}"),
    );
    client.channels.get(seed.channel_id).await.unwrap();
    let reqs = server.requests();
    assert_eq!(statuses(&server), vec![429, 200]);
    assert_eq!(reqs[1].at - reqs[0].at, secs(2));
    assert_eq!(client.http().invalid_request_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn shared_scope_429_is_retried_and_not_counted_as_invalid() {
    let (server, client, seed, _w) = in_memory(RestConfig::default());
    server.inject(FaultRule::new(Fault::RateLimited {
        scope: RateLimitScope::Shared,
        retry_after: Duration::from_millis(1500),
    }));
    client.channels.get(seed.channel_id).await.unwrap();
    let reqs = server.requests();
    assert_eq!(statuses(&server), vec![429, 200]);
    assert_eq!(reqs[1].at - reqs[0].at, Duration::from_millis(1500));
    assert_eq!(client.http().invalid_request_count(), 0);
}

#[tokio::test(start_paused = true)]
async fn global_scope_429_blocks_every_route() {
    let (server, client, seed, world) = in_memory(RestConfig::default());
    let other = world.add_channel(seed.guild_id, "other", 0);
    server.clear_requests();
    server.inject(
        FaultRule::new(Fault::RateLimited {
            scope: RateLimitScope::Global,
            retry_after: Duration::from_secs(3),
        })
        .on("GET channels/{}"),
    );
    let first = {
        let client = client.clone();
        tokio::spawn(async move { client.channels.get(seed.channel_id).await })
    };
    while server.requests().is_empty() {
        tokio::task::yield_now().await;
    }
    let limited_at = server.requests()[0].at;
    // A different route and channel: a separate bucket, but the global block applies.
    client
        .channels
        .messages(other)
        .list(asyncord::rest::ListMessages::new())
        .await
        .unwrap();
    first.await.unwrap().unwrap();
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[0].status, 429);
    // Both the other route and the retry go exactly when the global block ends.
    for r in &reqs[1..] {
        assert_eq!(r.at - limited_at, secs(3), "{} {}", r.method, r.path);
    }
}

#[tokio::test(start_paused = true)]
async fn retries_stop_at_the_bound() {
    let (world, seed) = asyncord::testkit::rest::World::seeded();
    let server = RestServer::in_memory(world, RestConfig::default());
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .transport(Arc::new(server.endpoint()))
        .max_retries(2)
        .build();
    server.inject(
        FaultRule::new(Fault::RateLimited {
            scope: RateLimitScope::User,
            retry_after: Duration::from_millis(100),
        })
        .times(10),
    );
    let start = Instant::now();
    let err = client.channels.get(seed.channel_id).await.unwrap_err();
    // Each retry waits exactly `retry_after`; the last 429 is returned at once.
    assert_eq!(Instant::now() - start, Duration::from_millis(200));
    match err {
        RestError::RateLimited {
            attempts, scope, ..
        } => {
            assert_eq!(attempts, 3);
            assert_eq!(scope, RateLimitScope::User);
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    let reqs = server.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(reqs[1].at - reqs[0].at, Duration::from_millis(100));
    assert_eq!(reqs[2].at - reqs[1].at, Duration::from_millis(100));
}

#[tokio::test(start_paused = true)]
async fn server_errors_are_retried_only_for_idempotent_methods() {
    let (server, client, seed, _w) = in_memory(RestConfig::default());
    server.inject(
        FaultRule::new(Fault::ServerError(502))
            .on("GET channels/{}")
            .times(2),
    );
    let channel = client.channels.get(seed.channel_id).await.unwrap();
    assert_eq!(channel.id, seed.channel_id);
    assert_eq!(statuses(&server), vec![502, 502, 200]);
    // Backoff 500 ms, then doubled.
    assert_eq!(gaps(&server), vec![ms(500), ms(1000)]);

    server.clear_requests();
    server.inject(FaultRule::new(Fault::ServerError(500)).on("POST channels/{}/messages"));
    let err = client
        .channels
        .messages(seed.channel_id)
        .create(CreateMessage::content("x"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            RestError::Server {
                status: 500,
                attempts: 1,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(server.requests().len(), 1);

    server.clear_requests();
    server.inject(
        FaultRule::new(Fault::ServerError(503))
            .on("GET channels/{}")
            .times(10),
    );
    let start = Instant::now();
    let err = client.channels.get(seed.channel_id).await.unwrap_err();
    assert!(
        matches!(
            err,
            RestError::Server {
                status: 503,
                attempts: 4,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(gaps(&server), vec![ms(500), ms(1000), ms(2000)]);
    // No wait after the last attempt.
    assert_eq!(Instant::now() - start, ms(3500));
}

#[tokio::test(start_paused = true)]
async fn remaining_zero_waits_for_the_reset_instead_of_a_429() {
    let config = RestConfig::default().buckets(vec![BucketDef::new(
        "slow",
        2,
        Duration::from_secs(10),
        &["GET channels/{}"],
    )]);
    let (server, client, seed, _w) = in_memory(config);
    for _ in 0..5 {
        client.channels.get(seed.channel_id).await.unwrap();
    }
    let reqs = server.requests();
    assert!(
        reqs.iter().all(|r| r.status == 200),
        "{:?}",
        statuses(&server)
    );
    // Two per window, each next window exactly when the last one reset.
    assert_eq!(gaps(&server), vec![secs(0), secs(10), secs(0), secs(10)]);
}

#[tokio::test(start_paused = true)]
async fn unauthorized_stops_the_token() {
    let (world, seed) = asyncord::testkit::rest::World::seeded();
    let server = RestServer::in_memory(world, RestConfig::default());
    let client = RestClient::builder("not-a-valid-token")
        .base_url(server.url())
        .transport(Arc::new(server.endpoint()))
        .build();
    let err = client.channels.get(seed.channel_id).await.unwrap_err();
    assert!(matches!(err, RestError::Unauthorized(_)), "{err:?}");
    assert!(client.http().is_token_invalidated());
    let err = client.users.me().await.unwrap_err();
    assert!(matches!(err, RestError::TokenInvalidated), "{err:?}");
    assert!(err.to_string().contains("401"));
    assert_eq!(server.requests().len(), 1, "nothing is sent after the 401");
    assert_eq!(client.http().invalid_request_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn pruning_idle_buckets_keeps_an_exhausted_one() {
    let config = RestConfig::default().buckets(vec![BucketDef::new(
        "slow",
        2,
        Duration::from_secs(10),
        &["GET channels/{}"],
    )]);
    let (world, seed) = asyncord::testkit::rest::World::seeded();
    let server = RestServer::in_memory(world, config);
    let limiter = InMemoryRateLimiter::with_global_limit(0);
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .transport(Arc::new(server.endpoint()))
        .rate_limiter(Arc::new(limiter.clone()))
        .build();
    // Two requests exhaust the bucket for ten seconds.
    for _ in 0..2 {
        client.channels.get(seed.channel_id).await.unwrap();
    }
    let exhausted_at = server.requests()[0].at;
    // More buckets than the limiter keeps before it prunes: the pruner runs.
    for channel in 1..=10_001_u64 {
        let route = Route::new(&route::GET_CHANNEL, [&Snowflake::new(1_000_000 + channel)]);
        drop(limiter.acquire(&route).await);
    }
    assert_eq!(Instant::now(), exhausted_at, "idle buckets cost no time");
    client.channels.get(seed.channel_id).await.unwrap();
    assert_eq!(
        statuses(&server),
        vec![200, 200, 200],
        "the pruner forgot the limit"
    );
    assert_eq!(gaps(&server), vec![secs(0), secs(10)]);
}
