//! The dispatcher: it routes each gateway dispatch to the handlers of its event, with their
//! arguments resolved by name; a handler call that does not finish at once goes on on its own
//! task.
//!
//! Implements the seed's "Event Handling" and "Handler arguments" on top of Discord's
//! [gateway events](https://discord.com/developers/docs/events/gateway-events#receive-events).
//!
//! ```
//! use asyncord::dispatcher::{Dispatcher, HandlerResult, handler};
//! use asyncord::model::gateway::MessageCreateEvent;
//!
//! #[handler]
//! async fn on_message(event: MessageCreateEvent, my_number: i32) -> HandlerResult {
//!     if event.author.bot {
//!         return Ok(());
//!     }
//!     tracing::info!("{} says {} ({my_number})", event.author.username, event.content);
//!     Ok(())
//! }
//!
//! let dispatcher = Dispatcher::new();
//! dispatcher.add_argument("my_number", 42_i32);
//! dispatcher.add_handler(on_message);
//! dispatcher.check_arguments()?; // what the hub runs before connecting
//! # Ok::<(), asyncord::dispatcher::DispatchError>(())
//! ```
//!
//! - [`Handler`]: what `#[handler]` implements; closures `|event: Arc<E>, ctx: Context| async {..}`
//!   are handlers too (or [`Dispatcher::add_handler_for`] with the event type given explicitly).
//! - Arguments: [`Dispatcher::add_argument`]; a handler parameter is the argument of the same
//!   name, or an [`Inject`] type computed per call (`#[inject]` derives it for a struct).
//! - [`Dispatcher::check_arguments`] and [`Dispatcher::check_intents`] run before connecting.
//! - [`Dispatcher::dispatch`] is what the gateway feeds; [`Dispatcher::wants`] tells it which
//!   frames are worth parsing. [`Dispatcher::dispatch_tracked`] also returns a [`Completion`]
//!   that resolves once the frame's handler calls have ended (for consumers that acknowledge an
//!   event after handling it).
//! - A `Dispatcher` is a gateway [`EventSink`](crate::gateway::EventSink): handed to
//!   [`GatewayConfig::sink`](crate::gateway::GatewayConfig::sink) it dispatches where the
//!   gateway delivers (its delivery thread on a multi-thread runtime, each shard's reader task
//!   on a current-thread one; see [`EventSink`](crate::gateway::EventSink)), and while its
//!   bound of handler calls is in flight ([`Dispatcher::in_flight`]; [`SATURATED_AT`] unless
//!   [`Dispatcher::set_max_in_flight`] says) the shards stop delivering until one finishes.
//! - Events this version does not know reach [`Dispatcher::add_unknown_handler`]s (an
//!   [`UnknownEvent`]: name and unparsed `d`); raw handlers see every frame.
//!
//! # How calls run, and in what order
//!
//! As a gateway's sink, the dispatcher starts each handler call where the gateway delivers (its
//! delivery thread, or the shard's reader task on a current-thread runtime): it polls the call
//! once, right there, and only a call still
//! pending after that first poll (it awaits something not ready yet) is spawned onto its own
//! task, where it goes on concurrently with everything else. So handlers of one shard *start*
//! in the order the shard received their events (the handlers of one event in the order they
//! were added), and a handler that never waits finishes before the next event of its shard is
//! looked at; after their first await, calls of different events run concurrently, with no
//! order between them. A call that awaits (a REST request, a `wait_for`, a sleep) never holds up
//! the others or the heartbeats; code that computes for long *before* its first await holds up
//! the delivery of the next events for that long, as it would hold up a runtime thread (and on
//! a current-thread runtime, the shard's reading): move such work to
//! [`tokio::task::spawn_blocking`]. Calls handed to [`Dispatcher::dispatch`] directly are each
//! spawned on their own task. Errors and panics are isolated either way.

mod arguments;
mod check;
mod collect;
mod context;
mod dispatch;
mod error;
mod handler;
mod in_flight;
mod inject;
mod observer;
mod pressure;
mod raw;
mod run;
mod shutdown;
mod spare_box;
mod table;
mod tracked;
mod unknown;
mod wait;

#[doc(hidden)]
pub mod private;

use std::fmt;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError, RwLock, Weak};
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_model::gateway::{EventKind, EventSet, GatewayEvent};
use tokio::sync::Semaphore;

