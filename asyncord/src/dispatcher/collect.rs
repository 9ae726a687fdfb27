//! [`Dispatcher::collect`](super::Dispatcher::collect): a stream of the events of one type that
//! pass a filter, until a timeout or a count — the reactions on a poll message for a minute, the
//! next five answers in a channel. Registered like `wait_for`: the dispatcher wants the event's
//! kind while the stream is alive, and dropping the stream unregisters it.

use std::any::TypeId;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock, Weak};
use std::task::{Context, Poll};
use std::time::Duration;

use asyncord_model::gateway::GatewayEvent;
use futures_core::Stream;
use tokio::sync::mpsc;
use tokio::time::{Instant, Sleep};

use super::Shared;
use super::table::{AnyEvent, parse_event};
use super::wait::Waiter;

/// How many matching events a collector holds before its stream takes them; more are dropped
/// (with a warning) rather than held without bound.
pub const COLLECTOR_BUFFER: usize = 1024;

type Filter<E> = Arc<dyn Fn(&E) -> bool + Send + Sync>;

/// What the dispatcher side and the stream side share.
struct Settings<E> {
    filter: OnceLock<Filter<E>>,
    max: AtomicUsize,
}

/// Unregisters the collector when the stream ends or is dropped.
struct Registration {
    shared: Weak<Shared>,
    id: u64,
}

impl Drop for Registration {
    fn drop(&mut self) {
        if let Some(shared) = self.shared.upgrade() {
            shared.remove_waiter(self.id);
        }
    }
}

/// A stream of `E` events ([`Dispatcher::collect`](super::Dispatcher::collect)); configure it
/// with [`filter`](Self::filter), [`timeout`](Self::timeout) and [`max`](Self::max), then use
/// it as a [`Stream`] (`StreamExt::next`, `collect`...). It ends at the timeout, after `max`
/// events, or when the dispatcher is gone.
#[must_use = "a collector collects only while its stream is kept"]
pub struct Collector<E> {
    rx: mpsc::Receiver<Arc<E>>,
    settings: Arc<Settings<E>>,
    deadline: Option<Pin<Box<Sleep>>>,
    taken: usize,
    registration: Option<Registration>,
}

impl<E> std::fmt::Debug for Collector<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Collector")
            .field("event", &std::any::type_name::<E>())
            .field("taken", &self.taken)
            .field("active", &self.registration.is_some())
            .finish_non_exhaustive()
    }
}

pub(crate) fn collect<E: GatewayEvent>(shared: &Arc<Shared>) -> Collector<E> {
    let (tx, rx) = mpsc::channel::<Arc<E>>(COLLECTOR_BUFFER);
    let settings = Arc::new(Settings::<E> {
        filter: OnceLock::new(),
        max: AtomicUsize::new(usize::MAX),
    });
    let theirs = Arc::clone(&settings);
    let mut sent = 0usize;
    let offer = Box::new(move |event: &AnyEvent| {
        if tx.is_closed() {
            return true;
        }
        let Ok(event) = Arc::clone(event).downcast::<E>() else {
            return false;
        };
        if let Some(filter) = theirs.filter.get() {
            match std::panic::catch_unwind(AssertUnwindSafe(|| filter(&event))) {
                Ok(true) => {}
                Ok(false) => return false,
                Err(_) => {
                    tracing::error!(event = E::NAME, "a collector filter panicked; skipping");
                    return false;
                }
            }
        }
        match tx.try_send(event) {
            Ok(()) => {
                sent += 1;
                sent >= theirs.max.load(Ordering::Relaxed)
            }
            Err(mpsc::error::TrySendError::Full(_)) => {
                tracing::warn!(
                    event = E::NAME,
                    "a collector's stream is not read; dropping an event"
                );
                false
            }
            Err(mpsc::error::TrySendError::Closed(_)) => true,
        }
    });
    let id = shared.add_waiter(Waiter {
        id: 0,
        kind: E::KIND,
        type_id: TypeId::of::<E>(),
        parse: parse_event::<E>,
        offer,
    });
    Collector {
        rx,
        settings,
        deadline: None,
        taken: 0,
        registration: Some(Registration {
            shared: Arc::downgrade(shared),
            id,
        }),
    }
}

impl<E: GatewayEvent> Collector<E> {
    /// Keeps only the events for which `filter` returns true (set it once; a second call is
    /// ignored with a warning).
    pub fn filter(self, filter: impl Fn(&E) -> bool + Send + Sync + 'static) -> Self {
        if self.settings.filter.set(Arc::new(filter)).is_err() {
            tracing::warn!(
                event = E::NAME,
                "a collector's filter was set twice; keeping the first"
            );
        }
        self
    }

    /// Ends the stream `timeout` from now.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.deadline = Some(Box::pin(tokio::time::sleep_until(Instant::now() + timeout)));
        self
    }

    /// Ends the stream after `max` events.
    pub fn max(self, max: usize) -> Self {
        self.settings.max.store(max, Ordering::Relaxed);
        self
    }

    fn finish(&mut self) -> Poll<Option<Arc<E>>> {
        self.registration = None;
        self.rx.close();
        Poll::Ready(None)
    }
}

impl<E: GatewayEvent> Stream for Collector<E> {
    type Item = Arc<E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Arc<E>>> {
        let this = self.get_mut();
        if this.registration.is_none() || this.taken >= this.settings.max.load(Ordering::Relaxed) {
            return this.finish();
        }
        loop {
            match this.rx.poll_recv(cx) {
                Poll::Ready(Some(event)) => {
                    // Events that arrived before the filter was set are filtered here.
                    if this.settings.filter.get().is_some_and(|f| !f(&event)) {
                        continue;
                    }
                    this.taken += 1;
                    return Poll::Ready(Some(event));
                }
                Poll::Ready(None) => return this.finish(),
                Poll::Pending => break,
            }
        }
        if let Some(deadline) = this.deadline.as_mut()
            && deadline.as_mut().poll(cx).is_ready()
        {
            return this.finish();
        }
        Poll::Pending
    }
}
