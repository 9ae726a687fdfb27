//! The table of Discord's HTTP operations: for each, its method, its path template, the
//! parameters that make its rate-limit bucket its own, how it is authenticated, and whether it
//! counts toward the global limit. Data only: the REST client builds its requests from it, a
//! router matches incoming paths against it ([`find`]), and tests hold it against Discord's
//! OpenAPI spec.
//!
//! Paths are written as the spec writes them (`/channels/{channel_id}/messages/{message_id}`).
//! Each constant is an [`Endpoint`] whose number of path parameters is part of its type, so a
//! request built with too few or too many parameters does not compile; [`ALL`] lists every
//! [`Operation`].
//!
//! Facts from Discord's docs:
//! - [Rate limits](https://discord.com/developers/docs/topics/rate-limits): limits are per route
//!   and per top-level resource (the [`Major`] parameter): a channel, a guild, a webhook (with
//!   its token when the route has one). An interaction's token routes are limited per
//!   interaction.
//! - Routes with a webhook or interaction token in the path are authenticated by that token, not
//!   by the bot's ([`Auth::PathToken`]).
//! - [Get Gateway](https://discord.com/developers/docs/events/gateway#get-gateway) is answered
//!   with or without the bot's token ([`Auth::OptionalBot`]); the spec lists both.
//! - "Interaction endpoints are not bound to the bot's Global Rate Limit"
//!   ([receiving and responding](https://discord.com/developers/docs/interactions/receiving-and-responding)):
//!   the interaction callback, the original response and the follow-up messages are
//!   [global-exempt](Operation::is_global_exempt). Follow-up messages use the webhook routes, so
//!   they have endpoints of their own beside the webhook ones: same method and path, different
//!   facts.

mod endpoint;
mod find;

/// Writes the table: each `NAME: Method "path" .builder()...;` line becomes a constant
/// `pub const NAME: Endpoint<N>` (`N` counted from the path), and `ALL` lists them in order.
macro_rules! table {
    ($(
        $(#[$doc:meta])*
        $name:ident: $method:ident $path:literal $(.$builder:ident($($arg:expr),*))*;
    )*) => {
        $(
            $(#[$doc])*
            pub const $name: super::endpoint::Endpoint<{ super::endpoint::count_params($path.as_bytes()) }> =
                super::endpoint::Endpoint::new(super::endpoint::Method::$method, $path)$(.$builder($($arg),*))*;
        )*

        /// Every operation of the table, in its order (a webhook route before the interaction
        /// follow-up that shares its method and path).
        pub const ALL: &[&super::endpoint::Operation] = &[$($name.operation()),*];
    };
}

mod table;

pub use endpoint::{Auth, Endpoint, Major, Method, Operation, Segment};
pub use find::{Found, find};
pub use table::*;

#[cfg(test)]
mod tests;
