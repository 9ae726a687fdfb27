//! Process measurements from `/proc` (Linux): CPU time of the whole process (what
//! `getrusage(RUSAGE_SELF)` reports: user + system, every thread), resident memory now and its
//! peak (VmRSS, VmHWM), and the calling thread's CPU time in nanoseconds.

use std::time::Duration;

/// A `/proc/self/status` field in KiB (`VmRSS`, `VmHWM`).
fn status_kib(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Resident memory now, KiB.
pub fn rss_kib() -> u64 {
    status_kib("VmRSS:")
}

/// Peak resident memory since the process started, KiB.
pub fn peak_rss_kib() -> u64 {
    status_kib("VmHWM:")
}

/// User + system CPU time of the whole process (all threads, live and exited), from
/// `/proc/self/stat` (clock ticks, 10 ms on this kernel: runs are long enough for 1% accuracy).
pub fn process_cpu() -> Duration {
    let ticks_per_sec = 100;
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            // fields 14 (utime) and 15 (stime), counted from 1 before the ')' split
            let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
            Some(Duration::from_millis(ticks * 1000 / ticks_per_sec))
        })
        .unwrap_or(Duration::ZERO)
}

/// CPU time of the calling thread, nanosecond resolution (scheduler statistics).
pub fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// Median and the 10th/90th percentiles of `v` (sorted in place).
pub fn spread(v: &mut [f64]) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.1), at(0.9))
}
