//! The bench's client contract: the run's parameters (environment variables, or the same as
//! flags), a refusal of anything but loopback, the clock from READY to the end marker, a
//! watchdog, and the one JSON line a client prints.

use std::fmt::Write as _;
use std::io::Write as _;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use asyncord::gateway::Compression;

/// The run's parameters, as the bench hands them to every client.
#[derive(Clone, Debug)]
pub struct Env {
    /// `ws://127.0.0.1:PORT`, without path or query.
    pub gateway_url: String,
    /// `http://127.0.0.1:PORT`, where `/api/v10/...` is served.
    pub http_url: String,
    /// How many dispatch events the server sends after READY.
    pub events: u64,
    /// The transport compression to ask for.
    pub compression: Compression,
    /// The token to identify with (any will do).
    pub token: String,
    /// The client gives up after this long.
    pub timeout: Duration,
}

impl Env {
    /// Reads `BENCH_GATEWAY_URL`, `BENCH_HTTP_URL`, `BENCH_EVENTS`, `BENCH_COMPRESS`,
    /// `BENCH_TOKEN` and `BENCH_TIMEOUT_SECS`; the flags `--gateway-url`, `--http-url`,
    /// `--events`, `--compress`, `--token` and `--timeout-secs` override them. Exits with status
    /// 2 on a missing or malformed value, or a URL whose host is not on loopback.
    pub fn load() -> Self {
        const VARIABLES: [&str; 6] = [
            "BENCH_GATEWAY_URL",
            "BENCH_HTTP_URL",
            "BENCH_EVENTS",
            "BENCH_COMPRESS",
            "BENCH_TOKEN",
            "BENCH_TIMEOUT_SECS",
        ];
        let mut values = VARIABLES.map(|name| std::env::var(name).ok());
        let args: Vec<String> = std::env::args().skip(1).collect();
        let mut i = 0;
        while i < args.len() {
            let slot = match args[i].as_str() {
                "--gateway-url" => 0,
                "--http-url" => 1,
                "--events" => 2,
                "--compress" => 3,
                "--token" => 4,
                "--timeout-secs" => 5,
                _ => {
                    i += 1;
                    continue;
                }
            };
            let Some(value) = args.get(i + 1) else {
                fail(&format!("{} needs a value", args[i]));
            };
            values[slot] = Some(value.clone());
            i += 2;
        }
        let [gateway, http, events, compress, token, timeout] = values;
        let gateway_url = gateway
            .unwrap_or_else(|| fail("BENCH_GATEWAY_URL is not set"))
            .trim_end_matches('/')
            .to_owned();
        let http_url = http.map_or_else(
            || gateway_url.replacen("ws://", "http://", 1),
            |u| u.trim_end_matches('/').to_owned(),
        );
        ensure_loopback(&gateway_url);
        ensure_loopback(&http_url);
        let events = events
            .as_deref()
            .unwrap_or("200000")
            .parse()
            .unwrap_or_else(|_| fail("BENCH_EVENTS is not a number"));
        let compression = match compress.as_deref().unwrap_or("none") {
            "" | "none" => Compression::None,
            "zlib-stream" | "zlib" => Compression::ZlibStream,
            other => fail(&format!(
                "BENCH_COMPRESS must be none or zlib-stream, not {other:?}"
            )),
        };
        let timeout = timeout
            .as_deref()
            .unwrap_or("120")
            .parse::<f64>()
            .ok()
            .filter(|s| s.is_finite() && *s > 0.0)
            .unwrap_or_else(|| fail("BENCH_TIMEOUT_SECS is not a positive number"));
        Self {
            gateway_url,
            http_url,
            events,
            compression,
            token: token.unwrap_or_else(|| "bench.dummy.token".to_owned()),
            timeout: Duration::from_secs_f64(timeout),
        }
    }

    /// The compression's name in the bench's table (`none`, `zlib-stream`).
    pub fn compress_name(&self) -> &'static str {
        match self.compression {
            Compression::ZlibStream => "zlib-stream",
            Compression::ZstdStream => "zstd-stream",
            Compression::None => "none",
        }
    }
}

