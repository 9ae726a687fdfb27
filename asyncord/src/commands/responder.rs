//! [`Responder`]: where an interaction's first response goes. [`GatewayResponder`] sends it
//! through the group's REST client, `POST /interactions/{id}/{token}/callback`; for an
//! interaction that arrived at the group's interactions endpoint over HTTP (feature
//! `http-interactions`), that same client puts the response into the HTTP answer instead (see
//! `asyncord::interactions`), so one responder serves both paths. Everything after the first
//! response (edits, follow-ups) uses the interaction's webhook over REST either way.
//!
//! Receiving and responding: <https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction>.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use asyncord_model::interaction::{Interaction, InteractionResponse};

use super::modal::ModalError;
use crate::dispatcher::HandlerError;
use crate::http::RestError;
use crate::rest::RestClient;

/// The future of [`Responder::respond`].
pub type ResponseFuture<'a> = Pin<Box<dyn Future<Output = Result<(), ResponseError>> + Send + 'a>>;

/// Sends an interaction's first response (within 3 seconds of the interaction).
pub trait Responder: Send + Sync + 'static {
    /// Sends `response` as the first response to `interaction`.
    fn respond<'a>(
        &'a self,
        interaction: &'a Interaction,
        response: InteractionResponse,
    ) -> ResponseFuture<'a>;
}

/// The responder of interactions received over the gateway: the callback endpoint, through the
/// bot's REST client.
#[derive(Clone, Debug)]
pub struct GatewayResponder {
    client: RestClient,
}

impl GatewayResponder {
    /// A responder sending through `client`.
    pub fn new(client: RestClient) -> Self {
        Self { client }
    }
}

impl Responder for GatewayResponder {
    fn respond<'a>(
        &'a self,
        interaction: &'a Interaction,
        response: InteractionResponse,
    ) -> ResponseFuture<'a> {
        Box::pin(async move {
            self.client
                .interactions
                .respond(interaction.id, interaction.token.as_str(), response)
                .await
                .map_err(ResponseError::Rest)
        })
    }
}

/// Why answering an interaction failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseError {
    /// Discord refused the request, or it could not be sent.
    #[error(transparent)]
    Rest(#[from] RestError),
    /// The interaction was already answered in a way that does not allow this (a modal can
    /// only be the first response).
    #[error("the interaction was already answered: {0}")]
    AlreadyAnswered(&'static str),
    /// A custom [`Responder`] failed.
    #[error("the responder failed: {0}")]
    Responder(HandlerError),
    /// Nobody submitted the modal in time (the user closed it, or walked away).
    #[error("the modal was not submitted within {0:?}")]
    ModalTimeout(Duration),
    /// The modal's submission does not fit its fields (the user was told).
    #[error(transparent)]
    Modal(#[from] ModalError),
}

/// Where an interaction's answer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Nothing sent yet.
    Pending,
    /// "Thinking..." sent: a reply fills it by editing the original response.
    Deferred,
    /// A component's update was deferred: a reply edits the component's message.
    DeferredUpdate,
    /// A message (or an update) was sent: further replies are follow-ups.
    Answered,
    /// A modal was opened: the interaction has no message to edit or follow.
    ModalOpened,
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Pending => "not answered",
            Self::Deferred => "deferred",
            Self::DeferredUpdate => "deferred (update)",
            Self::Answered => "answered",
            Self::ModalOpened => "answered with a modal",
        })
    }
}
