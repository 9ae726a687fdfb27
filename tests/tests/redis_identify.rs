//! The identify queue on a real `redis-server`, in one process with two queues standing for two
//! processes: a holder that dies blocks its bucket for the 5 s lease only, and the day's
//! session-start budget is shared (the lowest count reported wins) and waited for when spent.
//! Skipped (with a message) without `redis-server`, unless `ASYNCORD_REQUIRE_REDIS` is set.

use std::time::{Duration, Instant};

use asyncord::gateway::{IDENTIFY_INTERVAL, IdentifyQueue};
use asyncord::model::gateway::SessionStartLimit;
use asyncord::redis::{Namespace, RedisIdentifyQueue, RedisLink};
use asyncord::testkit::RedisServer;

fn queue(redis: &RedisServer, max_concurrency: u32) -> RedisIdentifyQueue {
    RedisIdentifyQueue::new(
        RedisLink::open(&redis.url()).unwrap(),
        Namespace::new("bot"),
        max_concurrency,
    )
}

async fn budget(redis: &RedisServer) -> Option<i64> {
    let client = redis::Client::open(redis.url()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    redis::cmd("GET")
        .arg("bot:identify:budget")
        .query_async(&mut conn)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_dead_holder_blocks_its_bucket_for_the_lease_only() {
    let Some(redis) = RedisServer::start_or_skip("a_dead_holder_blocks_its_bucket...") else {
        return;
    };
    let first = queue(&redis, 1);
    first.acquire(0).await;
    let taken = Instant::now();
    // The process that took the lease dies before identifying.
    drop(first);
    let second = queue(&redis, 1);
    tokio::time::timeout(Duration::from_secs(30), second.acquire(3))
        .await
        .expect("the bucket is free again once the lease expired");
    assert!(
        taken.elapsed() >= IDENTIFY_INTERVAL,
        "no IDENTIFY of the bucket within 5 s of the last"
    );
}

#[tokio::test]
async fn the_session_start_budget_is_shared_and_waited_for() {
    let Some(redis) = RedisServer::start_or_skip("the_session_start_budget...") else {
        return;
    };
    let limit = |remaining, reset_after| SessionStartLimit {
        total: 10,
        remaining,
        reset_after,
        max_concurrency: 2,
    };
    let a = queue(&redis, 2)
        .with_start_limit(limit(1, 2_000))
        .await
        .unwrap();
    // Another process read the limit earlier, when more starts were left: the lower count stays.
    let b = queue(&redis, 2)
        .with_start_limit(limit(7, 2_000))
        .await
        .unwrap();
    assert_eq!(budget(&redis).await, Some(1));

    a.acquire(0).await;
    assert_eq!(budget(&redis).await, Some(0), "one start taken");
    // Bucket 1 is free, but no start is left until the reset.
    let asked = Instant::now();
    tokio::time::timeout(Duration::from_secs(30), b.acquire(1))
        .await
        .expect("the budget resets");
    assert!(
        asked.elapsed() >= Duration::from_millis(1_500),
        "no session start before the reset ({:?})",
        asked.elapsed()
    );
    assert_eq!(
        budget(&redis).await,
        Some(9),
        "a new period with the whole budget, one start taken"
    );
}
