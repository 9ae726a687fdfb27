//! Transport decompression: `zlib-stream` and `zstd-stream`
//! ([docs](https://discord.com/developers/docs/events/gateway#transport-compression)).
//!
//! One decompression context per connection, and one output buffer reused for every message;
//! no buffer grows past the connection's message size limit (a decompression bomb fails the
//! connection with a clear error instead of filling memory). A `zstd-stream`'s window (the
//! history the decoder keeps, declared by the server in the frame header) is capped at
//! [`ZSTD_WINDOW_LOG_MAX`]: libzstd would otherwise accept a server's request for 128 MiB per
//! connection. Discord tunes its window far smaller (it pays for it per connection too); a stream
//! that asks for more fails at its first message and the shard falls back to `zlib-stream`.

use flate2::{Decompress, FlushDecompress, Status};
use zstd::stream::raw::{DParameter, Decoder, InBuffer, Operation, OutBuffer};

use super::compression::Compression;
use super::message::RETAINED_BUFFER;

/// The largest `zstd-stream` window accepted: 2^24 bytes (16 MiB, the default message size
/// limit).
pub(crate) const ZSTD_WINDOW_LOG_MAX: u32 = 24;

/// A `zstd-stream` decoder whose window is at most 2^[`ZSTD_WINDOW_LOG_MAX`] bytes.
fn zstd_decoder() -> std::io::Result<Decoder<'static>> {
    let mut decoder = Decoder::new()?;
    decoder.set_parameter(DParameter::WindowLogMax(ZSTD_WINDOW_LOG_MAX))?;
    Ok(decoder)
}

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
pub(crate) enum InflateError {
    /// The compressed data is corrupt, or not of the connection's compression.
    #[error("gateway transport decompression failed: {0}")]
    Corrupt(String),
    /// The message is larger than the limit, compressed or once decompressed.
    #[error(
        "the gateway sent a message of more than {limit} bytes {size} (the limit, \
         GatewayLimits::max_message_size)"
    )]
    TooLarge {
        /// The limit.
        limit: usize,
        /// Which size went over it: "compressed" or "once decompressed".
        size: &'static str,
    },
}

/// A connection's decompressor: one context, and buffers reused for every message, each at most
/// `limit` bytes (one more for the decompressed output, to tell a message of exactly `limit`
/// bytes from a larger one), and shrunk back to [`RETAINED_BUFFER`] after a larger message.
pub(crate) struct Inflater {
    mode: Mode,
    limit: usize,
    /// The largest capacity one of its buffers reached.
    peak: usize,
}

enum Mode {
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

/// Makes room for more output in `out`: doubling, but never past `limit + 1` bytes; records the
/// capacity in `peak`.
fn grow(out: &mut Vec<u8>, limit: usize, peak: &mut usize) {
    if out.capacity() - out.len() >= 4096 || out.capacity() > limit {
        return;
    }
    let want = out
        .capacity()
        .max(16 * 1024)
        .saturating_mul(2)
        .min(limit.saturating_add(1));
    out.reserve_exact(want.saturating_sub(out.len()));
    *peak = (*peak).max(out.capacity());
}

/// Empties `buffer`, giving back what a large message made it hold.
fn reset(buffer: &mut Vec<u8>) {
    buffer.clear();
    if buffer.capacity() > RETAINED_BUFFER {
        buffer.shrink_to(RETAINED_BUFFER);
    }
}

impl Inflater {
    /// A fresh context for one connection whose messages are at most `limit` bytes (fails only
    /// when zstd cannot allocate its context).
    pub(crate) fn new(compression: Compression, limit: usize) -> std::io::Result<Self> {
        let initial = (32 * 1024).min(limit);
        let mode = match compression {
            Compression::None => Mode::None,
            Compression::ZlibStream => Mode::Zlib {
                ctx: Box::new(Decompress::new(true)),
                pending: Vec::new(),
                out: Vec::with_capacity(initial),
            },
            Compression::ZstdStream => Mode::Zstd {
                ctx: Box::new(zstd_decoder()?),
                out: Vec::with_capacity(initial),
            },
        };
        let peak = if matches!(mode, Mode::None) {
            0
        } else {
            initial
        };
        Ok(Self { mode, limit, peak })
    }

