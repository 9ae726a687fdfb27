//! One request from Discord: checked (method, path, body limit, signature, replay window),
//! answered at once when it is a PING, otherwise dispatched as `INTERACTION_CREATE` and answered
//! with what a handler responded before the deadline, or with the deferred type.
//! <https://discord.com/developers/docs/interactions/receiving-and-responding#receiving-an-interaction>

use std::borrow::Cow;
use std::sync::Arc;
use std::time::SystemTime;

use asyncord_model::gateway::EventKind;
use asyncord_model::interaction::{InteractionResponse, InteractionType};
use asyncord_model::{ApplicationId, InteractionId};
use bytes::{Bytes, BytesMut};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use serde::Deserialize;
use tokio::time::Instant;

use super::answers::{PendingAnswers, Registration};
use super::config::InteractionsConfig;
use super::signature::{self, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use crate::dispatcher::Dispatcher;
use crate::gateway::DispatchFrame;

/// What every request of one server shares.
#[derive(Debug)]
pub(crate) struct Endpoint {
    pub config: InteractionsConfig,
    pub dispatcher: Dispatcher,
    pub answers: Arc<PendingAnswers>,
}

/// The fields the server itself needs; the handlers parse the whole interaction.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    id: InteractionId,
    #[serde(default)]
    application_id: ApplicationId,
    #[serde(rename = "type")]
    kind: InteractionType,
    #[serde(default)]
    token: String,
}

fn plain(status: StatusCode, text: &'static str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from_static(text.as_bytes())));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

fn json(body: Vec<u8>) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(body)));
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// The deferral the server answers when no handler answered in time.
pub(crate) fn deferral(kind: InteractionType, ephemeral: bool) -> InteractionResponse {
    match kind {
        // Updating the message the component is on later (edit of the original response).
        InteractionType::MessageComponent => InteractionResponse::DeferredUpdate,
        // Autocomplete cannot be deferred: no suggestions this time; the user's next keystroke
        // asks again.
        InteractionType::ApplicationCommandAutocomplete => InteractionResponse::autocomplete([]),
        _ => InteractionResponse::deferred(ephemeral),
    }
}

impl Endpoint {
    /// Answers one request; never fails (every problem is an HTTP status).
    pub(crate) async fn handle<B>(&self, request: Request<B>) -> Response<Full<Bytes>>
    where
        B: hyper::body::Body<Data = Bytes>,
        B::Error: std::error::Error + Send + Sync + 'static,
    {
        let received = Instant::now();
        if request.method() != Method::POST {
            return plain(StatusCode::METHOD_NOT_ALLOWED, "only POST");
        }
        if let Some(path) = &self.config.path
            && request.uri().path() != path
        {
            return plain(StatusCode::NOT_FOUND, "not found");
        }
        let declared = request
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.config.max_body as u64) {
            return plain(StatusCode::PAYLOAD_TOO_LARGE, "body too large");
        }
        let (parts, body) = request.into_parts();
        let body = match tokio::time::timeout(
            self.config.read_timeout,
            Limited::new(body, self.config.max_body).collect(),
        )
        .await
        {
            Ok(Ok(collected)) => collected.to_bytes(),
            Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
                return plain(StatusCode::PAYLOAD_TOO_LARGE, "body too large");
            }
            Ok(Err(_)) => return plain(StatusCode::BAD_REQUEST, "unreadable body"),
            Err(_) => return plain(StatusCode::REQUEST_TIMEOUT, "body too slow"),
        };
        let header = |name: &str| parts.headers.get(name).map(HeaderValue::as_bytes);
        if let Err(rejection) = signature::check(
            &self.config.public_key,
            header(SIGNATURE_HEADER),
            header(TIMESTAMP_HEADER),
            &body,
            SystemTime::now(),
            self.config.replay_window,
        ) {
            tracing::debug!(%rejection, "interaction request refused");
            return plain(StatusCode::UNAUTHORIZED, "invalid request signature");
        }
        let head: Head = match serde_json::from_slice(&body) {
            Ok(head) => head,
            Err(e) => {
                tracing::warn!(error = %e, "a signed interaction that is not an interaction");
                return plain(StatusCode::BAD_REQUEST, "not an interaction");
            }
        };
        if head.kind == InteractionType::Ping {
            return json(br#"{"type":1}"#.to_vec());
        }
        self.interaction(head, body, received).await
    }

    async fn interaction(
        &self,
        head: Head,
        body: Bytes,
        received: Instant,
    ) -> Response<Full<Bytes>> {
        let kind = Some(EventKind::InteractionCreate);
        if !self.dispatcher.wants(kind) {
            tracing::warn!(
                interaction = %head.id,
                "an interaction arrived but nothing handles INTERACTION_CREATE (or the bot is \
                 stopping); Discord will show that the application did not respond"
            );
            return plain(StatusCode::SERVICE_UNAVAILABLE, "no handler");
        }
        let Some(mut registration) =
            self.answers
                .register(head.id, &head.token, head.application_id, head.kind)
        else {
            return plain(StatusCode::CONFLICT, "interaction already in flight");
        };
        let guard = Forget {
            answers: &self.answers,
            id: head.id,
        };
        self.dispatcher.dispatch(DispatchFrame {
            shard_id: 0,
            seq: 0,
            kind,
            name: Cow::Borrowed("INTERACTION_CREATE"),
            data: BytesMut::from(&body[..]),
        });
        let response = self.answer(&head, &mut registration, received).await;
        std::mem::forget(guard);
        match serde_json::to_vec(&response) {
            Ok(body) => json(body),
            Err(e) => {
                tracing::error!(interaction = %head.id, error = %e, "could not serialise the answer");
                plain(StatusCode::INTERNAL_SERVER_ERROR, "unserialisable answer")
            }
        }
    }

    /// The handler's response before the deadline, or the deferral.
    async fn answer(
        &self,
        head: &Head,
        registration: &mut Registration,
        received: Instant,
    ) -> InteractionResponse {
        let deadline = received + self.config.deadline;
        if let Ok(Ok(response)) = tokio::time::timeout_at(deadline, &mut registration.answer).await
        {
            return response;
        }
        let deferral = deferral(head.kind, self.config.defer_ephemeral);
        let sent = self.answers.defer(head.id, registration, deferral);
        if matches!(sent, InteractionResponse::Autocomplete(ref a) if a.choices.is_empty())
            && head.kind == InteractionType::ApplicationCommandAutocomplete
        {
            tracing::warn!(
                interaction = %head.id,
                deadline = ?self.config.deadline,
                "no autocomplete answer before the deadline (autocomplete cannot be deferred): \
                 answered with no choices"
            );
        } else {
            tracing::debug!(interaction = %head.id, kind = ?sent.kind(), "answered");
        }
        sent
    }
}

/// Removes a waiting registration when the request is dropped before it is answered (the
/// connection closed): a later response then goes to Discord, which knows what became of it.
struct Forget<'a> {
    answers: &'a PendingAnswers,
    id: InteractionId,
}

impl Drop for Forget<'_> {
    fn drop(&mut self) {
        self.answers.forget(self.id);
    }
}
