//! Webhook and interaction tokens never show: after real webhook calls (execute, edit, delete
//! with a token) and interaction calls (callback, follow-up, edit original) against the
//! emulator, no `Debug` output of a value that held a token — client, rate limiter, request,
//! route, errors, dispatch frames, raw events — contains it, and neither does anything the
//! library logged at TRACE level.

use std::io::Write;
use std::sync::{Arc, Mutex};

use asyncord::dispatcher::RawEvent;
use asyncord::gateway::DispatchFrame;
use asyncord::http::{InMemoryRateLimiter, Request, RestError, Route, Secret};
use asyncord::model::interaction::InteractionResponse;
use asyncord::model::request::{CreateWebhook, EditWebhookMessage, ExecuteWebhook, ModifyWebhook};
use asyncord::model::route;
use asyncord::prelude::*;
use asyncord::testkit::Emulator;
use serde_json::json;

/// Everything the subscriber writes, as text.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    /// Sets a TRACE-level subscriber writing here for this thread (the test runtime runs every
    /// task on it, the emulator's included).
    fn capture() -> (Self, tracing::subscriber::DefaultGuard) {
        let logs = Self::default();
        let writer = logs.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Fails when `shown` holds a secret as text or as the `Debug` of its bytes (`[105, 116, ..]`,
/// how a `Vec<u8>` or `[u8]` shows).
fn assert_hidden(shown: &str, secrets: &[&str], what: &str) {
    for secret in secrets {
        let bytes = format!("{:?}", secret.as_bytes());
        let bytes = bytes.trim_start_matches('[').trim_end_matches(']');
        assert!(
            !shown.contains(secret) && !shown.contains(bytes),
            "{what} shows a token: {shown}"
        );
    }
}

#[tokio::test]
async fn tokens_never_show_in_debug_output_or_logs() {
    let (logs, _guard) = Logs::capture();
    let emu = Emulator::start().await.unwrap();
    let limiter = InMemoryRateLimiter::new();
    let client = RestClient::builder(emu.token())
        .base_url(emu.rest().url())
        .transport(Arc::new(emu.rest().endpoint()))
        .rate_limiter(Arc::new(limiter.clone()))
        .build();
    let mut shown = Vec::new();

    // A webhook, used with its token.
    let hook = client
        .webhooks
        .create(emu.channel_id(), CreateWebhook::new("hook"))
        .await
        .unwrap();
    let webhook_token = hook.token.as_ref().unwrap().expose().to_owned();
    let hooks = &client.webhooks;
    let message = hooks
        .execute(hook.id, &webhook_token, None, ExecuteWebhook::content("hi"))
        .await
        .unwrap();
    let edit = EditWebhookMessage::new().content(Some("edited"));
    let edited = hooks
        .edit_message(hook.id, &webhook_token, message.id, None, edit)
        .await
        .unwrap();
    shown.push(format!("{message:?} {edited:?}"));
    let fetched = hooks.get(hook.id, Some(&webhook_token)).await.unwrap();
    let modify = ModifyWebhook {
        name: Some("renamed".to_owned()),
        ..ModifyWebhook::default()
    };
    let modified = hooks
        .edit(hook.id, Some(&webhook_token), modify)
        .await
        .unwrap();
    shown.push(format!("{hook:?} {fetched:?} {modified:?}"));
    hooks
        .delete_message(hook.id, &webhook_token, message.id, None)
        .await
        .unwrap();
    // Errors of token routes: a response that does not parse (a webhook, which carries its
    // token and its URL, read as a number), a wrong token, a deleted webhook.
    let get_with_token = Route::new(
        &route::GET_WEBHOOK_WITH_TOKEN,
        [
            &hook.id,
            &Secret::new("webhook_token", &webhook_token).unwrap(),
        ],
    );
    let decode = client
        .http()
        .request::<u64>(Request::new(get_with_token.clone()))
        .await
        .unwrap_err();
    assert!(matches!(decode, RestError::Decode { .. }), "{decode:?}");
    let wrong = hooks
        .execute(
            hook.id,
            "wrong-secret-token",
            None,
            ExecuteWebhook::content("x"),
        )
        .await
        .unwrap_err();
    hooks.delete(hook.id, Some(&webhook_token)).await.unwrap();
    let deleted = hooks
        .execute(hook.id, &webhook_token, None, ExecuteWebhook::content("x"))
        .await
        .unwrap_err();
    assert_eq!(deleted.status(), Some(404));
    for e in [&decode, &wrong, &deleted] {
        shown.push(format!("{e:?} {e}"));
        shown.push(format!("{:?}", e.api_error()));
    }

    // An interaction: callback, follow-up, original response edited.
    let user = emu.user_ids()[0];
    let (interaction, interaction_token) = emu
        .world()
        .add_interaction(
            emu.bot(),
            emu.channel_id(),
            user,
            &json!({"name": "x", "type": 1}),
        )
        .unwrap();
    let app = emu.bot().application_id;
    let interactions = &client.interactions;
    interactions
        .respond(
            interaction,
            &interaction_token,
            InteractionResponse::message("ok"),
        )
        .await
        .unwrap();
    let again = interactions
        .respond(
            interaction,
            &interaction_token,
            InteractionResponse::message("again"),
        )
        .await
        .unwrap_err();
    let followup = interactions
        .create_followup(app, &interaction_token, ExecuteWebhook::content("more"))
        .await
        .unwrap();
    let original = interactions
        .edit_original(
            app,
            &interaction_token,
            EditWebhookMessage::new().content(Some("ok!")),
        )
        .await
        .unwrap();
    interactions
        .delete_followup(app, &interaction_token, followup.id)
        .await
        .unwrap();
    shown.push(format!("{again:?} {again} {followup:?} {original:?}"));

    // What held the tokens: the clients, the limiter (its keys), requests and routes.
    let callback = Route::new(
        &route::CREATE_INTERACTION_RESPONSE,
        [
            &interaction,
            &Secret::new("interaction_token", &interaction_token).unwrap(),
        ],
    );
    let request = Request::new(callback.clone())
        .json(&InteractionResponse::message("ok"))
        .unwrap();
    shown.push(format!(
        "{client:?} {:?} {:?} {limiter:?} {limiter:#?}",
        client.http(),
        emu.rest_client().http()
    ));
    shown.push(format!(
        "{callback:?} {callback} {get_with_token:?} {request:?} {request:#?}"
    ));

    // The gateway's view of the interaction: its `d` holds the token.
    let data = serde_json::to_vec(&json!({
        "id": interaction.to_string(),
        "application_id": app.to_string(),
        "type": 2,
        "token": interaction_token,
        "data": {"name": "x", "type": 1},
    }))
    .unwrap();
    let frame = DispatchFrame {
        shard_id: 0,
        seq: 7,
        kind: None,
        name: "INTERACTION_CREATE".into(),
        data: data[..].into(),
    };
    let raw = RawEvent {
        shard_id: 0,
        seq: 7,
        kind: None,
        name: "INTERACTION_CREATE".into(),
        data: data.into(),
        parse_error: None,
    };
    let gateway_view = format!("{frame:?} {frame:#?} {raw:?} {raw:#?}");
    shown.push(gateway_view.clone());

    let bot_token = emu.token().to_owned();
    let secrets = [
        webhook_token.as_str(),
        interaction_token.as_str(),
        bot_token.as_str(),
    ];
    for s in &shown {
        assert_hidden(s, &secrets, "Debug");
    }
    assert!(
        gateway_view.contains(&format!("<{} bytes>", frame.data.len())),
        "the size of `d` is shown: {gateway_view}"
    );
    emu.shutdown().await;
    let logged = logs.text();
    assert!(
        logged.contains("TRACE"),
        "TRACE events were captured: {logged}"
    );
    assert!(
        logged.contains("/webhooks/") && logged.contains("/:token"),
        "the routes were logged, tokens redacted: {logged}"
    );
    assert_hidden(&logged, &secrets, "the TRACE log");
}
