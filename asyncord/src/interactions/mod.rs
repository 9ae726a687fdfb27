//! Interactions over HTTP: Discord POSTs each interaction to the application's "Interactions
//! Endpoint URL" instead of sending it over the gateway (feature `http-interactions`).
//! <https://discord.com/developers/docs/interactions/overview#configuring-an-interactions-endpoint-url>
//!
//! [`InteractionsServer`] is that endpoint: a hyper server that
//! - verifies `X-Signature-Ed25519` over `X-Signature-Timestamp` + body with the application's
//!   public key ([`PublicKey`], ring's Ed25519), and refuses with 401 a missing or bad
//!   signature, and a timestamp outside the replay window ([`InteractionsConfig::replay_window`],
//!   5 minutes either side by default), so a captured request cannot be replayed later;
//! - refuses bodies over [`InteractionsConfig::max_body`] (413), other methods (405), other
//!   paths when [`InteractionsConfig::path`] is set (404);
//! - bounds what a client can hold: a request's head and body must arrive within
//!   [`InteractionsConfig::read_timeout`], and at most [`InteractionsConfig::max_connections`]
//!   connections are served at once (further ones wait in the listen queue);
//! - answers PING with PONG (what Discord checks when the URL is saved);
//! - dispatches every other interaction to the group's dispatcher as an
//!   [`InteractionCreateEvent`](crate::model::gateway::InteractionCreateEvent): the handlers
//!   (and the command framework) see it exactly as the gateway delivers it.
//!
//! # Answering: the same code as over the gateway
//!
//! Over HTTP, the answer to Discord's POST *is* the interaction's initial response. A handler
//! does not need to know: it calls `client.interactions.respond(id, token, response)` as it
//! would for a gateway interaction, and for an interaction this endpoint is holding, that call
//! puts the response into the HTTP answer instead of calling Discord (the REST client and the
//! endpoint share the table of interactions in flight). So every answering path that exists —
//! plain handlers, the command framework's responder — works unchanged over HTTP.
//!
//! # The deadline and the automatic deferral
//!
//! Discord waits 3 seconds. If no handler has responded by [`InteractionsConfig::deadline`]
//! (2.5 s by default, leaving half a second for the way back), the endpoint answers itself:
//! - a command or modal submit: DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE ("thinking...";
//!   ephemeral with [`InteractionsConfig::defer_ephemeral`]);
//! - a component: DEFERRED_UPDATE_MESSAGE;
//! - autocomplete, which cannot be deferred: an empty list of choices (the user's next
//!   keystroke asks again), with a warning.
//!
//! The handler's later `respond(..)` then continues through the webhook routes, which stay
//! valid for the token's 15 minutes: a message (or an update of a component's message) becomes
//! an edit of the original response, a message after a component's deferred update becomes a
//! follow-up, a deferral is already done; an autocomplete result or a modal can no longer be
//! sent and `respond` returns [`RestError::LateInteractionResponse`](crate::http::RestError::LateInteractionResponse).
//!
//! Files cannot travel in the HTTP answer (Discord accepts only JSON there): a response with
//! files is answered with its deferred type at once, and the message with its files follows as
//! an edit of the original response.
//!
//! Running it: beside a gateway group ([`GroupConfig::http_interactions`](crate::GroupConfig::http_interactions)),
//! alone ([`serve_interactions`](crate::serve_interactions)), or by hand
//! ([`InteractionsServer::bind`] with a dispatcher and the client its handlers answer with).
//! TLS is the reverse proxy's job (Discord requires HTTPS): see the README.

mod answers;
mod config;
mod request;
mod server;
mod signature;

pub(crate) use answers::{Claim, PendingAnswers};
pub use config::{
    DEFAULT_DEADLINE, DEFAULT_MAX_BODY, DEFAULT_MAX_CONNECTIONS, DEFAULT_REPLAY_WINDOW,
    InteractionsConfig,
};
pub use server::InteractionsServer;
pub use signature::{
    KeyError, PublicKey, Rejection, SIGNATURE_HEADER, TIMESTAMP_HEADER, check as check_signature,
};

#[cfg(test)]
mod tests;
