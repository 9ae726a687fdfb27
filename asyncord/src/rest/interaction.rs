//! `client.interactions`: the initial response (callback), the original response message and
//! follow-up messages. These routes use the interaction token, not the bot token, and do not
//! count toward the global rate limit.
//! <https://discord.com/developers/docs/interactions/receiving-and-responding>
//!
//! With the feature `http-interactions`, the initial response to an interaction that this
//! client's [interactions endpoint](crate::interactions) is holding goes into the endpoint's
//! HTTP answer instead of the callback route (see [`InteractionsResource::respond`]).

use asyncord_model::interaction::{InteractionCallbackResponse, InteractionResponse};
use asyncord_model::message::Message;
use asyncord_model::request::{EditWebhookMessage, ExecuteWebhook};
use asyncord_model::route::{self, Endpoint};
use asyncord_model::{ApplicationId, InteractionId, MessageId};

use super::base::Rest;
use crate::http::{PathParam, Request, RestResult, Route, Secret};
#[cfg(feature = "http-interactions")]
use crate::interactions::PendingAnswers;

/// Interaction responses and follow-ups (`client.interactions`).
#[derive(Clone, Debug)]
pub struct InteractionsResource {
    pub(crate) rest: Rest,
    /// The interactions received over HTTP that await their answer (shared with the endpoint).
    #[cfg(feature = "http-interactions")]
    answers: std::sync::Arc<PendingAnswers>,
}

/// A request on an interaction route: the token in the path authenticates it, the table
/// exempts it from the global limit, and it carries no audit-log reason.
fn req<const N: usize>(endpoint: &'static Endpoint<N>, params: [&dyn PathParam; N]) -> Request {
    Request::new(Route::new(endpoint, params))
}

