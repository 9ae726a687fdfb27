//! The emulator side, run in its own process so the bot's CPU and memory figures are the bot's
//! alone: a gateway server that floods the connected shards with the traffic mix, and a REST
//! server.
//!
//! Protocol with the orchestrator: the server prints one line (its URL, and for REST the token
//! and a channel id), then runs until its stdin closes.

use std::io::{BufRead, Write};
use std::sync::Arc;
use std::time::Duration;

use asyncord::model::Intents;
use asyncord::testkit::gateway::{GatewayServer, GatewayServerConfig, MemoryWorld};
use asyncord::testkit::rest::{RestConfig, RestServer, World};

use crate::payloads;

/// The bot's token on the emulated gateway.
pub const TOKEN: &str = "bench-token";

/// Exits the process when the orchestrator closes our stdin.
fn exit_on_stdin_close() {
    std::thread::spawn(|| {
        let mut line = String::new();
        while std::io::stdin().lock().read_line(&mut line).unwrap_or(0) > 0 {
            line.clear();
        }
        std::process::exit(0);
    });
}

fn announce(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// Gateway role: `shards` shards; once all are connected, `events` dispatches of the mix,
/// spread round-robin over the shards.
pub async fn gateway(shards: u32, events: usize) {
    exit_on_stdin_close();
    let world = Arc::new(MemoryWorld::new());
    world.add_bot(TOKEN, 1, Intents::empty());
    let server = GatewayServer::start(
        world,
        GatewayServerConfig {
            shards,
            max_concurrency: shards,
            // nothing is replayed in a flood; keeping copies would only cost the server memory
            replay_buffer: 0,
            rate_limit: false,
            ..GatewayServerConfig::default()
        },
    )
    .await
    .expect("gateway server");
    announce(&server.url());
    if events == 0 {
        std::future::pending::<()>().await;
    }
    while !(0..shards).all(|s| server.is_connected(s)) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // let the bot finish its start-up (READY handling) before the flood
    tokio::time::sleep(Duration::from_millis(300)).await;
    let variants = payloads::mix(2_000);
    let mut sent = 0;
    while sent < events {
        let batch = (events - sent).min(1_000);
        for s in 0..shards {
            let mine = (sent..sent + batch).filter(|i| i % shards as usize == s as usize);
            server.flood(
                s,
                mine.map(|i| {
                    let (t, d) = &variants[i % variants.len()];
                    (*t, d.as_str())
                }),
            );
        }
        sent += batch;
        // the connection writers compress on this runtime's other thread meanwhile
        tokio::task::yield_now().await;
    }
    std::future::pending::<()>().await;
}

/// REST role: the seeded world with limits raised so nothing waits.
pub async fn rest() {
    exit_on_stdin_close();
    let (world, seed) = World::seeded();
    let config = RestConfig::default()
        .buckets(vec![])
        .default_limit(u32::MAX, Duration::from_secs(1))
        .global_limit(0);
    let server = RestServer::start_with(world, config)
        .await
        .expect("rest server");
    server.set_recording(false);
    announce(&format!(
        "{} {} {}",
        server.url(),
        seed.bot.token,
        seed.channel_id.get()
    ));
    std::future::pending::<()>().await;
}
