//! Faults the emulator can be told to produce: 429s of each scope, server errors, slow
//! responses, non-JSON bodies.

use std::time::Duration;

use asyncord_model::rate_limit::RateLimitScope;

/// One kind of fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// A 429 with `retry_after`, `X-RateLimit-Scope` and (for `Global`) `X-RateLimit-Global`.
    RateLimited {
        /// The scope.
        scope: RateLimitScope,
        /// How long the client must wait.
        retry_after: Duration,
    },
    /// A server error with this status (500, 502, 503...) and Discord's JSON body.
    ServerError(u16),
    /// The response is delayed (then served normally).
    Slow(Duration),
    /// A response with `status` and a body that is not JSON (like a proxy's HTML page).
    NonJson {
        /// The HTTP status.
        status: u16,
        /// The body.
        body: String,
    },
}

/// A fault, the route it applies to, and how many times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FaultRule {
    /// The fault.
    pub fault: Fault,
    /// The route key it applies to (`"GET channels/{}"`, as [`RecordedRequest::route`](super::RecordedRequest::route)
    /// names it), or every request when `None`.
    pub route: Option<String>,
    /// How many more requests it applies to.
    pub times: u32,
}

impl FaultRule {
    /// A fault on the next request of any route.
    pub fn new(fault: Fault) -> Self {
        Self {
            fault,
            route: None,
            times: 1,
        }
    }

    /// Only on this route key (`"METHOD template"`, `{}` for each parameter).
    pub fn on(mut self, route_key: impl Into<String>) -> Self {
        self.route = Some(route_key.into());
        self
    }

    /// For the next `n` matching requests.
    pub fn times(mut self, n: u32) -> Self {
        self.times = n;
        self
    }

    pub(crate) fn matches(&self, route_key: &str) -> bool {
        self.times > 0 && self.route.as_deref().is_none_or(|r| r == route_key)
    }
}
