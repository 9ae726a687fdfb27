//! [`find`]: which operation of the table an incoming request calls, for a router.

use super::endpoint::{Method, Operation, Segment};
use super::table::ALL;

/// An operation that a path matched, and the values of its parameters in that path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'p> {
    /// The operation.
    pub operation: &'static Operation,
    /// Each parameter's name and value, in path order.
    pub params: Vec<(&'static str, &'p str)>,
}

impl<'p> Found<'p> {
    /// The value of the parameter `name`.
    pub fn param(&self, name: &str) -> Option<&'p str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| *value)
    }
}

/// The operation of `method` whose template matches the decoded path segments (no base path,
/// no query), with its parameters' values. Where several templates match, literal segments win
/// over parameters from left to right (`/users/@me` is [`GET_CURRENT_USER`](super::GET_CURRENT_USER), not [`GET_USER`](super::GET_USER));
/// where two operations share a method and a path (a webhook route and the interaction
/// follow-up that uses it), the first in [`ALL`] is returned: the webhook's.
pub fn find<'p>(method: Method, segments: &[&'p str]) -> Option<Found<'p>> {
    let mut best: Option<(Vec<bool>, Found<'p>)> = None;
    for operation in ALL.iter().copied().filter(|op| op.method() == method) {
        let Some(params) = operation.match_segments(segments) else {
            continue;
        };
        let score: Vec<bool> = operation
            .segments()
            .map(|s| matches!(s, Segment::Literal(_)))
            .collect();
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, Found { operation, params }));
        }
    }
    best.map(|(_, found)| found)
}
