//! The user path with the cache on, handlers taking their events by reference: the same bot as
//! `asyncord-user-cache`, except that each `#[handler]` takes `&Event`. The cache keeps the
//! parsed event it shares with the handlers, so a handler that takes its event by value gets a
//! clone; by reference it shares the cache's. The ratio to `asyncord-user-cache` is what that
//! clone costs.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use asyncord::gateway::Shards;
use asyncord::prelude::*;
use asyncord_bench::{Clock, CountingConnector, Env, Report, exit_with, watchdog};

const NAME: &str = "asyncord-user-cache-ref";

/// The injected argument: counts the events and keeps the clock.
#[derive(Clone)]
struct Meter(Arc<MeterState>);

struct MeterState {
    events: AtomicU64,
    expected: u64,
    clock: Clock,
    stop: StopHandle,
}

impl Meter {
    fn ready(&self) {
        self.0.clock.ready();
    }

    fn event(&self) {
        if self.0.events.fetch_add(1, Ordering::Relaxed) + 1 == self.0.expected {
            self.0.clock.done();
            self.0.stop.stop();
        }
    }
}

#[handler]
async fn on_ready(event: &ReadyEvent, meter: Meter) {
    black_box(event);
    meter.ready();
}

#[handler]
async fn on_message_create(event: &MessageCreateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_presence_update(event: &PresenceUpdateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_typing_start(event: &TypingStartEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_reaction_add(event: &MessageReactionAddEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_member_update(event: &GuildMemberUpdateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_guild_create(event: &GuildCreateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[tokio::main]
async fn main() {
    let env = Env::load();
    let connector = CountingConnector::new();
    let counted = connector.clone();
    watchdog(NAME, &env, move || counted.received());
    let config = GroupConfig::new()
        .intents(Intents::all())
        .compression(env.compression)
        .shards(Shards::all(1))
        .api_base(format!("{}/api/v10", env.http_url))
        .gateway_url(env.gateway_url.clone())
        .gateway_connector(Arc::new(connector.clone()));
    let mut meter = None;
    let outcome = asyncord::connect_with(env.token.clone(), config, async |group| {
        let m = Meter(Arc::new(MeterState {
            events: AtomicU64::new(0),
            expected: env.events,
            clock: Clock::new(),
            stop: group.stop_handle().clone(),
        }));
        meter = Some(m.clone());
        group.enable_cache(CacheConfig::default());
        group.dispatcher.add_argument("meter", m);
        group.dispatcher.add_handler(on_ready);
        group.dispatcher.add_handler(on_message_create);
        group.dispatcher.add_handler(on_presence_update);
        group.dispatcher.add_handler(on_typing_start);
        group.dispatcher.add_handler(on_reaction_add);
        group.dispatcher.add_handler(on_member_update);
        group.dispatcher.add_handler(on_guild_create);
    })
    .await;
    let (events, secs, done) = meter.map_or((0, 0.0, false), |m| {
        (
            m.0.events.load(Ordering::Relaxed),
            m.0.clock.secs(),
            m.0.clock.is_done(),
        )
    });
    exit_with(&Report {
        client: NAME,
        compress: env.compress_name(),
        events,
        expected: env.events,
        errors: u64::from(outcome.is_err()),
        secs,
        bytes_in: connector.received(),
        done,
        note: outcome.err().map(|e| e.to_string()),
    });
}