impl InteractionsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self {
            rest,
            #[cfg(feature = "http-interactions")]
            answers: std::sync::Arc::default(),
        }
    }

    /// The table this client shares with its interactions endpoint.
    #[cfg(feature = "http-interactions")]
    pub(crate) fn answers(&self) -> &std::sync::Arc<PendingAnswers> {
        &self.answers
    }

    /// The same handle, sending `reason` as the audit-log reason (`X-Audit-Log-Reason`) with
    /// every change made through it.
    pub fn with_reason(&self, reason: impl Into<String>) -> Self {
        let mut this = self.clone();
        this.rest.reason = Some(reason.into().into());
        this
    }

    /// `POST /interactions/{id}/{token}/callback`: the initial response (within 3 seconds).
    ///
    /// For an interaction received by this client's interactions endpoint (feature
    /// `http-interactions`), the response goes into the endpoint's HTTP answer instead; after
    /// the endpoint's automatic deferral it continues as an edit of the original response or a
    /// follow-up (see [`crate::interactions`]).
    pub async fn respond(
        &self,
        interaction_id: impl Into<InteractionId>,
        token: &str,
        response: InteractionResponse,
    ) -> RestResult<()> {
        let interaction_id = interaction_id.into();
        #[cfg(feature = "http-interactions")]
        // Boxed: the path through the webhook routes would otherwise make every `respond` future
        // several KiB larger.
        let Err(response) =
            Box::pin(self.respond_over_http(interaction_id, token, response)).await?
        else {
            return Ok(());
        };
        let (i, t) = (interaction_id, Secret::new("interaction_token", token)?);
        self.rest
            .send_empty(
                req(&route::CREATE_INTERACTION_RESPONSE, [&i, &t]),
                &response,
            )
            .await
    }

    /// Like [`respond`](Self::respond) with `with_response=true`: returns what was created.
    ///
    /// For an interaction held by this client's interactions endpoint, the response goes into
    /// the HTTP answer and Discord says nothing back: the result then names the interaction and
    /// the callback type, without `resource` (read the message with
    /// [`original`](Self::original)).
    pub async fn respond_with_callback(
        &self,
        interaction_id: impl Into<InteractionId>,
        token: &str,
        response: InteractionResponse,
    ) -> RestResult<InteractionCallbackResponse> {
        let interaction_id = interaction_id.into();
        #[cfg(feature = "http-interactions")]
        let response = match Box::pin(self.respond_over_http(interaction_id, token, response))
            .await?
        {
            Ok(kind) => return Ok(super::interaction_over_http::callback(interaction_id, kind)),
            Err(response) => response,
        };
        let (i, t) = (interaction_id, Secret::new("interaction_token", token)?);
        let request =
            req(&route::CREATE_INTERACTION_RESPONSE, [&i, &t]).query("with_response", true);
        self.rest.send(request, &response).await
    }

    /// `GET /webhooks/{application_id}/{token}/messages/@original`.
    pub async fn original(
        &self,
        application_id: impl Into<ApplicationId>,
        token: &str,
    ) -> RestResult<Message> {
        let (a, t) = (application_id.into(), Secret::new("webhook_token", token)?);
        self.rest
            .call(req(&route::GET_ORIGINAL_INTERACTION_RESPONSE, [&a, &t]))
            .await
    }

    /// `PATCH /webhooks/{application_id}/{token}/messages/@original` (also completes a
    /// deferred response).
    pub async fn edit_original(
        &self,
        application_id: impl Into<ApplicationId>,
        token: &str,
        body: EditWebhookMessage,
    ) -> RestResult<Message> {
        let (a, t) = (application_id.into(), Secret::new("webhook_token", token)?);
        self.rest
            .send(
                req(&route::EDIT_ORIGINAL_INTERACTION_RESPONSE, [&a, &t]),
                &body,
            )
            .await
    }

    /// `DELETE /webhooks/{application_id}/{token}/messages/@original`.
    pub async fn delete_original(
        &self,
        application_id: impl Into<ApplicationId>,
        token: &str,
    ) -> RestResult<()> {
        let (a, t) = (application_id.into(), Secret::new("webhook_token", token)?);
        self.rest
            .call_empty(req(&route::DELETE_ORIGINAL_INTERACTION_RESPONSE, [&a, &t]))
            .await
    }

    /// `POST /webhooks/{application_id}/{token}`: a follow-up message.
    pub async fn create_followup(
        &self,
        application_id: impl Into<ApplicationId>,
        token: &str,
        body: ExecuteWebhook,
    ) -> RestResult<Message> {
        let (a, t) = (application_id.into(), Secret::new("webhook_token", token)?);
        let request = req(&route::CREATE_FOLLOWUP_MESSAGE, [&a, &t]).query("wait", true);
        self.rest.send(request, &body).await
    }

    /// `GET /webhooks/{application_id}/{token}/messages/{message_id}`.
    pub async fn followup(
        &self,
        application_id: impl Into<ApplicationId>,
        token: &str,
        message_id: impl Into<MessageId>,
    ) -> RestResult<Message> {
        let (a, t, m) = (
            application_id.into(),
            Secret::new("webhook_token", token)?,
            message_id.into(),
        );
        self.rest
            .call(req(&route::GET_FOLLOWUP_MESSAGE, [&a, &t, &m]))
            .await
    }

    /// `PATCH /webhooks/{application_id}/{token}/messages/{message_id}`.
    pub async fn edit_followup(
        &self,
        application_id: impl Into<ApplicationId>,
        token: &str,
        message_id: impl Into<MessageId>,
        body: EditWebhookMessage,
    ) -> RestResult<Message> {
        let (a, t, m) = (
            application_id.into(),
            Secret::new("webhook_token", token)?,
            message_id.into(),
        );
        self.rest
            .send(req(&route::EDIT_FOLLOWUP_MESSAGE, [&a, &t, &m]), &body)
            .await
    }

    /// `DELETE /webhooks/{application_id}/{token}/messages/{message_id}`.
    pub async fn delete_followup(
        &self,
        application_id: impl Into<ApplicationId>,
        token: &str,
        message_id: impl Into<MessageId>,
    ) -> RestResult<()> {
        let (a, t, m) = (
            application_id.into(),
            Secret::new("webhook_token", token)?,
            message_id.into(),
        );
        self.rest
            .call_empty(req(&route::DELETE_FOLLOWUP_MESSAGE, [&a, &t, &m]))
            .await
    }
}
