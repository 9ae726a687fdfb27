//! Checks that exist for diagnostics: each is a method, function or impl whose bound carries a
//! `#[diagnostic::on_unimplemented]` message, so that wrong code fails with an error at the
//! offending parameter that says what is wrong and what to do. Where the compiler's own message
//! cannot be replaced (a future that is not `Send`), the bound's line carries the advice, which
//! the compiler quotes. Each message is locked by a snapshot in `tests/ui/`.

use std::future::Future;
use std::sync::Arc;

use asyncord_model::gateway::GatewayEvent;

use super::super::context::Context;
use super::super::error::HandlerError;
use super::super::handler::{ByArc, ByRef, ByValue};
use super::Param;

/// Checks of a handler's first parameter when its type is a gateway event:
/// `(&&Param::<T>::new()).check_event()` resolves here when `T: GatewayEvent` and to
/// [`OtherEventChecks`] otherwise (an `Arc<E>`, or a mistake).
pub trait EventChecks<T> {
    /// The event taken by value (`event: E`) must be `Clone`.
    fn check_event(&self)
    where
        T: EventByValue,
    {
    }

    /// The event taken by reference (`event: &E`): nothing more to check.
    fn check_event_ref(&self) {}
}

impl<T: GatewayEvent> EventChecks<T> for &Param<T> {}

/// Checks of a handler's first parameter when its type is not a gateway event.
pub trait OtherEventChecks<T> {
    /// `T` must be an `Arc<E>` of an event `E`.
    fn check_event<M>(&self)
    where
        T: EventType<M>,
    {
    }

    /// `&T` needs `T` to be an event, which it is not.
    fn check_event_ref(&self)
    where
        T: EventRef<ByRef>,
    {
    }
}

impl<T> OtherEventChecks<T> for Param<T> {}

/// An event taken by value: it must be `Clone`, because the handler gets its own copy when
/// other handlers share the event.
#[diagnostic::on_unimplemented(
    message = "the event `{Self}` is taken by value, which needs `Clone`",
    label = "`{Self}` does not implement `Clone`",
    note = "a handler that takes its event by value gets its own copy, cloned when other \
            handlers share the event: take `&{Self}` or `Arc<{Self}>` instead, which need no \
            `Clone`, or derive `Clone` for `{Self}`"
)]
pub trait EventByValue {}

impl<T: Clone> EventByValue for T {}

/// A handler's first parameter taken by value: an event `E` or an `Arc<E>`. Unlike
/// [`EventParam`](crate::dispatcher::EventParam), it does not require `Clone` (checked apart,
/// with its own message), so a type that is neither an event nor `Clone` is one error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a gateway event, so it cannot be a handler's first parameter",
    label = "the first parameter must be the event",
    note = "take the event first, as `MessageCreateEvent`, `&MessageCreateEvent` or \
            `Arc<MessageCreateEvent>` (any type that implements `GatewayEvent`)"
)]
pub trait EventType<M> {}

impl<E: GatewayEvent> EventType<ByValue> for E {}

impl<E: GatewayEvent> EventType<ByArc> for Arc<E> {}

/// The `E` of a handler that takes `&E`: an event. The handler's impl is generic over `M`
/// (always [`ByRef`]) and bounded by `E: EventRef<M>`, a bound that the compiler does not check
/// on its own (as it would one without parameters), so a non-event is reported once, by the
/// check.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a gateway event, so `&{Self}` cannot be a handler's first parameter",
    label = "not a gateway event",
    note = "take a reference to an event, as `&MessageCreateEvent` (any type that implements \
            `GatewayEvent`)"
)]
pub trait EventRef<M> {
    /// The event (`Self`).
    type Event: GatewayEvent;
    /// The parameter from the event shared by all its handlers.
    fn from_shared(event: &Self::Event) -> &Self;
}

impl<E: GatewayEvent> EventRef<ByRef> for E {
    type Event = E;
    #[inline]
    fn from_shared(event: &E) -> &E {
        event
    }
}

/// The future of a `#[handler]` call, which must be `Send` (the call is spanned at the
/// function's name). The compiler's error for a future that is not `Send` names the value held
/// across an `.await` and quotes the bound's line below, which says what to do.
#[inline]
pub fn handler_future<F>(future: F) -> impl Future<Output = F::Output> + Send
where
    F: Future + Send, // drop values that are not `Send` before the `.await`, or use `Send` types
{
    future
}

/// The error type `E` of a handler returning `Result<(), E>`: anything that converts into
/// [`HandlerError`]. Not recommended in diagnostics, so the compiler reports `E` itself, not the
/// `From` impl of `Box<dyn Error>` that it misses.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a handler's error",
    label = "returns an error of type `{Self}`",
    note = "a handler's error converts into `HandlerError` (`Box<dyn Error + Send + Sync>`): \
            implement `std::error::Error` for `{Self}` (it must also be `Send + Sync + 'static`), \
            or return `HandlerResult` and convert with `?`"
)]
pub trait HandlerErrorType: Into<HandlerError> {}

#[diagnostic::do_not_recommend]
impl<E: Into<HandlerError>> HandlerErrorType for E {}

/// A function or closure `Fn(Arc<E>, Context) -> Fut`: the bound of the closure impl of
/// [`Handler`](super::super::Handler).
///
/// A second impl, which never applies (for [`NotAHandler`]), exists for diagnostics: when the
/// compiler has two impls to choose from and neither fits, it reports that the type is not a
/// handler, with `Handler`'s advice, rather than explain why the one impl for closures does not
/// fit ("expected a function that takes 2 arguments"). The other bounds of the closure impl
/// (a `Send` future, the output) are still reported one by one.
pub trait HandlerFn<E, Fut> {
    /// Calls the function.
    fn call_handler(&self, event: Arc<E>, ctx: Context) -> Fut;
}

impl<F, E, Fut> HandlerFn<E, Fut> for F
where
    F: Fn(Arc<E>, Context) -> Fut,
    Fut: Future,
{
    #[inline]
    fn call_handler(&self, event: Arc<E>, ctx: Context) -> Fut {
        self(event, ctx)
    }
}

/// The `Fut` of the [`HandlerFn`] impl that never applies; not a future.
#[derive(Debug)]
pub enum NotAHandler {}

/// Implemented by no type: the bound of the [`HandlerFn`] impl that never applies.
pub trait NoHandlerShape {
    /// Unused.
    fn not_a_handler(&self) -> NotAHandler;
}

impl<F: NoHandlerShape, E> HandlerFn<E, NotAHandler> for F {
    fn call_handler(&self, event: Arc<E>, ctx: Context) -> NotAHandler {
        let _ = (event, ctx);
        self.not_a_handler()
    }
}
