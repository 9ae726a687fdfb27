//! Parse cost of real gateway payloads, from the frame's bytes to the typed event.
//!
//! Per payload (MESSAGE_CREATE, a large GUILD_CREATE, PRESENCE_UPDATE, TYPING_START,
//! INTERACTION_CREATE, GUILD_MEMBERS_CHUNK; see `support/payloads.rs`):
//!
//! - `value_serde_json` / `value_simd_json`: the whole frame into a generic JSON value (the floor
//!   any typed parse is compared with);
//! - `peek`: [`RawFrame::parse_bytes`] alone (`op`/`s`/`t`, `d` left unparsed);
//! - `typed_serde_json` / `typed_reader`: `d` into the typed [`Event`] with serde_json and with
//!   the model's JSON reader;
//! - `two_step_serde_json` / `two_step_reader`: peek, then `d` into the typed event (what a
//!   shard does with a wanted event).
//!
//! simd-json parses in place, so its value case includes copying the input into a reused buffer
//! (a memcpy, well under 1% of the parse); the reader's scratch space is reused as the
//! dispatcher does.
//!
//! Run: `cargo bench -p asyncord-model --bench parse` (add `-- --warm-up-time 1
//! --measurement-time 2` for a quick pass, or a filter such as `message_create`). Instruction
//! counts, which machine load does not disturb: `.bench/parse_callgrind.sh`.

// criterion_group! expands to undocumented functions.
#![allow(missing_docs)]

#[path = "support/payloads.rs"]
mod payloads;

use std::hint::black_box;
use std::time::Duration;

use asyncord_model::gateway::{Event, RawFrame};
use criterion::{Criterion, Throughput, criterion_group};

/// The payloads measured: (bench name, event name, `d`).
fn cases() -> Vec<(&'static str, &'static str, String)> {
    vec![
        (
            "message_create",
            "MESSAGE_CREATE",
            payloads::message_create(1),
        ),
        (
            "guild_create_1000m_200c",
            "GUILD_CREATE",
            payloads::guild_create_large(1_000, 200),
        ),
        (
            "presence_update",
            "PRESENCE_UPDATE",
            payloads::presence_update(1),
        ),
        ("typing_start", "TYPING_START", payloads::typing_start(1)),
        (
            "interaction_create",
            "INTERACTION_CREATE",
            payloads::interaction_create(1),
        ),
        (
            "guild_members_chunk_1000",
            "GUILD_MEMBERS_CHUNK",
            payloads::guild_members_chunk(1_000),
        ),
    ]
}

/// The whole frame into a generic serde_json value.
#[inline(never)]
fn value_serde_json(frame: &[u8]) -> serde_json::Value {
    serde_json::from_slice(frame).expect("value")
}

/// The whole frame into a generic simd-json value (copied into `buf` first: parsed in place).
#[inline(never)]
fn value_simd_json(frame: &[u8], buf: &mut Vec<u8>) -> simd_json::OwnedValue {
    buf.clear();
    buf.extend_from_slice(frame);
    simd_json::to_owned_value(buf).expect("value")
}

/// `op`/`s`/`t` only, `d` left unparsed.
#[inline(never)]
fn peek(frame: &[u8]) -> Option<u64> {
    RawFrame::parse_bytes(frame).expect("frame").s
}

/// `d` into the typed event with serde_json.
#[inline(never)]
fn typed_serde_json(name: &str, d: &str) -> Event {
    Event::from_json_str(name, d).expect("typed")
}

/// `d` into the typed event with the model's JSON reader (scratch space reused).
#[inline(never)]
fn typed_reader(
    name: &str,
    d: &[u8],
    buffers: &mut asyncord_model::gateway::ParseBuffers,
) -> Event {
    Event::from_slice_with_buffers(name, d, buffers).expect("typed")
}

/// Peeks at a frame, then parses its `d` with serde_json.
#[inline(never)]
fn two_step_serde_json(frame: &[u8]) -> Event {
    let raw = RawFrame::parse_bytes(frame).expect("frame");
    let name = raw.event_name().expect("t");
    Event::from_json_str(name, raw.data_json().expect("d")).expect("typed")
}

