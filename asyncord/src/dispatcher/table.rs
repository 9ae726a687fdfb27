//! The dispatch table: an immutable snapshot, rebuilt whenever handlers or arguments change,
//! that the hot path reads without locking anything but a brief shared read.
//!
//! Handlers are grouped by event kind, then by event type, so each frame's `d` is parsed once
//! per distinct type and the `Arc` shared by that type's handlers.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::marker::PhantomData;
use std::sync::Arc;

use asyncord_model::gateway::{EventKind, GatewayEvent, ParseBuffers};
use tokio::runtime::Handle;

use super::arguments::{self, Arguments, Requirement, Requirements};
use super::context::Context;
use super::error::{ArgumentProblem, HandlerResult};
use super::handler::Handler;
use super::raw::RawEvent;
use super::run::{CallInfo, EventLabel, RunConfig, Start, spawn_guarded};
use super::unknown::UnknownEvent;

/// A shared parsed event of some `E: GatewayEvent`.
pub(crate) type AnyEvent = Arc<dyn Any + Send + Sync>;

/// Parses `d` into one event type.
pub(crate) type ParseFn = fn(&[u8]) -> Result<AnyEvent, asyncord_model::json::Error>;

thread_local! {
    static BUFFERS: RefCell<ParseBuffers> = RefCell::new(ParseBuffers::new());
}

/// Parses `d` as an `E` with the model's JSON reader, reusing this thread's scratch space.
pub(crate) fn parse_event<E: GatewayEvent>(
    data: &[u8],
) -> Result<AnyEvent, asyncord_model::json::Error> {
    // Moved into its `Arc` where it is read, not through the parse's returns first.
    let place = |event: E| Arc::new(event) as AnyEvent;
    BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
        Ok(mut buffers) => buffers.parse_into(data, place),
        Err(_) => ParseBuffers::new().parse_into(data, place),
    })
}

/// A typed handler behind a uniform interface.
pub(crate) trait ErasedHandler: Send + Sync + 'static {
    fn name(&self) -> &'static str;
    fn kind(&self) -> EventKind;
    fn event_type(&self) -> TypeId;
    fn event_type_name(&self) -> &'static str;
    fn parser(&self) -> ParseFn;
    fn requirements(&self) -> Vec<Requirement>;
    fn spawn(&self, event: AnyEvent, ctx: Context, rt: &Handle, run: &RunConfig, start: Start);
}

pub(crate) struct TypedHandler<H, M> {
    pub(crate) handler: H,
    pub(crate) marker: PhantomData<fn() -> M>,
}

impl<H: Handler<M>, M: 'static> ErasedHandler for TypedHandler<H, M> {
    fn name(&self) -> &'static str {
        self.handler.name()
    }

    fn kind(&self) -> EventKind {
        <H::Event as GatewayEvent>::KIND
    }

    fn event_type(&self) -> TypeId {
        TypeId::of::<H::Event>()
    }

    fn event_type_name(&self) -> &'static str {
        std::any::type_name::<H::Event>()
    }

    fn parser(&self) -> ParseFn {
        parse_event::<H::Event>
    }

    fn requirements(&self) -> Vec<Requirement> {
        let mut reqs = Requirements::new();
        self.handler.requirements(&mut reqs);
        reqs.into_vec()
    }

    #[inline]
    fn spawn(&self, event: AnyEvent, ctx: Context, rt: &Handle, run: &RunConfig, start: Start) {
        let Ok(event) = event.downcast::<H::Event>() else {
            // Groups are keyed by TypeId, so this cannot happen; never panic on it anyway.
            tracing::error!(
                handler = self.name(),
                "event type mismatch in dispatch table"
            );
            return;
        };
        let info = CallInfo {
            handler: ctx.handler,
            event: EventLabel::Kind(<H::Event as GatewayEvent>::KIND),
            shard_id: ctx.frame.shard_id,
        };
        spawn_guarded(rt, run, start, info, || self.handler.handle(event, ctx));
    }
}

/// What a raw or unknown-event handler takes: the event name and shard for failure reports.
pub(crate) trait Untyped: Send + 'static {
    fn name(&self) -> &Arc<str>;
    fn shard_id(&self) -> u32;
}

impl Untyped for RawEvent {
    fn name(&self) -> &Arc<str> {
        &self.name
    }
    fn shard_id(&self) -> u32 {
        self.shard_id
    }
}

impl Untyped for UnknownEvent {
    fn name(&self) -> &Arc<str> {
        &self.name
    }
    fn shard_id(&self) -> u32 {
        self.shard_id
    }
}