pub use arguments::{Argument, Requirement, Requirements};
pub use asyncord_macros::{handler, inject};
pub use collect::{COLLECTOR_BUFFER, Collector};
pub use context::Context;
pub use error::{
    ArgumentProblem, DispatchError, FailureKind, HandlerError, HandlerFailure, HandlerResult,
    InjectError, IntentProblem, IntentWarning, WaitError,
};
pub use handler::{ByArc, ByFn, ByRef, ByValue, EventParam, Handler, IntoHandlerResult, Named};
pub use inject::Inject;
pub use pressure::SATURATED_AT;
pub use raw::RawEvent;
pub use tracked::{CallsEnded, Completion};
pub use unknown::UnknownEvent;

use arguments::Arguments;
pub(crate) use observer::Observer;
pub(crate) use run::panic_message;
use run::{ErrorHook, RunConfig};
pub(crate) use table::{AnyEvent, ParseFn, parse_event};
use table::{ErasedHandler, ErasedRaw, RawFn, Table, TypedHandler};
use wait::Waiter;

/// Routes gateway dispatches to handlers. Cheap to clone (all clones are the same dispatcher).
///
/// Registration works at any time, also while the bot runs: each change publishes a new
/// snapshot that the next dispatch uses.
#[derive(Clone, Default)]
pub struct Dispatcher {
    shared: Arc<Shared>,
}

impl fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reg = self.shared.registry();
        f.debug_struct("Dispatcher")
            .field(
                "handlers",
                &reg.handlers
                    .iter()
                    .map(|(_, h)| h.name())
                    .collect::<Vec<_>>(),
            )
            .field("raw_handlers", &reg.raw.len())
            .field("unknown_handlers", &reg.unknown.len())
            .field("arguments", &reg.args.list())
            .finish_non_exhaustive()
    }
}

impl Registry {
    fn handler_count(&self) -> usize {
        self.handlers.len() + self.raw.len() + self.unknown.len()
    }
}

/// Everything registered, from which table snapshots are built.
#[derive(Default)]
struct Registry {
    handlers: Vec<(u64, Arc<dyn ErasedHandler>)>,
    raw: Vec<(u64, Arc<dyn ErasedRaw>)>,
    unknown: Vec<(u64, Arc<dyn ErasedRaw<UnknownEvent>>)>,
    args: Arguments,
    hook: Option<ErrorHook>,
    limit: Option<Arc<Semaphore>>,
}

pub(crate) struct Shared {
    registry: Mutex<Registry>,
    table: RwLock<Arc<Table>>,
    /// Kinds with handlers (bit per `EventKind::index`).
    handler_bits: [AtomicU64; 2],
    /// Kinds with pending `wait_for`s.
    waiter_bits: [AtomicU64; 2],
    wants_raw: AtomicBool,
    /// Unknown-event handlers exist.
    wants_unknown: AtomicBool,
    waiters: Mutex<Vec<Waiter>>,
    /// The cache (or another synchronous observer), fed before handlers.
    observer: RwLock<Option<Arc<dyn Observer>>>,
    /// Kinds the observer wants.
    observer_bits: [AtomicU64; 2],
    next_id: AtomicU64,
    in_flight: Arc<in_flight::InFlight>,
    /// The application commands and components (`add_commands`), routed by a handler of
    /// `INTERACTION_CREATE` registered with the first of them.
    commands: OnceLock<Arc<crate::commands::CommandSet>>,
}

impl Default for Shared {
    fn default() -> Self {
        Self {
            registry: Mutex::default(),
            table: RwLock::new(Arc::new(Table::empty())),
            handler_bits: Default::default(),
            waiter_bits: Default::default(),
            wants_raw: AtomicBool::new(false),
            wants_unknown: AtomicBool::new(false),
            waiters: Mutex::default(),
            observer: RwLock::new(None),
            observer_bits: Default::default(),
            next_id: AtomicU64::new(1),
            in_flight: Arc::default(),
            commands: OnceLock::new(),
        }
    }
}

fn bits_of(kinds: impl IntoIterator<Item = EventKind>) -> [u64; 2] {
    let mut bits = [0u64; 2];
    for k in kinds {
        bits[k.index() / 64] |= 1 << (k.index() % 64);
    }
    bits
}

