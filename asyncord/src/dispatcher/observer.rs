//! The observer: one synchronous consumer of events (the cache) that sees each event it wants
//! before any handler is spawned, parsed once and shared with the handlers of the same type.
//!
//! It is not a handler: it takes no part in argument or intent checks and adds nothing to
//! [`Dispatcher::wanted_events`](super::Dispatcher::wanted_events) (so it never asks for an
//! intent), but [`Dispatcher::wants`](super::Dispatcher::wants) includes its kinds, so it is fed
//! even when no handler wants them.

use std::any::TypeId;
use std::sync::{Arc, PoisonError};

use asyncord_model::gateway::EventKind;

use super::table::{AnyEvent, ParseFn};
use super::{Dispatcher, Shared, bits_of, store_bits};

/// A synchronous consumer of parsed events, run where the gateway delivers, before handlers.
pub(crate) trait Observer: Send + Sync + 'static {
    /// The kinds it wants.
    fn kinds(&self) -> Vec<EventKind>;
    /// The event type it parses `kind` into (the model's type for it), and the parser.
    fn parser(&self, kind: EventKind) -> Option<(TypeId, ParseFn)>;
    /// Whether it keeps the received bytes of `kind`'s events (handed to
    /// [`Observer::observe`]). Default: no.
    fn keeps_received(&self, kind: EventKind) -> bool {
        let _ = kind;
        false
    }
    /// Takes one event (must not block for long: the next events wait for it), with its
    /// received `d` when [`Observer::keeps_received`] says so.
    fn observe(&self, kind: EventKind, event: &AnyEvent, received: Option<Arc<[u8]>>);
}

impl Shared {
    fn observer(&self) -> Option<Arc<dyn Observer>> {
        self.observer
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

impl Dispatcher {
    /// Installs (or, with `None`, removes) the observer.
    pub(crate) fn set_observer(&self, observer: Option<Arc<dyn Observer>>) {
        let bits = observer.as_ref().map_or([0; 2], |o| bits_of(o.kinds()));
        *self
            .shared
            .observer
            .write()
            .unwrap_or_else(PoisonError::into_inner) = observer;
        store_bits(&self.shared.observer_bits, bits);
    }

    /// Whether the observer wants `kind`.
    #[inline]
    pub(crate) fn observes(&self, kind: Option<EventKind>) -> bool {
        kind.is_some_and(|k| super::has_bit(&self.shared.observer_bits, k))
    }

    /// The observer and its parser for `kind`, if it wants `kind` (one lock read per frame).
    #[inline]
    pub(crate) fn observer_for(&self, kind: Option<EventKind>) -> Option<Observing> {
        let kind = kind.filter(|_| self.observes(kind))?;
        let observer = self.shared.observer()?;
        let (type_id, parse) = observer.parser(kind)?;
        Some(Observing {
            observer,
            kind,
            type_id,
            parse,
        })
    }
}

/// The observer of one frame, with the event type it parses the frame into.
pub(crate) struct Observing {
    observer: Arc<dyn Observer>,
    kind: EventKind,
    pub(crate) type_id: TypeId,
    parse: ParseFn,
}

impl Observing {
    /// Parses the frame for the observer and hands it over; returns the parsed event for the
    /// handlers of the same type. `original` holds the bytes already shared with someone else,
    /// if any (the observer may keep them too).
    pub(crate) fn observe(
        &self,
        name: &str,
        data: &[u8],
        original: Option<&Arc<[u8]>>,
    ) -> Option<(TypeId, AnyEvent)> {
        let received = self
            .observer
            .keeps_received(self.kind)
            .then(|| original.cloned().unwrap_or_else(|| Arc::from(data)));
        match (self.parse)(data) {
            Ok(event) => {
                self.observer.observe(self.kind, &event, received);
                Some((self.type_id, event))
            }
            Err(e) => {
                tracing::warn!(
                    event = name,
                    error = %e,
                    "the cache could not parse an event; it keeps its previous state"
                );
                None
            }
        }
    }
}
