//! Rate limiting on tokio's paused clock, through the emulator's in-memory transport: shared
//! buckets, Discord's order, the global limit, each 429 scope, the retry bound, 5xx retries and
//! the 401 stop.

#[path = "rest_common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::Duration;

use asyncord::http::{RateLimitScope, RestError};
use asyncord::model::request::{CreateMessage, EditMessage};
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{
    BucketDef, Fault, FaultRule, RecordedRequest, RestConfig, RestServer,
};
use common::in_memory;
use futures_util::future::join_all;

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
    assert!(max_per_second(&reqs) <= 5);
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
    assert!(
        max_per_second(&reqs) <= 50,
        "{} in one second",
        max_per_second(&reqs)
    );
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
    // All ten went out in the same second although the global limit is 2 per second.
    assert_eq!(max_per_second(&reqs), 10);
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
    assert!(reqs[1].at - reqs[0].at >= Duration::from_secs(2));
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
    assert!(reqs[1].at - reqs[0].at >= Duration::from_millis(1500));
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
    assert_eq!(reqs[0].status, 429);
    assert!(
        reqs[1..]
            .iter()
            .all(|r| r.at - limited_at >= Duration::from_secs(3))
    );
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
    let err = client.channels.get(seed.channel_id).await.unwrap_err();
    match err {
        RestError::RateLimited {
            attempts, scope, ..
        } => {
            assert_eq!(attempts, 3);
            assert_eq!(scope, RateLimitScope::User);
        }
        other => panic!("expected RateLimited, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 3);
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
    assert!(reqs[2].at - reqs[0].at >= Duration::from_secs(10));
    assert!(reqs[4].at - reqs[2].at >= Duration::from_secs(10));
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
