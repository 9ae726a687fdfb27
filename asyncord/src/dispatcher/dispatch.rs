//! The hot path: one gateway dispatch in, its handlers spawned.
//!
//! `d` is parsed once per distinct event type (with the model's JSON reader) and the event is
//! shared through an `Arc`, whose last reference goes to the type's last handler (so a handler
//! taking its event by value moves it out when it is the only one).
//! Each call is spawned on its own task, or, for frames a gateway delivers, polled once where it
//! delivers (its delivery thread, or a shard's reader task) and spawned only if still pending
//! (`run.rs`). A
//! payload that does not parse is logged with the event name and the parser's message and is
//! still handed to raw handlers; nothing here panics on network data.

use std::any::TypeId;
use std::sync::Arc;

use asyncord_model::gateway::EventKind;
use tokio::runtime::Handle;

use super::Dispatcher;
use super::context::{Context, Frame};
use super::error::DispatchError;
use super::raw::RawEvent;
use super::run::Start;
use super::table::{AnyEvent, Table};
use super::unknown::UnknownEvent;
use crate::gateway::DispatchFrame;

impl Dispatcher {
    /// Dispatches one gateway event (as [`Gateway::next_event`](crate::gateway::Gateway::next_event)
    /// yields it) to its handlers, each call spawned on its own task. Returns how many calls were
    /// started.
    ///
    /// Must be called inside a tokio runtime (the gateway's); outside one, the event is dropped
    /// with an error log.
    pub fn dispatch(&self, frame: DispatchFrame) -> usize {
        self.dispatch_with(frame, Start::Spawn)
    }

    /// [`Dispatcher::dispatch`], with the calls started as `start` says.
    pub(crate) fn dispatch_with(&self, frame: DispatchFrame, start: Start) -> usize {
        let DispatchFrame {
            shard_id,
            seq,
            kind,
            name,
            data,
        } = frame;
        let name: &str = &name;
        if !self.wants(kind) {
            return 0;
        }
        let Ok(rt) = Handle::try_current() else {
            tracing::error!(
                event = name,
                "Dispatcher::dispatch called outside a tokio runtime"
            );
            return 0;
        };
        let table = self.shared.snapshot();
        let groups = kind.map_or(&[][..], |k| table.groups(k));
        let waiting = kind.is_some_and(|k| super::has_bit(&self.shared.waiter_bits, k));
        let raw_wanted = !table.raw.is_empty();

        // The cache, when it wants this kind (see observer.rs).
        let observing = self.observer_for(kind);

        // Raw handlers and waiters get the bytes themselves, shared.
        let original: Option<Arc<[u8]>> = (raw_wanted || waiting).then(|| Arc::from(&data[..]));
        let mut parsed: Vec<(TypeId, AnyEvent)> = Vec::new();
        let mut parse_error: Option<Arc<DispatchError>> = None;
        let mut spawned = 0;

        // The cache is updated before any handler starts, so handlers see their own event in it.
        let mut observed = observing
            .as_ref()
            .and_then(|o| o.observe(name, &data, original.as_ref()));
        if let (true, Some((t, e))) = (waiting, &observed) {
            parsed.push((*t, Arc::clone(e)));
        }

        for group in groups {
            // The observer's parse is handed on, not shared: once its handlers release it, a
            // handler taking the event by value moves it instead of cloning it.
            let shared = match &observed {
                Some((t, _)) if *t == group.type_id => observed.take().map(|(_, e)| e),
                _ => None,
            };
            let result = match shared {
                Some(event) => Ok(event),
                None => (group.parse)(&data),
            };
            let event = match result {
                Ok(event) => event,
                Err(e) => {
                    let error = log_parse_error(name, group.type_name, &e, &data);
                    parse_error = Some(Arc::new(error));
                    continue;
                }
            };
            if waiting && !parsed.iter().any(|(t, _)| *t == group.type_id) {
                parsed.push((group.type_id, Arc::clone(&event)));
            }
            // The last handler of the group takes the dispatcher's own references to the frame
            // and the event: once it releases its context, it holds the only one, so a handler
            // that takes its event by value moves it out rather than cloning it.
            let mut frame = Some(Arc::new(self.frame(
                &table,
                Some(Arc::clone(&event)),
                shard_id,
                seq,
                kind,
            )));
            let mut event = Some(event);
            let last = group.entries.len().saturating_sub(1);
            for (i, entry) in group.entries.iter().enumerate() {
                let (Some(frame), Some(event)) = (
                    if i == last {
                        frame.take()
                    } else {
                        frame.clone()
                    },
                    if i == last {
                        event.take()
                    } else {
                        event.clone()
                    },
                ) else {
                    break;
                };
                let ctx = Context {
                    frame,
                    slots: Arc::clone(&entry.slots),
                    handler: entry.name,
                };
                entry.handler.spawn(event, ctx, &rt, &table.run, start);
                spawned += 1;
            }
        }

        if let (true, Some(kind), Some(bytes)) = (waiting, kind, &original) {
            self.offer_to_waiters(kind, name, bytes, &mut parsed);
        }

        if kind.is_none() && !table.unknown.is_empty() {
            let name: Arc<str> = Arc::from(name);
            let frame = Arc::new(Frame {
                name: Some(Arc::clone(&name)),
                ..self.frame(&table, None, shard_id, seq, kind)
            });
            let event = UnknownEvent {
                shard_id,
                seq,
                name,
                data: original.clone().unwrap_or_else(|| Arc::from(&data[..])),
            };
            for handler in &table.unknown {
                let ctx = Context {
                    frame: Arc::clone(&frame),
                    slots: Arc::from([]),
                    handler: handler.name(),
                };
                handler.spawn(event.clone(), ctx, &rt, &table.run, start);
                spawned += 1;
            }
        }

        if let (true, Some(bytes)) = (raw_wanted, original) {
            let name: Arc<str> = Arc::from(name);
            let frame = Arc::new(Frame {
                name: Some(Arc::clone(&name)),
                ..self.frame(&table, None, shard_id, seq, kind)
            });
            let raw = RawEvent {
                shard_id,
                seq,
                kind,
                name,
                data: bytes,
                parse_error,
            };
            for handler in &table.raw {
                let ctx = Context {
                    frame: Arc::clone(&frame),
                    slots: Arc::from([]),
                    handler: handler.name(),
                };
                handler.spawn(raw.clone(), ctx, &rt, &table.run, start);
                spawned += 1;
            }
        }
        spawned
    }

