//! The bot's per-message path alone, on pre-compressed frames of the traffic mix, against the
//! practical floor (inflate + a generic JSON parse of the same bytes). One thread, no sockets:
//! run it under `valgrind --tool=callgrind` for instruction counts that machine load does not
//! disturb (`.bench/callgrind.sh`); each measured stage is its own `#[inline(never)]` function so
//! `callgrind_annotate --inclusive=yes` reports it alone.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use asyncord::dispatcher::Dispatcher;
use asyncord::gateway::{__bench::ClientPath, Compression, DispatchFrame};
use asyncord::model::gateway::{Event, EventKind};
use flate2::{Compress, Decompress, FlushCompress, FlushDecompress};
use zstd::stream::raw::{Decoder, Encoder, InBuffer, Operation, OutBuffer};

use crate::payloads;
use crate::proc;

/// Compresses each message as the gateway does: one stream per connection, every message
/// flushed (zstd level 1 and zlib "fast", the emulator's settings).
pub fn compress(comp: Compression, texts: &[String]) -> Vec<Vec<u8>> {
    match comp {
        Compression::ZstdStream => {
            let mut enc = Encoder::new(1).expect("zstd");
            texts
                .iter()
                .map(|t| {
                    let mut out = Vec::with_capacity(t.len() + 128);
                    let mut input = InBuffer::around(t.as_bytes());
                    loop {
                        out.reserve(1024);
                        let len = out.len();
                        let mut o = OutBuffer::around_pos(&mut out, len);
                        enc.run(&mut input, &mut o).expect("zstd");
                        if input.pos() == t.len() {
                            break;
                        }
                    }
                    loop {
                        out.reserve(1024);
                        let len = out.len();
                        let mut o = OutBuffer::around_pos(&mut out, len);
                        if enc.flush(&mut o).expect("zstd") == 0 {
                            break;
                        }
                    }
                    out
                })
                .collect()
        }
        Compression::ZlibStream => {
            let mut c = Compress::new(flate2::Compression::fast(), true);
            texts
                .iter()
                .map(|t| {
                    let mut out = Vec::with_capacity(t.len() + 128);
                    let start = c.total_in();
                    loop {
                        out.reserve(1024);
                        let used = (c.total_in() - start) as usize;
                        c.compress_vec(&t.as_bytes()[used..], &mut out, FlushCompress::Sync)
                            .expect("zlib");
                        let used = (c.total_in() - start) as usize;
                        if used == t.len() && out.len() < out.capacity() {
                            break;
                        }
                    }
                    out
                })
                .collect()
        }
        Compression::None => texts.iter().map(|t| t.clone().into_bytes()).collect(),
    }
}

/// A plain decompressor with a reused output buffer: the floor's inflate.
enum Plain {
    None,
    Zlib(Box<Decompress>, Vec<u8>),
    Zstd(Box<Decoder<'static>>, Vec<u8>),
}

impl Plain {
    fn new(comp: Compression) -> Self {
        match comp {
            Compression::ZlibStream => Self::Zlib(
                Box::new(Decompress::new(true)),
                Vec::with_capacity(64 << 10),
            ),
            Compression::ZstdStream => Self::Zstd(
                Box::new(Decoder::new().expect("zstd")),
                Vec::with_capacity(64 << 10),
            ),
            Compression::None => Self::None,
        }
    }

