//! The emulator's side of transport compression: one `zlib-stream` or `zstd-stream` context per
//! connection, each message flushed so the client can decompress it at once
//! ([docs](https://discord.com/developers/docs/events/gateway#transport-compression)).

use std::io;

use flate2::{Compress, FlushCompress};
use zstd::stream::raw::{Encoder, InBuffer, Operation, OutBuffer};

use super::compression::Framing;

/// A connection's compressor.
pub(crate) enum Deflater {
    None,
    /// No compression, but binary frames.
    PlainBinary,
    Zlib(Box<Compress>),
    Zstd(Box<Encoder<'static>>),
}

impl Deflater {
    /// A compressor for a connection's framing.
    pub(crate) fn new(framing: Framing) -> io::Result<Self> {
        Ok(match framing {
            Framing::ZlibStream => {
                Self::Zlib(Box::new(Compress::new(flate2::Compression::fast(), true)))
            }
            Framing::ZstdStream => Self::Zstd(Box::new(Encoder::new(1)?)),
            Framing::Binary => Self::PlainBinary,
            Framing::Text => Self::None,
        })
    }

    /// Whether frames are binary (compressed) rather than text.
    pub(crate) fn is_binary(&self) -> bool {
        !matches!(self, Self::None)
    }

    /// Compresses one message into `out` (cleared first). With no compression `out` is a copy.
    pub(crate) fn encode(&mut self, input: &[u8], out: &mut Vec<u8>) -> io::Result<()> {
        out.clear();
        match self {
            Self::None | Self::PlainBinary => out.extend_from_slice(input),
            Self::Zlib(c) => {
                let start = c.total_in();
                loop {
                    if out.capacity() - out.len() < 1024 {
                        out.reserve(out.capacity().max(4096));
                    }
                    let used = (c.total_in() - start) as usize;
                    c.compress_vec(&input[used..], out, FlushCompress::Sync)
                        .map_err(io::Error::other)?;
                    let used = (c.total_in() - start) as usize;
                    if used == input.len() && out.len() < out.capacity() {
                        break;
                    }
                }
            }
            Self::Zstd(e) => {
                let mut inb = InBuffer::around(input);
                while inb.pos() < input.len() {
                    if out.capacity() - out.len() < 1024 {
                        out.reserve(out.capacity().max(4096));
                    }
                    let len = out.len();
                    let mut outb = OutBuffer::around_pos(out, len);
                    e.run(&mut inb, &mut outb)?;
                }
                loop {
                    if out.capacity() - out.len() < 1024 {
                        out.reserve(out.capacity().max(4096));
                    }
                    let len = out.len();
                    let mut outb = OutBuffer::around_pos(out, len);
                    if e.flush(&mut outb)? == 0 {
                        break;
                    }
                }
            }
        }
        Ok(())
    }
}
