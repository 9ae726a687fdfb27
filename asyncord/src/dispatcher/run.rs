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

/// Spawns `make()`'s future on `rt`, isolated. `make` itself is guarded too (a closure handler
/// may panic before returning its future).
pub(crate) fn spawn_guarded<F, Fut>(rt: &Handle, run: &RunConfig, info: CallInfo, make: F)
where
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
        None => {
            rt.spawn(async move {
                let outcome = slot.run(AssertUnwindSafe(fut).catch_unwind()).await;
                finish(outcome, hook.as_ref(), &info);
            });
        }
        Some(sem) => {
            rt.spawn(async move {
                let call = async {
                    // The semaphore is never closed, so this only waits for a free slot.
                    let _permit = sem.acquire_owned().await.ok();
                    AssertUnwindSafe(fut).catch_unwind().await
                };
                let outcome = slot.run(call).await;
                finish(outcome, hook.as_ref(), &info);
            });
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
