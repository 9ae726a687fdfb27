//! The gateway frame `{op, d, s, t}` as received, parsed in two steps
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#payload-structure)).
//!
//! [`RawFrame`] reads `op`, `s` and `t` and keeps `d` unparsed as a borrowed
//! [`RawValue`]: the gateway can decide from `t` alone whether
//! anyone wants the event, and only then parse `d` (for example with
//! [`Event::from_slice`](crate::gateway::Event::from_slice) over the byte range
//! [`RawFrame::data_range`] returns, inside the frame's own buffer).

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::opcode::OpCode;

/// A received gateway frame with its payload `d` left unparsed.
///
/// Borrowed from the frame text: cheap to build (no allocation unless `t` contains escapes).
#[derive(Clone, Debug, Deserialize)]
pub struct RawFrame<'a> {
    /// The opcode.
    pub op: OpCode,
    /// The sequence number (dispatches only).
    #[serde(default)]
    pub s: Option<u64>,
    /// The event name (dispatches only).
    #[serde(default, borrow)]
    pub t: Option<Cow<'a, str>>,
    /// The payload, unparsed; `None` when absent or `null`.
    #[serde(default, borrow)]
    pub d: Option<&'a RawValue>,
}

/// A frame that is not a valid gateway frame (not JSON, or no integer `op`).
#[derive(Debug, thiserror::Error)]
#[error("invalid gateway frame: {0}")]
pub struct FrameError(#[from] serde_json::Error);

impl<'a> RawFrame<'a> {
    /// Reads `op`, `s` and `t` from a frame's text, leaving `d` unparsed.
    ///
    /// # Errors
    /// [`FrameError`] when the text is not a JSON object with an integer `op`.
    pub fn parse(text: &'a str) -> Result<Self, FrameError> {
        Ok(serde_json::from_str(text)?)
    }

    /// Same as [`RawFrame::parse`], from bytes (which must be UTF-8 JSON).
    ///
    /// # Errors
    /// [`FrameError`] when the bytes are not a JSON object with an integer `op`.
    pub fn parse_bytes(bytes: &'a [u8]) -> Result<Self, FrameError> {
        Ok(serde_json::from_slice(bytes)?)
    }

    /// The event name, for dispatches.
    pub fn event_name(&self) -> Option<&str> {
        self.t.as_deref()
    }

    /// The unparsed payload text (`None` when `d` is absent or `null`).
    pub fn data_json(&self) -> Option<&'a str> {
        self.d.map(RawValue::get)
    }

    /// The byte range of `d` inside `frame`, the text or bytes this frame was parsed from.
    ///
    /// Lets a caller that owns the frame's buffer parse `d` later without a copy
    /// (`&buf[range]`).
    /// Returns `None` when `d` is absent or `null`, or when `frame` is not the buffer this
    /// frame borrows from.
    pub fn data_range(&self, frame: &[u8]) -> Option<Range<usize>> {
        let d = self.d?.get();
        let start = (d.as_ptr() as usize).checked_sub(frame.as_ptr() as usize)?;
        let end = start.checked_add(d.len())?;
        (end <= frame.len()).then_some(start..end)
    }

    /// Parses `d` into `T` with serde_json (for the small bookkeeping payloads: Hello,
    /// Invalid Session, READY's session fields).
    ///
    /// # Errors
    /// The serde error when `d` does not match `T` (an absent `d` is parsed as `null`).
    pub fn parse_data<T: Deserialize<'a>>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_str(self.d.map_or("null", RawValue::get))
    }
}

/// The `d` of op 10 Hello.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hello {
    /// Interval, in milliseconds, between heartbeats.
    pub heartbeat_interval: u64,
}

/// The `d` of op 9 Invalid Session: whether the session may be resumed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InvalidSession {
    /// `true`: reconnect and resume; `false`: reconnect and identify again.
    pub resumable: bool,
}

#[cfg(test)]
mod tests {
    use super::{Hello, InvalidSession, RawFrame};
    use crate::gateway::OpCode;

    #[test]
    fn dispatch_frame_keeps_d_unparsed() {
        let text = r#"{"t":"MESSAGE_CREATE","s":42,"op":0,"d":{"id":"1","content":"hi"}}"#;
        let frame = RawFrame::parse(text).unwrap();
        assert_eq!(frame.op, OpCode::Dispatch);
        assert_eq!(frame.s, Some(42));
        assert_eq!(frame.event_name(), Some("MESSAGE_CREATE"));
        assert_eq!(frame.data_json(), Some(r#"{"id":"1","content":"hi"}"#));
        let range = frame.data_range(text.as_bytes()).unwrap();
        assert_eq!(&text[range], r#"{"id":"1","content":"hi"}"#);
        assert_eq!(frame.data_range(b"other buffer"), None);
    }

    #[test]
    fn hello_ack_and_invalid_session() {
        let hello = RawFrame::parse_bytes(
            br#"{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}"#,
        )
        .unwrap();
        assert_eq!(hello.op, OpCode::Hello);
        assert_eq!(
            hello.parse_data::<Hello>().unwrap().heartbeat_interval,
            41250
        );
        let ack = RawFrame::parse(r#"{"op":11}"#).unwrap();
        assert_eq!(ack.op, OpCode::HeartbeatAck);
        assert!(ack.d.is_none() && ack.t.is_none() && ack.s.is_none());
        let invalid = RawFrame::parse(r#"{"op":9,"d":false}"#).unwrap();
        assert!(!invalid.parse_data::<InvalidSession>().unwrap().resumable);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(RawFrame::parse("not json").is_err());
        assert!(RawFrame::parse(r#"{"d":1}"#).is_err());
        assert!(RawFrame::parse(r#"{"op":"x"}"#).is_err());
    }
}
