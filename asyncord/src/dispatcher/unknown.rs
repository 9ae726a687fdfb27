//! [`UnknownEvent`]: a dispatch whose `t` name this version of asyncord does not know (an event
//! Discord added since), for handlers added with
//! [`Dispatcher::add_unknown_handler`](super::Dispatcher::add_unknown_handler)
//! ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).
//!
//! Unlike a raw handler, which makes the dispatcher copy every frame, an unknown-event handler
//! costs nothing for the events asyncord knows: only frames with an unknown name reach it.

use std::sync::Arc;

/// A dispatch with an event name this version does not know, `d` unparsed.
///
/// `Debug` shows the size of `data`, not its content.
#[derive(Clone)]
pub struct UnknownEvent {
    /// The shard that received it.
    pub shard_id: u32,
    /// Its sequence number on that shard.
    pub seq: u64,
    /// The `t` name.
    pub name: Arc<str>,
    /// The JSON of `d`, as received.
    pub data: Arc<[u8]>,
}

impl std::fmt::Debug for UnknownEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UnknownEvent")
            .field("shard_id", &self.shard_id)
            .field("seq", &self.seq)
            .field("name", &self.name)
            .field("data", &format_args!("<{} bytes>", self.data.len()))
            .finish()
    }
}

impl UnknownEvent {
    /// `d` as text (`None` if it is not UTF-8, which Discord never sends).
    pub fn json(&self) -> Option<&str> {
        std::str::from_utf8(&self.data).ok()
    }

    /// Parses `d` into any deserialisable type (with `serde_json`).
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.data)
    }
}
