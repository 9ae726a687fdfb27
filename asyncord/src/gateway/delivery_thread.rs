//! The delivery thread: on a multi-thread runtime, an [`EventSink`]'s frames go from the shards'
//! readers through a bounded queue to a thread of the gateway's own, which calls the sink in
//! order. Reading and decompressing the next frames then proceeds beside parsing and handling
//! the last ones, on another core
//! ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).
//!
//! Why a thread rather than a task: tokio runs a task woken by another task on the waker's own
//! worker first (its "LIFO slot", which other workers do not steal from), so a reader task and
//! a delivery task waking each other take turns on one core instead of running side by side. A
//! thread driving the delivery with [`Handle::block_on`] is woken like any thread, and the
//! handler calls it spawns still run on the runtime's workers. On a current-thread runtime
//! there is no second core to use: the readers call the sink themselves.
//!
//! - **Order**: frames are delivered in the order the shards read them (one shard's frames in
//!   its order; one queue for all the gateway's shards).
//! - **Consumed**: a frame counts as consumed once the sink's `deliver` returned for it; a
//!   session handed over by [`Gateway::shutdown`](super::Gateway::shutdown) resumes before the
//!   frames still queued, which this process then no longer delivers.
//! - **Backpressure**: the queue is the readers' view of the sink: they wait while it is full
//!   (within their bounds, then they read on without delivering and resume). The thread waits
//!   while the sink says it is saturated, so the sink's own bound still holds the shards back.
//! - **Faults**: a panic in the sink is caught, logged with the event's name and sequence
//!   number, and the frame counts as consumed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, PoisonError};

use futures_util::FutureExt;
use tokio::runtime::{Handle, RuntimeFlavor};
use tokio::sync::{Notify, mpsc};

use super::channel::{ChannelSink, Interest, Queued};
use super::sink::EventSink;

/// How many frames wait between the readers and the delivery thread.
const CAPACITY: usize = 256;

/// How many frames the delivery thread takes off the queue at once (they are then no longer
/// counted against [`CAPACITY`]).
const BATCH: usize = 32;

/// What the gateway keeps of its delivery thread: the switches that stop it.
pub(crate) struct DeliveryThread {
    state: Arc<State>,
}

struct State {
    /// Held while one frame is delivered; `false` once closed.
    open: Mutex<bool>,
    /// Wakes a thread waiting for a saturated sink when closed or when the shards are gone
    /// (it then stops instead of waiting).
    stop_waiting: Notify,
}

impl DeliveryThread {
    /// On a multi-thread runtime, starts the thread feeding `sink` and returns the channel the
    /// shards hand frames to; `None` elsewhere (or if the thread cannot start), where the
    /// readers call the sink themselves.
    pub(crate) fn start(sink: &Arc<dyn EventSink>) -> Option<(ChannelSink, Self)> {
        let rt = Handle::try_current().ok()?;
        if rt.runtime_flavor() != RuntimeFlavor::MultiThread {
            return None;
        }
        let (channel, rx) = ChannelSink::open(CAPACITY, Interest::Sink(Arc::clone(sink)));
        let state = Arc::new(State {
            open: Mutex::new(true),
            stop_waiting: Notify::new(),
        });
        let sink = Arc::clone(sink);
        let thread_state = Arc::clone(&state);
        let started = std::thread::Builder::new()
            .name("asyncord-delivery".into())
            .spawn(move || rt.block_on(deliver_all(&*sink, rx, &thread_state)));
        match started {
            Ok(_) => Some((channel, Self { state })),
            Err(e) => {
                tracing::warn!(error = %e, "could not start the gateway's delivery thread: the shards deliver to their sink themselves");
                None
            }
        }
    }

    /// Stops delivering: returns once the frame being delivered (if any) is done; frames still
    /// queued are dropped, not consumed.
    pub(crate) fn close(&self) {
        *self
            .state
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = false;
        self.state.stop_waiting.notify_one();
    }

    /// Once `shards_stopped` resolves, the thread delivers what is queued while the sink takes
    /// it, and stops rather than wait for a saturated sink (a dispatcher shut down stays
    /// saturated): it never outlives the shards waiting for nobody.
    pub(crate) fn stop_with(&self, shards_stopped: impl Future<Output = ()> + Send + 'static) {
        let state = Arc::clone(&self.state);
        tokio::spawn(async move {
            shards_stopped.await;
            state.stop_waiting.notify_one();
        });
    }
}

/// Delivers every queued frame in order until the shards are gone or the gateway closes it.
async fn deliver_all(sink: &dyn EventSink, mut rx: mpsc::Receiver<Queued>, state: &State) {
    // Taken a batch at a time: one wake-up and one release of queue slots per batch.
    let mut batch = Vec::with_capacity(BATCH);
    while rx.recv_many(&mut batch, BATCH).await > 0 {
        for queued in batch.drain(..) {
            if !deliver_one(sink, queued, state).await {
                return;
            }
        }
    }
}

/// Delivers one frame (after waiting for a saturated sink); `false` once closed or once the
/// shards are gone while the sink is saturated.
async fn deliver_one(sink: &dyn EventSink, mut queued: Queued, state: &State) -> bool {
    if !queued.settle() {
        return true;
    }
    let Queued {
        frame, progress, ..
    } = queued;
    if catch_unwind(AssertUnwindSafe(|| sink.is_saturated())).unwrap_or(false) {
        tokio::select! {
            waited = AssertUnwindSafe(sink.unsaturated()).catch_unwind() => {
                if waited.is_err() {
                    tracing::error!("the event sink panicked while the delivery thread waited for it");
                }
            }
            () = state.stop_waiting.notified() => return false,
        }
    }
    let open = state.open.lock().unwrap_or_else(PoisonError::into_inner);
    if !*open {
        return false;
    }
    let (shard, seq, name) = (frame.shard_id, frame.seq, frame.name.clone());
    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| sink.deliver(frame))) {
        tracing::error!(
            shard,
            event = %name,
            seq,
            panic = %crate::dispatcher::panic_message(&*panic),
            "the event sink panicked taking a dispatch; the frame is skipped"
        );
    }
    progress.took(seq);
    true
}
