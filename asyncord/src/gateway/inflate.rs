//! Transport decompression: `zlib-stream` and `zstd-stream`
//! ([docs](https://discord.com/developers/docs/events/gateway#transport-compression)).
//!
//! One decompression context per connection, and one output buffer reused for every message.

use flate2::{Decompress, FlushDecompress, Status};
use zstd::stream::raw::{Decoder, InBuffer, Operation, OutBuffer};

use super::compression::Compression;

/// The 4 bytes that end every complete `zlib-stream` message (a `Z_SYNC_FLUSH`).
const ZLIB_SUFFIX: [u8; 4] = [0x00, 0x00, 0xff, 0xff];

/// Whether a `zlib-stream`'s first message starts with a zlib header (deflate, and the check
/// bits of RFC 1950); too short to tell counts as fine.
fn zlib_header_ok(first: &[u8]) -> bool {
    match first {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => true,
    }
}

/// Why a message could not be decompressed.
#[derive(Debug, thiserror::Error)]
#[error("gateway transport decompression failed: {0}")]
pub(crate) struct InflateError(String);

/// A connection's decompressor.
pub(crate) enum Inflater {
    /// No transport compression: frames are the JSON text.
    None,
    /// `zlib-stream`.
    Zlib {
        ctx: Box<Decompress>,
        pending: Vec<u8>,
        out: Vec<u8>,
    },
    /// `zstd-stream`.
    Zstd {
        ctx: Box<Decoder<'static>>,
        out: Vec<u8>,
    },
}

impl Inflater {
    /// A fresh context for one connection (fails only when zstd cannot allocate its context).
    pub(crate) fn new(compression: Compression) -> std::io::Result<Self> {
        Ok(match compression {
            Compression::None => Self::None,
            Compression::ZlibStream => Self::Zlib {
                ctx: Box::new(Decompress::new(true)),
                pending: Vec::new(),
                out: Vec::with_capacity(32 * 1024),
            },
            Compression::ZstdStream => Self::Zstd {
                ctx: Box::new(Decoder::new()?),
                out: Vec::with_capacity(32 * 1024),
            },
        })
    }

    /// Feeds one websocket message. Returns the complete JSON text when one is available
    /// (`zlib-stream` may need several messages for one payload).
    pub(crate) fn push<'a>(
        &'a mut self,
        frame: &'a [u8],
    ) -> Result<Option<&'a [u8]>, InflateError> {
        match self {
            Self::None => Ok(Some(frame)),
            Self::Zlib { ctx, pending, out } => {
                if ctx.total_in() == 0 && pending.is_empty() && !zlib_header_ok(frame) {
                    // Checked before buffering: a server sending something else (plain JSON in
                    // a binary frame) is told apart at once, not after a never-ending message.
                    return Err(InflateError("not a zlib stream (bad header)".into()));
                }
                let input: &[u8] = if pending.is_empty() && frame.ends_with(&ZLIB_SUFFIX) {
                    frame
                } else {
                    pending.extend_from_slice(frame);
                    if !pending.ends_with(&ZLIB_SUFFIX) {
                        return Ok(None);
                    }
                    pending
                };
                out.clear();
                let start = ctx.total_in();
                loop {
                    if out.capacity() - out.len() < 4096 {
                        out.reserve(out.capacity().max(16 * 1024));
                    }
                    let used = (ctx.total_in() - start) as usize;
                    let before = (ctx.total_in(), ctx.total_out());
                    let status = ctx
                        .decompress_vec(&input[used..], out, FlushDecompress::Sync)
                        .map_err(|e| InflateError(e.to_string()))?;
                    let used = (ctx.total_in() - start) as usize;
                    if status == Status::StreamEnd {
                        break;
                    }
                    let room_left = out.len() < out.capacity();
                    if used == input.len() && room_left {
                        break;
                    }
                    if before == (ctx.total_in(), ctx.total_out()) && room_left {
                        return Err(InflateError("zlib made no progress".into()));
                    }
                }
                pending.clear();
                Ok(Some(out.as_slice()))
            }
            Self::Zstd { ctx, out } => {
                out.clear();
                let mut input = InBuffer::around(frame);
                loop {
                    if out.capacity() - out.len() < 4096 {
                        out.reserve(out.capacity().max(16 * 1024));
                    }
                    let len = out.len();
                    let mut output = OutBuffer::around_pos(out, len);
                    ctx.run(&mut input, &mut output)
                        .map_err(|e| InflateError(e.to_string()))?;
                    let filled = output.pos() < output.capacity();
                    if input.pos() == frame.len() && filled {
                        break;
                    }
                }
                Ok(Some(out.as_slice()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zlib_stream_that_is_not_zlib_fails_at_its_first_frame() {
        let mut inflater = Inflater::new(Compression::ZlibStream).unwrap();
        // plain JSON without the sync-flush suffix would otherwise wait for more frames
        assert!(
            inflater
                .push(br#"{"op":10,"d":{"heartbeat_interval":1}}"#)
                .is_err()
        );
    }

    #[test]
    fn a_zlib_stream_with_a_valid_header_is_read() {
        let mut c = flate2::Compress::new(flate2::Compression::fast(), true);
        let mut out = Vec::with_capacity(256);
        c.compress_vec(br#"{"op":11}"#, &mut out, flate2::FlushCompress::Sync)
            .unwrap();
        let mut inflater = Inflater::new(Compression::ZlibStream).unwrap();
        assert_eq!(inflater.push(&out).unwrap(), Some(&br#"{"op":11}"#[..]));
    }

    #[test]
    fn a_zstd_stream_that_is_not_zstd_fails_at_its_first_frame() {
        let mut inflater = Inflater::new(Compression::ZstdStream).unwrap();
        assert!(inflater.push(br#"{"op":11}"#).is_err());
    }
}