    fn inflate<'a>(&'a mut self, frame: &'a [u8]) -> &'a [u8] {
        match self {
            Self::None => frame,
            Self::Zlib(d, out) => {
                out.clear();
                let start = d.total_in();
                loop {
                    out.reserve(4096);
                    let used = (d.total_in() - start) as usize;
                    d.decompress_vec(&frame[used..], out, FlushDecompress::Sync)
                        .expect("zlib");
                    if (d.total_in() - start) as usize == frame.len() && out.len() < out.capacity()
                    {
                        break;
                    }
                }
                out
            }
            Self::Zstd(d, out) => {
                out.clear();
                let mut input = InBuffer::around(frame);
                loop {
                    out.reserve(4096);
                    let len = out.len();
                    let mut o = OutBuffer::around_pos(out, len);
                    d.run(&mut input, &mut o).expect("zstd");
                    let filled = o.pos() < o.capacity();
                    if input.pos() == frame.len() && filled {
                        break;
                    }
                }
                out
            }
        }
    }
}

/// Inflate only.
#[inline(never)]
fn stage_inflate(comp: Compression, frames: &[Vec<u8>]) -> usize {
    let mut p = Plain::new(comp);
    frames.iter().map(|f| p.inflate(f).len()).sum()
}

/// The floor: inflate, then the whole frame into a `serde_json::Value`.
#[inline(never)]
fn stage_floor_serde_value(comp: Compression, frames: &[Vec<u8>]) -> usize {
    let mut p = Plain::new(comp);
    frames
        .iter()
        .map(|f| {
            let v: serde_json::Value = serde_json::from_slice(p.inflate(f)).expect("json");
            usize::from(v.is_object())
        })
        .sum()
}

/// The tougher floor: inflate, then the whole frame into a simd-json owned value (in place, so
/// with one copy into a reused buffer).
#[inline(never)]
fn stage_floor_simd_value(comp: Compression, frames: &[Vec<u8>]) -> usize {
    let mut p = Plain::new(comp);
    let mut buf = Vec::with_capacity(64 << 10);
    frames
        .iter()
        .map(|f| {
            buf.clear();
            buf.extend_from_slice(p.inflate(f));
            let v = simd_json::to_owned_value(&mut buf).expect("json");
            usize::from(matches!(v, simd_json::OwnedValue::Object(_)))
        })
        .sum()
}

/// asyncord, nobody subscribed: inflate + peek at `op`/`s`/`t`, frame dropped.
#[inline(never)]
fn stage_unsubscribed(comp: Compression, frames: &[Vec<u8>]) -> usize {
    let mut path = ClientPath::new(comp).expect("path");
    frames
        .iter()
        .map(|f| path.process(f, |_| false).expect("frame").0 as usize)
        .sum()
}

/// asyncord, subscribed: inflate + peek + copy of `d` (the `DispatchFrame`) + the typed event
/// (the model's `Event`, simd-json with reused buffers) in an `Arc`.
#[inline(never)]
fn stage_typed(comp: Compression, frames: &[Vec<u8>], names: &[&str]) -> usize {
    let mut path = ClientPath::new(comp).expect("path");
    let mut buffers = asyncord::model::gateway::ParseBuffers::new();
    frames
        .iter()
        .zip(names)
        .map(|(f, name)| {
            let (_, d) = path.process(f, |_| true).expect("frame");
            let data = d.to_vec();
            let event =
                Event::from_slice_with_buffers(name, &data, &mut buffers).expect("typed event");
            usize::from(Arc::new(event).kind().is_some())
        })
        .sum()
}

/// asyncord, the whole bot path minus the socket: inflate + peek + `DispatchFrame` +
/// `Dispatcher::dispatch` (parse, `Arc`, one task per handler with its injected argument) on a
/// current-thread runtime, the spawned handlers run to completion.
#[inline(never)]
fn stage_dispatch(comp: Compression, frames: &[Vec<u8>], names: &[&'static str]) -> usize {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let counter = crate::client::Counter(Arc::new(AtomicU64::new(0)));
    let dispatcher = Dispatcher::new();
    crate::client::register_all(&dispatcher, counter.clone());
    rt.block_on(async {
        let mut path = ClientPath::new(comp).expect("path");
        for (i, (f, name)) in frames.iter().zip(names).enumerate() {
            let (seq, d) = path.process(f, |_| true).expect("frame");
            dispatcher.dispatch(DispatchFrame {
                shard_id: 0,
                seq,
                kind: EventKind::from_name(name),
                name: (*name).into(),
                data: d.into(),
            });
            if i % 64 == 63 {
                tokio::task::yield_now().await;
            }
        }
        while counter.0.load(Ordering::Relaxed) < frames.len() as u64 {
            tokio::task::yield_now().await;
        }
    });
    counter.0.load(Ordering::Relaxed) as usize
}

/// Runs every stage over `n` frames of the mix; prints CPU ns per frame for each.
pub fn run(comp: Compression, n: usize) -> String {
    // 400 distinct payloads, cycled (building each from the captures is slow under valgrind)
    let distinct = payloads::mix(n.min(400));
    let mix: Vec<(&'static str, String)> = (0..n)
        .map(|i| distinct[i % distinct.len()].clone())
        .collect();
    let texts: Vec<String> = mix
        .iter()
        .enumerate()
        .map(|(i, (t, d))| payloads::frame(t, i as u64 + 1, d))
        .collect();
    let names: Vec<&'static str> = mix.iter().map(|(t, _)| *t).collect();
    let frames = compress(comp, &texts);
    drop(mix);
    let bytes: usize = texts.iter().map(String::len).sum();
    let time = |f: &dyn Fn() -> usize| {
        let t = proc::thread_cpu();
        black_box(f());
        proc::thread_cpu().saturating_sub(t).as_nanos() as f64 / n as f64
    };
    let inflate = time(&|| stage_inflate(comp, &frames));
    let floor_serde = time(&|| stage_floor_serde_value(comp, &frames));
    let floor_simd = time(&|| stage_floor_simd_value(comp, &frames));
    let unsub = time(&|| stage_unsubscribed(comp, &frames));
    let typed = time(&|| stage_typed(comp, &frames, &names));
    let dispatch = time(&|| stage_dispatch(comp, &frames, &names));
    format!(
        "{} {inflate:.0} {floor_serde:.0} {floor_simd:.0} {unsub:.0} {typed:.0} {dispatch:.0}",
        bytes / n
    )
}
