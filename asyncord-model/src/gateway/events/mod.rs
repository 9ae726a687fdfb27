//! The 79 typed dispatch events and [`Event`], the enum of them all
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).
//!
//! Each event is a struct named after its `t` (`MESSAGE_CREATE` -> [`MessageCreateEvent`]) that
//! implements [`GatewayEvent`](super::GatewayEvent). Events whose payload is an object with a
//! few extra fields (`MESSAGE_CREATE` is a message plus `guild_id` and `member`) are
//! `#[serde(transparent)]` newtypes over that object and dereference to it, so
//! `event.author` works on a [`MessageCreateEvent`].
//!
//! [`Event::from_slice`] (simd-json) and [`Event::from_json_str`] (serde_json) parse a `d`
//! given its `t`; names this version does not know become [`Event::Unknown`].

/// Defines a `#[serde(transparent)]` event newtype over an object, with `Deref`/`DerefMut`.
macro_rules! newtype_event {
    ($(#[$meta:meta])* $name:ident($inner:ty)) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub $inner);

        impl $name {
            /// The object this event carries.
            pub fn into_inner(self) -> $inner {
                self.0
            }
        }

        impl ::core::ops::Deref for $name {
            type Target = $inner;
            fn deref(&self) -> &$inner {
                &self.0
            }
        }

        impl ::core::ops::DerefMut for $name {
            fn deref_mut(&mut self) -> &mut $inner {
                &mut self.0
            }
        }

        impl ::core::convert::From<$inner> for $name {
            fn from(inner: $inner) -> Self {
                Self(inner)
            }
        }
    };
}

mod automod;
mod channel;
mod command;
mod error;
mod guild;
mod integration;
mod interaction;
mod invite;
mod member;
mod message;
mod monetization;
mod poll;
mod presence;
mod reaction;
mod ready;
mod role;
mod scheduled_event;
mod soundboard;
mod stage;
mod table;
mod thread;
mod voice;

pub use automod::*;
pub use channel::*;
pub use command::*;
pub use error::EventParseError;
pub use guild::*;
pub use integration::*;
pub use interaction::*;
pub use invite::*;
pub use member::*;
pub use message::*;
pub use monetization::*;
pub use poll::*;
pub use presence::*;
pub use reaction::*;
pub use ready::*;
pub use role::*;
pub use scheduled_event::*;
pub use soundboard::*;
pub use stage::*;
pub use table::Event;
pub use thread::*;
pub use voice::*;