/// Whether `host` (a name or an address, IPv6 in brackets or not) is this machine.
pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// Exits unless `url`'s host is on loopback.
fn ensure_loopback(url: &str) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or(rest);
    let host = if authority.starts_with('[') {
        authority.split(']').next().unwrap_or("")
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    if !is_loopback(host) {
        fail(&format!(
            "refusing the URL {url:?}: the bench talks to loopback only"
        ));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("bench client: {message}");
    std::process::exit(2);
}

/// The measured window: it opens at READY and closes at the end marker. Either instant is kept
/// from its first setting; safe to set from any thread.
#[derive(Debug, Default)]
pub struct Clock {
    ready: Mutex<Option<Instant>>,
    done: Mutex<Option<Instant>>,
}

impl Clock {
    /// A clock not started.
    pub fn new() -> Self {
        Self::default()
    }

    /// READY arrived.
    pub fn ready(&self) {
        set_once(&self.ready, Instant::now());
    }

    /// Whether READY arrived.
    pub fn is_ready(&self) -> bool {
        lock(&self.ready).is_some()
    }

    /// The end marker arrived (or, in a client that runs handlers concurrently, the last event
    /// was counted after it).
    pub fn done(&self) {
        set_once(&self.done, Instant::now());
    }

    /// Whether the end marker arrived.
    pub fn is_done(&self) -> bool {
        lock(&self.done).is_some()
    }

    /// The seconds from READY to the end marker (to now, while it has not arrived).
    pub fn secs(&self) -> f64 {
        match (*lock(&self.ready), *lock(&self.done)) {
            (Some(ready), Some(done)) => done.duration_since(ready).as_secs_f64(),
            (Some(ready), None) => ready.elapsed().as_secs_f64(),
            _ => 0.0,
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn set_once(slot: &Mutex<Option<Instant>>, at: Instant) {
    let mut slot = lock(slot);
    if slot.is_none() {
        *slot = Some(at);
    }
}

/// The one line a client prints.
#[derive(Clone, Debug)]
pub struct Report {
    /// The client's name in the table.
    pub client: &'static str,
    /// `none` or `zlib-stream`.
    pub compress: &'static str,
    /// Dispatch events counted after READY.
    pub events: u64,
    /// Dispatch events expected.
    pub expected: u64,
    /// Failures seen (a payload that did not parse, a connection that failed).
    pub errors: u64,
    /// Seconds from READY to the end marker.
    pub secs: f64,
    /// Bytes received from the gateway, WebSocket framing included.
    pub bytes_in: u64,
    /// Whether the end marker arrived.
    pub done: bool,
    /// The first error, or what the client wants said about the run.
    pub note: Option<String>,
}

impl Report {
    /// The run counts: the marker arrived, every event was counted, nothing failed.
    pub fn ok(&self) -> bool {
        self.done && self.events == self.expected && self.errors == 0
    }

    /// The JSON line.
    pub fn to_json(&self) -> String {
        let per_sec = if self.secs > 0.0 {
            self.events as f64 / self.secs
        } else {
            0.0
        };
        let mut line = String::with_capacity(256);
        let _ = write!(
            line,
            "{{\"client\":{},\"compress\":\"{}\",\"events\":{},\"expected\":{},\"errors\":{},\
             \"secs\":{:.6},\"events_per_sec\":{:.1},\"bytes_in\":{},\"peak_rss_kb\":{},\"ok\":{}",
            json_string(self.client),
            self.compress,
            self.events,
            self.expected,
            self.errors,
            self.secs,
            per_sec,
            self.bytes_in,
            peak_rss_kb(),
            self.ok(),
        );
        if let Some(note) = &self.note {
            let _ = write!(line, ",\"note\":{}", json_string(note));
        }
        line.push('}');
        line
    }
}

/// Prints `report`'s line on stdout and exits: 0 when it is OK, 1 otherwise.
pub fn exit_with(report: &Report) -> ! {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", report.to_json());
    let _ = out.flush();
    std::process::exit(i32::from(!report.ok()));
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Ends the process with a failure line once `env.timeout` has passed, whatever the client is
/// doing; `bytes_in` reads the bytes received so far.
pub fn watchdog(client: &'static str, env: &Env, bytes_in: impl Fn() -> u64 + Send + 'static) {
    let timeout = env.timeout;
    let compress = env.compress_name();
    let expected = env.events;
    let spawned = std::thread::Builder::new()
        .name("bench-watchdog".into())
        .spawn(move || {
            std::thread::sleep(timeout);
            eprintln!("{client}: no end marker after {timeout:?}; giving up");
            exit_with(&Report {
                client,
                compress,
                events: 0,
                expected,
                errors: 0,
                secs: timeout.as_secs_f64(),
                bytes_in: bytes_in(),
                done: false,
                note: Some("timed out".into()),
            });
        });
    if spawned.is_err() {
        fail("cannot start the watchdog thread");
    }
}

/// This process's peak resident set size in KiB (`VmHWM`), 0 when unknown.
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

/// The client's `--shards N` flag: how many shards it runs in one process (default 1).
pub fn shards_flag() -> u32 {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--shards")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts_pass() {
        for host in ["127.0.0.1", "127.9.9.9", "::1", "[::1]", "localhost"] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["10.0.0.1", "gateway.discord.gg", "0.0.0.0", ""] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[test]
    fn the_line_is_json_and_ok_needs_marker_count_and_no_error() {
        let mut report = Report {
            client: "asyncord \"user\"",
            compress: "none",
            events: 10,
            expected: 10,
            errors: 0,
            secs: 0.5,
            bytes_in: 1234,
            done: true,
            note: Some("a\nb".into()),
        };
        let line = report.to_json();
        assert!(line.starts_with("{\"client\":\"asyncord \\\"user\\\"\",\"compress\":\"none\""));
        assert!(line.contains("\"events_per_sec\":20.0,\"bytes_in\":1234"));
        assert!(line.ends_with(",\"ok\":true,\"note\":\"a\\u000ab\"}"));
        assert!(report.ok());
        report.events = 9;
        assert!(!report.ok());
        report.events = 10;
        report.done = false;
        assert!(!report.ok());
    }
}
