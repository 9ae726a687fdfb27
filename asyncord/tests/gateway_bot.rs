//! The gateway asks `GET /gateway/bot` through the REST client: a server error is retried
//! with the client's backoff, a server that never answers is asked again a bounded number of
//! times, each attempt bounded by the client's timeout, and the answer (URL, shard count,
//! session start limit) drives the connection.
#![cfg(feature = "testkit")]

mod gateway_support;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::gateway::{Gateway, GatewayConfig, GatewayError};
use asyncord::http::{BoxError, BoxFuture, RestError, Transport};
use asyncord::model::Intents;
use asyncord::rest::RestClient;
use bytes::Bytes;
use gateway_support::*;
use tokio::time::Instant;

/// What the scripted transport does with one request.
#[derive(Debug)]
enum Answer {
    Status(u16, String),
    Hang,
}

/// Answers requests from a script and records what it was asked.
#[derive(Debug, Default)]
struct Scripted {
    answers: Mutex<VecDeque<Answer>>,
    seen: Mutex<Vec<(String, Option<String>, Instant)>>,
}

impl Scripted {
    fn new(answers: impl IntoIterator<Item = Answer>) -> Arc<Self> {
        Arc::new(Self {
            answers: Mutex::new(answers.into_iter().collect()),
            seen: Mutex::default(),
        })
    }
}

impl Transport for Scripted {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        let auth = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        self.seen
            .lock()
            .unwrap()
            .push((request.uri().path().to_owned(), auth, Instant::now()));
        let answer = self.answers.lock().unwrap().pop_front();
        Box::pin(async move {
            match answer {
                Some(Answer::Status(status, body)) => Ok(http::Response::builder()
                    .status(status)
                    .header("content-type", "application/json")
                    .body(Bytes::from(body))
                    .unwrap()),
                Some(Answer::Hang) | None => std::future::pending().await,
            }
        })
    }
}

fn gateway_bot_body(url: &str) -> String {
    serde_json::json!({
        "url": url,
        "shards": 1,
        "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 14_400_000, "max_concurrency": 1
        }
    })
    .to_string()
}

fn rest(transport: &Arc<Scripted>, timeout: Duration) -> RestClient {
    RestClient::builder(format!("Bot {TOKEN}"))
        .base_url("http://rest.invalid/api/v10")
        .transport(Arc::clone(transport) as Arc<dyn Transport>)
        .timeout(timeout)
        .retry_backoff(Duration::from_millis(500))
        .build()
}

#[tokio::test(start_paused = true)]
async fn a_server_error_is_retried_and_the_answer_drives_the_connection() {
    let env = setup(server_config()).await;
    let transport = Scripted::new([
        Answer::Status(502, r#"{"message": "bad gateway", "code": 0}"#.into()),
        Answer::Status(503, r#"{"message": "unavailable", "code": 0}"#.into()),
        Answer::Status(200, gateway_bot_body(&env.server.url())),
    ]);
    // No URL and no shard count configured: both come from GET /gateway/bot.
    let config = GatewayConfig::new(TOKEN, Intents::GUILDS)
        .rest(rest(&transport, Duration::from_secs(30)))
        .connector(Arc::new(env.server.endpoint()));
    let gw = Gateway::connect(config)
        .await
        .expect("connected after the retries");
    let handle = gw.handle();
    assert_eq!(handle.shard_count(), 1);
    tokio::time::timeout(Duration::from_secs(60), handle.wait_connected())
        .await
        .expect("the shard connected to the URL GET /gateway/bot gave");

    let seen = transport.seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 3, "two server errors, then the answer");
    for (path, auth, _) in &seen {
        assert_eq!(path, "/api/v10/gateway/bot");
        assert_eq!(auth.as_deref(), Some(format!("Bot {TOKEN}").as_str()));
    }
    // The REST client's backoff: 500 ms, then 1 s.
    assert_eq!(seen[1].2 - seen[0].2, Duration::from_millis(500));
    assert_eq!(seen[2].2 - seen[1].2, Duration::from_secs(1));
    handle.shutdown();
    gw.join().await;
}

#[tokio::test(start_paused = true)]
async fn a_stalled_server_is_asked_again_and_start_up_is_bounded() {
    // A stalled network: every request hangs.
    let transport = Scripted::new([Answer::Hang, Answer::Hang, Answer::Hang, Answer::Hang]);
    let timeout = Duration::from_secs(7);
    let config = GatewayConfig::new(TOKEN, Intents::GUILDS).rest(rest(&transport, timeout));
    let attempts = config.limits.gateway_bot_attempts;
    assert_eq!(attempts, 3);
    let start = Instant::now();
    let err = Gateway::connect(config).await.expect_err("no answer");
    // Three attempts bounded by the REST timeout, 1 s then 2 s apart.
    assert_eq!(start.elapsed(), timeout * 3 + Duration::from_secs(3));
    assert_eq!(transport.seen.lock().unwrap().len(), 3);
    let GatewayError::GatewayBot(rest) = &err else {
        panic!("unexpected error: {err:?}");
    };
    let RestError::Timeout { after, .. } = &**rest else {
        panic!("unexpected error: {rest:?}");
    };
    assert_eq!(*after, timeout);
    // The cause is kept as the error's source, not flattened into a string.
    let source = std::error::Error::source(&err).expect("a source");
    assert!(source.to_string().contains("gateway/bot"), "{source}");
}

#[tokio::test(start_paused = true)]
async fn a_rejected_token_is_an_authentication_failure() {
    let transport = Scripted::new([Answer::Status(
        401,
        r#"{"message": "401: Unauthorized", "code": 0}"#.into(),
    )]);
    let config =
        GatewayConfig::new(TOKEN, Intents::GUILDS).rest(rest(&transport, Duration::from_secs(30)));
    let err = Gateway::connect(config).await.expect_err("refused");
    assert!(matches!(err, GatewayError::AuthenticationFailed), "{err:?}");
    assert_eq!(
        transport.seen.lock().unwrap().len(),
        1,
        "a 401 is not retried"
    );
}
