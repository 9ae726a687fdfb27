//! Where a shard's reader puts the `d` of a decompressed dispatch it hands on: blocks of a few
//! KiB shared by consecutive frames, instead of an allocation per frame
//! ([docs](https://discord.com/developers/docs/events/gateway#transport-compression)).
//!
//! A text frame's `d` needs no copy at all (it is a slice of the WebSocket read buffer, see
//! [`DispatchFrame::data`](super::DispatchFrame::data)); a decompressed one lives in the
//! decompressor's buffer, which the next message overwrites, so it is copied here. The frames
//! are freed wherever their consumer runs, often another thread: one block per a handful of
//! frames keeps that cross-thread traffic to one free per block.

use bytes::BytesMut;

/// The size of one block.
const BLOCK: usize = 8 << 10;

/// The blocks a reader copies `d`s into.
#[derive(Default)]
pub(crate) struct DataBlocks {
    /// The free tail of the current block.
    block: BytesMut,
}

impl DataBlocks {
    /// `d` copied into the current block (a new one when it is full); a `d` larger than half a
    /// block gets an allocation of its own, so a large frame never pins a block of small ones.
    pub(crate) fn copy(&mut self, d: &[u8]) -> BytesMut {
        if d.len() > BLOCK / 2 {
            return BytesMut::from(d);
        }
        if self.block.capacity() < d.len() {
            self.block = BytesMut::with_capacity(BLOCK);
        }
        self.block.extend_from_slice(d);
        self.block.split()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_share_a_block_until_it_is_full() {
        let mut blocks = DataBlocks::default();
        let a = blocks.copy(b"{\"a\":1}");
        let b = blocks.copy(b"[2]");
        assert_eq!((&a[..], &b[..]), (&b"{\"a\":1}"[..], &b"[2]"[..]));
        // Consecutive in one allocation.
        assert_eq!(a.as_ptr().wrapping_add(a.len()), b.as_ptr());
        let filler = vec![b' '; BLOCK / 2];
        let mut last = blocks.copy(&filler);
        for _ in 0..4 {
            last = blocks.copy(&filler[..BLOCK / 4]);
        }
        assert_eq!(last.len(), BLOCK / 4);
        let large = blocks.copy(&vec![b'1'; BLOCK]);
        assert_eq!(large.len(), BLOCK);
        // Writing into one frame leaves its neighbours alone.
        let mut c = blocks.copy(b"abc");
        let d = blocks.copy(b"def");
        c[..].copy_from_slice(b"xyz");
        assert_eq!((&c[..], &d[..]), (&b"xyz"[..], &b"def"[..]));
    }
}
