//! The user path's client, shared by its two binaries (`asyncord-user`, and `asyncord-user-cache`
//! with the cache): what the README tells a user to write. `asyncord::connect_with` on tokio's
//! default multi-thread runtime, one `#[handler]` per event kind of the bench's mix, each taking
//! its typed event and an injected argument that counts; an unknown-event handler sees the end
//! marker (`BENCH_DONE`, a name no library knows) and stops the clock.
//!
//! Each binary carries only the code it runs, as a bot does: a bot without the cache does not
//! compile the cache in. This file is a module of each binary (not of the bench's library), so
//! that each compiles the handlers' code once, in its own crate.
//!
//! `--shards N` runs N shards in the process (the server sends each the whole stream); the
//! clock runs from the first READY to the last shard's marker.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use asyncord::client_hub::ClientGroup;
use asyncord::dispatcher::{Context, Dispatcher, UnknownEvent};
use asyncord::gateway::Shards;
use asyncord::prelude::*;

use asyncord_bench::{
    Clock, CountingConnector, DONE_EVENT, Env, Report, exit_with, shards_flag, watchdog,
};

/// The injected argument: counts the events and keeps the clock.
#[derive(Clone)]
pub struct Meter(Arc<MeterState>);

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

    /// Counts one event.
    pub fn event(&self) {
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

/// Adds a handler taking its event by value for each event kind of the mix.
pub fn register(dispatcher: &Dispatcher) {
    dispatcher.add_handler(on_message_create);
    dispatcher.add_handler(on_presence_update);
    dispatcher.add_handler(on_typing_start);
    dispatcher.add_handler(on_reaction_add);
    dispatcher.add_handler(on_member_update);
    dispatcher.add_handler(on_guild_create);
}

#[handler]
async fn on_channel_create(event: ChannelCreateEvent, meter: Meter) {
    black_box(event);
    meter.event();
}

/// Runs the user client named `name` against the bench's server and exits with its report.
/// With `unsubscribed`, only a handler for an event the mix lacks is added; otherwise `setup`
/// adds the handlers (and whatever else the binary measures).
pub async fn run(name: &'static str, unsubscribed: bool, setup: impl FnOnce(&ClientGroup)) {
    let env = Env::load();
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
        } else {
            setup(group);
        }
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
