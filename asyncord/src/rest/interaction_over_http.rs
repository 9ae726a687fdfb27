//! The initial response of an interaction that the client's interactions endpoint is holding
//! (feature `http-interactions`): into the endpoint's HTTP answer while it waits, through the
//! webhook routes after its automatic deferral.
//! <https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction>

use asyncord_model::interaction::{
    InteractionCallback, InteractionCallbackResponse, InteractionMessageData, InteractionResponse,
    InteractionType,
};
use asyncord_model::message::MessageFlags;
use asyncord_model::request::{EditWebhookMessage, ExecuteWebhook, Patch, RequestBody, Validate};
use asyncord_model::{ApplicationId, InteractionId};

use super::interaction::InteractionsResource;
use crate::http::{RestError, RestResult};
use crate::interactions::Claim;

impl InteractionsResource {
    /// Answers `response` through the endpoint if it holds the interaction: `Ok(kind)` with
    /// the interaction's type when done, `Err(response)` back when the callback route is the
    /// way (not held, or its HTTP request is gone).
    pub(super) async fn respond_over_http(
        &self,
        interaction_id: InteractionId,
        token: &str,
        response: InteractionResponse,
    ) -> RestResult<Result<InteractionType, InteractionResponse>> {
        match self.answers().claim(interaction_id, token) {
            Claim::Elsewhere => Ok(Err(response)),
            Claim::Waiting {
                answer,
                application_id,
                kind,
            } => {
                response.validate()?;
                if response.files().is_empty() {
                    return Ok(answer.send(response).map(|()| kind));
                }
                // Discord takes only JSON in the HTTP answer: defer there, then send the
                // message with its files as the edit of the original response.
                let deferral = match &response {
                    InteractionResponse::UpdateMessage(_) => InteractionResponse::DeferredUpdate,
                    InteractionResponse::Message(d) | InteractionResponse::DeferredMessage(d) => {
                        InteractionResponse::deferred(is_ephemeral(d))
                    }
                    _ => InteractionResponse::deferred(false),
                };
                if answer.send(deferral.clone()).is_err() {
                    return Ok(Err(response));
                }
                self.after_deferral(interaction_id, application_id, token, &deferral, response)
                    .await?;
                Ok(Ok(kind))
            }
            Claim::Deferred {
                deferral,
                application_id,
                kind,
            } => {
                response.validate()?;
                self.after_deferral(interaction_id, application_id, token, &deferral, response)
                    .await?;
                Ok(Ok(kind))
            }
        }
    }

    /// `response`, after the endpoint answered `deferral`: an edit of the original response,
    /// a follow-up, nothing more, or an error when it cannot follow a deferral.
    async fn after_deferral(
        &self,
        interaction_id: InteractionId,
        application_id: ApplicationId,
        token: &str,
        deferral: &InteractionResponse,
        response: InteractionResponse,
    ) -> RestResult<()> {
        match response {
            // After a component's deferred update, the original response is the component's
            // message: a new message is a follow-up.
            InteractionResponse::Message(d) if *deferral == InteractionResponse::DeferredUpdate => {
                self.create_followup(application_id, token, followup(d))
                    .await
                    .map(drop)
            }
            InteractionResponse::Message(d) | InteractionResponse::UpdateMessage(d) => self
                .edit_original(application_id, token, edit(d))
                .await
                .map(drop),
            InteractionResponse::DeferredMessage(_) | InteractionResponse::DeferredUpdate => Ok(()),
            other => Err(RestError::LateInteractionResponse {
                interaction_id,
                callback: other.kind(),
            }),
        }
    }
}

/// What `respond_with_callback` returns for an answer that went into the HTTP response.
pub(super) fn callback(id: InteractionId, kind: InteractionType) -> InteractionCallbackResponse {
    InteractionCallbackResponse {
        interaction: InteractionCallback {
            id,
            kind,
            activity_instance_id: None,
            response_message_id: None,
            response_message_loading: None,
            response_message_ephemeral: None,
        },
        resource: None,
    }
}

fn is_ephemeral(d: &InteractionMessageData) -> bool {
    d.flags.is_some_and(|f| f.contains(MessageFlags::EPHEMERAL))
}

/// A response message as the edit of a deferred original response (its ephemerality was
/// decided by the deferral).
fn edit(d: InteractionMessageData) -> EditWebhookMessage {
    EditWebhookMessage {
        content: set(d.content),
        embeds: set(d.embeds),
        flags: set(d.flags.map(|f| f - MessageFlags::EPHEMERAL)),
        allowed_mentions: set(d.allowed_mentions),
        components: set(d.components),
        attachments: d.attachments,
        poll: set(d.poll),
        files: d.files,
    }
}

/// A response message as a follow-up message.
fn followup(d: InteractionMessageData) -> ExecuteWebhook {
    ExecuteWebhook {
        content: d.content,
        tts: d.tts,
        embeds: d.embeds.unwrap_or_default(),
        allowed_mentions: d.allowed_mentions,
        components: d.components.unwrap_or_default(),
        attachments: d.attachments,
        flags: d.flags,
        poll: d.poll,
        files: d.files,
        ..ExecuteWebhook::default()
    }
}

/// A field of a response message as a field of an edit: absent leaves it as it is.
fn set<T>(value: Option<T>) -> Patch<T> {
    value.map_or(Patch::Unchanged, Patch::Set)
}
