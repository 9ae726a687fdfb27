//! [`EmulatorStats`]: what the emulator holds now — connections, sessions, logs, rate-limit
//! counters — so tests (and anyone watching a long-running emulator) can check that careless or
//! hostile clients leave it bounded.

use crate::gateway::GatewayStats;
use crate::rest::RestStats;

/// What the emulator holds now (see [`Emulator::stats`](crate::Emulator::stats)); every count is
/// bounded by the configuration.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EmulatorStats {
    /// The REST side: open connections, the request log, the rate-limit counters.
    pub rest: RestStats,
    /// The gateway side: open connections, sessions, the event log.
    pub gateway: GatewayStats,
    /// Dispatches kept for the expectations
    /// ([`EmulatorBuilder::dispatch_log_capacity`](crate::EmulatorBuilder::dispatch_log_capacity)).
    pub recorded_dispatches: usize,
}