fn has_bit(bits: &[AtomicU64; 2], kind: EventKind) -> bool {
    bits[kind.index() / 64].load(Ordering::Acquire) & (1 << (kind.index() % 64)) != 0
}

fn store_bits(target: &[AtomicU64; 2], bits: [u64; 2]) {
    target[0].store(bits[0], Ordering::Release);
    target[1].store(bits[1], Ordering::Release);
}

impl Shared {
    fn registry(&self) -> MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn waiters(&self) -> MutexGuard<'_, Vec<Waiter>> {
        self.waiters.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn snapshot(&self) -> Arc<Table> {
        Arc::clone(&self.table.read().unwrap_or_else(PoisonError::into_inner))
    }

    fn next_id(&self) -> u64 {
        self.next_id.fetch_add(1, Ordering::Relaxed)
    }

    /// Applies `change` to the registry and publishes a new snapshot.
    fn update<R>(&self, change: impl FnOnce(&mut Registry) -> R) -> R {
        let mut reg = self.registry();
        let out = change(&mut reg);
        let table = Table::build(
            &reg.handlers,
            &reg.raw,
            &reg.unknown,
            reg.args.clone(),
            RunConfig {
                hook: reg.hook.clone(),
                limit: reg.limit.clone(),
                in_flight: Arc::clone(&self.in_flight),
            },
        );
        store_bits(
            &self.handler_bits,
            bits_of(reg.handlers.iter().map(|(_, h)| h.kind())),
        );
        self.wants_raw.store(!reg.raw.is_empty(), Ordering::Release);
        self.wants_unknown
            .store(!reg.unknown.is_empty(), Ordering::Release);
        *self.table.write().unwrap_or_else(PoisonError::into_inner) = Arc::new(table);
        out
    }

    pub(crate) fn add_waiter(&self, mut waiter: Waiter) -> u64 {
        waiter.id = self.next_id();
        let id = waiter.id;
        let mut waiters = self.waiters();
        waiters.push(waiter);
        store_bits(&self.waiter_bits, bits_of(waiters.iter().map(|w| w.kind)));
        id
    }

    pub(crate) fn remove_waiter(&self, id: u64) {
        let mut waiters = self.waiters();
        waiters.retain(|w| w.id != id);
        store_bits(&self.waiter_bits, bits_of(waiters.iter().map(|w| w.kind)));
    }
}

/// Identifies a registered handler; [`HandlerHandle::remove`] unregisters it. Dropping the
/// handle keeps the handler.
#[derive(Clone, Debug)]
pub struct HandlerHandle {
    id: u64,
    name: &'static str,
    shared: Weak<Shared>,
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Dispatcher")
    }
}

impl HandlerHandle {
    /// The handler's name.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// Unregisters the handler: events dispatched afterwards no longer reach it (calls already
    /// running finish). Returns `false` if it was already removed or the dispatcher is gone.
    pub fn remove(&self) -> bool {
        let Some(shared) = self.shared.upgrade() else {
            return false;
        };
        shared.update(|reg| {
            let before = reg.handler_count();
            reg.handlers.retain(|(id, _)| *id != self.id);
            reg.raw.retain(|(id, _)| *id != self.id);
            reg.unknown.retain(|(id, _)| *id != self.id);
            before != reg.handler_count()
        })
    }
}

impl Dispatcher {
    /// An empty dispatcher.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers (or replaces) the argument `name`: every handler parameter called `name` of
    /// type `T` receives a clone of `value`.
    pub fn add_argument<T: Argument>(&self, name: &str, value: T) -> &Self {
        self.shared.update(|reg| reg.args.insert(name, value));
        self
    }

    /// Unregisters the argument `name`; returns whether it was registered.
    pub fn remove_argument(&self, name: &str) -> bool {
        self.shared.update(|reg| reg.args.remove(name))
    }

    /// The registered arguments' names and type names, sorted by name.
    pub fn arguments(&self) -> Vec<(String, &'static str)> {
        self.shared.registry().args.list()
    }

