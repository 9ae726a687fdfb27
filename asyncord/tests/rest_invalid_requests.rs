//! The invalid request limit (Cloudflare bans) on tokio's paused clock, through a transport
//! that answers every request the same way: a bot in an error loop never sends more than its
//! limit of invalid requests in any 10 minutes, and resumes when the window allows; what
//! Discord counts (401, 403, non-shared 429, webhook 404) is counted, and nothing else.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::http::{
    BAN_THRESHOLD, BoxError, BoxFuture, DEFAULT_INVALID_REQUEST_LIMIT, INVALID_REQUEST_WINDOW,
    RestError, Transport,
};
use asyncord::model::request::ExecuteWebhook;
use asyncord::rest::RestClient;
use bytes::Bytes;
use tokio::time::Instant;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// The warnings of the invalid-request limiter, with the thread that logged each.
///
/// Installed as the global subscriber, once: the tests of this file run in parallel threads,
/// and a callsite first reached on a thread without a subscriber of its own would be disabled
/// for a thread-local one. Each test runtime runs every task on its test's thread.
#[derive(Clone, Default)]
struct Warnings(Arc<Mutex<Vec<std::thread::ThreadId>>>);

impl<S: tracing::Subscriber> Layer<S> for Warnings {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        let meta = event.metadata();
        if *meta.level() == tracing::Level::WARN && meta.target() == "asyncord::http::invalid" {
            self.0.lock().unwrap().push(std::thread::current().id());
        }
    }
}

impl Warnings {
    fn global() -> &'static Self {
        static WARNINGS: std::sync::OnceLock<Warnings> = std::sync::OnceLock::new();
        WARNINGS.get_or_init(|| {
            let warnings = Self::default();
            tracing::subscriber::set_global_default(
                tracing_subscriber::registry().with(warnings.clone()),
            )
            .unwrap();
            warnings
        })
    }

    /// How many warnings this thread logged.
    fn on_this_thread(&self) -> usize {
        let me = std::thread::current().id();
        self.0.lock().unwrap().iter().filter(|t| **t == me).count()
    }
}

/// What the transport answers.
#[derive(Clone, Debug)]
struct Answer {
    status: u16,
    headers: Vec<(&'static str, &'static str)>,
    body: &'static str,
    /// How long the answer takes.
    delay: Duration,
}

impl Answer {
    fn status(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: r#"{"message": "no", "code": 0}"#,
            delay: Duration::ZERO,
        }
    }
}

/// Answers every request with the current [`Answer`] and records when each was sent.
#[derive(Debug)]
struct Scripted {
    answer: Mutex<Answer>,
    sent: Mutex<Vec<Instant>>,
}

impl Scripted {
    fn new(answer: Answer) -> Arc<Self> {
        Arc::new(Self {
            answer: Mutex::new(answer),
            sent: Mutex::default(),
        })
    }

    fn answer(&self, answer: Answer) {
        *self.answer.lock().unwrap() = answer;
    }

    fn sent(&self) -> Vec<Instant> {
        self.sent.lock().unwrap().clone()
    }
}

impl Transport for Scripted {
    fn send(
        &self,
        _request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        self.sent.lock().unwrap().push(Instant::now());
        let answer = self.answer.lock().unwrap().clone();
        Box::pin(async move {
            tokio::time::sleep(answer.delay).await;
            let mut response = http::Response::builder().status(answer.status);
            for (k, v) in answer.headers {
                response = response.header(k, v);
            }
            Ok(response.body(Bytes::from_static(answer.body.as_bytes()))?)
        })
    }
}

fn client(transport: &Arc<Scripted>) -> asyncord::rest::RestClientBuilder {
    RestClient::builder("bot-token").transport(Arc::clone(transport) as Arc<dyn Transport>)
}

/// The most requests sent within any window of `INVALID_REQUEST_WINDOW` (times sorted).
fn max_in_any_window(times: &[Instant]) -> usize {
    let mut first = 0;
    let mut max = 0;
    for (last, t) in times.iter().enumerate() {
        while *t - times[first] >= INVALID_REQUEST_WINDOW {
            first += 1;
        }
        max = max.max(last - first + 1);
    }
    max
}

