//! Support code for the expansions of `#[handler]` and `#[inject]`. Not a public API.
//!
//! A parameter is either a registered argument (any [`Argument`]) or an [`Inject`] type. The
//! macro cannot tell from the syntax, so it asks the type system: `(&&&Param::<T>::new())`
//! resolves to [`ViaInject`] when `T: Inject` (the impl on `&&Param<T>` needs the fewest
//! auto-derefs), to [`ViaEvent`] when `T` is a gateway event (a second event, a mistake) and to
//! [`ViaArgument`] otherwise.
//!
//! The checks that make wrong code fail with an error saying what to do live in `checks.rs`.

use std::future::{Future, Ready, ready};
use std::marker::PhantomData;

use asyncord_model::gateway::GatewayEvent;

use super::arguments::{Argument, Requirements};
use super::context::Context;
use super::error::InjectError;
use super::inject::Inject;

mod checks;

pub use checks::{
    EventByValue, EventChecks, EventRef, EventType, HandlerErrorType, HandlerFn, NoHandlerShape,
    NotAHandler, OtherEventChecks, handler_future,
};
pub use std::future::Future as FutureTrait;
pub use std::sync::Arc;

/// The [`Handler`](super::Handler) marker of a `#[handler]` function; `M` says how it takes its
/// event ([`ByValue`](super::ByValue), [`ByArc`](super::ByArc) or [`ByRef`](super::ByRef)).
/// Being its own type, it keeps the macro's impl apart from the impl for closures
/// ([`ByFn`](super::ByFn)).
pub struct ByMacro<M>(PhantomData<fn() -> M>);

/// A parameter of type `T`, as a method receiver for the `Via*` traits.
pub struct Param<T>(PhantomData<fn() -> T>);

impl<T> Param<T> {
    /// A new probe.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}

/// Resolution of an [`Inject`] parameter.
pub trait ViaInject<T> {
    /// Declares what the parameter needs.
    fn describe(&self, reqs: &mut Requirements, position: Option<usize>, name: &'static str);
    /// Computes the value.
    fn resolve<'a>(
        &self,
        ctx: &'a Context,
        position: Option<usize>,
        name: &'static str,
    ) -> impl Future<Output = Result<T, InjectError>> + Send + 'a;
}

impl<T: Inject> ViaInject<T> for &&Param<T> {
    fn describe(&self, reqs: &mut Requirements, _position: Option<usize>, name: &'static str) {
        reqs.injected::<T>(name);
    }

    fn resolve<'a>(
        &self,
        ctx: &'a Context,
        _position: Option<usize>,
        _name: &'static str,
    ) -> impl Future<Output = Result<T, InjectError>> + Send + 'a {
        T::inject(ctx)
    }
}

/// A gateway event as a parameter after the first, which is a mistake: [`describe`] requires
/// [`SecondEvent`], which no type implements, so such a handler does not compile.
///
/// [`describe`]: ViaEvent::describe
pub trait ViaEvent<T> {
    /// Reports the mistake.
    fn describe(&self, reqs: &mut Requirements, position: Option<usize>, name: &'static str)
    where
        T: SecondEvent,
    {
        let _ = (reqs, position, name);
    }

    /// Never runs (the handler does not compile); an error for symmetry with the other `Via*`.
    fn resolve(
        &self,
        ctx: &Context,
        position: Option<usize>,
        name: &'static str,
    ) -> Ready<Result<T, InjectError>> {
        let _ = (ctx, position);
        ready(Err(InjectError::Missing {
            name: name.to_owned(),
            expected: std::any::type_name::<T>(),
        }))
    }
}

impl<T: GatewayEvent> ViaEvent<T> for &Param<T> {}

/// Carries the message for a second event parameter; implemented by no type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is an event, but a handler receives one event: the type of its first \
               parameter",
    label = "a second event",
    note = "write one handler per event; to wait for a later event inside this handler, take \
            `dispatcher: Dispatcher` and call `dispatcher.wait_for::<{Self}>(..)`"
)]
pub trait SecondEvent {}

/// Resolution of a registered-argument parameter.
pub trait ViaArgument<T> {
    /// Declares what the parameter needs.
    fn describe(&self, reqs: &mut Requirements, position: Option<usize>, name: &'static str)
    where
        T: 'static;
    /// Fetches the value.
    fn resolve(
        &self,
        ctx: &Context,
        position: Option<usize>,
        name: &'static str,
    ) -> Ready<Result<T, InjectError>>
    where
        T: Argument;
}

impl<T> ViaArgument<T> for Param<T> {
    fn describe(&self, reqs: &mut Requirements, position: Option<usize>, name: &'static str)
    where
        T: 'static,
    {
        match position {
            Some(p) => reqs.parameter::<T>(p, name),
            None => reqs.argument::<T>(name),
        }
    }

    #[inline]
    fn resolve(
        &self,
        ctx: &Context,
        position: Option<usize>,
        name: &'static str,
    ) -> Ready<Result<T, InjectError>>
    where
        T: Argument,
    {
        ready(match position {
            Some(p) => ctx.arg_at(p, name),
            None => ctx.arg(name),
        })
    }
}
