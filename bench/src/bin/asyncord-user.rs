//! The user path: what the README tells a user to write. `asyncord::connect_with` on tokio's
//! default multi-thread runtime, one `#[handler]` per event kind of the bench's mix, each taking
//! its typed event and an injected argument that counts; an unknown-event handler sees the end
//! marker (`BENCH_DONE`, a name no library knows) and stops the clock.
//!
//! `--unsubscribed`: one handler for an event that is not in the mix (`CHANNEL_CREATE`) and
//! the unknown-event handler, so every event of the flood is one nobody subscribed to; the
//! count is then the frames the shard read past (its `delivered` count stays 0).
//!
//! `--shards N` runs N shards in the process (the server sends each the whole stream); the
//! clock runs from the first READY to the last shard's marker.
//!
//! `--cache` adds `group.enable_cache(CacheConfig::default())`, so every event the cache follows
//! updates it before the handlers run (the ratio to the plain run is the cache's cost per
//! event); `--by-ref` makes the handlers take their events by reference (`&Event`), so they
//! share the parsed event the cache keeps instead of each getting a clone.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use asyncord::dispatcher::{Context, UnknownEvent};
use asyncord::gateway::Shards;
use asyncord::prelude::*;
use asyncord_bench::{Clock, CountingConnector, DONE_EVENT, Env, Report, exit_with, watchdog};

const NAME: &str = "asyncord-user";

/// The injected argument: counts the events and keeps the clock.
#[derive(Clone)]
struct Meter(Arc<MeterState>);

struct MeterState {
    events: AtomicU64,
    /// End markers still to come (one per shard).
    markers_left: AtomicU64,
    clock: Clock,
    stop: StopHandle,
}

impl Meter {
    fn ready(&self) {
        self.0.clock.ready();
    }

    fn event(&self) {
        self.0.events.fetch_add(1, Ordering::Relaxed);
    }

    /// The end marker (sequence number `seq`): stops the clock and the client. With no handler
    /// for the events of the flood, they are counted from the marker's sequence number (READY
    /// is 1, the events 2..=N+1, the marker N+2).
    fn done(&self, seq: u64, unsubscribed: bool) {
        if unsubscribed {
            self.0
                .events
                .fetch_add(seq.saturating_sub(2), Ordering::Relaxed);
        }
        if self.0.markers_left.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.clock.done();
            self.0.stop.stop();
        }
    }
}

#[handler]
async fn on_ready(event: ReadyEvent, meter: Meter) {
    black_box(event);
    meter.ready();
}

#[handler]
async fn on_message_create(event: MessageCreateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_presence_update(event: PresenceUpdateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_typing_start(event: TypingStartEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_reaction_add(event: MessageReactionAddEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_member_update(event: GuildMemberUpdateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[handler]
async fn on_guild_create(event: GuildCreateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

/// The same handlers taking their events by reference (`--by-ref`).
mod by_ref {
    use super::Meter;
    use asyncord::prelude::*;
    use std::hint::black_box;

    #[handler]
    pub async fn on_message_create(event: &MessageCreateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_presence_update(event: &PresenceUpdateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_typing_start(event: &TypingStartEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_reaction_add(event: &MessageReactionAddEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_member_update(event: &GuildMemberUpdateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_guild_create(event: &GuildCreateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }
}

/// Adds a handler for each event kind of the mix, taking events by reference or by value.
fn register(dispatcher: &Dispatcher, by_ref: bool) {
    if by_ref {
        dispatcher.add_handler(by_ref::on_message_create);
        dispatcher.add_handler(by_ref::on_presence_update);
        dispatcher.add_handler(by_ref::on_typing_start);
        dispatcher.add_handler(by_ref::on_reaction_add);
        dispatcher.add_handler(by_ref::on_member_update);
        dispatcher.add_handler(by_ref::on_guild_create);
    } else {
        dispatcher.add_handler(on_message_create);
        dispatcher.add_handler(on_presence_update);
        dispatcher.add_handler(on_typing_start);
        dispatcher.add_handler(on_reaction_add);
        dispatcher.add_handler(on_member_update);
        dispatcher.add_handler(on_guild_create);
    }
}

#[handler]
async fn on_channel_create(event: ChannelCreateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

#[tokio::main]
async fn main() {
    let env = Env::load();
    let flag = |name: &str| std::env::args().any(|a| a == name);
    let (unsubscribed, cache, by_ref) = (flag("--unsubscribed"), flag("--cache"), flag("--by-ref"));
    let name = match (cache, by_ref) {
        (false, _) => NAME,
        (true, false) => "asyncord-user-cache",
        (true, true) => "asyncord-user-cache-ref",
    };
    let shards = shards_flag();
    let connector = CountingConnector::new();
    let counted = connector.clone();
    watchdog(name, &env, move || counted.received());
    let config = GroupConfig::new()
        .intents(Intents::all())
        .compression(env.compression)
        .shards(Shards::all(shards))
        .api_base(format!("{}/api/v10", env.http_url))
        .gateway_url(env.gateway_url.clone())
        .gateway_connector(Arc::new(connector.clone()));
    let mut meter = None;
    let outcome = asyncord::connect_with(env.token.clone(), config, async |group| {
        let m = Meter(Arc::new(MeterState {
            events: AtomicU64::new(0),
            markers_left: AtomicU64::new(u64::from(shards)),
            clock: Clock::new(),
            stop: group.stop_handle().clone(),
        }));
        meter = Some(m.clone());
        group.dispatcher.add_argument("meter", m);
        group.dispatcher.add_handler(on_ready);
        group
            .dispatcher
            .add_unknown_handler(move |event: UnknownEvent, ctx: Context| async move {
                if &*event.name == DONE_EVENT {
                    ctx.arg::<Meter>("meter")?.done(event.seq, unsubscribed);
                }
                Ok::<(), asyncord::dispatcher::InjectError>(())
            });
        if unsubscribed {
            group.dispatcher.add_handler(on_channel_create);
            return;
        }
        if cache {
            group.enable_cache(CacheConfig::default());
        }
        register(&group.dispatcher, by_ref);
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
        client: name,
        compress: env.compress_name(),
        events,
        expected: env.events * u64::from(shards),
        errors: u64::from(outcome.is_err()),
        secs,
        bytes_in: connector.received(),
        done,
        note: outcome.err().map(|e| e.to_string()),
    });
}

/// `--shards N` (default 1).
fn shards_flag() -> u32 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--shards")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1)
}
