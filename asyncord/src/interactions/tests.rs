//! The endpoint's request handling, in process on tokio's paused clock: the checks Discord
//! requires, PING, the answer in the HTTP response, the automatic deferral at the deadline and
//! what a late answer becomes (recorded by a REST transport that stands in for Discord).

use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use asyncord_model::gateway::InteractionCreateEvent;
use asyncord_model::interaction::InteractionResponse;
use asyncord_model::request::FileUpload;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde_json::{Value, json};
use tokio::time::Instant;

use super::InteractionsConfig;
use super::request::Endpoint;
use super::signature::{PublicKey, hex};
use crate::dispatcher::{Context, Dispatcher, HandlerResult};
use crate::http::{BoxError, Transport};
use crate::rest::RestClient;

/// Stands in for Discord's REST API: records each request, answers with a message.
#[derive(Debug, Default)]
struct Recorder {
    requests: Mutex<Vec<(String, String, Bytes)>>,
}

impl Recorder {
    fn requests(&self) -> Vec<(String, String, Bytes)> {
        self.requests.lock().unwrap().clone()
    }
}

impl Transport for Recorder {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> crate::http::BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        let (parts, body) = request.into_parts();
        self.requests.lock().unwrap().push((
            parts.method.to_string(),
            parts.uri.path().to_owned(),
            body,
        ));
        let message = json!({
            "id": "900", "channel_id": "800", "content": "", "type": 20,
            "timestamp": "2025-01-01T00:00:00+00:00",
            "author": {"id": "700", "username": "bot", "discriminator": "0"},
        });
        Box::pin(async move {
            Ok(http::Response::builder()
                .status(200)
                .header("content-type", "application/json")
                .body(Bytes::from(message.to_string()))?)
        })
    }
}

struct Setup {
    endpoint: Endpoint,
    pair: Ed25519KeyPair,
    client: RestClient,
    rest: Arc<Recorder>,
}

fn setup(config: impl FnOnce(InteractionsConfig) -> InteractionsConfig) -> Setup {
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
    let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
    let key = PublicKey::from_bytes(pair.public_key().as_ref().try_into().unwrap());
    let rest = Arc::new(Recorder::default());
    let client = RestClient::builder("bot-token")
        .base_url("http://127.0.0.1:1/api/v10")
        .transport(Arc::clone(&rest) as Arc<dyn Transport>)
        .build();
    let config = config(InteractionsConfig::new(key, ([127, 0, 0, 1], 0).into()));
    let endpoint = Endpoint {
        config,
        dispatcher: Dispatcher::new(),
        answers: Arc::clone(client.interactions.answers()),
    };
    Setup {
        endpoint,
        pair,
        client,
        rest,
    }
}

fn now() -> String {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string()
}

fn signed(pair: &Ed25519KeyPair, timestamp: &str, body: &str) -> http::Request<Full<Bytes>> {
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(body.as_bytes());
    http::Request::post("/interactions")
        .header("x-signature-ed25519", hex(pair.sign(&message).as_ref()))
        .header("x-signature-timestamp", timestamp)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(body.to_owned())))
        .unwrap()
}

fn interaction(kind: u8, id: u64) -> String {
    let data = match kind {
        3 => json!({"custom_id": "b", "component_type": 2}),
        5 => json!({"custom_id": "m", "components": []}),
        _ => json!({"id": "50", "name": "ping", "type": 1}),
    };
    json!({
        "id": id.to_string(), "application_id": "42", "type": kind, "token": format!("tok{id}"),
        "version": 1, "channel_id": "800", "data": data,
        "user": {"id": "600", "username": "alice", "discriminator": "0"},
    })
    .to_string()
}

async fn send(s: &Setup, request: http::Request<Full<Bytes>>) -> (u16, Value) {
    let response = s.endpoint.handle(request).await;
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let value = serde_json::from_slice(&body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into_owned()));
    (status, value)
}

/// Registers a handler that waits `delay`, then answers with what `answer` gives; its
/// `respond` results land in `results`.
fn answer_after(
    s: &Setup,
    delay: Duration,
    answer: fn(&InteractionCreateEvent) -> InteractionResponse,
) -> Arc<Mutex<Vec<Result<(), String>>>> {
    let results = Arc::new(Mutex::new(Vec::new()));
    let (client, out) = (s.client.clone(), Arc::clone(&results));
    s.endpoint
        .dispatcher
        .add_handler_for::<InteractionCreateEvent, _>(move |event, _: Context| {
            let (client, out) = (client.clone(), Arc::clone(&out));
            async move {
                tokio::time::sleep(delay).await;
                let result = client
                    .interactions
                    .respond(event.id, event.token.as_str(), answer(&event))
                    .await;
                out.lock().unwrap().push(result.map_err(|e| e.to_string()));
                HandlerResult::Ok(())
            }
        });
    results
}

/// Lets the handler tasks run to their end on the paused clock.
async fn settle() {
    tokio::time::sleep(Duration::from_secs(30)).await;
}

