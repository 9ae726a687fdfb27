//! Running one handler call on its own task: the in-flight limit, and isolation of errors and
//! panics (logged with the handler's name and event, then passed to the error hook).

use std::any::Any;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use asyncord_model::gateway::EventKind;
use futures_util::FutureExt;
use tokio::runtime::Handle;
use tokio::sync::Semaphore;

use super::error::{FailureKind, HandlerFailure, HandlerResult};

/// The error hook: receives every handler failure.
pub(crate) type ErrorHook = Arc<dyn Fn(HandlerFailure) + Send + Sync>;

/// How handler tasks run: the runtime, the in-flight limit and the error hook.
#[derive(Clone)]
pub(crate) struct RunConfig {
    pub(crate) hook: Option<ErrorHook>,
    pub(crate) limit: Option<Arc<Semaphore>>,
    /// Counts the calls spawned and not finished (the dispatcher's backpressure).
    pub(crate) in_flight: Arc<super::in_flight::InFlight>,
}

/// Which event a failure belongs to.
pub(crate) enum EventLabel {
    Kind(EventKind),
    Name(Arc<str>),
}

impl EventLabel {
    fn to_name(&self) -> String {
        match self {
            Self::Kind(k) => k.name().to_owned(),
            Self::Name(n) => n.to_string(),
        }
    }
}

pub(crate) struct CallInfo {
    pub(crate) handler: &'static str,
    pub(crate) event: EventLabel,
    pub(crate) shard_id: u32,
}

/// How a call starts: on its own task, or polled once where it is dispatched first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Start {
    /// Spawned on its own task ([`Dispatcher::dispatch`](super::Dispatcher::dispatch) called
    /// directly).
    Spawn,
    /// Polled once where it is called (the gateway's delivery thread or a shard's reader task),
    /// and spawned only if it is still
    /// pending then: a handler that finishes at its first poll costs no task, and its event is
    /// freed on the thread that allocated it.
    Inline,
}

/// Starts `make()`'s future, isolated: on its own task on `rt`, or polled once here first
/// ([`Start::Inline`]). `make` itself is guarded too (a closure handler may panic before
/// returning its future).
pub(crate) fn spawn_guarded<F, Fut>(
    rt: &Handle,
    run: &RunConfig,
    start: Start,
    info: CallInfo,
    make: F,
) where
    F: FnOnce() -> Fut,
    Fut: Future<Output = HandlerResult> + Send + 'static,
{
    let fut = match std::panic::catch_unwind(AssertUnwindSafe(make)) {
        Ok(fut) => fut,
        Err(payload) => {
            report(
                run.hook.as_ref(),
                &info,
                FailureKind::Panic(panic_message(&*payload)),
            );
            return;
        }
    };
    let hook = run.hook.clone();
    let slot = run.in_flight.enter();
    match run.limit.clone() {
        None => launch(rt, start, async move {
            let outcome = slot.run(AssertUnwindSafe(fut).catch_unwind()).await;
            finish(outcome, hook.as_ref(), &info);
        }),
        Some(sem) => launch(rt, start, async move {
            let call = async {
                // The semaphore is never closed, so this only waits for a free slot.
                let _permit = sem.acquire_owned().await.ok();
                AssertUnwindSafe(fut).catch_unwind().await
            };
            let outcome = slot.run(call).await;
            finish(outcome, hook.as_ref(), &info);
        }),
    }
}

/// Spawns `task`, or polls it once first ([`Start::Inline`]) and spawns it only if pending.
///
/// The first poll uses a waker that does nothing: a pending future is spawned, and the task's
/// own first poll registers the task's waker wherever the future waits (every future must
/// register the waker of its latest poll), so no wake-up is lost. The box of a call that
/// finished is kept for the next call of its type (`spare_box.rs`).
#[inline]
fn launch<T: Future<Output = ()> + Send + 'static>(rt: &Handle, start: Start, task: T) {
    match start {
        Start::Spawn => {
            rt.spawn(task);
        }
        Start::Inline => {
            let mut task = super::spare_box::boxed(task);
            let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
            if task.as_mut().poll(&mut cx).is_pending() {
                rt.spawn(task);
            } else {
                super::spare_box::keep(task);
            }
        }
    }
}

/// Reports a call's outcome (`None`: cancelled by a shutdown).
#[inline]
fn finish(
    outcome: Option<Result<HandlerResult, Box<dyn Any + Send>>>,
    hook: Option<&ErrorHook>,
    info: &CallInfo,
) {
    let Some(outcome) = outcome else {
        tracing::warn!(
            handler = info.handler,
            event = %info.event.to_name(),
            "handler cancelled: it did not finish within the shutdown grace"
        );
        return;
    };
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => {
            let kind = match error.downcast::<super::error::InjectError>() {
                Ok(inject) => FailureKind::Inject(*inject),
                Err(other) => FailureKind::Error(other),
            };
            report(hook, info, kind);
        }
        Err(payload) => report(hook, info, FailureKind::Panic(panic_message(&*payload))),
    }
}

#[cold]
fn report(hook: Option<&ErrorHook>, info: &CallInfo, kind: FailureKind) {
    let failure = HandlerFailure {
        handler: info.handler,
        event: info.event.to_name(),
        shard_id: info.shard_id,
        kind,
    };
    tracing::error!(
        handler = failure.handler,
        event = %failure.event,
        shard_id = failure.shard_id,
        "{failure}"
    );
    if let Some(hook) = hook {
        // A panicking hook must not take the task's runtime thread down with it.
        if std::panic::catch_unwind(AssertUnwindSafe(|| hook(failure))).is_err() {
            tracing::error!("the dispatcher's error hook panicked");
        }
    }
}

pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic payload>".to_owned()
    }
}
