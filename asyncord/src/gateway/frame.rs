//! [`DispatchFrame`]: one dispatch as a shard received it, `d` still unparsed — what an
//! [`EventSink`](super::EventSink) takes
//! ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).

use std::borrow::Cow;

use asyncord_model::gateway::EventKind;
use bytes::BytesMut;

/// One dispatch (op 0) as received, with `d` still unparsed.
///
/// `Debug` shows the size of `d`, not its content: an interaction's `d` holds its token.
#[derive(Clone, PartialEq, Eq)]
pub struct DispatchFrame {
    /// The shard it arrived on.
    pub shard_id: u32,
    /// Its sequence number.
    pub seq: u64,
    /// The event, `None` for a name this version does not know.
    pub kind: Option<EventKind>,
    /// The `t` name.
    pub name: Cow<'static, str>,
    /// The JSON bytes of `d`.
    ///
    /// To spare a copy and an allocation per frame, `data` shares its allocation with the
    /// frames read or decompressed next to it (a few KiB; a large frame has its own): a frame
    /// kept for long keeps that block alive. Copy the bytes out (`data.to_vec()`) to keep one
    /// small frame for long.
    pub data: BytesMut,
}

impl std::fmt::Debug for DispatchFrame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DispatchFrame")
            .field("shard_id", &self.shard_id)
            .field("seq", &self.seq)
            .field("kind", &self.kind)
            .field("name", &self.name)
            .field("data", &format_args!("<{} bytes>", self.data.len()))
            .finish()
    }
}