/// A raw (`E = RawEvent`) or unknown-event (`E = UnknownEvent`) handler behind a uniform
/// interface.
pub(crate) trait ErasedRaw<E = RawEvent>: Send + Sync + 'static {
    fn name(&self) -> &'static str;
    fn spawn(&self, event: E, ctx: Context, rt: &Handle, run: &RunConfig, start: Start);
}

pub(crate) struct RawFn<F> {
    pub(crate) name: &'static str,
    pub(crate) f: F,
}

impl<E, F, Fut> ErasedRaw<E> for RawFn<F>
where
    E: Untyped,
    F: Fn(E, Context) -> Fut + Send + Sync + 'static,
    Fut: Future + Send + 'static,
    Fut::Output: super::handler::IntoHandlerResult,
{
    fn name(&self) -> &'static str {
        self.name
    }

    fn spawn(&self, event: E, ctx: Context, rt: &Handle, run: &RunConfig, start: Start) {
        let info = CallInfo {
            handler: self.name,
            event: EventLabel::Name(Arc::clone(event.name())),
            shard_id: event.shard_id(),
        };
        spawn_guarded(rt, run, start, info, || {
            let fut = (self.f)(event, ctx);
            async move {
                let out: HandlerResult =
                    super::handler::IntoHandlerResult::into_handler_result(fut.await);
                out
            }
        });
    }
}

/// One registered handler in a table snapshot.
pub(crate) struct Entry {
    pub(crate) handler: Arc<dyn ErasedHandler>,
    pub(crate) name: &'static str,
    pub(crate) slots: Arc<[u32]>,
}

/// The handlers of one event type for one kind.
pub(crate) struct Group {
    pub(crate) type_id: TypeId,
    pub(crate) type_name: &'static str,
    pub(crate) parse: ParseFn,
    pub(crate) entries: Vec<Entry>,
}

/// An immutable snapshot of everything the hot path needs.
pub(crate) struct Table {
    pub(crate) by_kind: Box<[Box<[Group]>]>,
    pub(crate) raw: Box<[Arc<dyn ErasedRaw>]>,
    /// Handlers of event names this version does not know.
    pub(crate) unknown: Box<[Arc<dyn ErasedRaw<UnknownEvent>>]>,
    pub(crate) args: Arc<Arguments>,
    pub(crate) run: RunConfig,
}

impl Table {
    pub(crate) fn empty() -> Self {
        Self {
            by_kind: EventKind::ALL.iter().map(|_| Box::default()).collect(),
            raw: Box::default(),
            unknown: Box::default(),
            args: Arc::default(),
            run: RunConfig {
                hook: None,
                limit: None,
                // No handler, so nothing is ever counted here.
                in_flight: Arc::default(),
            },
        }
    }

    /// Builds a snapshot from the registry's handlers.
    pub(crate) fn build(
        handlers: &[(u64, Arc<dyn ErasedHandler>)],
        raw: &[(u64, Arc<dyn ErasedRaw>)],
        unknown: &[(u64, Arc<dyn ErasedRaw<UnknownEvent>>)],
        args: Arguments,
        run: RunConfig,
    ) -> Self {
        let mut by_kind: Vec<Vec<Group>> = EventKind::ALL.iter().map(|_| Vec::new()).collect();
        let mut ignored: Vec<ArgumentProblem> = Vec::new();
        for (_, h) in handlers {
            let slots = arguments::resolve(h.name(), &h.requirements(), &args, &mut ignored);
            let groups = &mut by_kind[h.kind().index()];
            let entry = Entry {
                handler: Arc::clone(h),
                name: h.name(),
                slots,
            };
            if let Some(g) = groups.iter_mut().find(|g| g.type_id == h.event_type()) {
                g.entries.push(entry);
            } else {
                groups.push(Group {
                    type_id: h.event_type(),
                    type_name: h.event_type_name(),
                    parse: h.parser(),
                    entries: vec![entry],
                });
            }
        }
        Self {
            by_kind: by_kind.into_iter().map(Vec::into_boxed_slice).collect(),
            raw: raw.iter().map(|(_, r)| Arc::clone(r)).collect(),
            unknown: unknown.iter().map(|(_, r)| Arc::clone(r)).collect(),
            args: Arc::new(args),
            run,
        }
    }

    pub(crate) fn groups(&self, kind: EventKind) -> &[Group] {
        self.by_kind.get(kind.index()).map_or(&[], |g| g)
    }
}
