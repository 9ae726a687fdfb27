//! The bot side: a real `Gateway` feeding a real `Dispatcher`, exactly as a client group's run
//! wires them (`client_hub/run.rs`: the dispatcher's live `wants` filters frames right after the
//! envelope peek, and `dispatch` runs as the gateway's sink where the gateway delivers), plus
//! the gateway alone with no event subscribed (a gateway-to-queue service), idle shards, and
//! REST latency.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use asyncord::dispatcher::{Dispatcher, handler};
use asyncord::gateway::{Compression, EventChannel, Gateway, GatewayConfig, GatewayHandle, Shards};
use asyncord::model::Intents;
use asyncord::model::gateway::EventSet;
use asyncord::model::gateway::events::{
    InteractionCreateEvent, MessageCreateEvent, PresenceUpdateEvent, TypingStartEvent,
};

use crate::proc;
use crate::server::TOKEN;

/// The injected argument the handlers count with.
#[derive(Clone)]
pub struct Counter(pub Arc<AtomicU64>);

#[handler]
async fn on_message(event: &MessageCreateEvent, counter: Counter) {
    std::hint::black_box(&event.content);
    counter.0.fetch_add(1, Ordering::Relaxed);
}

#[handler]
async fn on_presence(event: &PresenceUpdateEvent, counter: Counter) {
    std::hint::black_box(event);
    counter.0.fetch_add(1, Ordering::Relaxed);
}

#[handler]
async fn on_typing(event: &TypingStartEvent, counter: Counter) {
    std::hint::black_box(event);
    counter.0.fetch_add(1, Ordering::Relaxed);
}

#[handler]
async fn on_interaction(event: &InteractionCreateEvent, counter: Counter) {
    std::hint::black_box(event);
    counter.0.fetch_add(1, Ordering::Relaxed);
}

/// Registers `counter` and a counting handler for each event kind of the mix.
pub fn register_all(dispatcher: &Dispatcher, counter: Counter) {
    dispatcher.add_argument("counter", counter);
    dispatcher.add_handler(on_message);
    dispatcher.add_handler(on_presence);
    dispatcher.add_handler(on_typing);
    dispatcher.add_handler(on_interaction);
}

/// What the bot subscribes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A counting handler for each kind in the mix: every event parsed and handled.
    All,
    /// One handler, on MESSAGE_CREATE (40% of the mix); the rest dropped unparsed.
    One,
    /// A dispatcher with no handler (every frame reaches it and is dropped).
    NoHandler,
    /// The gateway alone with an empty event set: frames dropped after the peek.
    Unsubscribed,
}

impl Mode {
    /// Parses a mode name.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "all" => Self::All,
            "one" => Self::One,
            "nohandler" => Self::NoHandler,
            "unsub" => Self::Unsubscribed,
            _ => return None,
        })
    }
}

/// Parses a compression name.
pub fn compression(s: &str) -> Compression {
    match s {
        "zlib" => Compression::ZlibStream,
        "none" => Compression::None,
        _ => Compression::ZstdStream,
    }
}

/// The gateway configuration; with a dispatcher, wired the way a client group wires it
/// (`client_hub/run.rs`): the dispatcher's live `wants` as the filter and `dispatch` as the sink,
/// where the gateway delivers. Without one, nothing is wanted (a gateway-to-queue service's
/// floor).
fn config(
    url: &str,
    shards: u32,
    comp: Compression,
    dispatcher: Option<&Dispatcher>,
) -> GatewayConfig {
    let mut cfg = GatewayConfig::new(TOKEN, Intents::GUILDS | Intents::GUILD_MESSAGES)
        .url(url)
        .shards(Shards::all(shards))
        .compression(comp);
    cfg = match dispatcher {
        // The dispatcher is the sink: it says which events it wants, dispatches on the reader
        // task and pushes back while too many handler calls are in flight.
        Some(d) => cfg.sink(d.clone()),
        None => cfg.channel(EventChannel::new().events(EventSet::empty(), false)),
    };
    cfg.max_concurrency = shards;
    cfg
}

fn total_seq(handle: &GatewayHandle, shards: u32) -> u64 {
    (0..shards)
        .map(|s| handle.session(s).map_or(0, |x| x.sequence))
        .sum()
}

async fn wait_sessions(handle: &GatewayHandle, shards: u32) {
    while (0..shards).any(|s| handle.session(s).is_none()) {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// One flood: returns `events/s`, CPU µs per event, peak RSS KiB, handled count.
pub async fn flood(url: &str, shards: u32, events: u64, comp: Compression, mode: Mode) -> String {
    let counter = Counter(Arc::new(AtomicU64::new(0)));
    let dispatcher = Dispatcher::new();
    dispatcher.add_argument("counter", counter.clone());
    match mode {
        Mode::All => register_all(&dispatcher, counter.clone()),
        Mode::One => {
            dispatcher.add_handler(on_message);
        }
        Mode::NoHandler | Mode::Unsubscribed => {}
    }
    dispatcher.check_arguments().expect("arguments");
    let wired = (mode != Mode::Unsubscribed).then_some(&dispatcher);
    let mut gateway = Gateway::connect(config(url, shards, comp, wired))
        .await
        .expect("connect");
    let handle = gateway.handle();
    wait_sessions(&handle, shards).await;
    // The sink takes every wanted frame; this only waits for the shards to stop.
    let consumer = tokio::spawn(async move { while gateway.next_event().await.is_some() {} });
    let base = total_seq(&handle, shards);
    // each mix entry in 20: 8 messages, 5 presences, 5 typing, 2 interactions
    let expected_handled = match mode {
        Mode::All => events,
        Mode::One => (0..events).filter(|i| i % 20 < 8).count() as u64,
        Mode::NoHandler | Mode::Unsubscribed => 0,
    };
    while total_seq(&handle, shards) == base {
        tokio::time::sleep(Duration::from_micros(100)).await;
    }
    let (start, cpu) = (Instant::now(), proc::process_cpu());
    while total_seq(&handle, shards) < base + events
        || counter.0.load(Ordering::Relaxed) < expected_handled
    {
        tokio::time::sleep(Duration::from_micros(200)).await;
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu_us = proc::process_cpu().saturating_sub(cpu).as_secs_f64() * 1e6 / events as f64;
    let peak = proc::peak_rss_kib();
    handle.shutdown();
    consumer.abort();
    format!(
        "{:.0} {cpu_us:.3} {peak} {}",
        events as f64 / secs,
        counter.0.load(Ordering::Relaxed)
    )
}

/// Idle memory: RSS growth from connecting `shards` shards (and sitting idle for 2 s).
pub async fn idle(url: &str, shards: u32, comp: Compression) -> String {
    let dispatcher = Dispatcher::new();
    let counter = Counter(Arc::new(AtomicU64::new(0)));
    dispatcher.add_argument("counter", counter);
    dispatcher.add_handler(on_message);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let before = proc::rss_kib();
    let mut gateway = Gateway::connect(config(url, shards, comp, Some(&dispatcher)))
        .await
        .expect("connect");
    let handle = gateway.handle();
    wait_sessions(&handle, shards).await;
    let consumer = tokio::spawn(async move { while gateway.next_event().await.is_some() {} });
    tokio::time::sleep(Duration::from_secs(2)).await;
    let after = proc::rss_kib();
    handle.shutdown();
    consumer.abort();
    format!("{before} {after}")
}
