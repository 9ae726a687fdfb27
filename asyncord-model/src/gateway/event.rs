//! The trait every typed dispatch event implements.

use serde::de::DeserializeOwned;

use super::event_kind::EventKind;
use super::events::{Event, EventParseError, parse_json};
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

    /// Parses `d` of this event with serde_json: slower than the shard's parse, but
    /// the error names the JSON path of the value that did not fit (`.author.id`). For one
    /// known event type it is all [`Event::from_json_str`] does, without that function's code
    /// for every other event.
    ///
    /// # Errors
    /// [`EventParseError`] naming the event, the JSON path and the problem.
    fn from_json_str(json: &str) -> Result<Self, EventParseError> {
        parse_json(Self::NAME, json)
    }
}

#[cfg(test)]
mod tests {
    use super::GatewayEvent;
    use crate::gateway::{Event, TypingStartEvent};

    #[test]
    fn one_event_type_reads_json_with_the_path_of_what_does_not_fit() {
        let good = r#"{"channel_id":"41771983423143937","user_id":"80351110224678912","timestamp":1700000000}"#;
        let typing = TypingStartEvent::from_json_str(good).unwrap();
        assert_eq!(typing.user_id.get(), 80_351_110_224_678_912);

        let bad = r#"{"channel_id":"41771983423143937","user_id":true,"timestamp":1700000000}"#;
        let error = TypingStartEvent::from_json_str(bad).unwrap_err();
        assert_eq!(error.event, "TYPING_START");
        assert_eq!(error.path.as_deref(), Some(".user_id"));
        // The same as the reading through the table of every event.
        assert_eq!(
            Event::from_json_str("TYPING_START", bad).unwrap_err(),
            error
        );
    }
}
