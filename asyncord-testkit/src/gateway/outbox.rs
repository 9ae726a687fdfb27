//! A gateway connection's send queue, bounded: what the session, the connection and the
//! scripted faults hand to the connection's writer. A client that stops reading leaves its
//! frames queued; once [`GatewayServerConfig::send_queue_capacity`](super::GatewayServerConfig)
//! of them wait, the queue refuses more and tells the connection, which is dropped (as Discord
//! drops a client that does not keep up) instead of buffering without limit. The session stays
//! resumable: a RESUME replays what the buffer still holds.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::{Notify, mpsc};

use super::conn::Outgoing;

/// The sending side (cheap to clone).
#[derive(Clone, Debug)]
pub(crate) struct Outbox {
    tx: mpsc::Sender<Outgoing>,
    full: Arc<Full>,
}

/// Raised once when the queue refused a message.
#[derive(Debug, Default)]
struct Full {
    raised: AtomicBool,
    notify: Notify,
}

/// Wakes the connection when its queue overflowed.
#[derive(Debug)]
pub(crate) struct Overflow(Arc<Full>);

impl Overflow {
    /// Completes once the queue refused a message.
    pub(crate) async fn wait(&self) {
        loop {
            let notified = self.0.notify.notified();
            if self.0.raised.load(Ordering::Acquire) {
                return;
            }
            notified.await;
        }
    }
}

/// A queue of at most `capacity` messages: the sender, the writer's receiver and the overflow
/// signal.
pub(crate) fn outbox(capacity: usize) -> (Outbox, mpsc::Receiver<Outgoing>, Overflow) {
    let (tx, rx) = mpsc::channel(capacity.max(1));
    let full = Arc::new(Full::default());
    (
        Outbox {
            tx,
            full: Arc::clone(&full),
        },
        rx,
        Overflow(full),
    )
}

impl Outbox {
    /// Queues `out`; `false` when the connection is gone or its queue is full (then the
    /// connection is told, and ends).
    pub(crate) fn send(&self, out: Outgoing) -> bool {
        match self.tx.try_send(out) {
            Ok(()) => true,
            Err(mpsc::error::TrySendError::Closed(_)) => false,
            Err(mpsc::error::TrySendError::Full(_)) => {
                if !self.full.raised.swap(true, Ordering::AcqRel) {
                    self.full.notify.notify_waiters();
                }
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn refuses_past_capacity_and_raises_the_overflow_once() {
        let (outbox, mut rx, overflow) = outbox(2);
        assert!(outbox.send(Outgoing::Drop));
        assert!(outbox.clone().send(Outgoing::Drop));
        assert!(!outbox.send(Outgoing::Drop));
        overflow.wait().await;
        assert!(rx.recv().await.is_some());
        drop(rx);
        assert!(!outbox.send(Outgoing::Drop), "the connection is gone");
    }
}
