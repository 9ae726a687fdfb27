//! [`Dispatcher::wait_for`](super::Dispatcher::wait_for): await the next event of a type that
//! matches a predicate (a reply, a button click), with a timeout.

use std::any::TypeId;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Weak};
use std::time::Duration;

use asyncord_model::gateway::{EventKind, GatewayEvent};
use tokio::sync::oneshot;

use super::Shared;
use super::error::WaitError;
use super::table::{AnyEvent, ParseFn, parse_event};

/// Offers an event to a waiter; returns true when the waiter is done (delivered or gone).
type Offer = Box<dyn FnMut(&AnyEvent) -> bool + Send>;

/// A pending `wait_for`.
pub(crate) struct Waiter {
    pub(crate) id: u64,
    pub(crate) kind: EventKind,
    pub(crate) type_id: TypeId,
    pub(crate) parse: ParseFn,
    pub(crate) offer: Offer,
}

/// Removes the waiter when `wait_for` returns or is cancelled.
struct Unregister {
    shared: Weak<Shared>,
    id: u64,
}

impl Drop for Unregister {
    fn drop(&mut self) {
        if let Some(shared) = self.shared.upgrade() {
            shared.remove_waiter(self.id);
        }
    }
}

pub(crate) async fn wait_for<E, P>(
    shared: &Arc<Shared>,
    predicate: P,
    timeout: Duration,
) -> Result<Arc<E>, WaitError>
where
    E: GatewayEvent,
    P: Fn(&E) -> bool + Send + 'static,
{
    let (tx, rx) = oneshot::channel::<Arc<E>>();
    let mut tx = Some(tx);
    let offer: Offer = Box::new(move |event: &AnyEvent| {
        let Some(sender) = tx.as_ref() else {
            return true;
        };
        if sender.is_closed() {
            return true;
        }
        let Ok(event) = Arc::clone(event).downcast::<E>() else {
            return false;
        };
        match std::panic::catch_unwind(AssertUnwindSafe(|| predicate(&event))) {
            Ok(true) => {
                if let Some(sender) = tx.take() {
                    let _ = sender.send(event);
                }
                true
            }
            Ok(false) => false,
            Err(_) => {
                tracing::error!(
                    event = E::NAME,
                    "a wait_for predicate panicked; ignoring it"
                );
                false
            }
        }
    });
    let id = shared.add_waiter(Waiter {
        id: 0,
        kind: E::KIND,
        type_id: TypeId::of::<E>(),
        parse: parse_event::<E>,
        offer,
    });
    let _guard = Unregister {
        shared: Arc::downgrade(shared),
        id,
    };
    match tokio::time::timeout(timeout, rx).await {
        Ok(Ok(event)) => Ok(event),
        Ok(Err(_)) => Err(WaitError::Closed { event: E::NAME }),
        Err(_) => Err(WaitError::Timeout {
            event: E::NAME,
            after: timeout,
        }),
    }
}
