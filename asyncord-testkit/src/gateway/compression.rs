//! Which transport compression the emulated gateway serves: all of Discord's, or only what a
//! self-hosted Discord-compatible server, a gateway proxy or a test double does
//! ([docs](https://discord.com/developers/docs/events/gateway#transport-compression)).

/// The transport compression an emulated gateway supports, to behave like servers that are not
/// discord.com. Set it with
/// [`EmulatorBuilder::gateway_compression`](crate::EmulatorBuilder::gateway_compression)
/// or [`GatewayServerConfig::compression`](super::GatewayServerConfig::compression).
///
/// A refused handshake is answered with HTTP 400 and recorded as
/// [`ServerEventKind::HandshakeRefused`](super::ServerEventKind::HandshakeRefused).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GatewayCompressionSupport {
    /// As Discord: `zlib-stream` and `zstd-stream`, compressed messages in binary frames; no
    /// (or an unknown) `compress` gets plain JSON text frames.
    #[default]
    All,
    /// `zlib-stream` only: any other `compress` value is refused at the handshake with HTTP 400
    /// (as the shared bench's fake gateway does).
    ZlibOnly,
    /// `zlib-stream` only: any other `compress` value is ignored and the connection gets plain
    /// JSON text frames.
    ZlibOnlyIgnoringOthers,
    /// No transport compression: `compress` is ignored and every message is a JSON text frame.
    IgnoresCompress,
    /// No transport compression: a handshake with any `compress` parameter is refused with
    /// HTTP 400.
    RefusesCompress,
    /// No transport compression, but every message is sent as an uncompressed JSON *binary*
    /// frame, whatever `compress` asked for (a server that does not follow Discord's
    /// binary-means-compressed rule).
    UncompressedBinary,
}

/// How one connection's messages are framed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Framing {
    /// Plain JSON text frames.
    Text,
    /// Plain JSON in binary frames.
    Binary,
    /// `zlib-stream` binary frames.
    ZlibStream,
    /// `zstd-stream` binary frames.
    ZstdStream,
}

impl GatewayCompressionSupport {
    /// How a handshake asking `compress` is answered: `None` to refuse it with HTTP 400.
    pub(crate) fn framing(self, compress: Option<&str>) -> Option<Framing> {
        let requested = match compress {
            Some("zlib-stream") => Some(Framing::ZlibStream),
            Some("zstd-stream") => Some(Framing::ZstdStream),
            Some(_) => None,
            None => return Some(self.uncompressed()),
        };
        match (self, requested) {
            (Self::All, Some(f)) => Some(f),
            (Self::All, None) => Some(Framing::Text),
            (Self::ZlibOnly | Self::ZlibOnlyIgnoringOthers, Some(Framing::ZlibStream)) => {
                Some(Framing::ZlibStream)
            }
            (Self::ZlibOnly | Self::RefusesCompress, _) => None,
            (
                Self::ZlibOnlyIgnoringOthers | Self::IgnoresCompress | Self::UncompressedBinary,
                _,
            ) => Some(self.uncompressed()),
        }
    }

    /// The framing of a connection without transport compression.
    fn uncompressed(self) -> Framing {
        if self == Self::UncompressedBinary {
            Framing::Binary
        } else {
            Framing::Text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::GatewayCompressionSupport as S;
    use super::*;

    #[test]
    fn each_support_answers_each_compress_value() {
        let asked = [
            None,
            Some("zlib-stream"),
            Some("zstd-stream"),
            Some("brotli"),
        ];
        let table = [
            (
                S::All,
                [
                    Some(Framing::Text),
                    Some(Framing::ZlibStream),
                    Some(Framing::ZstdStream),
                    Some(Framing::Text),
                ],
            ),
            (
                S::ZlibOnly,
                [Some(Framing::Text), Some(Framing::ZlibStream), None, None],
            ),
            (
                S::ZlibOnlyIgnoringOthers,
                [
                    Some(Framing::Text),
                    Some(Framing::ZlibStream),
                    Some(Framing::Text),
                    Some(Framing::Text),
                ],
            ),
            (S::IgnoresCompress, [Some(Framing::Text); 4]),
            (S::RefusesCompress, [Some(Framing::Text), None, None, None]),
            (S::UncompressedBinary, [Some(Framing::Binary); 4]),
        ];
        for (support, answers) in table {
            for (compress, answer) in asked.iter().zip(answers) {
                assert_eq!(
                    support.framing(*compress),
                    answer,
                    "{support:?} {compress:?}"
                );
            }
        }
    }
}
