//! `client.interactions`: the initial response (callback), the original response message and
//! follow-up messages. These routes use the interaction token, not the bot token, and do not
//! count toward the global rate limit.
//! <https://discord.com/developers/docs/interactions/receiving-and-responding>

use std::fmt;

use asyncord_model::Snowflake;
use asyncord_model::interaction::{InteractionCallbackResponse, InteractionResponse};
use asyncord_model::message::Message;
use asyncord_model::request::{EditWebhookMessage, ExecuteWebhook};

use super::base::{Rest, resource};
use crate::http::{Method, Request, RestResult, Route, encode_segment};

resource! {
    /// Interaction responses and follow-ups (`client.interactions`).
    InteractionsResource {}
}

/// A token route, exempt from the global limit.
fn req(method: Method, template: &'static str, params: &[&(dyn fmt::Display + Sync)]) -> Request {
    Request::new(Route::new(method, template, params).global_exempt())
}

impl InteractionsResource {
    pub(crate) fn new(rest: Rest) -> Self {
        Self { rest }
    }

    /// `POST /interactions/{id}/{token}/callback`: the initial response (within 3 seconds).
    pub async fn respond(
        &self,
        interaction_id: impl Into<Snowflake>,
        token: &str,
        response: InteractionResponse,
    ) -> RestResult<()> {
        let (i, t) = (interaction_id.into(), encode_segment(token));
        self.rest
            .send_empty(
                req(Method::POST, "interactions/{}/{}/callback", &[&i, &t]),
                &response,
            )
            .await
    }

    /// Like [`respond`](Self::respond) with `with_response=true`: returns what was created.
    pub async fn respond_with_callback(
        &self,
        interaction_id: impl Into<Snowflake>,
        token: &str,
        response: InteractionResponse,
    ) -> RestResult<InteractionCallbackResponse> {
        let (i, t) = (interaction_id.into(), encode_segment(token));
        let request = req(Method::POST, "interactions/{}/{}/callback", &[&i, &t])
            .query("with_response", true);
        self.rest.send(request, &response).await
    }

    /// `GET /webhooks/{application_id}/{token}/messages/@original`.
    pub async fn original(
        &self,
        application_id: impl Into<Snowflake>,
        token: &str,
    ) -> RestResult<Message> {
        let (a, t) = (application_id.into(), encode_segment(token));
        self.rest
            .call(req(
                Method::GET,
                "webhooks/{}/{}/messages/@original",
                &[&a, &t],
            ))
            .await
    }

    /// `PATCH /webhooks/{application_id}/{token}/messages/@original` (also completes a
    /// deferred response).
    pub async fn edit_original(
        &self,
        application_id: impl Into<Snowflake>,
        token: &str,
        body: EditWebhookMessage,
    ) -> RestResult<Message> {
        let (a, t) = (application_id.into(), encode_segment(token));
        self.rest
            .send(
                req(
                    Method::PATCH,
                    "webhooks/{}/{}/messages/@original",
                    &[&a, &t],
                ),
                &body,
            )
            .await
    }

    /// `DELETE /webhooks/{application_id}/{token}/messages/@original`.
    pub async fn delete_original(
        &self,
        application_id: impl Into<Snowflake>,
        token: &str,
    ) -> RestResult<()> {
        let (a, t) = (application_id.into(), encode_segment(token));
        self.rest
            .call_empty(req(
                Method::DELETE,
                "webhooks/{}/{}/messages/@original",
                &[&a, &t],
            ))
            .await
    }

    /// `POST /webhooks/{application_id}/{token}`: a follow-up message.
    pub async fn create_followup(
        &self,
        application_id: impl Into<Snowflake>,
        token: &str,
        body: ExecuteWebhook,
    ) -> RestResult<Message> {
        let (a, t) = (application_id.into(), encode_segment(token));
        let request = req(Method::POST, "webhooks/{}/{}", &[&a, &t]).query("wait", true);
        self.rest.send(request, &body).await
    }

    /// `GET /webhooks/{application_id}/{token}/messages/{message_id}`.
    pub async fn followup(
        &self,
        application_id: impl Into<Snowflake>,
        token: &str,
        message_id: impl Into<Snowflake>,
    ) -> RestResult<Message> {
        let (a, t, m) = (
            application_id.into(),
            encode_segment(token),
            message_id.into(),
        );
        self.rest
            .call(req(
                Method::GET,
                "webhooks/{}/{}/messages/{}",
                &[&a, &t, &m],
            ))
            .await
    }

    /// `PATCH /webhooks/{application_id}/{token}/messages/{message_id}`.
    pub async fn edit_followup(
        &self,
        application_id: impl Into<Snowflake>,
        token: &str,
        message_id: impl Into<Snowflake>,
        body: EditWebhookMessage,
    ) -> RestResult<Message> {
        let (a, t, m) = (
            application_id.into(),
            encode_segment(token),
            message_id.into(),
        );
        self.rest
            .send(
                req(Method::PATCH, "webhooks/{}/{}/messages/{}", &[&a, &t, &m]),
                &body,
            )
            .await
    }

    /// `DELETE /webhooks/{application_id}/{token}/messages/{message_id}`.
    pub async fn delete_followup(
        &self,
        application_id: impl Into<Snowflake>,
        token: &str,
        message_id: impl Into<Snowflake>,
    ) -> RestResult<()> {
        let (a, t, m) = (
            application_id.into(),
            encode_segment(token),
            message_id.into(),
        );
        self.rest
            .call_empty(req(
                Method::DELETE,
                "webhooks/{}/{}/messages/{}",
                &[&a, &t, &m],
            ))
            .await
    }
}
