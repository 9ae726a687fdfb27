//! Gateway payloads: the frame, opcodes, close codes, send payloads, and the dispatch events.

pub mod event;
pub mod event_kind;

pub use event::GatewayEvent;
pub use event_kind::{EventKind, EventSet};
