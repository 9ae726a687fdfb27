//! Gateway flood bench (not a test): the emulator floods a client over loopback TCP with a
//! realistic mix of events, over `zstd-stream`, `zlib-stream` and no compression; plus the
//! per-message client path measured alone against inflate + a generic JSON parse of the same
//! bytes.
//!
//! Run: `cargo bench -p asyncord --features testkit --bench gateway_flood`. Each case runs in its
//! own child process so its peak RSS (VmHWM) is its own.

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use asyncord::gateway::{
    __bench::ClientPath, Compression, EventChannel, Gateway, GatewayConfig, Shards,
};
use asyncord::model::Intents;
use asyncord::model::gateway::{Event, EventSet};
use asyncord::testkit::gateway::{GatewayServer, GatewayServerConfig, MemoryWorld};

const FLOOD: usize = 200_000;
const MICRO: usize = 200_000;

fn message_create(i: usize) -> String {
    format!(
        r#"{{"type":0,"tts":false,"timestamp":"2024-03-01T12:00:{:02}.123000+00:00","referenced_message":null,"pinned":false,"nonce":"{}","mentions":[{{"id":"90000000000000{:04}","username":"mentioned","global_name":"Mentioned","avatar":null,"discriminator":"0","public_flags":0}}],"mention_roles":[],"mention_everyone":false,"member":{{"roles":["900000000000000005","900000000000000006"],"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"2024-02-27T19:50:51.701000+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"banner":null,"avatar":null}},"id":"12000000000{:07}","flags":0,"embeds":[],"edited_timestamp":null,"content":"message number {} with some ordinary chat text in it, an emoji \ud83d\ude00 and a link https://example.com/{}","components":[],"channel_id":"900000000000000010","author":{{"username":"someone{}","public_flags":0,"id":"80000000000{:07}","global_name":"Someone","discriminator":"0","clan":null,"avatar_decoration_data":null,"avatar":"a1b2c3d4e5f6"}},"attachments":[],"guild_id":"900000000000000001"}}"#,
        i % 60,
        i,
        i % 10_000,
        i,
        i,
        i,
        i % 500,
        i % 500
    )
}

fn typing_start(i: usize) -> String {
    format!(
        r#"{{"user_id":"80000000000{:07}","timestamp":1709294400,"member":{{"user":{{"username":"typist","public_flags":0,"id":"80000000000{:07}","global_name":null,"discriminator":"0","avatar":null}},"roles":["900000000000000005"],"premium_since":null,"pending":false,"nick":null,"mute":false,"joined_at":"2024-02-27T19:50:51.701000+00:00","flags":0,"deaf":false,"communication_disabled_until":null,"avatar":null}},"channel_id":"900000000000000010","guild_id":"900000000000000001"}}"#,
        i % 500,
        i % 500
    )
}

fn presence_update(i: usize) -> String {
    format!(
        r#"{{"user":{{"id":"80000000000{:07}"}},"status":"{}","guild_id":"900000000000000001","client_status":{{"desktop":"online"}},"activities":[{{"type":0,"name":"Some Game {}","id":"abcdef{}","created_at":1709294400000,"timestamps":{{"start":1709290000000}},"application_id":"383226320970055681","state":"In a match","details":"Ranked"}}]}}"#,
        i % 500,
        if i.is_multiple_of(3) {
            "idle"
        } else {
            "online"
        },
        i % 17,
        i
    )
}

fn reaction_add(i: usize) -> String {
    format!(
        r#"{{"user_id":"80000000000{:07}","type":0,"message_id":"12000000000{:07}","message_author_id":"80000000000{:07}","member":{{"user":{{"username":"reactor","id":"80000000000{:07}","discriminator":"0","avatar":null}},"roles":[],"joined_at":"2024-02-27T19:50:51.701000+00:00","deaf":false,"mute":false,"flags":0}},"emoji":{{"name":"\ud83d\udc4d","id":null}},"channel_id":"900000000000000010","burst":false,"guild_id":"900000000000000001"}}"#,
        i % 500,
        i,
        (i + 7) % 500,
        i % 500
    )
}

