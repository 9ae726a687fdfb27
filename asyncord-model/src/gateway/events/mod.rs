//! The 79 typed dispatch events and [`Event`], the enum of them all
//! ([Discord docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).
//!
//! Each event is a struct named after its `t` (`MESSAGE_CREATE` -> [`MessageCreateEvent`]) that
//! implements [`GatewayEvent`](super::GatewayEvent). Events whose payload is an object with a
//! few extra fields (`MESSAGE_CREATE` is a message plus `guild_id` and `member`) are
//! `#[serde(transparent)]` newtypes over that object and dereference to it, so
//! `event.author` works on a [`MessageCreateEvent`].
//!
//! [`Event::from_slice`] (the model's [JSON reader](crate::json)) and [`Event::from_json_str`]
//! (serde_json) parse a `d` given its `t`; names this version does not know become
//! [`Event::Unknown`].

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

/// Defines an event over one object whose collections are lenient (a guild): the object and
/// the elements of its collections that were left out (`skipped`). Serialises as the object
/// alone; dereferences to it.
macro_rules! lenient_newtype_event {
    ($(#[$meta:meta])* $name:ident { $field:ident: $inner:ty }) => {
        $(#[$meta])*
        ///
        /// Elements of the object's collections that did not parse are left out and listed in
        /// `skipped` ([`lenient`](crate::lenient)).
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            #[doc = concat!("The ", stringify!($field), " this event carries.")]
            pub $field: $inner,
            /// Elements of its collections that did not parse and were left out (empty
            /// normally). Not serialised.
            pub skipped: ::std::vec::Vec<$crate::lenient::SkippedElement>,
        }

        impl $name {
            /// The object this event carries.
            pub fn into_inner(self) -> $inner {
                self.$field
            }
        }

        impl ::core::ops::Deref for $name {
            type Target = $inner;
            fn deref(&self) -> &$inner {
                &self.$field
            }
        }

        impl ::core::ops::DerefMut for $name {
            fn deref_mut(&mut self) -> &mut $inner {
                &mut self.$field
            }
        }

        impl ::core::convert::From<$inner> for $name {
            fn from($field: $inner) -> Self {
                Self {
                    $field,
                    skipped: ::std::vec::Vec::new(),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                self.$field.serialize(s)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let ($field, skipped) = $crate::lenient::collect(
                    <Self as $crate::gateway::GatewayEvent>::NAME,
                    || <$inner as ::serde::Deserialize>::deserialize(d),
                )?;
                Ok(Self { $field, skipped })
            }
        }
    };
}

/// Defines an event struct with lenient collections: its fields, plus `skipped`, the elements
/// of those collections that were left out (filled while parsing, never serialised).
macro_rules! lenient_event {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* pub $field:ident : $ty:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, ::serde::Serialize)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// Elements of this event's collections that did not parse and were left out
            /// (empty normally; see [`lenient`](crate::lenient)). Not serialised.
            #[serde(skip)]
            pub skipped: ::std::vec::Vec<$crate::lenient::SkippedElement>,
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                #[derive(::serde::Deserialize)]
                struct Wire {
                    $( $(#[$fmeta])* $field: $ty, )*
                }
                let (wire, skipped) = $crate::lenient::collect(
                    <Self as $crate::gateway::GatewayEvent>::NAME,
                    || <Wire as ::serde::Deserialize>::deserialize(d),
                )?;
                Ok(Self {
                    $( $field: wire.$field, )*
                    skipped,
                })
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
pub(crate) use table::parse_json;
pub use thread::*;
pub use voice::*;