#[tokio::test(start_paused = true)]
async fn a_ping_is_answered_with_pong_even_without_handlers() {
    let s = setup(|c| c);
    let (status, body) = send(&s, signed(&s.pair, &now(), r#"{"type":1,"id":"1"}"#)).await;
    assert_eq!((status, body), (200, json!({"type": 1})));
}

#[tokio::test(start_paused = true)]
async fn unsigned_tampered_wrong_key_stale_and_malformed_requests_are_refused() {
    let s = setup(|c| c.path("/interactions").max_body(4096));
    answer_after(&s, Duration::ZERO, |_| InteractionResponse::message("hi"));
    let body = interaction(2, 1);

    let mut missing = signed(&s.pair, &now(), &body);
    missing.headers_mut().remove("x-signature-ed25519");
    assert_eq!(send(&s, missing).await.0, 401, "missing signature");
    let mut missing = signed(&s.pair, &now(), &body);
    missing.headers_mut().remove("x-signature-timestamp");
    assert_eq!(send(&s, missing).await.0, 401, "missing timestamp");

    let (tampered_parts, _) = signed(&s.pair, &now(), &body).into_parts();
    let tampered = http::Request::from_parts(
        tampered_parts,
        Full::new(Bytes::from(body.replace("ping", "pong"))),
    );
    assert_eq!(send(&s, tampered).await.0, 401, "tampered body");

    let stranger = setup(|c| c);
    assert_eq!(
        send(&s, signed(&stranger.pair, &now(), &body)).await.0,
        401,
        "wrong key"
    );

    let old = (SystemTime::now() - Duration::from_secs(301))
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        .to_string();
    assert_eq!(send(&s, signed(&s.pair, &old, &body)).await.0, 401, "stale");

    let mut get = signed(&s.pair, &now(), &body);
    *get.method_mut() = http::Method::GET;
    assert_eq!(send(&s, get).await.0, 405);
    let mut elsewhere = signed(&s.pair, &now(), &body);
    *elsewhere.uri_mut() = "/other".parse().unwrap();
    assert_eq!(send(&s, elsewhere).await.0, 404);
    let big = format!(
        "{}{}",
        &body[..body.len() - 1],
        format_args!(r#","pad":"{}"}}"#, "x".repeat(5000))
    );
    assert_eq!(send(&s, signed(&s.pair, &now(), &big)).await.0, 413);
    assert_eq!(send(&s, signed(&s.pair, &now(), "[1,2]")).await.0, 400);

    assert!(
        s.rest.requests().is_empty(),
        "nothing refused reached a handler"
    );
    // The same request, properly signed, goes through.
    let (status, answer) = send(&s, signed(&s.pair, &now(), &body)).await;
    assert_eq!(status, 200);
    assert_eq!(answer["data"]["content"], "hi");
}

#[tokio::test(start_paused = true)]
async fn a_handler_s_answer_goes_into_the_http_response_not_to_discord() {
    let s = setup(|c| c);
    let results = answer_after(&s, Duration::from_millis(300), |e| {
        InteractionResponse::message(format!("hello {}", e.author().unwrap().username))
    });
    let started = Instant::now();
    let (status, body) = send(&s, signed(&s.pair, &now(), &interaction(2, 1))).await;
    assert_eq!(status, 200);
    assert_eq!(body, json!({"type": 4, "data": {"content": "hello alice"}}));
    assert_eq!(
        started.elapsed(),
        Duration::from_millis(300),
        "answered when the handler did"
    );
    settle().await;
    assert_eq!(*results.lock().unwrap(), vec![Ok(())]);
    assert!(
        s.rest.requests().is_empty(),
        "no callback request to Discord"
    );

    // A second delivery of an answered interaction is not held any more: its respond goes to
    // Discord (which says it was already acknowledged).
    let again = s
        .client
        .interactions
        .respond(1_u64, "tok1", InteractionResponse::message("again"))
        .await;
    assert!(again.is_ok());
    let requests = s.rest.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].1, "/api/v10/interactions/1/tok1/callback");
}

#[tokio::test(start_paused = true)]
async fn a_slow_command_is_deferred_at_the_deadline_then_its_answer_edits_the_original() {
    let s = setup(|c| c);
    let results = answer_after(&s, Duration::from_secs(5), |_| {
        InteractionResponse::message("done")
    });
    let started = Instant::now();
    let (status, body) = send(&s, signed(&s.pair, &now(), &interaction(2, 1))).await;
    assert_eq!((status, body), (200, json!({"type": 5, "data": {}})));
    assert_eq!(started.elapsed(), super::DEFAULT_DEADLINE);
    settle().await;
    assert_eq!(*results.lock().unwrap(), vec![Ok(())]);
    let requests = s.rest.requests();
    assert_eq!(requests.len(), 1, "{requests:?}");
    let (method, path, body) = &requests[0];
    assert_eq!(method, "PATCH");
    assert_eq!(path, "/api/v10/webhooks/42/tok1/messages/@original");
    assert_eq!(
        serde_json::from_slice::<Value>(body).unwrap(),
        json!({"content": "done"})
    );
}

#[tokio::test(start_paused = true)]
async fn the_deadline_is_configurable_and_the_deferral_can_be_ephemeral() {
    let s = setup(|c| c.deadline(Duration::from_millis(800)).defer_ephemeral(true));
    answer_after(&s, Duration::from_secs(1), |_| {
        InteractionResponse::message("late")
    });
    let started = Instant::now();
    let (_, body) = send(&s, signed(&s.pair, &now(), &interaction(5, 1))).await;
    assert_eq!(
        body,
        json!({"type": 5, "data": {"flags": 64}}),
        "a modal submit"
    );
    assert_eq!(started.elapsed(), Duration::from_millis(800));
}

#[tokio::test(start_paused = true)]
async fn a_slow_component_gets_a_deferred_update_then_an_edit_or_a_follow_up() {
    let s = setup(|c| c);
    answer_after(&s, Duration::from_secs(3), |e| {
        if e.id.get() == 1 {
            InteractionResponse::update(asyncord_model::interaction::InteractionMessageData {
                content: Some("updated".into()),
                ..Default::default()
            })
        } else {
            InteractionResponse::message("new message")
        }
    });
    let (_, first) = send(&s, signed(&s.pair, &now(), &interaction(3, 1))).await;
    let (_, second) = send(&s, signed(&s.pair, &now(), &interaction(3, 2))).await;
    assert_eq!(first, json!({"type": 6}));
    assert_eq!(second, json!({"type": 6}));
    settle().await;
    let mut requests: Vec<_> = s
        .rest
        .requests()
        .into_iter()
        .map(|(m, p, _)| format!("{m} {p}"))
        .collect();
    requests.sort();
    assert_eq!(
        requests,
        [
            "PATCH /api/v10/webhooks/42/tok1/messages/@original",
            "POST /api/v10/webhooks/42/tok2",
        ]
    );
}

#[tokio::test(start_paused = true)]
async fn a_slow_autocomplete_gets_no_choices_and_its_late_answer_is_an_error() {
    let s = setup(|c| c);
    let results = answer_after(&s, Duration::from_secs(3), |_| {
        InteractionResponse::autocomplete([])
    });
    let (_, body) = send(&s, signed(&s.pair, &now(), &interaction(4, 1))).await;
    assert_eq!(body, json!({"type": 8, "data": {"choices": []}}));
    settle().await;
    let results = results.lock().unwrap().clone();
    assert_eq!(results.len(), 1);
    let error = results[0].as_ref().unwrap_err();
    assert!(
        error.contains("cannot follow the automatic deferral"),
        "{error}"
    );
    assert!(s.rest.requests().is_empty());
}

#[tokio::test(start_paused = true)]
async fn files_are_sent_after_a_deferral_since_the_http_answer_takes_only_json() {
    let s = setup(|c| c);
    answer_after(&s, Duration::ZERO, |_| {
        InteractionResponse::message("here")
            .ephemeral()
            .file(FileUpload::new("a.txt", b"abc".to_vec()))
    });
    let (_, body) = send(&s, signed(&s.pair, &now(), &interaction(2, 1))).await;
    assert_eq!(body, json!({"type": 5, "data": {"flags": 64}}));
    settle().await;
    let requests = s.rest.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].1,
        "/api/v10/webhooks/42/tok1/messages/@original"
    );
    let text = String::from_utf8_lossy(&requests[0].2);
    assert!(
        text.contains("abc") && text.contains("a.txt"),
        "multipart with the file"
    );
}

