//! [`RawEvent`]: every dispatch as Discord sent it, for handlers added with
//! [`Dispatcher::add_raw_handler`](super::Dispatcher::add_raw_handler) — including event names
//! this version does not know and payloads that failed to parse.

use std::sync::Arc;

use asyncord_model::gateway::EventKind;
use asyncord_model::gateway::events::{Event, EventParseError};

use super::error::DispatchError;

/// One gateway dispatch, unparsed.
///
/// `Debug` shows the size of `data`, not its content: an interaction's `d` holds its token.
#[derive(Clone)]
pub struct RawEvent {
    /// The shard that received it.
    pub shard_id: u32,
    /// Its sequence number on that shard.
    pub seq: u64,
    /// Its kind, `None` for a name this version does not know.
    pub kind: Option<EventKind>,
    /// The `t` name.
    pub name: Arc<str>,
    /// The JSON of `d`, as received.
    pub data: Arc<[u8]>,
    /// Set when a typed handler's event failed to parse from `data`.
    pub parse_error: Option<Arc<DispatchError>>,
}

impl std::fmt::Debug for RawEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawEvent")
            .field("shard_id", &self.shard_id)
            .field("seq", &self.seq)
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("data", &format_args!("<{} bytes>", self.data.len()))
            .field("parse_error", &self.parse_error)
            .finish()
    }
}

impl RawEvent {
    /// `d` as text (`None` if it is not UTF-8, which Discord never sends).
    pub fn json(&self) -> Option<&str> {
        std::str::from_utf8(&self.data).ok()
    }

    /// Parses `d` into any deserialisable type (off the hot path, with `serde_json`).
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.data)
    }

    /// Parses `d` into the model's [`Event`] with the model's JSON reader (an unknown name gives
    /// `Event::Unknown`); the error names the JSON path of the value that did not fit.
    pub fn to_event(&self) -> Result<Event, EventParseError> {
        Event::from_slice(&self.name, &self.data)
    }
}
