//! The trait every typed dispatch event implements.

use serde::de::DeserializeOwned;

use super::event_kind::EventKind;
use super::events::Event;
use crate::flags::Intents;

/// A typed gateway dispatch event (`MessageCreateEvent`, `GuildCreateEvent`, ...).
///
/// The dispatcher and `#[handler]` find a handler's event through this trait (never by the
/// type's name), so type aliases, `&E` and `Arc<E>` all work.
pub trait GatewayEvent: DeserializeOwned + Send + Sync + 'static {
    /// Which event this is.
    const KIND: EventKind;

    /// The `t` name Discord sends.
    const NAME: &'static str = Self::KIND.name();

    /// The intents that deliver this event (any one of them); empty when none is needed.
    const INTENTS: Intents = Self::KIND.intents();

    /// This event, when `event` holds it (the dispatcher shares one `Arc<Event>` between the
    /// handlers and gives each the typed event it asked for).
    ///
    /// The provided implementation returns `None`; the model's 79 event types override it.
    fn from_event(event: &Event) -> Option<&Self> {
        let _ = event;
        None
    }
}