fn guild_member_update(i: usize) -> String {
    format!(
        r#"{{"guild_id":"900000000000000001","roles":["900000000000000005"],"user":{{"username":"member{}","public_flags":0,"id":"80000000000{:07}","global_name":null,"discriminator":"0","avatar":null}},"nick":"nick {}","avatar":null,"joined_at":"2024-02-27T19:50:51.701000+00:00","premium_since":null,"deaf":false,"mute":false,"pending":false,"communication_disabled_until":null,"flags":0}}"#,
        i % 500,
        i % 500,
        i
    )
}

fn message_delete(i: usize) -> String {
    format!(
        r#"{{"id":"12000000000{i:07}","channel_id":"900000000000000010","guild_id":"900000000000000001"}}"#
    )
}

/// A realistic mix: mostly messages, typing and presences.
fn mix(n: usize) -> Vec<(&'static str, String)> {
    (0..n)
        .map(|i| match i % 20 {
            0..=6 => ("MESSAGE_CREATE", message_create(i)),
            7..=10 => ("TYPING_START", typing_start(i)),
            11..=14 => ("PRESENCE_UPDATE", presence_update(i)),
            15..=16 => ("MESSAGE_REACTION_ADD", reaction_add(i)),
            17 => ("MESSAGE_DELETE", message_delete(i)),
            _ => ("GUILD_MEMBER_UPDATE", guild_member_update(i)),
        })
        .collect()
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU time of the calling thread (from the kernel's scheduler stats), so figures hold up on a
/// busy machine.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// CPU time of the whole process (user + system, all threads), in clock ticks of 10 ms.
fn process_cpu() -> Duration {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
            Some(Duration::from_millis(ticks * 10))
        })
        .unwrap_or(Duration::ZERO)
}

fn compression(name: &str) -> Compression {
    match name {
        "zstd" => Compression::ZstdStream,
        "zlib" => Compression::ZlibStream,
        _ => Compression::None,
    }
}

