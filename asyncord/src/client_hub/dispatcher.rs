//! [`GroupDispatcher`]: a group's [`Dispatcher`], with every handler registered through it
//! tracked, so that the hub can let handlers in flight finish at shutdown (within a bound) and
//! cancel the rest.
//!
//! It dereferences to [`Dispatcher`], so everything else (`add_argument`, `wait_for`,
//! `set_error_hook`, `set_max_in_flight`, the start-up checks) is the dispatcher's own.

use std::future::Future;
use std::ops::Deref;
use std::sync::Arc;

use asyncord_model::gateway::GatewayEvent;

use super::tracker::{HandlerTracker, Tracked};
use crate::dispatcher::{
    Context, Dispatcher, Handler, HandlerHandle, HandlerResult, IntoHandlerResult, RawEvent,
};

/// The dispatcher of one client group (the seed's `group.dispatcher`).
///
/// `add_handler`, `add_handler_for` and `add_raw_handler` register the handler with the
/// underlying [`Dispatcher`] so that the hub can wait for its calls at shutdown; every other
/// method is the [`Dispatcher`]'s (through `Deref`). Handlers added to the bare dispatcher (for
/// example `ctx.dispatcher().add_handler(..)` inside a handler) work too but are not waited
/// for at shutdown.
#[derive(Clone, Debug)]
pub struct GroupDispatcher {
    inner: Dispatcher,
    tracker: Arc<HandlerTracker>,
}

impl Default for GroupDispatcher {
    fn default() -> Self {
        Self::new()
    }
}

impl Deref for GroupDispatcher {
    type Target = Dispatcher;

    fn deref(&self) -> &Dispatcher {
        &self.inner
    }
}

impl GroupDispatcher {
    /// An empty dispatcher.
    pub fn new() -> Self {
        Self {
            inner: Dispatcher::new(),
            tracker: Arc::new(HandlerTracker::default()),
        }
    }

    /// The underlying [`Dispatcher`].
    pub fn dispatcher(&self) -> &Dispatcher {
        &self.inner
    }

    /// Registers a handler: a `#[handler]` function, a closure
    /// `|event: Arc<E>, ctx: Context| async move { .. }`, or any [`Handler`] impl.
    pub fn add_handler<H: Handler<M>, M: 'static>(&self, handler: H) -> HandlerHandle {
        self.inner.add_handler(Tracked {
            handler,
            tracker: Arc::clone(&self.tracker),
        })
    }

    /// Registers a closure for the event type `E` given explicitly (the seed's form without
    /// annotations); it reads its arguments from the context (`ctx.arg("my_number")?`).
    pub fn add_handler_for<E, Fut>(
        &self,
        handler: impl Fn(Arc<E>, Context) -> Fut + Send + Sync + 'static,
    ) -> HandlerHandle
    where
        E: GatewayEvent,
        Fut: Future + Send + 'static,
        Fut::Output: IntoHandlerResult,
    {
        self.add_handler(handler)
    }

    /// Registers a handler for every dispatch, unparsed (unknown event names and payloads that
    /// failed to parse included).
    pub fn add_raw_handler<F, Fut>(&self, handler: F) -> HandlerHandle
    where
        F: Fn(RawEvent, Context) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoHandlerResult,
    {
        let tracker = Arc::clone(&self.tracker);
        let name = std::any::type_name::<F>();
        self.inner.add_raw_handler(move |event, ctx| {
            let fut = handler(event, ctx);
            tracker.track(name, async move {
                let out: HandlerResult = fut.await.into_handler_result();
                out
            })
        })
    }

    /// The number of handler calls (registered through this type) running now.
    pub fn handlers_in_flight(&self) -> usize {
        self.tracker.running()
    }

    pub(crate) fn tracker(&self) -> &Arc<HandlerTracker> {
        &self.tracker
    }
}
