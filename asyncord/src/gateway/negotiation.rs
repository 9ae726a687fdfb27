//! Which transport compression a shard's connections use, against servers that may not support
//! the requested one
//! ([docs](https://discord.com/developers/docs/events/gateway#transport-compression)).
//!
//! Discord serves `zstd-stream` and `zlib-stream`; a self-hosted Discord-compatible server, a
//! gateway proxy or a test double may serve neither. A shard starts with the requested mode and
//! probes it: the first message of its first working connection settles it. When the server
//! refuses the WebSocket handshake with an HTTP client error while a `compress` parameter was
//! sent, or the first message of a connection cannot be decoded, the shard falls back
//! (`zstd-stream`, then `zlib-stream`, then none) on its next connection. A server that ignores
//! `compress` and sends plain JSON text frames settles the shard on no compression. Once settled,
//! the mode is kept for the shard's life: a decode failure later is a corrupt connection, not a
//! reason to probe again.

use super::compression::Compression;

/// How the first message of a connection arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FirstMessage {
    /// A text frame: plain JSON, whatever `compress` asked for.
    Text,
    /// A binary frame the connection's decompressor read.
    Decoded,
    /// A binary frame the connection's decompressor could not read.
    Undecodable,
}

/// What the shard does after a probe result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// Nothing changes (or the requested mode was confirmed).
    Keep,
    /// The shard settled on this mode, not the one requested: worth one warning.
    Settled(Compression),
    /// Reconnect at once with this mode.
    FallBack(Compression),
    /// A connection of a settled shard sent something its decompressor could not read: a
    /// corrupt connection, handled as any other failure.
    Corrupt,
}

/// A shard's transport-compression state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Negotiation {
    requested: Compression,
    current: Compression,
    settled: bool,
}

/// The mode tried after `mode` failed.
const fn next(mode: Compression) -> Compression {
    match mode {
        Compression::ZstdStream => Compression::ZlibStream,
        Compression::ZlibStream | Compression::None => Compression::None,
    }
}

impl Negotiation {
    /// Starts probing `requested` (nothing to probe without compression).
    pub(crate) fn new(requested: Compression) -> Self {
        Self {
            requested,
            current: requested,
            settled: requested == Compression::None,
        }
    }

    /// The mode the next connection uses.
    pub(crate) fn current(self) -> Compression {
        self.current
    }

    /// The handshake was refused with an HTTP client error: the mode to try at once, if the
    /// refusal may be about the `compress` parameter (one was sent and nothing is settled).
    pub(crate) fn refused(&mut self) -> Option<Compression> {
        if self.settled || self.current == Compression::None {
            return None;
        }
        self.current = next(self.current);
        Some(self.current)
    }

    /// The first message of a connection opened with [`Negotiation::current`] arrived.
    pub(crate) fn first_message(&mut self, message: FirstMessage) -> Step {
        if self.settled {
            return match message {
                FirstMessage::Undecodable => Step::Corrupt,
                FirstMessage::Text | FirstMessage::Decoded => Step::Keep,
            };
        }
        let settle_on = match message {
            FirstMessage::Text => Compression::None,
            FirstMessage::Decoded => self.current,
            FirstMessage::Undecodable if self.current == Compression::None => {
                // No decompressor to fail; unreachable in practice.
                return Step::Corrupt;
            }
            FirstMessage::Undecodable => {
                self.current = next(self.current);
                return Step::FallBack(self.current);
            }
        };
        self.current = settle_on;
        self.settled = true;
        if settle_on == self.requested {
            Step::Keep
        } else {
            Step::Settled(settle_on)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_with_the_requested_mode_settles_it_silently() {
        let mut n = Negotiation::new(Compression::ZstdStream);
        assert_eq!(n.first_message(FirstMessage::Decoded), Step::Keep);
        assert_eq!(n.current(), Compression::ZstdStream);
        // settled: a later refusal or undecodable first message does not re-probe
        assert_eq!(n.refused(), None);
        assert_eq!(n.first_message(FirstMessage::Undecodable), Step::Corrupt);
        assert_eq!(n.current(), Compression::ZstdStream);
    }

    #[test]
    fn refusals_fall_back_zstd_then_zlib_then_none() {
        let mut n = Negotiation::new(Compression::ZstdStream);
        assert_eq!(n.refused(), Some(Compression::ZlibStream));
        assert_eq!(n.refused(), Some(Compression::None));
        assert_eq!(n.refused(), None, "nothing left to fall back to");
        assert_eq!(
            n.first_message(FirstMessage::Text),
            Step::Settled(Compression::None)
        );
        assert_eq!(n.current(), Compression::None);
    }

    #[test]
    fn undecodable_first_messages_fall_back_zstd_then_zlib_then_none() {
        let mut n = Negotiation::new(Compression::ZstdStream);
        assert_eq!(
            n.first_message(FirstMessage::Undecodable),
            Step::FallBack(Compression::ZlibStream)
        );
        assert_eq!(
            n.first_message(FirstMessage::Undecodable),
            Step::FallBack(Compression::None)
        );
        assert_eq!(
            n.first_message(FirstMessage::Decoded),
            Step::Settled(Compression::None)
        );
        assert_eq!(n.first_message(FirstMessage::Decoded), Step::Keep);
    }

    #[test]
    fn a_fallback_that_works_is_kept() {
        let mut n = Negotiation::new(Compression::ZstdStream);
        assert_eq!(n.refused(), Some(Compression::ZlibStream));
        assert_eq!(
            n.first_message(FirstMessage::Decoded),
            Step::Settled(Compression::ZlibStream)
        );
        assert_eq!(n.refused(), None);
        assert_eq!(n.first_message(FirstMessage::Undecodable), Step::Corrupt);
        assert_eq!(n.current(), Compression::ZlibStream);
    }

    #[test]
    fn text_frames_settle_on_no_compression() {
        let mut n = Negotiation::new(Compression::ZlibStream);
        assert_eq!(
            n.first_message(FirstMessage::Text),
            Step::Settled(Compression::None)
        );
        assert_eq!(n.current(), Compression::None);
    }

    #[test]
    fn without_compression_nothing_is_probed() {
        let mut n = Negotiation::new(Compression::None);
        assert_eq!(n.refused(), None);
        assert_eq!(n.first_message(FirstMessage::Text), Step::Keep);
        assert_eq!(n.first_message(FirstMessage::Undecodable), Step::Corrupt);
    }
}
