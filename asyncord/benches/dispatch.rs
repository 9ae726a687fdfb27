//! Dispatch cost per event: the dispatcher (parse once, `Arc` share, per-handler task, three
//! arguments resolved by name) against a hand-written `match` that parses the same payload and
//! spawns the same function with the same three arguments cloned from locals. Both include the
//! parse, the task spawn and the handler run; 1, 3 and 10 handlers.
//!
//! Run: `cargo bench -p asyncord --bench dispatch`.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use asyncord::dispatcher::{Dispatcher, handler};
use asyncord::gateway::DispatchFrame;
use asyncord::model::gateway::{EventKind, GatewayEvent};
use criterion::{BenchmarkId, Criterion, criterion_group};
use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
struct Author {
    id: String,
    username: String,
    #[serde(default)]
    bot: bool,
}

/// A MESSAGE_CREATE-shaped event (the fields a bot typically reads).
#[derive(Clone, Debug, Deserialize)]
struct Message {
    id: String,
    channel_id: String,
    #[serde(default)]
    guild_id: Option<String>,
    content: String,
    author: Author,
    timestamp: String,
    #[serde(default)]
    tts: bool,
}

impl GatewayEvent for Message {
    const KIND: EventKind = EventKind::MessageCreate;
}

const PAYLOAD: &str = r#"{"type":0,"tts":false,"timestamp":"2026-11-28T07:00:00.000000+00:00","pinned":false,"nonce":"1311","mentions":[],"mention_roles":[],"mention_everyone":false,"member":{"roles":[],"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"2024-01-01T00:00:00.000000+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null},"id":"1311480163211116544","flags":0,"embeds":[],"edited_timestamp":null,"content":"!ping hello there","components":[],"channel_id":"1098190416744423455","author":{"username":"someone","public_flags":0,"id":"294882584201003009","global_name":"Someone","discriminator":"0","avatar":"a_2f4f6e9d1c2b3a4f5e6d7c8b9a0f1e2d"},"attachments":[],"guild_id":"1098190415867805776"}"#;

/// What the handler's injected `client` stands for: a cheap-to-clone shared handle.
#[derive(Clone)]
struct Client {
    calls: Arc<AtomicU64>,
}

#[handler]
async fn on_message(event: &Message, client: Client, my_number: i32, prefix: Arc<str>) {
    if !event.author.bot && event.content.starts_with(&*prefix) {
        black_box((&event.id, &event.channel_id, &event.guild_id, my_number));
        black_box((
            &event.author.id,
            &event.author.username,
            &event.timestamp,
            event.tts,
        ));
    }
    client.calls.fetch_add(1, Ordering::Relaxed);
}

fn frame() -> DispatchFrame {
    DispatchFrame {
        shard_id: 0,
        seq: 1,
        kind: Some(EventKind::MessageCreate),
        name: "MESSAGE_CREATE".into(),
        data: PAYLOAD.into(),
    }
}

/// The hand-written version: match on the kind, parse, share, spawn each call.
struct Manual {
    client: Client,
    my_number: i32,
    prefix: Arc<str>,
    handlers: usize,
    buffers: asyncord::model::gateway::ParseBuffers,
}

impl Manual {
    // A bot's match has one arm per event it handles; this one handles one.
    #[allow(clippy::single_match)]
    fn dispatch(&mut self, frame: DispatchFrame) {
        match frame.kind {
            Some(EventKind::MessageCreate) => {
                let data = frame.data;
                let Ok(event) = self.buffers.parse::<Message>(&data) else {
                    return;
                };
                let event = Arc::new(event);
                for _ in 0..self.handlers {
                    let event = Arc::clone(&event);
                    let client = self.client.clone();
                    let (n, prefix) = (self.my_number, Arc::clone(&self.prefix));
                    tokio::spawn(async move { on_message::call(&event, client, n, prefix).await });
                }
            }
            _ => {}
        }
    }
}

