//! Support code for the expansions of `#[handler]` and `#[inject]`. Not a public API.
//!
//! A parameter is either a registered argument (any [`Argument`]) or an [`Inject`] type. The
//! macro cannot tell from the syntax, so it asks the type system: `(&&&Param::<T>::new())`
//! resolves to [`ViaInject`] when `T: Inject` (the impl on `&&Param<T>` needs fewer auto-derefs)
//! and to [`ViaArgument`] otherwise.

use std::future::{Future, Ready, ready};
use std::marker::PhantomData;

use super::arguments::{Argument, Requirements};
use super::context::Context;
use super::error::InjectError;
use super::handler::EventParam;
use super::inject::Inject;

pub use std::future::Future as FutureTrait;
pub use std::sync::Arc;

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

impl<T> ViaArgument<T> for &Param<T> {
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

/// Compile-time check that `T` can be a handler's first parameter (spanned at the type).
pub const fn assert_event_param<T: EventParam<M>, M>() {}

/// Compile-time check that a handler's future is `Send` (spanned at the function name).
pub fn assert_send<F: Future + Send>(f: F) -> F {
    f
}
