//! `INTERACTION_CREATE`
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#interaction-create)).

use crate::interaction::Interaction;

newtype_event! {
    /// `INTERACTION_CREATE`: a user ran a command, used a component, submitted a modal or
    /// typed in an autocomplete option.
    InteractionCreateEvent(Interaction)
}