#[tokio::test(start_paused = true)]
async fn without_handlers_or_while_stopping_the_endpoint_says_so() {
    let s = setup(|c| c);
    assert_eq!(
        send(&s, signed(&s.pair, &now(), &interaction(2, 1)))
            .await
            .0,
        503
    );
    answer_after(&s, Duration::ZERO, |_| InteractionResponse::message("x"));
    s.endpoint.dispatcher.shutdown(Duration::ZERO).await;
    assert_eq!(
        send(&s, signed(&s.pair, &now(), &interaction(2, 2)))
            .await
            .0,
        503
    );
}

#[tokio::test(start_paused = true)]
async fn a_late_answer_that_cannot_follow_a_deferral_is_refused_clearly() {
    let s = setup(|c| c);
    let results = answer_after(&s, Duration::from_secs(3), |_| {
        let input: asyncord_model::component::Component = serde_json::from_value(json!({
            "type": 18, "label": "Name",
            "component": {"type": 4, "custom_id": "name", "style": 1},
        }))
        .unwrap();
        InteractionResponse::modal("m", "Title", [input])
    });
    send(&s, signed(&s.pair, &now(), &interaction(2, 1))).await;
    settle().await;
    let results = results.lock().unwrap().clone();
    assert!(
        results[0].as_ref().is_err_and(|e| e.contains("Modal")),
        "{results:?}"
    );
}
