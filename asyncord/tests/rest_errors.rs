//! Error kinds against the emulator (real sockets, real clock, tiny durations): Discord's error
//! body rendered readably, not found, forbidden, non-JSON bodies, timeouts, transport failures,
//! decode failures, local validation before sending, and a client that never shows its token.

#[path = "rest_common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::Duration;

use asyncord::http::{Request, RestError, Route, Secret};
use asyncord::model::request::{CreateGuildChannel, CreateMessage, CreateWebhook, EditMessage};
use asyncord::model::route::{CREATE_GUILD_CHANNEL, EXECUTE_WEBHOOK, GET_CHANNEL};
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{Fault, FaultRule, RestConfig};
use common::socket;
use serde_json::json;
use tokio::time::Instant;

#[tokio::test]
async fn validation_errors_surface_before_anything_is_sent() {
    let (server, client, seed) = socket().await;
    let err = client
        .channels
        .messages(seed.channel_id)
        .create(CreateMessage::content("x".repeat(2001)))
        .await
        .unwrap_err();
    match &err {
        RestError::Validation(v) => assert_eq!(v.path, "content"),
        other => panic!("expected Validation, got {other:?}"),
    }
    assert!(err.to_string().contains("nothing was sent"));
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn nested_field_errors_are_rendered_readably() {
    let (server, client, seed) = socket().await;
    let hook = client
        .webhooks
        .create(seed.channel_id, CreateWebhook::new("hook"))
        .await
        .unwrap();
    let token = hook.token.as_ref().unwrap().expose().to_owned();
    // Past the local checks on purpose (a raw request), so Discord's answer is what we see.
    let secret = Secret::new("webhook_token", &token).unwrap();
    let request = Request::new(Route::new(&EXECUTE_WEBHOOK, [&hook.id, &secret]))
        .json(&json!({"embeds": [{"title": "t".repeat(257)}]}))
        .unwrap();
    let err = client.http().request_empty(request).await.unwrap_err();
    let api = err.api_error().expect("parsed error body");
    assert_eq!((api.status, api.code), (400, 50035));
    assert_eq!(api.errors[0].path, "embeds.0.title");
    let text = err.to_string();
    assert!(
        text.contains("embeds.0.title: Must be 256 or fewer in length. (BASE_TYPE_MAX_LENGTH)"),
        "{text}"
    );
    assert!(!text.contains(&token), "the webhook token leaked: {text}");
    assert!(text.contains(":token"));
    assert_eq!(server.last_request().unwrap().status, 400);

    let request = Request::new(Route::new(&CREATE_GUILD_CHANNEL, [&seed.guild_id]))
        .json(&json!({"name": "n".repeat(101)}))
        .unwrap();
    let err = client.http().request_empty(request).await.unwrap_err();
    assert!(matches!(err, RestError::BadRequest(_)));
    assert!(
        err.to_string()
            .contains("name: Must be 100 or fewer in length."),
        "{err}"
    );
    // The typed body catches the same mistake before sending.
    let before = server.requests().len();
    let err = client
        .guilds
        .create_channel(seed.guild_id, CreateGuildChannel::text("n".repeat(101)))
        .await
        .unwrap_err();
    assert!(matches!(err, RestError::Validation(_)), "{err:?}");
    assert_eq!(server.requests().len(), before);
}

#[tokio::test]
async fn not_found_and_forbidden_carry_discords_codes() {
    let (server, client, seed) = socket().await;
    let err = client.channels.get(42_u64).await.unwrap_err();
    assert!(matches!(err, RestError::NotFound(_)), "{err:?}");
    assert_eq!(err.code(), Some(10003));
    assert!(err.to_string().contains("Unknown Channel"));

    let theirs = server
        .world()
        .add_message(seed.channel_id, seed.user_id, "not yours")
        .unwrap();
    let err = client
        .channels
        .messages(seed.channel_id)
        .edit(theirs, EditMessage::new().content(Some("mine now")))
        .await
        .unwrap_err();
    assert!(matches!(err, RestError::Forbidden(_)), "{err:?}");
    assert_eq!(err.code(), Some(50005));
    assert_eq!(client.http().invalid_request_count(), 1);
}

#[tokio::test]
async fn non_json_error_bodies_have_their_own_kind() {
    let (server, client, seed) = socket().await;
    server.inject(FaultRule::new(Fault::NonJson {
        status: 400,
        body: "<html>Bad gateway config</html>".into(),
    }));
    let err = client.channels.get(seed.channel_id).await.unwrap_err();
    match &err {
        RestError::NotJson {
            status, snippet, ..
        } => {
            assert_eq!(*status, 400);
            assert!(snippet.contains("<html>"));
        }
        other => panic!("expected NotJson, got {other:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn slow_responses_time_out() {
    let (world, seed) = asyncord::testkit::rest::World::seeded();
    let server = asyncord::testkit::rest::RestServer::in_memory(world, RestConfig::default());
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .transport(Arc::new(server.endpoint()))
        .timeout(Duration::from_secs(2))
        .build();
    server.inject(FaultRule::new(Fault::Slow(Duration::from_secs(60))));
    let start = Instant::now();
    let err = client.channels.get(seed.channel_id).await.unwrap_err();
    match err {
        RestError::Timeout { after, .. } => assert_eq!(after, Duration::from_secs(2)),
        other => panic!("expected Timeout, got {other:?}"),
    }
    // Given up exactly at the timeout, not later.
    assert_eq!(Instant::now() - start, Duration::from_secs(2));
    // The next request is served normally, at once.
    client.channels.get(seed.channel_id).await.unwrap();
    assert_eq!(Instant::now() - start, Duration::from_secs(2));
}

#[tokio::test]
async fn connection_failures_are_transport_errors() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = RestClient::builder("token")
        .base_url(format!("http://{addr}/api/v10"))
        .timeout(Duration::from_secs(5))
        .build();
    let err = client.channels.get(1_u64).await.unwrap_err();
    assert!(matches!(err, RestError::Transport { .. }), "{err:?}");
}

#[tokio::test]
async fn unexpected_success_bodies_are_decode_errors() {
    let (_server, client, seed) = socket().await;
    let request = Request::new(Route::new(&GET_CHANNEL, [&seed.channel_id]));
    let err = client
        .http()
        .request::<Vec<asyncord::model::channel::Channel>>(request)
        .await
        .unwrap_err();
    assert!(matches!(err, RestError::Decode { .. }), "{err:?}");
    assert!(err.to_string().contains("could not parse"));
}

#[tokio::test]
async fn the_token_never_appears_in_debug_output() {
    let secret = "MTIzNDU2Nzg5.secret-token-value";
    let client = RestClient::builder(secret)
        .base_url("http://127.0.0.1:9/api/v10")
        .build();
    assert!(!format!("{client:?}").contains("secret-token-value"));
    assert!(!format!("{:?}", client.http()).contains("secret-token-value"));
    assert!(!format!("{:?}", RestClient::builder(secret)).contains("secret-token-value"));
    assert!(!format!("{:?}", client.channels).contains("secret-token-value"));
}

#[tokio::test]
async fn futures_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    let client = RestClient::new("t");
    let m = client.channels.messages(1_u64);
    assert_send(&m.create(CreateMessage::content("x")));
    assert_send(&m.reactions(2_u64).add("👍"));
    assert_send(&client.guilds.members(1_u64).kick(2_u64));
    assert_send(&client.interactions.original(1_u64, "token"));
}
