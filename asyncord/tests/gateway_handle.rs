//! A gateway handle exists before its gateway connects: its commands fail with a clear error
//! until shards are attached, `wait_connected` waits for them, the same handle then reaches the
//! shards, and once they stop its commands fail again while it can be connected anew.
#![cfg(feature = "testkit")]

mod gateway_support;

use std::time::Duration;

use asyncord::gateway::{Compression, Gateway, GatewayError, GatewayHandle, ShardStatus};
use asyncord::model::GuildId;
use asyncord::model::gateway::{Presence, RequestGuildMembers, Status};
use asyncord::testkit::gateway::ServerEventKind;
use gateway_support::*;

fn presence() -> Presence {
    Presence::new(Status::Idle)
}

#[tokio::test(start_paused = true)]
async fn a_handle_before_connecting_says_so_and_waits_for_the_shards() {
    let env = setup(server_config()).await;
    let handle = GatewayHandle::new();

    // Before connecting: clear errors, empty read-outs, nothing panics.
    assert!(!handle.is_running());
    assert!(matches!(
        handle.update_presence(presence()).await,
        Err(GatewayError::NotConnected)
    ));
    assert!(matches!(
        handle
            .request_guild_members(&RequestGuildMembers::query(GuildId::new(GUILDS[0]), "", 0))
            .await,
        Err(GatewayError::NotConnected)
    ));
    assert!(matches!(
        handle
            .request_soundboard_sounds(&[GuildId::new(GUILDS[0])])
            .await,
        Err(GatewayError::NotConnected)
    ));
    assert_eq!(handle.shard_count(), 0);
    assert!(handle.shard_ids().is_empty() && handle.shards().is_empty());
    assert!(handle.info(0).is_none() && handle.sessions().is_empty());
    let text = GatewayError::NotConnected.to_string();
    assert!(text.contains("not connected"), "{text}");

    // wait_connected started before connecting waits for the shards, however long.
    let waiting = tokio::spawn({
        let handle = handle.clone();
        async move { handle.wait_connected().await }
    });
    tokio::time::sleep(Duration::from_secs(3600)).await;
    assert!(!waiting.is_finished(), "resolved with nothing connected");

    let gw = Gateway::connect_with_handle(client_config(&env, Compression::ZstdStream), &handle)
        .await
        .unwrap();
    tokio::time::timeout(Duration::from_secs(60), waiting)
        .await
        .expect("wait_connected resolved once the shard connected")
        .unwrap();
    assert!(handle.is_running());
    assert_eq!(handle.shard_ids(), [0]);
    assert_eq!(handle.info(0).unwrap().status, ShardStatus::Connected);
    assert_eq!(
        gw.handle().shard_ids(),
        [0],
        "the gateway's handle is the same one"
    );

    // The handle made before connecting now reaches the shard.
    handle.update_presence(presence()).await.unwrap();
    env.server
        .wait_for(|ev| count(ev, |k| matches!(k, ServerEventKind::Command { op: 3, .. })) == 1)
        .await;

    // A second gateway cannot take a handle whose shards run.
    let again = Gateway::connect_with_handle(client_config(&env, Compression::None), &handle).await;
    assert!(matches!(again, Err(GatewayError::AlreadyConnected)));
    assert_eq!(env.server.connection_count(), 1);

    // Once every shard stopped, commands fail clearly again; the final state stays readable.
    handle.shutdown();
    let results = gw.join().await;
    assert!(results.iter().all(|(_, r)| r.is_ok()));
    assert!(!handle.is_running());
    assert!(matches!(
        handle.update_presence(presence()).await,
        Err(GatewayError::NotConnected)
    ));
    assert_eq!(handle.info(0).unwrap().status, ShardStatus::Stopped(None));

    // ... and the same handle connects again.
    let gw = Gateway::connect_with_handle(client_config(&env, Compression::ZstdStream), &handle)
        .await
        .unwrap();
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .expect("connected again");
    handle.update_presence(presence()).await.unwrap();
    handle.shutdown();
    gw.join().await;
}