    /// Registers a handler: a `#[handler]` function, a closure
    /// `|event: Arc<E>, ctx: Context| async move { .. }`, or any [`Handler`] impl.
    pub fn add_handler<H: Handler<M>, M: 'static>(&self, handler: H) -> HandlerHandle {
        let name = handler.name();
        let erased: Arc<dyn ErasedHandler> = Arc::new(TypedHandler {
            handler,
            marker: PhantomData,
        });
        let id = self.shared.next_id();
        self.shared.update(|reg| reg.handlers.push((id, erased)));
        tracing::debug!(handler = name, "handler added");
        self.handle(id, name)
    }

    /// Registers a closure for the event type `E` given explicitly (the seed's form without
    /// annotations); it reads its arguments from the context:
    ///
    /// ```
    /// # use asyncord::dispatcher::{Dispatcher, HandlerResult};
    /// # use asyncord::model::gateway::MessageCreateEvent;
    /// # let dispatcher = Dispatcher::new();
    /// dispatcher.add_handler_for::<MessageCreateEvent, _>(|event, ctx| async move {
    ///     let my_number: i32 = ctx.arg("my_number")?;
    ///     tracing::info!("{} {my_number}", event.content);
    ///     HandlerResult::Ok(())
    /// });
    /// ```
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

    /// Registers a handler for every dispatch, unparsed: unknown event names and payloads that
    /// failed to parse included.
    pub fn add_raw_handler<F, Fut>(&self, handler: F) -> HandlerHandle
    where
        F: Fn(RawEvent, Context) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoHandlerResult,
    {
        let name = std::any::type_name::<F>();
        let erased: Arc<dyn ErasedRaw> = Arc::new(RawFn { name, f: handler });
        let id = self.shared.next_id();
        self.shared.update(|reg| reg.raw.push((id, erased)));
        self.handle(id, name)
    }

    /// Registers a handler for dispatches whose event name this version does not know (events
    /// Discord added since), with the name and the unparsed `d`. Frames of known events never
    /// reach it and cost it nothing (unlike a [raw handler](Dispatcher::add_raw_handler), which
    /// has every frame copied for it). It reads registered arguments from the context.
    ///
    /// ```
    /// # use asyncord::dispatcher::{Context, Dispatcher, UnknownEvent};
    /// # let dispatcher = Dispatcher::new();
    /// dispatcher.add_unknown_handler(|event: UnknownEvent, _ctx: Context| async move {
    ///     tracing::info!(event = %event.name, bytes = event.data.len(), "an event asyncord does not know");
    /// });
    /// ```
    pub fn add_unknown_handler<F, Fut>(&self, handler: F) -> HandlerHandle
    where
        F: Fn(UnknownEvent, Context) -> Fut + Send + Sync + 'static,
        Fut: Future + Send + 'static,
        Fut::Output: IntoHandlerResult,
    {
        let name = std::any::type_name::<F>();
        let erased: Arc<dyn ErasedRaw<UnknownEvent>> = Arc::new(RawFn { name, f: handler });
        let id = self.shared.next_id();
        self.shared.update(|reg| reg.unknown.push((id, erased)));
        self.handle(id, name)
    }

    fn handle(&self, id: u64, name: &'static str) -> HandlerHandle {
        HandlerHandle {
            id,
            name,
            shared: Arc::downgrade(&self.shared),
        }
    }

    /// Where the dispatcher keeps its application commands (owned by [`crate::commands`]).
    pub(crate) fn commands_cell(&self) -> &OnceLock<Arc<crate::commands::CommandSet>> {
        &self.shared.commands
    }

    /// The number of registered handlers (typed, raw and unknown-event).
    pub fn handler_count(&self) -> usize {
        self.shared.registry().handler_count()
    }

    /// Sets the hook that receives every handler failure (error, panic, or unresolvable
    /// argument) after it is logged. It runs where the failed call ended: on its own task, or
    /// where the gateway delivers (see [`EventSink`](crate::gateway::EventSink)) for a call that
    /// failed at its first poll.
    pub fn set_error_hook(&self, hook: impl Fn(HandlerFailure) + Send + Sync + 'static) {
        self.shared.update(|reg| reg.hook = Some(Arc::new(hook)));
    }

    /// Limits how many handler calls run at once (`None`: the default bound
    /// [`SATURATED_AT`]; `Some(0)` is taken as 1).
    ///
    /// The limit gates spawning too: as a gateway sink, the dispatcher is saturated while this
    /// many calls are in flight, so its shards hand it nothing more until one finishes (at most
    /// the limit plus one frame's handlers exist at once; a frame with several handlers may take
    /// the count past it, and those calls wait for a slot). Calls given to
    /// [`Dispatcher::dispatch`] directly are spawned regardless and wait for a slot.
    pub fn set_max_in_flight(&self, limit: Option<usize>) {
        self.shared
            .update(|reg| reg.limit = limit.map(|n| Arc::new(Semaphore::new(n.max(1)))));
        self.shared
            .in_flight
            .set_bound(limit.unwrap_or(SATURATED_AT));
    }

    /// Waits for the next `E` for which `predicate` returns true, at most `timeout`.
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use asyncord::dispatcher::{Dispatcher, HandlerResult, handler};
    /// # use asyncord::model::gateway::MessageCreateEvent;
    /// #[handler]
    /// async fn ask(event: MessageCreateEvent, dispatcher: Dispatcher) -> HandlerResult {
    ///     let author = event.author.id;
    ///     let reply = dispatcher
    ///         .wait_for::<MessageCreateEvent>(move |m| m.author.id == author, Duration::from_secs(30))
    ///         .await?;
    ///     tracing::info!("answer: {}", reply.content);
    ///     Ok(())
    /// }
    /// ```
    pub async fn wait_for<E: GatewayEvent>(
        &self,
        predicate: impl Fn(&E) -> bool + Send + 'static,
        timeout: Duration,
    ) -> Result<Arc<E>, WaitError> {
        wait::wait_for(&self.shared, predicate, timeout).await
    }

    /// A stream of the `E` events from now on, shaped with `.filter(..)`, `.timeout(..)` and
    /// `.max(..)`: the dispatcher wants `E` while the stream lives (dropping it unregisters).
    ///
    /// ```
    /// # use std::time::Duration;
    /// # use asyncord::dispatcher::{Dispatcher, HandlerResult, handler};
    /// # use asyncord::model::gateway::MessageReactionAddEvent;
    /// # use asyncord::model::gateway::MessageCreateEvent;
    /// use futures_util::StreamExt;
    ///
    /// #[handler]
    /// async fn poll(event: MessageCreateEvent, dispatcher: Dispatcher) -> HandlerResult {
    ///     let message = event.id;
    ///     let votes: Vec<_> = dispatcher
    ///         .collect::<MessageReactionAddEvent>()
    ///         .filter(move |r| r.message_id == message)
    ///         .timeout(Duration::from_secs(60))
    ///         .max(100)
    ///         .collect()
    ///         .await;
    ///     tracing::info!("{} votes", votes.len());
    ///     Ok(())
    /// }
    /// ```
    pub fn collect<E: GatewayEvent>(&self) -> Collector<E> {
        collect::collect(&self.shared)
    }

    /// Whether a frame of this kind is worth parsing (`None`: an unknown event name): it has
    /// handlers or `wait_for`s (or the cache needs it), and the dispatcher is not [shut down](Dispatcher::shutdown).
    /// Cheap enough to call for every frame.
    #[inline]
    pub fn wants(&self, kind: Option<EventKind>) -> bool {
        self.wants_ignoring_shutdown(kind) && !self.shared.in_flight.is_closed()
    }

    /// Whether handlers, `wait_for`s, raw or unknown-event handlers or the cache take frames of this kind.
    #[inline]
    fn wants_ignoring_shutdown(&self, kind: Option<EventKind>) -> bool {
        self.wants_raw()
            || match kind {
                Some(k) => {
                    has_bit(&self.shared.handler_bits, k) || has_bit(&self.shared.waiter_bits, k)
                }
                None => self.shared.wants_unknown.load(Ordering::Acquire),
            }
            || self.observes(kind)
    }

    /// Whether raw handlers exist (then every dispatch, unknown names included, is wanted).
    #[inline]
    pub fn wants_raw(&self) -> bool {
        self.shared.wants_raw.load(Ordering::Acquire)
    }

    /// The events that have handlers or pending `wait_for`s right now.
    pub fn wanted_events(&self) -> EventSet {
        EventKind::ALL
            .iter()
            .copied()
            .filter(|k| self.has_typed(*k))
            .collect()
    }

    fn has_typed(&self, kind: EventKind) -> bool {
        has_bit(&self.shared.handler_bits, kind) || has_bit(&self.shared.waiter_bits, kind)
    }

    /// The intents the handlers' events need: for each event, the first intent that delivers
    /// it (check the result with [`Dispatcher::check_intents`]).
    pub fn required_intents(&self) -> Intents {
        self.wanted_events().required_intents()
    }
}