/// End-to-end: the emulator floods, the client delivers; `parse` also parses each `d`.
async fn flood(comp: Compression, subscribed: bool) -> (f64, f64, usize) {
    let world = Arc::new(MemoryWorld::new());
    world.add_bot("bench", 1, Intents::empty());
    let server = GatewayServer::start(
        world,
        GatewayServerConfig {
            replay_buffer: 1_000,
            rate_limit: false,
            ..GatewayServerConfig::default()
        },
    )
    .await
    .expect("server");
    let events = if subscribed {
        EventSet::all()
    } else {
        EventSet::empty()
    };
    let cfg = GatewayConfig::new("bench", Intents::GUILDS)
        .url(server.url())
        .shards(Shards::all(1))
        .compression(comp)
        .channel(EventChannel::new().events(events, false));
    let mut gw = Gateway::connect(cfg).await.expect("connect");
    let handle = gw.handle();
    while !server.is_connected(0) || handle.session(0).is_none() {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    // 2,000 distinct payloads, sent in batches of 1,000 with at most ~5,000 events not yet handled,
    // so the peak RSS is the client's steady state, not a queue of the whole flood
    let variants = mix(2_000);
    let consumed = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let progress = consumed.clone();
    let consumer = tokio::spawn(async move {
        let mut delivered = 0usize;
        if subscribed {
            let mut parsed = 0usize;
            let mut buffers = asyncord::model::gateway::ParseBuffers::new();
            while let Some(f) = gw.next_event().await {
                if f.name == "READY" {
                    continue;
                }
                delivered += 1;
                progress.store(delivered as u64, std::sync::atomic::Ordering::Relaxed);
                let event = Event::from_slice_with_buffers(&f.name, &f.data, &mut buffers)
                    .expect("typed parse");
                parsed += usize::from(event.kind().is_some());
                if delivered == FLOOD {
                    break;
                }
            }
            assert_eq!(parsed, delivered);
        }
        (gw, delivered)
    });
    let start = Instant::now();
    let cpu = process_cpu();
    let first = handle.session(0).map_or(0, |s| s.sequence);
    let mut sent = 0usize;
    while sent < FLOOD {
        // throttle on what the shard has read (a slow consumer's backlog shows in the RSS)
        let seen = handle.session(0).map_or(0, |s| s.sequence) - first;
        if (sent as u64).saturating_sub(seen) > 5_000 {
            tokio::time::sleep(Duration::from_micros(500)).await;
            continue;
        }
        let batch = (sent..sent + 1_000).map(|i| {
            let (t, d) = &variants[i % variants.len()];
            (*t, d.as_str())
        });
        server.flood(0, batch).expect("flood");
        sent += 1_000;
    }
    let last = first + FLOOD as u64;
    while handle.session(0).map(|s| s.sequence) != Some(last) {
        tokio::time::sleep(Duration::from_micros(200)).await;
    }
    let (gw, delivered) = consumer.await.expect("consumer");
    let secs = start.elapsed().as_secs_f64();
    let cpu_us = process_cpu().saturating_sub(cpu).as_secs_f64() * 1e6 / FLOOD as f64;
    let _ = gw.shutdown().await;
    (FLOOD as f64 / secs, cpu_us, delivered)
}

/// Pre-compresses frames as the emulator would send them.
fn frames(comp: Compression, texts: &[String]) -> Vec<Vec<u8>> {
    match comp {
        Compression::ZstdStream => {
            use zstd::stream::raw::{Encoder, InBuffer, Operation, OutBuffer};
            let mut enc = Encoder::new(1).expect("zstd");
            texts
                .iter()
                .map(|t| {
                    let mut out = Vec::with_capacity(t.len() + 64);
                    let mut inb = InBuffer::around(t.as_bytes());
                    while inb.pos() < t.len() {
                        out.reserve(4096);
                        let len = out.len();
                        enc.run(&mut inb, &mut OutBuffer::around_pos(&mut out, len))
                            .expect("zstd");
                    }
                    loop {
                        out.reserve(4096);
                        let len = out.len();
                        if enc
                            .flush(&mut OutBuffer::around_pos(&mut out, len))
                            .expect("zstd")
                            == 0
                        {
                            break;
                        }
                    }
                    out
                })
                .collect()
        }
        Compression::ZlibStream => {
            let mut c = flate2::Compress::new(flate2::Compression::fast(), true);
            texts
                .iter()
                .map(|t| {
                    let mut out = Vec::with_capacity(t.len() + 64);
                    let start = c.total_in();
                    loop {
                        out.reserve(4096);
                        let used = (c.total_in() - start) as usize;
                        c.compress_vec(
                            &t.as_bytes()[used..],
                            &mut out,
                            flate2::FlushCompress::Sync,
                        )
                        .expect("zlib");
                        if (c.total_in() - start) as usize == t.len() && out.len() < out.capacity()
                        {
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

/// The client's per-message path alone, in ns per event: (generic baseline, subscribed+typed,
/// unsubscribed, inflate only).
fn micro(comp: Compression) -> [f64; 4] {
    let events = mix(MICRO);
    let names: Vec<&str> = events.iter().map(|(t, _)| *t).collect();
    let texts: Vec<String> = events
        .iter()
        .enumerate()
        .map(|(i, (t, d))| format!(r#"{{"t":"{t}","s":{},"op":0,"d":{d}}}"#, i + 1))
        .collect();
    let frames = frames(comp, &texts);
    let per = |d: Duration| d.as_nanos() as f64 / MICRO as f64;

    // baseline: inflate, then parse the whole frame into a generic value
    let mut base = ClientPath::new(comp).expect("path");
    let t = thread_cpu();
    let mut n = 0;
    for f in &frames {
        let (_, d) = base.process(f, |_| true).expect("frame");
        // the whole frame's bytes are parsed: d plus the small envelope around it
        let mut bytes = Vec::with_capacity(d.len() + 48);
        bytes.extend_from_slice(br#"{"t":"X","s":1,"op":0,"d":"#);
        bytes.extend_from_slice(d);
        bytes.push(b'}');
        let v = simd_json::to_owned_value(&mut bytes).expect("parse");
        n += usize::from(!matches!(v, simd_json::OwnedValue::Static(_)));
    }
    let baseline = per(thread_cpu().saturating_sub(t));
    assert_eq!(n, MICRO);

    // ours: inflate, peek, copy d, parse d into the typed event (MESSAGE_CREATE) or a value
    let mut path = ClientPath::new(comp).expect("path");
    let t = thread_cpu();
    let mut buffers = asyncord::model::gateway::ParseBuffers::new();
    for (f, name) in frames.iter().zip(&names) {
        let (_, d) = path.process(f, |_| true).expect("frame");
        let data = d.to_vec();
        let event = Event::from_slice_with_buffers(name, &data, &mut buffers).expect("typed");
        std::hint::black_box(event);
    }
    let typed = per(thread_cpu().saturating_sub(t));

    // unsubscribed: inflate and peek only
    let mut path = ClientPath::new(comp).expect("path");
    let t = thread_cpu();
    for f in &frames {
        std::hint::black_box(path.process(f, |_| false).expect("frame"));
    }
    let unsubscribed = per(thread_cpu().saturating_sub(t));

    // inflate only
    let t = thread_cpu();
    let bytes: usize = match comp {
        Compression::ZstdStream => {
            use zstd::stream::raw::{Decoder, InBuffer, Operation, OutBuffer};
            let mut dec = Decoder::new().expect("zstd");
            let mut out = Vec::with_capacity(64 * 1024);
            frames
                .iter()
                .map(|f| {
                    out.clear();
                    let mut inb = InBuffer::around(f);
                    while inb.pos() < f.len() {
                        let len = out.len();
                        dec.run(&mut inb, &mut OutBuffer::around_pos(&mut out, len))
                            .expect("zstd");
                    }
                    out.len()
                })
                .sum()
        }
        Compression::ZlibStream => {
            let mut d = flate2::Decompress::new(true);
            let mut out = Vec::with_capacity(64 * 1024);
            frames
                .iter()
                .map(|f| {
                    out.clear();
                    d.decompress_vec(f, &mut out, flate2::FlushDecompress::Sync)
                        .expect("zlib");
                    out.len()
                })
                .sum()
        }
        Compression::None => frames.iter().map(Vec::len).sum(),
    };
    std::hint::black_box(bytes);
    let inflate = per(thread_cpu().saturating_sub(t));
    [baseline, typed, unsubscribed, inflate]
}

fn child(case: &str) {
    let mut parts = case.split(':');
    let (kind, comp) = (
        parts.next().unwrap_or_default(),
        compression(parts.next().unwrap_or_default()),
    );
    match kind {
        "flood" | "flood-unsub" => {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("runtime");
            let (eps, cpu_us, delivered) = rt.block_on(flood(comp, kind == "flood"));
            println!("{eps:.0} {cpu_us:.2} {delivered} {}", peak_rss_kib());
        }
        _ => {
            let [b, t, u, i] = micro(comp);
            println!("{b:.0} {t:.0} {u:.0} {i:.0}");
        }
    }
}

fn main() {
    if let Ok(case) = std::env::var("GATEWAY_FLOOD_CASE") {
        child(&case);
        return;
    }
    let exe = std::env::current_exe().expect("exe");
    let run = |case: &str| -> Vec<f64> {
        let out = Command::new(&exe)
            .env("GATEWAY_FLOOD_CASE", case)
            .output()
            .expect("child");
        assert!(
            out.status.success(),
            "{case}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect()
    };
    println!(
        "gateway flood: {FLOOD} events, realistic mix (35% MESSAGE_CREATE, 20% TYPING_START, 20% PRESENCE_UPDATE, ...), loopback TCP, emulator and client in one process on 2 worker threads"
    );
    println!(
        "{:<6} {:>22} {:>16} {:>13} {:>18} {:>16} {:>13}",
        "comp",
        "subscribed+parsed ev/s",
        "CPU us/ev (all)",
        "peak RSS MiB",
        "unsubscribed ev/s",
        "CPU us/ev (all)",
        "peak RSS MiB"
    );
    for comp in ["zstd", "zlib", "none"] {
        let s = run(&format!("flood:{comp}"));
        let u = run(&format!("flood-unsub:{comp}"));
        println!(
            "{comp:<6} {:>22.0} {:>16.2} {:>13.1} {:>18.0} {:>16.2} {:>13.1}",
            s[0],
            s[1],
            s[3] / 1024.0,
            u[0],
            u[1],
            u[3] / 1024.0
        );
    }
    println!();
    println!("client path alone, CPU ns per event ({MICRO} pre-compressed frames, one thread):");
    println!(
        "{:<6} {:>26} {:>26} {:>8} {:>18} {:>14}",
        "comp",
        "inflate+generic parse",
        "inflate+peek+typed parse",
        "ratio",
        "unsubscribed",
        "inflate only"
    );
    for comp in ["zstd", "zlib", "none"] {
        let m = run(&format!("micro:{comp}"));
        println!(
            "{comp:<6} {:>26.0} {:>26.0} {:>8.2} {:>18.0} {:>14.0}",
            m[0],
            m[1],
            m[1] / m[0],
            m[2],
            m[3]
        );
    }
}
