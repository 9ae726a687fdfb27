//! asyncord's clients for the side-by-side gateway ingest bench: a fake Discord gateway
//! (`fakecord`, outside this repository) floods one shard on loopback with a realistic mix of
//! dispatches, and each client — asyncord's, twilight's, a raw ceiling — takes them in turn
//! (see `BENCHMARKS.md` for the command and the figures).
//!
//! This crate implements the bench's client contract itself: the `BENCH_*` variables (or the
//! same options as flags) in, one JSON line out, the clock from READY to the end marker, and the
//! bytes received counted at asyncord's transport seam, a counting
//! [`Connector`](asyncord::gateway::Connector). Gateway docs:
//! <https://discord.com/developers/docs/events/gateway>.

mod contract;
mod wire;

pub use contract::{Clock, Env, Report, exit_with, peak_rss_kb, shards_flag, watchdog};
pub use wire::CountingConnector;

/// The dispatch name fakecord sends after the benchmark's events (unknown to every library).
pub const DONE_EVENT: &str = "BENCH_DONE";