    /// The largest capacity one of its buffers reached.
    pub(crate) fn peak(&self) -> usize {
        self.peak
    }

    /// Feeds one websocket message. Returns the complete JSON text when one is available
    /// (`zlib-stream` may need several messages for one payload).
    pub(crate) fn push<'a>(
        &'a mut self,
        frame: &'a [u8],
    ) -> Result<Option<&'a [u8]>, InflateError> {
        let limit = self.limit;
        let too_large = |decompressed: bool| InflateError::TooLarge {
            limit,
            size: if decompressed {
                "once decompressed"
            } else {
                "compressed"
            },
        };
        match &mut self.mode {
            Mode::None => Ok(Some(frame)),
            Mode::Zlib { ctx, pending, out } => {
                if ctx.total_in() == 0 && pending.is_empty() && !zlib_header_ok(frame) {
                    // Checked before buffering: a server sending something else (plain JSON in
                    // a binary frame) is told apart at once, not after a never-ending message.
                    return Err(InflateError::Corrupt(
                        "not a zlib stream (bad header)".into(),
                    ));
                }
                let input: &[u8] = if pending.is_empty() && frame.ends_with(&ZLIB_SUFFIX) {
                    frame
                } else {
                    let len = pending.len() + frame.len();
                    if len > limit {
                        reset(pending);
                        return Err(too_large(false));
                    }
                    if pending.capacity() < len {
                        // Doubling, but never past the limit.
                        let want = len.max(pending.capacity() * 2).min(limit);
                        pending.reserve_exact(want - pending.len());
                        self.peak = self.peak.max(pending.capacity());
                    }
                    pending.extend_from_slice(frame);
                    if !pending.ends_with(&ZLIB_SUFFIX) {
                        return Ok(None);
                    }
                    pending
                };
                reset(out);
                let start = ctx.total_in();
                loop {
                    if out.len() > limit {
                        return Err(too_large(true));
                    }
                    grow(out, limit, &mut self.peak);
                    let used = (ctx.total_in() - start) as usize;
                    let before = (ctx.total_in(), ctx.total_out());
                    let status = ctx
                        .decompress_vec(&input[used..], out, FlushDecompress::Sync)
                        .map_err(|e| InflateError::Corrupt(e.to_string()))?;
                    let used = (ctx.total_in() - start) as usize;
                    if status == Status::StreamEnd {
                        break;
                    }
                    let room_left = out.len() < out.capacity();
                    if used == input.len() && room_left {
                        break;
                    }
                    if before == (ctx.total_in(), ctx.total_out()) && room_left {
                        return Err(InflateError::Corrupt("zlib made no progress".into()));
                    }
                }
                if out.len() > limit {
                    return Err(too_large(true));
                }
                reset(pending);
                Ok(Some(out.as_slice()))
            }
            Mode::Zstd { ctx, out } => {
                reset(out);
                let mut input = InBuffer::around(frame);
                loop {
                    if out.len() > limit {
                        return Err(too_large(true));
                    }
                    grow(out, limit, &mut self.peak);
                    let len = out.len();
                    let mut output = OutBuffer::around_pos(out, len);
                    ctx.run(&mut input, &mut output)
                        .map_err(|e| InflateError::Corrupt(e.to_string()))?;
                    let room_left = output.pos() < output.capacity();
                    if input.pos() == frame.len() && room_left {
                        break;
                    }
                }
                if out.len() > limit {
                    return Err(too_large(true));
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
        let mut inflater = Inflater::new(Compression::ZlibStream, 1 << 20).unwrap();
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
        let mut inflater = Inflater::new(Compression::ZlibStream, 1 << 20).unwrap();
        assert_eq!(inflater.push(&out).unwrap(), Some(&br#"{"op":11}"#[..]));
    }

    #[test]
    fn a_zstd_stream_that_is_not_zstd_fails_at_its_first_frame() {
        let mut inflater = Inflater::new(Compression::ZstdStream, 1 << 20).unwrap();
        assert!(inflater.push(br#"{"op":11}"#).is_err());
    }

    /// Compresses `messages` as one `zlib-stream` connection would (each ends with a sync
    /// flush).
    fn zlib_stream(messages: &[&[u8]]) -> Vec<Vec<u8>> {
        let mut c = flate2::Compress::new(flate2::Compression::fast(), true);
        messages
            .iter()
            .map(|m| {
                let mut out = Vec::with_capacity(m.len() / 100 + 1024);
                let start = c.total_in();
                loop {
                    let consumed = (c.total_in() - start) as usize;
                    c.compress_vec(&m[consumed..], &mut out, flate2::FlushCompress::Sync)
                        .unwrap();
                    if out.ends_with(&ZLIB_SUFFIX) && out.len() < out.capacity() {
                        break out;
                    }
                    out.reserve(out.capacity());
                }
            })
            .collect()
    }

    #[test]
    fn a_message_of_exactly_the_limit_is_read_and_one_byte_more_is_refused() {
        let limit = 64 * 1024;
        for size in [limit, limit + 1] {
            let message = vec![b' '; size];
            let frames = zlib_stream(&[&message]);
            let mut inflater = Inflater::new(Compression::ZlibStream, limit).unwrap();
            let out = inflater.push(&frames[0]).map(|o| o.map(<[u8]>::len));
            if size == limit {
                assert_eq!(out.unwrap(), Some(limit));
            } else {
                assert!(matches!(out, Err(InflateError::TooLarge { .. })), "{out:?}");
            }
            assert!(inflater.peak() <= limit + 1);
        }
    }

    #[test]
    fn a_zstd_bomb_stops_at_the_limit() {
        let bomb = zstd::bulk::compress(&vec![0u8; 32 << 20], 1).unwrap();
        assert!(bomb.len() < 64 * 1024);
        let mut inflater = Inflater::new(Compression::ZstdStream, 1 << 20).unwrap();
        let err = inflater.push(&bomb).unwrap_err();
        assert!(err.to_string().contains("once decompressed"), "{err}");
        assert!(inflater.peak() <= (1 << 20) + 1);
    }

    /// One `zstd-stream` message whose frame header declares a window of 2^`window_log` bytes.
    fn zstd_stream_with_window(window_log: u32, message: &[u8]) -> Vec<u8> {
        use zstd::stream::raw::{CParameter, Encoder};
        let mut encoder = Encoder::new(1).unwrap();
        encoder
            .set_parameter(CParameter::WindowLog(window_log))
            .unwrap();
        let mut out = vec![0u8; message.len() + 1024];
        let mut output = OutBuffer::around(&mut out[..]);
        let mut input = InBuffer::around(message);
        encoder.run(&mut input, &mut output).unwrap();
        encoder.flush(&mut output).unwrap();
        let written = output.pos();
        out.truncate(written);
        out
    }

    #[test]
    fn a_zstd_stream_asking_for_a_larger_window_than_the_cap_is_refused() {
        let message = br#"{"op":10,"d":{"heartbeat_interval":41250}}"#;
        let fine = zstd_stream_with_window(ZSTD_WINDOW_LOG_MAX, message);
        let mut inflater = Inflater::new(Compression::ZstdStream, 16 << 20).unwrap();
        assert_eq!(inflater.push(&fine).unwrap(), Some(&message[..]));

        let greedy = zstd_stream_with_window(ZSTD_WINDOW_LOG_MAX + 3, message);
        let mut inflater = Inflater::new(Compression::ZstdStream, 16 << 20).unwrap();
        let err = inflater.push(&greedy).unwrap_err();
        assert!(matches!(err, InflateError::Corrupt(_)), "{err}");
    }

    #[test]
    fn buffers_grown_for_a_large_message_are_shrunk_before_the_next() {
        let large = vec![b'x'; 4 * RETAINED_BUFFER];
        let frames = zlib_stream(&[&large, b"{}"]);
        let mut inflater = Inflater::new(Compression::ZlibStream, 16 << 20).unwrap();
        assert_eq!(
            inflater.push(&frames[0]).unwrap().map(<[u8]>::len),
            Some(large.len())
        );
        assert!(inflater.peak() >= large.len());
        assert_eq!(inflater.push(&frames[1]).unwrap(), Some(&b"{}"[..]));
        let Mode::Zlib { pending, out, .. } = &inflater.mode else {
            unreachable!()
        };
        assert!(out.capacity() <= RETAINED_BUFFER && pending.capacity() <= RETAINED_BUFFER);
    }
}
