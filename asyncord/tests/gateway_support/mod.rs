//! Shared setup for the gateway tests: an in-memory world with one bot and two guilds, the
//! emulated gateway, and a client configuration wired to it.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use asyncord::gateway::{Compression, DispatchFrame, Gateway, GatewayConfig, Shards};
use asyncord::model::Intents;
use asyncord::testkit::gateway::{
    GatewayServer, GatewayServerConfig, MemoryWorld, ServerEvent, ServerEventKind,
};

pub const TOKEN: &str = "test-token";
pub const BOT_ID: u64 = 1_000;
/// Guild ids on shard 0 of 1 (any id works with one shard).
pub const GUILDS: [u64; 2] = [81_384_788_765_712_384, 81_384_788_765_712_385];

pub struct Env {
    pub world: Arc<MemoryWorld>,
    pub server: GatewayServer,
}

pub async fn setup(config: GatewayServerConfig) -> Env {
    let world = Arc::new(MemoryWorld::new());
    let bot = world.add_bot(TOKEN, BOT_ID, Intents::GUILD_MEMBERS);
    for g in GUILDS {
        world.add_guild(bot.user_id, g, serde_json::json!({}));
    }
    let server = GatewayServer::start(world.clone(), config).await.unwrap();
    Env { world, server }
}

pub fn client_config(env: &Env, compression: Compression) -> GatewayConfig {
    GatewayConfig::new(TOKEN, Intents::GUILDS | Intents::GUILD_MESSAGES)
        .url(env.server.url())
        .shards(Shards::all(1))
        .compression(compression)
        .connector(Arc::new(env.server.endpoint()))
}

/// The next dispatch, failing the test after 10 virtual minutes.
pub async fn next(gw: &mut Gateway) -> DispatchFrame {
    tokio::time::timeout(Duration::from_secs(600), gw.next_event())
        .await
        .expect("no dispatch in time")
        .expect("gateway ended")
}

/// Dispatches until one named `name` arrives (returned).
pub async fn until(gw: &mut Gateway, name: &str) -> DispatchFrame {
    loop {
        let f = next(gw).await;
        if f.name == name {
            return f;
        }
    }
}

pub fn count(events: &[ServerEvent], f: impl Fn(&ServerEventKind) -> bool) -> usize {
    events.iter().filter(|e| f(&e.kind)).count()
}

pub fn identifies(events: &[ServerEvent]) -> usize {
    count(events, |k| matches!(k, ServerEventKind::Identified { .. }))
}

pub fn resumes(events: &[ServerEvent]) -> usize {
    count(events, |k| matches!(k, ServerEventKind::Resumed { .. }))
}

/// A test server config with the rate limit on and a short heartbeat interval.
pub fn server_config() -> GatewayServerConfig {
    GatewayServerConfig {
        heartbeat_interval: Duration::from_secs(41),
        ..GatewayServerConfig::default()
    }
}
