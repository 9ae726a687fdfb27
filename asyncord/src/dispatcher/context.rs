//! [`Context`]: what a handler call knows besides its event — the registered arguments, the
//! shard and sequence number, its own name, and the [`Dispatcher`] (for `wait_for`).

use std::any::Any;
use std::fmt;
use std::sync::Arc;

use asyncord_model::gateway::{EventKind, GatewayEvent};

use super::Dispatcher;
use super::arguments::Argument;
use super::arguments::Arguments;
use super::error::InjectError;

/// Per-frame data shared by every handler of that frame.
pub(crate) struct Frame {
    pub(crate) dispatcher: Dispatcher,
    /// The arguments of the table the frame was dispatched with.
    pub(crate) args: Arc<Arguments>,
    pub(crate) event: Option<Arc<dyn Any + Send + Sync>>,
    pub(crate) shard_id: u32,
    pub(crate) seq: u64,
    pub(crate) kind: Option<EventKind>,
    pub(crate) name: Option<Arc<str>>,
}

/// The context of one handler call: registered arguments by name, the event (type-erased, for
/// [`Inject`](super::Inject) impls), and where it came from. Cheap to clone.
#[derive(Clone)]
pub struct Context {
    pub(crate) frame: Arc<Frame>,
    pub(crate) slots: Arc<[u32]>,
    pub(crate) handler: &'static str,
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("handler", &self.handler)
            .field("event", &self.event_name())
            .field("shard_id", &self.frame.shard_id)
            .field("seq", &self.frame.seq)
            .finish_non_exhaustive()
    }
}

impl Context {
    /// Clones the registered argument `name` as a `T`: the explicit form of a handler parameter.
    ///
    /// ```
    /// # fn demo(ctx: asyncord::dispatcher::Context) -> Result<(), asyncord::dispatcher::InjectError> {
    /// let my_number: i32 = ctx.arg("my_number")?;
    /// # Ok(()) }
    /// ```
    pub fn arg<T: Argument>(&self, name: &str) -> Result<T, InjectError> {
        self.frame.args.get(name)
    }

    /// The argument for the handler parameter at `position` (pre-resolved when the handler was
    /// registered), falling back to a lookup by `name`.
    #[doc(hidden)]
    #[inline]
    pub fn arg_at<T: Argument>(&self, position: usize, name: &str) -> Result<T, InjectError> {
        if let Some(&slot) = self.slots.get(position)
            && let Some(value) = self.frame.args.at(slot)
            && let Some(v) = value.value.downcast_ref::<T>()
        {
            return Ok(v.clone());
        }
        self.arg(name)
    }

    /// The event being handled, if it is an `E`.
    pub fn event<E: GatewayEvent>(&self) -> Option<&E> {
        self.frame.event.as_deref()?.downcast_ref::<E>()
    }

    /// The event being handled as a shared `Arc<E>`, if it is an `E`.
    pub fn event_arc<E: GatewayEvent>(&self) -> Option<Arc<E>> {
        Arc::clone(self.frame.event.as_ref()?).downcast::<E>().ok()
    }

    /// The event being handled, or [`InjectError::WrongEvent`] naming `T` (for `Inject` impls).
    pub fn event_for<E: GatewayEvent, T: ?Sized>(&self) -> Result<&E, InjectError> {
        self.event::<E>().ok_or_else(|| InjectError::WrongEvent {
            injected: std::any::type_name::<T>(),
            event: self.event_name().to_owned(),
            expected: std::any::type_name::<E>(),
        })
    }

    /// The event's kind (`None` for an event name this version does not know).
    pub fn event_kind(&self) -> Option<EventKind> {
        self.frame.kind
    }

    /// The event's `t` name (`"MESSAGE_CREATE"`).
    pub fn event_name(&self) -> &str {
        match (&self.frame.name, self.frame.kind) {
            (Some(name), _) => name,
            (None, Some(kind)) => kind.name(),
            (None, None) => "<unknown>",
        }
    }

    /// The shard that received the event.
    pub fn shard_id(&self) -> u32 {
        self.frame.shard_id
    }

    /// The event's sequence number on its shard.
    pub fn seq(&self) -> u64 {
        self.frame.seq
    }

    /// The name of the handler being run.
    pub fn handler_name(&self) -> &'static str {
        self.handler
    }

    /// The dispatcher that runs this handler (to `wait_for` a follow-up event, or add handlers).
    pub fn dispatcher(&self) -> &Dispatcher {
        &self.frame.dispatcher
    }
}
