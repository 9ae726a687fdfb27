//! Whole WebSocket messages from a gateway connection, within a size limit: one frame, or the
//! fragments of one message joined, never more than [`GatewayLimits::max_message_size`] bytes
//! ([RFC 6455 §5.4](https://www.rfc-editor.org/rfc/rfc6455#section-5.4); Discord's gateway is a
//! WebSocket: <https://discord.com/developers/docs/events/gateway#connecting>).
//!
//! A frame that announces more than the limit is refused from its header, before its payload is
//! read; fragments are counted as they arrive. Either fails the connection with an error naming
//! the limit.
//!
//! [`GatewayLimits::max_message_size`]: super::GatewayLimits::max_message_size

use bytes::BytesMut;
use fastwebsockets::{OpCode, Payload, WebSocketError};

use super::transport::WsRead;

/// A buffer that grew past this for one large message is shrunk back to it afterwards.
pub(crate) const RETAINED_BUFFER: usize = 1 << 20;

/// One message read from the connection.
pub(crate) enum Incoming {
    /// A text or binary message.
    Data {
        /// A binary message (compressed, when the connection compresses).
        binary: bool,
        /// Its bytes.
        payload: BytesMut,
    },
    /// A close frame, with its code if any.
    Close(Option<u16>),
}

/// Why no message could be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// The message is larger than the limit.
    #[error(
        "the gateway sent a message of more than {limit} bytes (the limit, \
         GatewayLimits::max_message_size)"
    )]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// A fragmented text message is not UTF-8.
    #[error("the gateway sent a text message that is not UTF-8")]
    NotUtf8,
    /// The WebSocket layer failed (I/O, protocol).
    #[error("{0}")]
    WebSocket(WebSocketError),
}

/// Reads whole messages from one connection.
pub(crate) struct Messages {
    read: WsRead,
    /// The fragments of the message being joined.
    fragments: BytesMut,
    /// The opcode of the message being joined, while one is.
    joining: Option<OpCode>,
    limit: usize,
    /// The largest capacity the fragment buffer reached.
    peak: usize,
}

impl Messages {
    /// Reads `read`'s messages, none larger than `limit` bytes.
    pub(crate) fn new(mut read: WsRead, limit: usize) -> Self {
        // fastwebsockets refuses a frame whose length is at least its maximum.
        read.set_max_message_size(limit.saturating_add(1));
        Self {
            read,
            fragments: BytesMut::new(),
            joining: None,
            limit,
            peak: 0,
        }
    }

    /// The largest capacity the buffer joining fragments reached.
    pub(crate) fn peak(&self) -> usize {
        self.peak
    }

    /// The next message. Pings and pongs are skipped (Discord sends none).
    pub(crate) async fn next(&mut self) -> Result<Incoming, ReadError> {
        let mut no_send = |_| async { Ok::<_, std::convert::Infallible>(()) };
        loop {
            let frame = self
                .read
                .read_frame(&mut no_send)
                .await
                .map_err(|e| match e {
                    WebSocketError::FrameTooLarge => ReadError::TooLarge { limit: self.limit },
                    e => ReadError::WebSocket(e),
                })?;
            let opcode = frame.opcode;
            let fin = frame.fin;
            let payload = match frame.payload {
                Payload::Bytes(bytes) => bytes,
                other => BytesMut::from(&other[..]),
            };
            match (opcode, self.joining) {
                (OpCode::Close, _) => {
                    let code =
                        (payload.len() >= 2).then(|| u16::from_be_bytes([payload[0], payload[1]]));
                    return Ok(Incoming::Close(code));
                }
                (OpCode::Text | OpCode::Binary, None) if fin => {
                    return Ok(Incoming::Data {
                        binary: opcode == OpCode::Binary,
                        payload,
                    });
                }
                (OpCode::Text | OpCode::Binary, None) => {
                    self.joining = Some(opcode);
                    self.join(&payload)?;
                }
                (OpCode::Continuation, Some(first)) => {
                    self.join(&payload)?;
                    if fin {
                        return self.joined(first);
                    }
                }
                (OpCode::Text | OpCode::Binary, Some(_)) => {
                    return Err(ReadError::WebSocket(WebSocketError::InvalidFragment));
                }
                (OpCode::Continuation, None) => {
                    return Err(ReadError::WebSocket(
                        WebSocketError::InvalidContinuationFrame,
                    ));
                }
                (OpCode::Ping | OpCode::Pong, _) => {}
            }
        }
    }

    /// Adds a fragment, within the limit.
    fn join(&mut self, fragment: &[u8]) -> Result<(), ReadError> {
        let len = self.fragments.len() + fragment.len();
        if len > self.limit {
            self.fragments = BytesMut::new();
            self.joining = None;
            return Err(ReadError::TooLarge { limit: self.limit });
        }
        if self.fragments.capacity() < len {
            // Doubling, but never past the limit (grown by hand: `BytesMut::reserve` may take
            // more than asked).
            let want = len.max(self.fragments.capacity() * 2).min(self.limit);
            let mut grown = BytesMut::with_capacity(want);
            grown.extend_from_slice(&self.fragments);
            self.fragments = grown;
            self.peak = self.peak.max(self.fragments.capacity());
        }
        self.fragments.extend_from_slice(fragment);
        Ok(())
    }

    /// The joined message, once its last fragment arrived.
    fn joined(&mut self, opcode: OpCode) -> Result<Incoming, ReadError> {
        self.joining = None;
        let payload = std::mem::take(&mut self.fragments);
        if opcode == OpCode::Text && std::str::from_utf8(&payload).is_err() {
            return Err(ReadError::NotUtf8);
        }
        Ok(Incoming::Data {
            binary: opcode == OpCode::Binary,
            payload,
        })
    }
}
