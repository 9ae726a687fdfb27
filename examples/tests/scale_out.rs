//! The `scale_out` example run as a user runs it (`cargo run --example scale_out`): its own
//! `redis-server`, the emulator, a gateway process and two worker processes, 20 messages from a
//! simulated user. It succeeds when the 20 messages got exactly 20 answers, from at most two
//! processes, none of them the launcher.
//!
//! Skipped (with a message) without `redis-server`, unless `ASYNCORD_REQUIRE_REDIS` is set (as
//! CI does).

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use asyncord::testkit::{REQUIRE_REDIS_VAR, RedisServer};

/// How long the whole example may take (it allows itself a minute for the answers).
const LIMIT: Duration = Duration::from_secs(150);

/// The example's binary: `cargo test` builds the examples beside the test binaries
/// (`target/<profile>/examples/`); when only this test was built, it is built here.
fn example_binary(name: &str) -> PathBuf {
    let test_exe = std::env::current_exe().expect("the test binary's path");
    let profile_dir = test_exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("the test binary lies in <target>/<profile>/deps");
    let binary = profile_dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    if !binary.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-p", "asyncord-examples", "--example", name])
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the {name} example failed");
    }
    binary
}

#[test]
fn scale_out_answers_each_message_once_from_a_worker_process() {
    if !RedisServer::is_installed() && !RedisServer::is_required() {
        eprintln!(
            "SKIPPED scale_out: redis-server is not installed (not found on PATH); set \
             {REQUIRE_REDIS_VAR}=1 to make its absence fail, as CI does."
        );
        return;
    }
    let mut child = Command::new(example_binary("scale_out"))
        .env_remove("DISCORD_TOKEN")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the example starts");
    let launcher = child.id();
    let mut stdout = child.stdout.take().expect("piped");
    // The children write to the same pipe; it closes once the launcher has stopped them.
    let (sender, output) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stdout.read_to_string(&mut out);
        let _ = sender.send(out);
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the example can be waited for") {
            break status;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the scale_out example did not finish within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let out = output
        .recv_timeout(Duration::from_secs(20))
        .expect("the example's output closes once it and its children stopped");
    assert!(
        status.success(),
        "the example failed ({status}); it printed:\n{out}"
    );

    assert!(out.contains("20 answers:"), "{out}");
    // Each answer is printed as the body the worker posted: {"content":"handled by worker PID"}.
    let workers: Vec<u32> = out
        .lines()
        .filter_map(|line| line.split_once("handled by worker ").map(|(_, rest)| rest))
        .map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().expect("a process id")
        })
        .collect();
    assert_eq!(workers.len(), 20, "one answer per message: {out}");
    assert!(
        workers.iter().all(|&pid| pid != launcher),
        "answered by the launcher: {out}"
    );
    let mut distinct = workers.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(
        (1..=2).contains(&distinct.len()),
        "answers from {distinct:?}, not from the two workers: {out}"
    );
}
