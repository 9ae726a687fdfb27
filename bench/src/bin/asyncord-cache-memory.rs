//! Memory and cost of asyncord's cache: bytes per cached guild (settings and 20 roles), per
//! member (with its user) and per message, measured as resident-memory growth while the cache
//! fills from realistic payloads (the captured frames of
//! `asyncord-model/benches/support/payloads.rs`); and the time the cache adds to a
//! MESSAGE_CREATE in the dispatcher, against the parse every handler's event costs anyway.
//!
//! Run: `cargo run -p asyncord-bench --release --bin asyncord-cache-memory`. Linux only (reads
//! `/proc/self/status`).

#[path = "../../../asyncord-model/benches/support/payloads.rs"]
mod payloads;

use std::borrow::Cow;
use std::hint::black_box;
use std::time::{Duration, Instant};

use asyncord::dispatcher::Dispatcher;
use asyncord::gateway::DispatchFrame;
use asyncord::model::gateway::EventKind;
use asyncord::model::gateway::events::MessageCreateEvent;

use asyncord::cache::{Cache, CacheConfig};
use asyncord::model::gateway::events::Event;
use serde_json::Value;

/// Resident memory now, KiB.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn event(name: &str, d: &str) -> Event {
    Event::from_json_str(name, d).expect("payload parses")
}

/// Feeds `n` events made by `make` to `cache`, each dropped after its update (so the memory
/// that stays is what the cache keeps); returns (bytes of RSS growth per item, ns per update).
fn measure(cache: &Cache, n: usize, items: usize, make: impl Fn(usize) -> Event) -> (f64, f64) {
    // Warm the allocator with one event of the shape.
    drop(make(0));
    let before = rss_kib();
    let mut spent = std::time::Duration::ZERO;
    for i in 0..n {
        let e = make(i);
        let start = Instant::now();
        cache.update(&e);
        spent += start.elapsed();
    }
    let after = rss_kib();
    (
        (after.saturating_sub(before) * 1024) as f64 / items as f64,
        spent.as_nanos() as f64 / n as f64,
    )
}

fn main() {
    let big = CacheConfig::default()
        .max_members(1_000_000, 1_000_000)
        .max_users(1_000_000)
        .max_guilds(1_000_000);

    // Guilds: 5,000 guilds of 20 roles, no channels or members.
    let guilds = 5_000;
    let cache = Cache::new(big.clone());
    let template: Value = serde_json::from_str(&payloads::guild_create_large(0, 0)).unwrap();
    let (per_guild, guild_ns) = measure(&cache, guilds, guilds, |g| {
        let mut d = template.clone();
        d["id"] = Value::String((1_000_000 + g).to_string());
        event("GUILD_CREATE", &d.to_string())
    });
    println!(
        "guild (settings + 20 roles): {per_guild:.0} B each, {:.1} µs per GUILD_CREATE update",
        guild_ns / 1000.0
    );

    // Members: one guild with 100,000 members (each with its user), sent in chunks of 1,000.
    let members = 100_000;
    let cache = Cache::new(big.clone());
    cache.update(&event("GUILD_CREATE", &payloads::guild_create_large(0, 0)));
    let chunk: Value = serde_json::from_str(&payloads::guild_members_chunk(1_000)).unwrap();
    let guild_id = template["id"].clone();
    let (per_member, chunk_ns) = measure(&cache, members / 1_000, members, |c| {
        let mut d = chunk.clone();
        d["guild_id"] = guild_id.clone();
        for (i, m) in d["members"].as_array_mut().unwrap().iter_mut().enumerate() {
            m["user"]["id"] = Value::String((10_000_000 + c * 1_000 + i).to_string());
        }
        event("GUILD_MEMBERS_CHUNK", &d.to_string())
    });
    println!(
        "member (with its user): {per_member:.0} B each, {:.2} µs per member in a chunk",
        chunk_ns / 1000.0 / 1_000.0
    );
    assert_eq!(cache.stats().members, members);

    // Messages: 50,000 captured-shape messages (1,000 channels x 50, the defaults), through the
    // dispatcher as the gateway delivers them (a message is kept as received).
    let messages = 50_000;
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let _entered = rt.enter();
    let dispatcher = Dispatcher::new();
    let cache = Cache::new(CacheConfig::default());
    cache.attach(&dispatcher);
    let frames: Vec<String> = (0..messages)
        .map(|i| {
            let mut d: Value = serde_json::from_str(&payloads::message_create(i)).unwrap();
            d["channel_id"] = Value::String((5_000_000 + i % 1_000).to_string());
            d.to_string()
        })
        .collect();
    let received: usize = frames.iter().map(String::len).sum::<usize>() / messages;
    let before = rss_kib();
    for (i, d) in frames.iter().enumerate() {
        dispatcher.dispatch(DispatchFrame {
            shard_id: 0,
            seq: i as u64,
            kind: Some(EventKind::MessageCreate),
            name: Cow::Borrowed("MESSAGE_CREATE"),
            data: d.as_str().into(),
        });
    }
    let per_message = (rss_kib().saturating_sub(before) * 1024) as f64 / messages as f64;
    println!("message (kept as received, {received} B of JSON each): {per_message:.0} B each");
    assert_eq!(cache.stats().messages, messages);
    drop(frames);

    dispatch_cost();
}

/// The fastest of `runs` timings of `f` (the least disturbed by other load).
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// What the cache adds per MESSAGE_CREATE in the dispatcher: a dispatcher whose only consumer
/// is the cache parses the frame and updates the cache; a handler's event costs the same parse.
fn dispatch_cost() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let _entered = rt.enter();
    let n = 20_000;
    let frames: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            let mut d: Value = serde_json::from_str(&payloads::message_create(i)).unwrap();
            d["channel_id"] = Value::String((5_000_000 + i % 1_000).to_string());
            d.to_string().into_bytes()
        })
        .collect();
    let parse = best_of(7, || {
        for f in &frames {
            let bytes = f.clone();
            black_box(asyncord::model::json::from_slice::<MessageCreateEvent>(&bytes).ok());
        }
    });
    let dispatcher = Dispatcher::new();
    let cache = Cache::new(CacheConfig::default());
    cache.attach(&dispatcher);
    let with_cache = best_of(7, || {
        for (i, f) in frames.iter().enumerate() {
            dispatcher.dispatch(DispatchFrame {
                shard_id: 0,
                seq: i as u64,
                kind: Some(EventKind::MessageCreate),
                name: Cow::Borrowed("MESSAGE_CREATE"),
                data: f[..].into(),
            });
        }
    });
    let per = |d: Duration| d.as_nanos() as f64 / n as f64;
    println!(
        "MESSAGE_CREATE: parse {:.0} ns; parse + cache update in the dispatcher {:.0} ns; the cache adds {:.0} ns ({:.0}% of the parse)",
        per(parse),
        per(with_cache),
        per(with_cache) - per(parse),
        (per(with_cache) / per(parse) - 1.0) * 100.0
    );
    drop(cache);
}