    fn frame(
        &self,
        table: &Arc<Table>,
        event: Option<AnyEvent>,
        shard_id: u32,
        seq: u64,
        kind: Option<EventKind>,
    ) -> Frame {
        Frame {
            dispatcher: self.clone(),
            args: Arc::clone(&table.args),
            event,
            shard_id,
            seq,
            kind,
            name: None,
        }
    }

    /// Offers the event to pending `wait_for`s of its kind, parsing it for waiter-only types.
    fn offer_to_waiters(
        &self,
        kind: EventKind,
        name: &str,
        bytes: &Arc<[u8]>,
        parsed: &mut Vec<(TypeId, AnyEvent)>,
    ) {
        let mut waiters = self.shared.waiters();
        let mut failed: Vec<TypeId> = Vec::new();
        waiters.retain_mut(|w| {
            if w.kind != kind {
                return true;
            }
            let event = match parsed.iter().find(|(t, _)| *t == w.type_id) {
                Some((_, e)) => Arc::clone(e),
                None if failed.contains(&w.type_id) => return true,
                None => match (w.parse)(bytes) {
                    Ok(e) => {
                        parsed.push((w.type_id, Arc::clone(&e)));
                        e
                    }
                    Err(e) => {
                        log_parse_error(name, "a wait_for event type", &e, bytes);
                        failed.push(w.type_id);
                        return true;
                    }
                },
            };
            !(w.offer)(&event)
        });
        super::store_bits(
            &self.shared.waiter_bits,
            super::bits_of(waiters.iter().map(|w| w.kind)),
        );
    }
}

#[cold]
fn log_parse_error(
    event: &str,
    type_name: &'static str,
    e: &asyncord_model::json::Error,
    data: &[u8],
) -> DispatchError {
    let error = DispatchError::Parse {
        event: event.to_owned(),
        type_name,
        message: e.to_string(),
        path: e.path_in(data),
    };
    tracing::warn!(event, error = %error, "dropping an event that failed to parse");
    error
}
