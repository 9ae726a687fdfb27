//! The [`Handler`] trait that `#[handler]` implements, the [`EventParam`] trait that finds a
//! handler's event from its first parameter's type (`E`, `&E` or `Arc<E>`), and the impls that
//! make plain closures and functions handlers (`|event: Arc<E>, ctx: Context| async { .. }`).

use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;

use asyncord_model::gateway::GatewayEvent;

use super::arguments::Requirements;
use super::context::Context;
use super::error::HandlerResult;
use super::private::{HandlerErrorType, HandlerFn};

/// An event handler: what [`Dispatcher::add_handler`](super::Dispatcher::add_handler) takes.
///
/// `#[handler]` implements it for an `async fn`; closures and functions of the form
/// `Fn(Arc<E>, Context) -> impl Future` implement it too. `M` is a marker that lets several
/// blanket impls coexist; manual impls leave it at its default `()`.
///
/// ```
/// use std::sync::Arc;
/// use asyncord::dispatcher::{Context, Handler, HandlerResult};
/// # use asyncord::model::gateway::{EventKind, GatewayEvent};
/// # #[derive(serde::Deserialize)] struct Ping;
/// # impl GatewayEvent for Ping { const KIND: EventKind = EventKind::Ready; }
///
/// struct CountPings(Arc<std::sync::atomic::AtomicU64>);
///
/// impl Handler for CountPings {
///     type Event = Ping;
///     fn handle(&self, _event: Arc<Ping>, _ctx: Context)
///         -> impl Future<Output = HandlerResult> + Send + 'static
///     {
///         self.0.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
///         async { Ok(()) }
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an event handler",
    label = "not a handler",
    note = "put `#[handler]` on the `async fn` (its first parameter is the event), or pass a \
            closure `|event: Arc<E>, ctx: Context| async move {{ .. }}`"
)]
pub trait Handler<M = ()>: Send + Sync + 'static {
    /// The event this handler receives.
    type Event: GatewayEvent;

    /// The handler's name in logs and error reports.
    fn name(&self) -> &'static str {
        std::any::type_name::<Self>()
    }

    /// Declares the named arguments the handler takes, so they are checked before connecting.
    fn requirements(&self, reqs: &mut Requirements) {
        let _ = reqs;
    }

    /// Runs the handler for one event. The future is polled once where the event is dispatched
    /// (the gateway's delivery thread or a shard's reader task) and spawned onto its own task if
    /// still pending (see the [module docs](super#how-calls-run-and-in-what-order)).
    fn handle(
        &self,
        event: Arc<Self::Event>,
        ctx: Context,
    ) -> impl Future<Output = HandlerResult> + Send + 'static;
}

/// The type of a handler's first parameter: an event `E` (cloned out of the shared `Arc` only
/// when another handler still holds it) or an `Arc<E>`. `&E` is handled by `#[handler]` directly.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a gateway event, so it cannot be a handler's first parameter",
    label = "the first parameter must be the event",
    note = "take the event first, as `MessageCreateEvent`, `&MessageCreateEvent` or \
            `Arc<MessageCreateEvent>` (any type that implements `GatewayEvent`); taking it by \
            value also needs `Clone`"
)]
pub trait EventParam<M>: Sized + Send + 'static {
    /// The event type.
    type Event: GatewayEvent;
    /// Produces the parameter from the event shared by all its handlers.
    fn from_shared(event: Arc<Self::Event>) -> Self;
}

/// Marker: the handler takes its event by value.
#[derive(Debug)]
pub enum ByValue {}
/// Marker: the handler takes `Arc<E>`.
#[derive(Debug)]
pub enum ByArc {}
/// Marker: the handler takes `&E`.
#[derive(Debug)]
pub enum ByRef {}
/// Marker for closures and functions `Fn(Arc<E>, Context) -> Fut`.
pub struct ByFn<E, Fut>(PhantomData<fn(E) -> Fut>);

impl<E: GatewayEvent + Clone> EventParam<ByValue> for E {
    type Event = E;
    fn from_shared(event: Arc<E>) -> E {
        Arc::unwrap_or_clone(event)
    }
}

impl<E: GatewayEvent> EventParam<ByArc> for Arc<E> {
    type Event = E;
    fn from_shared(event: Arc<E>) -> Arc<E> {
        event
    }
}

/// What a handler may return: `()` or `Result<(), E>` for any error `E`.
#[diagnostic::on_unimplemented(
    message = "a handler must return `()` or `Result<(), E>`, not `{Self}`",
    label = "unsupported return type",
    note = "return `HandlerResult` (`Result<(), Box<dyn Error + Send + Sync>>`) to use `?` on \
            any error, or nothing"
)]
pub trait IntoHandlerResult {
    /// Converts into the dispatcher's result.
    fn into_handler_result(self) -> HandlerResult;
}

impl IntoHandlerResult for () {
    fn into_handler_result(self) -> HandlerResult {
        Ok(())
    }
}

/// `E` is any error that converts into [`HandlerError`](super::HandlerError) (the bound is
/// spelled through a helper trait so that a wrong `E` is reported as such).
impl<E: HandlerErrorType> IntoHandlerResult for Result<(), E> {
    fn into_handler_result(self) -> HandlerResult {
        self.map_err(Into::into)
    }
}

/// Closures and functions `Fn(Arc<E>, Context) -> Fut`. The bound is spelled through
/// [`HandlerFn`] so that a function of another shape (such as an `async fn` without
/// `#[handler]`) is reported as not an event handler, with `Handler`'s advice.
impl<E, F, Fut> Handler<ByFn<E, Fut>> for F
where
    E: GatewayEvent,
    F: HandlerFn<E, Fut> + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: IntoHandlerResult,
{
    type Event = E;

    fn handle(
        &self,
        event: Arc<E>,
        ctx: Context,
    ) -> impl Future<Output = HandlerResult> + Send + 'static {
        let fut = self.call_handler(event, ctx);
        async move { fut.await.into_handler_result() }
    }
}

/// A handler with an explicit name (for closures, whose type names are not helpful in logs).
///
/// `dispatcher.add_handler(Named::new("greeter", |event: Arc<E>, ctx: Context| async { .. }))`.
#[derive(Clone, Debug)]
pub struct Named<H> {
    name: &'static str,
    handler: H,
}

impl<H> Named<H> {
    /// Wraps `handler` with `name`.
    pub fn new(name: &'static str, handler: H) -> Self {
        Self { name, handler }
    }
}

impl<M, H: Handler<M>> Handler<(Named<()>, M)> for Named<H> {
    type Event = H::Event;

    fn name(&self) -> &'static str {
        self.name
    }

    fn requirements(&self, reqs: &mut Requirements) {
        self.handler.requirements(reqs);
    }

    fn handle(
        &self,
        event: Arc<Self::Event>,
        ctx: Context,
    ) -> impl Future<Output = HandlerResult> + Send + 'static {
        self.handler.handle(event, ctx)
    }
}
