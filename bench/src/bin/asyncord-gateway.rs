//! The gateway stream client: `Gateway::connect` and `next_event()`, each frame parsed into the
//! model's `Event` (the level twilight's client works at), on tokio's default multi-thread
//! runtime. `--shards N` runs N shards in the process (the server sends each the whole stream).

use std::hint::black_box;
use std::sync::Arc;

use asyncord::gateway::{EventChannel, Gateway, GatewayConfig, Shards};
use asyncord::model::Intents;
use asyncord::model::gateway::events::Event;
use asyncord::model::gateway::{EventKind, ParseBuffers};
use asyncord_bench::{
    Clock, CountingConnector, DONE_EVENT, Env, Report, exit_with, shards_flag, watchdog,
};

const NAME: &str = "asyncord-gateway";

#[tokio::main]
async fn main() {
    let env = Env::load();
    let shards = shards_flag();
    let connector = CountingConnector::new();
    let counted = connector.clone();
    watchdog(NAME, &env, move || counted.received());
    let config = GatewayConfig::new(env.token.clone(), Intents::all())
        .url(env.gateway_url.clone())
        .shards(Shards::all(shards))
        .compression(env.compression)
        .channel(EventChannel::new())
        .connector(Arc::new(connector.clone()));
    let mut report = Report {
        client: NAME,
        compress: env.compress_name(),
        events: 0,
        expected: env.events * u64::from(shards),
        errors: 0,
        secs: 0.0,
        bytes_in: 0,
        done: false,
        note: None,
    };
    let mut gateway = match Gateway::connect(config).await {
        Ok(g) => g,
        Err(e) => {
            report.errors += 1;
            report.note = Some(format!("connect failed: {e}"));
            exit_with(&report);
        }
    };
    let clock = Clock::new();
    let mut buffers = ParseBuffers::new();
    let mut markers = 0;
    while let Some(frame) = gateway.next_event().await {
        if frame.kind.is_none() && frame.name == DONE_EVENT {
            markers += 1;
            if markers == shards {
                clock.done();
                break;
            }
            continue;
        }
        match Event::from_slice_with_buffers(&frame.name, &frame.data, &mut buffers) {
            Ok(event) => {
                if event.kind() == Some(EventKind::Ready) {
                    clock.ready();
                } else if clock.is_ready() {
                    report.events += 1;
                }
                black_box(event);
            }
            Err(e) => {
                report.errors += 1;
                if report.note.is_none() {
                    report.note = Some(e.to_string());
                }
            }
        }
    }
    report.secs = clock.secs();
    report.done = clock.is_done();
    report.bytes_in = connector.received();
    exit_with(&report);
}