/// Peeks at a frame, then parses its `d` with the model's JSON reader, in the frame's buffer.
#[inline(never)]
fn two_step_reader(frame: &[u8], buffers: &mut asyncord_model::gateway::ParseBuffers) -> Event {
    let raw = RawFrame::parse_bytes(frame).expect("frame");
    let range = raw.data_range(frame).expect("d");
    Event::from_slice_with_buffers(raw.event_name().expect("t"), &frame[range], buffers)
        .expect("typed")
}

/// One payload's frame and the parse state every variant reuses.
struct Case {
    bench: &'static str,
    name: &'static str,
    d: String,
    frame: String,
    buf: Vec<u8>,
    buffers: asyncord_model::gateway::ParseBuffers,
}

/// The cases, each checked (every path gives the same event) unless `check` is false: the
/// count mode skips the check so its calls do not add to the counted functions.
fn prepared(check: bool) -> Vec<Case> {
    cases()
        .into_iter()
        .map(|(bench, name, d)| {
            let frame = payloads::frame(name, 42, &d);
            let mut case = Case {
                bench,
                name,
                buf: Vec::with_capacity(frame.len()),
                buffers: asyncord_model::gateway::ParseBuffers::new(),
                d,
                frame,
            };
            if !check {
                return case;
            }
            // every path must give the same event before anything is timed
            let reference = Event::from_json_str(name, &case.d).expect("payload parses");
            let bytes = case.frame.as_bytes();
            assert_eq!(two_step_serde_json(bytes), reference);
            assert_eq!(two_step_reader(bytes, &mut case.buffers), reference);
            case
        })
        .collect()
}

fn parse(c: &mut Criterion) {
    for case in prepared(true) {
        let Case {
            bench,
            name,
            d,
            frame,
            mut buf,
            mut buffers,
        } = case;
        let bytes = frame.as_bytes();
        let mut group = c.benchmark_group(bench);
        group.throughput(Throughput::Bytes(frame.len() as u64));
        group.bench_function("value_serde_json", |b| {
            b.iter(|| value_serde_json(black_box(bytes)));
        });
        group.bench_function("value_simd_json", |b| {
            b.iter(|| value_simd_json(black_box(bytes), &mut buf));
        });
        group.bench_function("peek", |b| b.iter(|| peek(black_box(bytes))));
        group.bench_function("typed_serde_json", |b| {
            b.iter(|| typed_serde_json(name, black_box(&d)));
        });
        group.bench_function("typed_reader", |b| {
            b.iter(|| typed_reader(name, black_box(d.as_bytes()), &mut buffers));
        });
        group.bench_function("two_step_serde_json", |b| {
            b.iter(|| two_step_serde_json(black_box(bytes)));
        });
        group.bench_function("two_step_reader", |b| {
            b.iter(|| two_step_reader(black_box(bytes), &mut buffers));
        });
        group.finish();
    }
}

/// Instruction-count mode for callgrind (`PARSE_COUNT=n`, optional `PARSE_CASE=<bench name>`):
/// runs every variant `n` times per payload, no timing; `.bench/parse_callgrind.sh` divides
/// each variant function's inclusive instruction count by `n`.
fn count_mode(n: usize) {
    let only = std::env::var("PARSE_CASE").ok();
    for mut case in prepared(false) {
        if only.as_deref().is_some_and(|o| o != case.bench) {
            continue;
        }
        let bytes = case.frame.as_bytes();
        for _ in 0..n {
            black_box(value_serde_json(black_box(bytes)));
            black_box(value_simd_json(black_box(bytes), &mut case.buf));
            black_box(peek(black_box(bytes)));
            black_box(typed_serde_json(case.name, black_box(&case.d)));
            black_box(typed_reader(
                case.name,
                black_box(case.d.as_bytes()),
                &mut case.buffers,
            ));
            black_box(two_step_serde_json(black_box(bytes)));
            black_box(two_step_reader(black_box(bytes), &mut case.buffers));
        }
        println!("{} {} bytes x {n}", case.bench, case.frame.len());
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30);
    targets = parse
}
fn main() {
    if let Some(n) = std::env::var("PARSE_COUNT")
        .ok()
        .and_then(|n| n.parse().ok())
    {
        count_mode(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
