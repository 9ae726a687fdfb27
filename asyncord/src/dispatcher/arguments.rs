//! The argument registry (`dispatcher.add_argument(name, value)`) and the requirements each
//! handler declares, so that a missing or mistyped argument is found before the bot connects.
//!
//! Handler parameters are resolved by name. Each table snapshot maps every handler's direct
//! parameters to registry slots once, so a call costs an index, a type check and a `clone`.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

use super::error::{ArgumentProblem, InjectError};

/// A value that can be registered with `add_argument` and taken by a handler parameter.
///
/// Implemented for every `Clone + Send + Sync + 'static` type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a handler argument",
    label = "arguments must be `Clone + Send + Sync + 'static`",
    note = "handler arguments are cloned for every call and used from any thread: share state \
            through an `Arc` (with a `Mutex` or `RwLock` to change it), not `Rc` or `RefCell`; \
            or derive `#[inject]`/implement `Inject` to compute the value for each call"
)]
pub trait Argument: Clone + Send + Sync + 'static {}

impl<T: Clone + Send + Sync + 'static> Argument for T {}

/// One registered argument, type-erased.
#[derive(Clone)]
pub(crate) struct ArgValue {
    pub(crate) value: Arc<dyn Any + Send + Sync>,
    pub(crate) type_id: TypeId,
    pub(crate) type_name: &'static str,
}

/// The registry of named arguments (a snapshot of it lives in every dispatch table).
#[derive(Clone, Default)]
pub(crate) struct Arguments {
    by_name: HashMap<Box<str>, u32>,
    values: Vec<ArgValue>,
}

impl Arguments {
    /// Adds or replaces an argument.
    pub(crate) fn insert<T: Argument>(&mut self, name: &str, value: T) {
        let entry = ArgValue {
            value: Arc::new(value),
            type_id: TypeId::of::<T>(),
            type_name: std::any::type_name::<T>(),
        };
        if let Some(&slot) = self.by_name.get(name) {
            self.values[slot as usize] = entry;
        } else {
            let slot = self.values.len() as u32;
            self.values.push(entry);
            self.by_name.insert(name.into(), slot);
        }
    }

    /// Removes an argument; returns whether it existed.
    pub(crate) fn remove(&mut self, name: &str) -> bool {
        let Some(slot) = self.by_name.remove(name) else {
            return false;
        };
        self.values.remove(slot as usize);
        for s in self.by_name.values_mut() {
            if *s > slot {
                *s -= 1;
            }
        }
        true
    }

    pub(crate) fn slot(&self, name: &str) -> Option<u32> {
        self.by_name.get(name).copied()
    }

    pub(crate) fn at(&self, slot: u32) -> Option<&ArgValue> {
        self.values.get(slot as usize)
    }

    /// The names of the registered arguments with their types.
    pub(crate) fn list(&self) -> Vec<(String, &'static str)> {
        let mut out: Vec<_> = self
            .by_name
            .iter()
            .map(|(n, &s)| (n.to_string(), self.values[s as usize].type_name))
            .collect();
        out.sort();
        out
    }

    /// Clones the argument `name` as a `T`.
    pub(crate) fn get<T: Argument>(&self, name: &str) -> Result<T, InjectError> {
        let Some(slot) = self.slot(name) else {
            return Err(InjectError::Missing {
                name: name.to_owned(),
                expected: std::any::type_name::<T>(),
            });
        };
        let value = &self.values[slot as usize];
        value
            .value
            .downcast_ref::<T>()
            .cloned()
            .ok_or_else(|| InjectError::WrongType {
                name: name.to_owned(),
                expected: std::any::type_name::<T>(),
                registered: value.type_name,
            })
    }
}

/// One argument a handler needs, as declared by `#[handler]`, `#[inject]` or a manual
/// [`Handler::requirements`](super::Handler::requirements).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// The handler parameter (or the `#[inject]` parameter the argument is a field of).
    pub parameter: &'static str,
    /// The handler parameter's position when the parameter itself is the argument
    /// (used to pre-resolve it); `None` for fields of injected values.
    pub position: Option<usize>,
    /// The argument's name in the registry.
    pub argument: &'static str,
    /// The `#[inject]` type that needs the argument, if not the handler itself.
    pub via: Option<&'static str>,
    /// The argument's type.
    pub type_id: TypeId,
    /// The argument's type name, for messages.
    pub type_name: &'static str,
}

/// Collects the [`Requirement`]s of one handler.
#[derive(Debug, Default)]
pub struct Requirements {
    list: Vec<Requirement>,
    parameter: &'static str,
    via: Option<&'static str>,
}

impl Requirements {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Declares that the handler parameter at `position` named `name` is the registered argument
    /// `name` of type `T`.
    pub fn parameter<T: 'static>(&mut self, position: usize, name: &'static str) {
        self.list.push(Requirement {
            parameter: name,
            position: Some(position),
            argument: name,
            via: None,
            type_id: TypeId::of::<T>(),
            type_name: std::any::type_name::<T>(),
        });
    }

    /// Declares that the current value needs the registered argument `name` of type `T` (used
    /// inside [`Inject::requirements`](super::Inject::requirements)).
    pub fn argument<T: 'static>(&mut self, name: &'static str) {
        self.list.push(Requirement {
            parameter: if self.parameter.is_empty() {
                name
            } else {
                self.parameter
            },
            position: None,
            argument: name,
            via: self.via,
            type_id: TypeId::of::<T>(),
            type_name: std::any::type_name::<T>(),
        });
    }

    /// Declares that the handler parameter `name` is computed by `T`'s
    /// [`Inject`](super::Inject) impl, and collects what that needs.
    pub fn injected<T: super::Inject>(&mut self, name: &'static str) {
        let saved = (self.parameter, self.via);
        if self.parameter.is_empty() {
            self.parameter = name;
        }
        self.via = Some(std::any::type_name::<T>());
        T::requirements(self);
        (self.parameter, self.via) = saved;
    }

    /// The collected requirements.
    pub fn as_slice(&self) -> &[Requirement] {
        &self.list
    }

    pub(crate) fn into_vec(self) -> Vec<Requirement> {
        self.list
    }
}

/// Checks requirements against the registry: the problems, and the slot of each direct
/// parameter (indexed by position, `u32::MAX` when unresolved).
pub(crate) fn resolve(
    handler: &'static str,
    reqs: &[Requirement],
    args: &Arguments,
    problems: &mut Vec<ArgumentProblem>,
) -> Arc<[u32]> {
    let len = reqs
        .iter()
        .filter_map(|r| r.position)
        .max()
        .map_or(0, |m| m + 1);
    let mut slots = vec![u32::MAX; len];
    for r in reqs {
        let found = args.slot(r.argument).and_then(|s| Some((s, args.at(s)?)));
        match found {
            Some((slot, value)) if value.type_id == r.type_id => {
                if let Some(p) = r.position {
                    slots[p] = slot;
                }
            }
            other => problems.push(ArgumentProblem {
                handler,
                parameter: r.parameter,
                via: r.via,
                argument: r.argument,
                expected: r.type_name,
                registered: other.map(|(_, v)| v.type_name),
            }),
        }
    }
    slots.into()
}
