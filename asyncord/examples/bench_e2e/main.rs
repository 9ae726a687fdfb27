//! End-to-end benchmark: the emulator floods a bot over loopback WebSocket, and the bot's cost is
//! measured in its own process (events per second, CPU time per event, peak RSS); plus idle
//! memory per connected shard, REST latency against bare hyper, and the per-message path on
//! pre-compressed frames against inflate + a generic JSON parse.
//!
//! Every case runs the emulator and the bot in two fresh child processes of this binary, so each
//! peak RSS and CPU figure belongs to the bot alone.
//!
//! ```text
//! cargo run -p asyncord --features testkit --profile bench --example bench_e2e -- [SECTION] [--events N] [--runs R]
//! ```
//!
//! SECTION: `gateway` (1 shard, zstd-stream and zlib-stream, four subscription modes), `shards`
//! (16 shards in one process), `idle` (RSS per idle shard), `rest` (p50/p90/p99 latency),
//! `micro` (CPU ns per frame of each stage), or `all` (the default). See `BENCHMARKS.md`.

#[path = "../../../asyncord-model/benches/support/payloads.rs"]
mod payloads;

mod client;
mod micro;
mod proc;
mod rest;
mod server;

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}

fn env_num(name: &str, default: u64) -> u64 {
    env(name).parse().unwrap_or(default)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

/// Runs one role in this (child) process and prints its result line(s).
fn role(role: &str) {
    let shards = env_num("BENCH_SHARDS", 1) as u32;
    let events = env_num("BENCH_EVENTS", 0);
    let comp = client::compression(&env("BENCH_COMP"));
    let url = env("BENCH_URL");
    let out = match role {
        "gw-server" => {
            runtime().block_on(server::gateway(shards, events as usize));
            return;
        }
        "rest-server" => {
            runtime().block_on(server::rest());
            return;
        }
        "flood" => {
            let mode = client::Mode::parse(&env("BENCH_MODE")).expect("BENCH_MODE");
            runtime().block_on(client::flood(&url, shards, events, comp, mode))
        }
        "idle" => runtime().block_on(client::idle(&url, shards, comp)),
        "rest" => {
            let mut parts = url.split_whitespace();
            let (base, token, channel) = (
                parts.next().unwrap_or_default().to_owned(),
                parts.next().unwrap_or_default().to_owned(),
                parts.next().and_then(|c| c.parse().ok()).unwrap_or(0),
            );
            runtime().block_on(rest::run(&base, &token, channel, events as usize))
        }
        "micro" => micro::run(comp, env_num("BENCH_FRAMES", 20_000) as usize),
        other => panic!("unknown role {other}"),
    };
    println!("{out}");
}

/// Starts a server child, then a client child pointed at it; returns the client's output.
fn case(server_role: &str, server_env: &[(&str, String)], client_env: &[(&str, String)]) -> String {
    let exe = std::env::current_exe().expect("exe");
    let mut server = Command::new(&exe)
        .env("BENCH_E2E_ROLE", server_role)
        .envs(server_env.iter().map(|(k, v)| (*k, v)))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("server process");
    let mut line = String::new();
    let mut reader = BufReader::new(server.stdout.take().expect("stdout"));
    reader.read_line(&mut line).expect("server url");
    let out = Command::new(&exe)
        .env("BENCH_URL", line.trim())
        .envs(client_env.iter().map(|(k, v)| (*k, v)))
        .output()
        .expect("client process");
    drop(server.stdin.take());
    let _ = server.wait();
    let mut rest = String::new();
    let _ = reader.read_to_string(&mut rest);
    assert!(
        out.status.success(),
        "client failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn nums(line: &str) -> Vec<f64> {
    line.split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect()
}

/// `median [min..max]` of one column over runs.
fn summary(runs: &[Vec<f64>], col: usize, digits: usize) -> String {
    let mut v: Vec<f64> = runs.iter().map(|r| r[col]).collect();
    v.sort_by(f64::total_cmp);
    let (lo, hi) = (v[0], v[v.len() - 1]);
    let (med, _, _) = proc::spread(&mut v);
    format!("{med:.digits$} [{lo:.digits$}..{hi:.digits$}]")
}

fn flood_rows(shards: u32, events: u64, runs: usize, comps: &[&str], modes: &[&str]) {
    println!(
        "{:<6} {:<10} {:>28} {:>24} {:>22}",
        "comp", "mode", "events/s", "CPU µs/event", "peak RSS MiB"
    );
    for comp in comps {
        for mode in modes {
            let results: Vec<Vec<f64>> = (0..runs)
                .map(|_| {
                    let out = case(
                        "gw-server",
                        &[
                            ("BENCH_SHARDS", shards.to_string()),
                            ("BENCH_EVENTS", events.to_string()),
                        ],
                        &[
                            ("BENCH_E2E_ROLE", "flood".into()),
                            ("BENCH_SHARDS", shards.to_string()),
                            ("BENCH_EVENTS", events.to_string()),
                            ("BENCH_COMP", (*comp).into()),
                            ("BENCH_MODE", (*mode).into()),
                        ],
                    );
                    let mut n = nums(&out);
                    n[2] /= 1024.0;
                    n
                })
                .collect();
            println!(
                "{comp:<6} {mode:<10} {:>28} {:>24} {:>22}",
                summary(&results, 0, 0),
                summary(&results, 1, 2),
                summary(&results, 2, 1)
            );
        }
    }
}

fn main() {
    let role_name = env("BENCH_E2E_ROLE");
    if !role_name.is_empty() {
        role(&role_name);
        return;
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1)?.parse().ok())
            .unwrap_or(default)
    };
    let section = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map_or("all", String::as_str);
    let events = flag("--events", 200_000);
    let runs = flag("--runs", 3) as usize;
    let all = section == "all";
    println!("bench_e2e: {events} events per flood, {runs} runs per figure (median [min..max])");

    if all || section == "gateway" {
        println!(
            "\n## 1 shard, traffic mix (40% MESSAGE_CREATE, 25% PRESENCE_UPDATE, 25% TYPING_START, 10% INTERACTION_CREATE)"
        );
        flood_rows(
            1,
            events,
            runs,
            &["zstd", "zlib"],
            &["all", "one", "nohandler", "unsub"],
        );
    }
    if all || section == "shards" {
        println!("\n## 16 shards in one process, same total");
        flood_rows(16, events, runs, &["zstd", "zlib"], &["all", "unsub"]);
    }
    if all || section == "idle" {
        println!("\n## idle shards: RSS growth after connecting and 2 s idle (KiB)");
        println!(
            "{:<6} {:>7} {:>12} {:>12} {:>14}",
            "comp", "shards", "RSS before", "RSS after", "KiB per shard"
        );
        for comp in ["zstd", "zlib", "none"] {
            for shards in [1_u32, 16, 64] {
                let out = case(
                    "gw-server",
                    &[
                        ("BENCH_SHARDS", shards.to_string()),
                        ("BENCH_EVENTS", "0".into()),
                    ],
                    &[
                        ("BENCH_E2E_ROLE", "idle".into()),
                        ("BENCH_SHARDS", shards.to_string()),
                        ("BENCH_COMP", comp.into()),
                    ],
                );
                let n = nums(&out);
                println!(
                    "{comp:<6} {shards:>7} {:>12.0} {:>12.0} {:>14.1}",
                    n[0],
                    n[1],
                    (n[1] - n[0]) / f64::from(shards)
                );
            }
        }
    }
    if all || section == "rest" {
        let requests = flag("--requests", 5_000);
        println!(
            "\n## REST GET /channels/{{id}} over loopback, {requests} sequential requests per path, µs"
        );
        println!("{:<34} {:>8} {:>8} {:>8}", "path", "p50", "p90", "p99");
        let out = case(
            "rest-server",
            &[],
            &[
                ("BENCH_E2E_ROLE", "rest".into()),
                ("BENCH_EVENTS", requests.to_string()),
            ],
        );
        for (name, line) in [
            "bare hyper",
            "asyncord HttpClient::execute",
            "asyncord channels.get (typed)",
        ]
        .iter()
        .zip(out.lines())
        {
            let n = nums(line);
            println!("{name:<34} {:>8.1} {:>8.1} {:>8.1}", n[0], n[1], n[2]);
        }
    }
    if all || section == "micro" {
        let frames = flag("--frames", 100_000);
        println!(
            "\n## per-message path, CPU ns per frame ({frames} frames of the mix, one thread)"
        );
        println!(
            "{:<6} {:>7} {:>9} {:>13} {:>12} {:>8} {:>8} {:>10} {:>14} {:>14}",
            "comp",
            "bytes",
            "inflate",
            "+serde Value",
            "+simd Value",
            "unsub",
            "typed",
            "dispatch",
            "typed/serdeV",
            "unsub/inflate"
        );
        for comp in ["zstd", "zlib"] {
            let exe = std::env::current_exe().expect("exe");
            let out = Command::new(exe)
                .env("BENCH_E2E_ROLE", "micro")
                .env("BENCH_COMP", comp)
                .env("BENCH_FRAMES", frames.to_string())
                .output()
                .expect("micro");
            let n = nums(String::from_utf8_lossy(&out.stdout).trim());
            println!(
                "{comp:<6} {:>7.0} {:>9.0} {:>13.0} {:>12.0} {:>8.0} {:>8.0} {:>10.0} {:>14.2} {:>14.2}",
                n[0],
                n[1],
                n[2],
                n[3],
                n[4],
                n[5],
                n[6],
                n[5] / n[2],
                n[4] / n[1]
            );
        }
    }
}