/// Runs `dispatch` for each iteration and waits until its handlers have run.
async fn measure(
    iters: u64,
    handlers: u64,
    calls: &AtomicU64,
    mut dispatch: impl FnMut(),
) -> Duration {
    let start = Instant::now();
    for i in 1..=iters {
        dispatch();
        while calls.load(Ordering::Relaxed) < i * handlers {
            tokio::task::yield_now().await;
        }
    }
    start.elapsed()
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut group = c.benchmark_group("dispatch_3_args");
    for handlers in [1_usize, 3, 10] {
        group.bench_with_input(
            BenchmarkId::new("dispatcher", handlers),
            &handlers,
            |b, &n| {
                let (calls, d, _) = setups(n);
                d.check_arguments().unwrap();
                b.iter_custom(|iters| {
                    calls.store(0, Ordering::Relaxed);
                    rt.block_on(measure(iters, n as u64, &calls, || {
                        d.dispatch(frame());
                    }))
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("hand_written_match", handlers),
            &handlers,
            |b, &n| {
                let (calls, _, mut manual) = setups(n);
                b.iter_custom(|iters| {
                    calls.store(0, Ordering::Relaxed);
                    rt.block_on(measure(iters, n as u64, &calls, || {
                        manual.dispatch(frame());
                    }))
                });
            },
        );
    }
    group.finish();

    // Frames nobody handles: the cost of deciding to drop them.
    let d = Dispatcher::new();
    d.add_handler(on_message);
    c.bench_function("unwanted_event_dropped", |b| {
        b.iter(|| black_box(d.wants(black_box(Some(EventKind::TypingStart)))));
    });
}

/// The two set-ups for `handlers` handlers, sharing one call counter.
fn setups(handlers: usize) -> (Arc<AtomicU64>, Dispatcher, Manual) {
    let calls = Arc::new(AtomicU64::new(0));
    let d = Dispatcher::new();
    d.add_argument(
        "client",
        Client {
            calls: Arc::clone(&calls),
        },
    )
    .add_argument("my_number", 42_i32)
    .add_argument("prefix", Arc::<str>::from("!"));
    for _ in 0..handlers {
        d.add_handler(on_message);
    }
    let manual = Manual {
        client: Client {
            calls: Arc::clone(&calls),
        },
        my_number: 42,
        prefix: Arc::from("!"),
        handlers,
        buffers: asyncord::model::gateway::ParseBuffers::new(),
    };
    (calls, d, manual)
}

/// Interleaved A/B rounds (dispatcher, then hand-written, 2000 events each), so load from other
/// processes hits both alike; prints the median per-event times and their ratio.
fn interleaved_ratio() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for handlers in [1_usize, 3, 10] {
        let (calls, d, mut manual) = setups(handlers);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for _ in 0..41 {
            calls.store(0, Ordering::Relaxed);
            a.push(rt.block_on(measure(2000, handlers as u64, &calls, || {
                d.dispatch(frame());
            })));
            calls.store(0, Ordering::Relaxed);
            b.push(rt.block_on(measure(2000, handlers as u64, &calls, || {
                manual.dispatch(frame());
            })));
        }
        a.sort();
        b.sort();
        let (ma, mb) = (a[a.len() / 2] / 2000, b[b.len() / 2] / 2000);
        println!(
            "interleaved, {handlers:>2} handler(s): dispatcher {ma:?}/event, hand-written {mb:?}/event, ratio {:.2}",
            ma.as_secs_f64() / mb.as_secs_f64()
        );
    }
}

mod group {
    use super::{Criterion, Duration, bench, criterion_group};

    criterion_group! {
        name = benches;
        config = Criterion::default()
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(3))
            .sample_size(30);
        targets = bench
    }
}

/// Criterion's runs, then the interleaved comparison.
fn main() {
    group::benches();
    interleaved_ratio();
    Criterion::default().configure_from_args().final_summary();
}
