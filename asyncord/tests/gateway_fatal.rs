//! Fatal close codes (4004, 4010-4014) stop the shard with an error that says what to fix, and
//! the shard never connects again.

mod gateway_support;

use std::sync::Arc;
use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, GatewayConfig, GatewayError, ShardStatus, Shards};
use asyncord::model::Intents;
use asyncord::testkit::gateway::GatewayServerConfig;
use gateway_support::*;

/// Runs a client until its shard stops; checks the error and that only one connection was made.
async fn stops_with(
    env: &Env,
    config: GatewayConfig,
    trigger: impl FnOnce(&Env),
    check: fn(&GatewayError) -> bool,
) {
    let mut gw = Gateway::connect(config).await.unwrap();
    let handle = gw.handle();
    trigger(env);
    // drain until the shard stops (the channel closes)
    while tokio::time::timeout(Duration::from_secs(600), gw.next_event())
        .await
        .expect("the shard should stop")
        .is_some()
    {}
    let results = gw.join().await;
    assert_eq!(results.len(), 1);
    let err = results[0]
        .1
        .as_ref()
        .expect_err("a fatal close must stop the shard");
    assert!(check(err), "unexpected error: {err}");
    assert!(err.close_code().is_some());
    assert!(matches!(
        handle.info(0).unwrap().status,
        ShardStatus::Stopped(Some(_))
    ));
    // no second connection attempt, however long we wait
    tokio::time::sleep(Duration::from_secs(3600)).await;
    assert_eq!(env.server.connection_count(), 1);
}

#[tokio::test(start_paused = true)]
async fn bad_token_4004() {
    let env = setup(server_config()).await;
    let mut cfg = client_config(&env, Compression::ZstdStream);
    cfg = GatewayConfig::new("wrong-token", cfg.intents)
        .url(env.server.url())
        .shards(Shards::all(1))
        .connector(Arc::new(env.server.endpoint()));
    stops_with(
        &env,
        cfg,
        |_| {},
        |e| matches!(e, GatewayError::AuthenticationFailed),
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn privileged_intent_not_granted_4014() {
    let env = setup(server_config()).await;
    let mut cfg = client_config(&env, Compression::ZlibStream);
    cfg.intents |= Intents::GUILD_PRESENCES;
    stops_with(
        &env,
        cfg,
        |_| {},
        |e| {
            matches!(e, GatewayError::DisallowedIntents)
                && e.to_string().contains("developer portal")
        },
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn unknown_intent_bits_4013() {
    let env = setup(server_config()).await;
    let mut cfg = client_config(&env, Compression::None);
    cfg.intents = Intents::GUILDS | Intents::from_bits_retain(1 << 40);
    stops_with(
        &env,
        cfg,
        |_| {},
        |e| matches!(e, GatewayError::InvalidIntents),
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn too_many_guilds_for_one_shard_4011() {
    let env = setup(GatewayServerConfig {
        max_guilds_per_shard: 1,
        ..server_config()
    })
    .await;
    let cfg = client_config(&env, Compression::ZstdStream);
    stops_with(
        &env,
        cfg,
        |_| {},
        |e| matches!(e, GatewayError::ShardingRequired),
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn every_fatal_code_sent_mid_session_stops_the_shard() {
    for code in [4004_u16, 4010, 4011, 4012, 4013, 4014] {
        let env = setup(server_config()).await;
        let mut gw = Gateway::connect(client_config(&env, Compression::ZstdStream))
            .await
            .unwrap();
        until(&mut gw, "GUILD_CREATE").await;
        env.server.close(0, code);
        while tokio::time::timeout(Duration::from_secs(600), gw.next_event())
            .await
            .expect("the shard should stop")
            .is_some()
        {}
        let results = gw.join().await;
        let err = results[0].1.as_ref().expect_err("fatal");
        assert_eq!(err.close_code(), Some(code));
        assert_eq!(
            GatewayError::from_close_code(code).map(|e| e.to_string()),
            Some(err.to_string())
        );
        tokio::time::sleep(Duration::from_secs(3600)).await;
        assert_eq!(env.server.connection_count(), 1, "{code}");
    }
}
