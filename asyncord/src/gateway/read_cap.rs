//! [`ReadCap`]: the socket read half of a gateway connection, handing out at most
//! [`READ_CAP`] bytes per read.
//!
//! The WebSocket layer reads into one growable buffer, as much as the socket holds and the
//! buffer has room for, and splits each message off its front. Under a flood the socket always
//! holds megabytes, so every read filled the buffer to the brim, the unread tail was often
//! larger than what was consumed, and the buffer grew by doubling instead of reusing its front:
//! memory grew with the flood's length (17 MiB after 200,000 events on one shard, with nothing
//! parsed). Reading at most a bounded amount at a time keeps the unread tail small, so the
//! buffer's space is reclaimed and its size stays near the largest message
//! ([docs](https://discord.com/developers/docs/events/gateway#connecting)).

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

/// The most bytes one read hands the WebSocket layer.
pub(crate) const READ_CAP: usize = 64 << 10;

/// A reader that reads at most [`READ_CAP`] bytes per call.
#[derive(Debug)]
pub(crate) struct ReadCap<R>(pub(crate) R);

impl<R: AsyncRead + Unpin> AsyncRead for ReadCap<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if buf.remaining() <= READ_CAP {
            return Pin::new(&mut self.0).poll_read(cx, buf);
        }
        // Initialising the window costs a memset of at most READ_CAP bytes per read (the
        // buffer hands out fresh uninitialised space each time); no `unsafe` needed.
        let mut window = ReadBuf::new(buf.initialize_unfilled_to(READ_CAP));
        let polled = Pin::new(&mut self.0).poll_read(cx, &mut window);
        let read = window.filled().len();
        buf.advance(read);
        polled
    }
}

#[cfg(test)]
mod tests {
    use bytes::BytesMut;
    use tokio::io::AsyncReadExt;

    use super::*;

    #[tokio::test]
    async fn reads_at_most_the_cap_whatever_room_the_buffer_has() {
        let mut reader = ReadCap(tokio::io::repeat(7));
        let mut buf = BytesMut::with_capacity(4 * READ_CAP);
        let n = reader.read_buf(&mut buf).await.unwrap();
        assert_eq!(n, READ_CAP);
        assert!(buf.iter().all(|&b| b == 7));
        // Less room than the cap: read straight into it.
        let mut small = [0u8; 100];
        assert_eq!(reader.read(&mut small).await.unwrap(), 100);
        assert_eq!(small, [7; 100]);
    }

    #[tokio::test]
    async fn end_of_stream_and_short_reads_pass_through() {
        let mut reader = ReadCap(&b"hello"[..]);
        let mut buf = BytesMut::with_capacity(4 * READ_CAP);
        assert_eq!(reader.read_buf(&mut buf).await.unwrap(), 5);
        assert_eq!(&buf[..], b"hello");
        assert_eq!(reader.read_buf(&mut buf).await.unwrap(), 0);
    }
}