async fn execute(client: &RestClient, webhook: u64) -> Result<(), RestError> {
    client
        .webhooks
        .execute(webhook, "webhook-token", None, ExecuteWebhook::content("x"))
        .await
        .map(drop)
}

#[tokio::test(start_paused = true)]
async fn a_bot_in_a_401_loop_never_crosses_the_limit_and_resumes_after() {
    let warnings = Warnings::global();
    let transport = Scripted::new(Answer::status(401));
    let client = client(&transport).build();
    let start = Instant::now();
    // A bot that retries whatever fails, one second after a refusal, for 25 minutes.
    let (mut unauthorized, mut refused) = (0, 0);
    while Instant::now() - start < Duration::from_secs(25 * 60) {
        match execute(&client, 1).await {
            Err(RestError::Unauthorized(_)) => unauthorized += 1,
            Err(RestError::InvalidRequestLimit { limit, .. }) => {
                assert_eq!(limit, DEFAULT_INVALID_REQUEST_LIMIT);
                refused += 1;
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    let sent = transport.sent();
    assert_eq!(sent.len(), unauthorized);
    let limit = DEFAULT_INVALID_REQUEST_LIMIT as usize;
    assert_eq!(max_in_any_window(&sent), limit);
    assert!(limit < BAN_THRESHOLD as usize);
    assert!(refused > 0);
    // The first `limit` went at the global limit's pace (50 per second); the next went exactly
    // when the first left the window, not a moment earlier or later.
    assert_eq!(sent[limit - 1] - start, Duration::from_secs(179));
    assert_eq!(sent[limit] - start, INVALID_REQUEST_WINDOW);
    assert!(client.http().invalid_request_count() <= DEFAULT_INVALID_REQUEST_LIMIT);
    // Warned at 10, 50, 80 and 95 % of the limit, then once when requests were held back: not
    // once per request.
    assert_eq!(warnings.on_this_thread(), 5);

    // Once the window is past, a request goes at once and succeeds.
    transport.answer(Answer {
        body: r#"{"id": "5", "channel_id": "2", "content": "x", "author": {"id": "1", "username": "hook", "discriminator": "0", "avatar": null}, "timestamp": "2024-01-01T00:00:00+00:00", "edited_timestamp": null, "tts": false, "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [], "embeds": [], "pinned": false, "type": 0}"#,
        ..Answer::status(200)
    });
    tokio::time::sleep(INVALID_REQUEST_WINDOW).await;
    let at = Instant::now();
    execute(&client, 1).await.unwrap();
    assert_eq!(transport.sent().last().copied(), Some(at));
    assert_eq!(client.http().invalid_request_count(), 0);
}

#[tokio::test(start_paused = true)]
async fn requests_in_flight_count_toward_the_limit() {
    let transport = Scripted::new(Answer {
        delay: Duration::from_millis(100),
        ..Answer::status(403)
    });
    let client = client(&transport).invalid_request_limit(10).build();
    // Thirty webhooks, thirty buckets: the rate limiter lets them all go at once.
    let calls = (1..=30).map(|webhook| {
        let client = client.clone();
        async move { execute(&client, webhook).await }
    });
    let results = futures_util::future::join_all(calls).await;
    assert_eq!(transport.sent().len(), 10, "only the limit was sent");
    let refusals: Vec<_> = results
        .iter()
        .filter_map(|r| match r {
            Err(e @ RestError::InvalidRequestLimit { retry_after, .. }) => Some((e, *retry_after)),
            _ => None,
        })
        .collect();
    assert_eq!(refusals.len(), 20);
    for (e, retry_after) in refusals {
        // Refused when the ten answered: room comes 10 minutes after their answers.
        assert_eq!(retry_after, INVALID_REQUEST_WINDOW);
        let text = e.to_string();
        assert!(text.contains("POST /webhooks/"), "{text}");
        assert!(text.contains("limit of 10"), "{text}");
        assert!(!text.contains("webhook-token"), "{text}");
    }
    assert_eq!(client.http().invalid_request_count(), 10);
}

#[tokio::test(start_paused = true)]
async fn a_full_window_delays_what_can_go_within_the_wait_and_refuses_the_rest() {
    let transport = Scripted::new(Answer::status(401));
    let client = client(&transport)
        .invalid_request_limit(3)
        .invalid_request_max_wait(Duration::from_secs(60))
        .build();
    let start = Instant::now();
    for _ in 0..3 {
        assert!(matches!(
            execute(&client, 1).await,
            Err(RestError::Unauthorized(_))
        ));
    }
    match execute(&client, 1).await {
        Err(RestError::InvalidRequestLimit {
            count: 3,
            limit: 3,
            retry_after,
            ..
        }) => assert_eq!(retry_after, INVALID_REQUEST_WINDOW),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        Instant::now(),
        start,
        "refused at once: no room within a minute"
    );
    tokio::time::sleep(Duration::from_secs(540)).await;
    // Now room comes within the minute: the request waits for it, exactly.
    assert!(matches!(
        execute(&client, 1).await,
        Err(RestError::Unauthorized(_))
    ));
    assert_eq!(Instant::now() - start, INVALID_REQUEST_WINDOW);
    assert_eq!(transport.sent().len(), 4);
}

#[tokio::test(start_paused = true)]
async fn what_discord_counts_is_counted_and_nothing_else() {
    let transport = Scripted::new(Answer::status(404));
    let client = client(&transport).max_retries(2).build();
    // A webhook's 404 counts (Discord restricts repeated use of a deleted webhook)...
    let _ = execute(&client, 1).await;
    assert_eq!(client.http().invalid_request_count(), 1);
    // ...another route's 404 does not.
    let _ = client.channels.get(2_u64).await;
    assert_eq!(client.http().invalid_request_count(), 1);
    // 403 counts.
    transport.answer(Answer::status(403));
    let _ = client.channels.get(2_u64).await;
    assert_eq!(client.http().invalid_request_count(), 2);
    // A 429 of the shared scope does not, however often it is retried...
    transport.answer(Answer {
        headers: vec![("x-ratelimit-scope", "shared"), ("retry-after", "1")],
        body: r#"{"message": "The resource is being rate limited.", "retry_after": 1, "global": false}"#,
        ..Answer::status(429)
    });
    let err = client.channels.get(3_u64).await.unwrap_err();
    assert!(
        matches!(err, RestError::RateLimited { attempts: 3, .. }),
        "{err:?}"
    );
    assert_eq!(client.http().invalid_request_count(), 2);
    // ...one of the user scope does, each time.
    transport.answer(Answer {
        headers: vec![("x-ratelimit-scope", "user"), ("retry-after", "1")],
        body: r#"{"message": "You are being rate limited.", "retry_after": 1, "global": false}"#,
        ..Answer::status(429)
    });
    let _ = client.channels.get(3_u64).await;
    assert_eq!(client.http().invalid_request_count(), 5);
    // 400 and 5xx do not.
    transport.answer(Answer::status(400));
    let _ = client.channels.get(3_u64).await;
    transport.answer(Answer::status(500));
    let _ = client.channels.get(3_u64).await;
    assert_eq!(client.http().invalid_request_count(), 5);
}

#[tokio::test(start_paused = true)]
async fn clients_sharing_a_limiter_share_the_window() {
    let transport = Scripted::new(Answer::status(403));
    let first = client(&transport).invalid_request_limit(2).build();
    let second = client(&transport)
        .invalid_request_limiter(Arc::clone(first.http().invalid_requests()))
        .build();
    let _ = first.channels.get(1_u64).await;
    let _ = second.channels.get(1_u64).await;
    let err = second.channels.get(1_u64).await.unwrap_err();
    assert!(
        matches!(err, RestError::InvalidRequestLimit { .. }),
        "{err:?}"
    );
    let err = first.channels.get(1_u64).await.unwrap_err();
    assert!(
        matches!(err, RestError::InvalidRequestLimit { .. }),
        "{err:?}"
    );
    assert_eq!(transport.sent().len(), 2);
}
