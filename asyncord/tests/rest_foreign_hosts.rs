//! The token goes only where the user pointed the client: redirects are not followed (neither
//! by the client nor by hyper's connection pool under it), and a plain `http://` base URL to
//! another machine is accepted with one warning per client.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use asyncord::http::{BoxError, BoxFuture, RestError, Transport};
use asyncord::model::request::ExecuteWebhook;
use asyncord::rest::RestClient;
use bytes::Bytes;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

const TOKEN: &str = "MTIz.sEcReT.tOkEn";
const USER: &str = r#"{"id": "1", "username": "bot", "discriminator": "0", "avatar": null}"#;

/// Answers every request with `status` and `Location: location`, recording what was sent.
#[derive(Debug)]
struct Redirecting {
    status: u16,
    location: &'static str,
    sent: Mutex<Vec<(String, Option<String>)>>,
}

impl Transport for Redirecting {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        let auth = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .map(|v| v.to_str().unwrap().to_owned());
        self.sent
            .lock()
            .unwrap()
            .push((request.uri().to_string(), auth));
        Box::pin(async move {
            Ok(http::Response::builder()
                .status(self.status)
                .header(http::header::LOCATION, self.location)
                .body(Bytes::new())?)
        })
    }
}

#[tokio::test]
async fn a_redirect_to_another_host_is_not_followed() {
    for status in [301, 302, 303, 307, 308] {
        let transport = Arc::new(Redirecting {
            status,
            location: "https://attacker.example/api/v10/users/@me",
            sent: Mutex::default(),
        });
        let client = RestClient::builder(TOKEN)
            .transport(Arc::clone(&transport) as Arc<dyn Transport>)
            .build();
        let err = client.users.me().await.unwrap_err();
        match &err {
            RestError::Redirected {
                status: s,
                location,
                ..
            } => {
                assert_eq!(*s, status);
                assert_eq!(location.as_deref(), Some("attacker.example"));
            }
            other => panic!("expected Redirected, got {other:?}"),
        }
        assert_eq!(err.status(), Some(status));
        let sent = transport.sent.lock().unwrap().clone();
        assert_eq!(
            sent.len(),
            1,
            "{status}: the redirect was followed: {sent:?}"
        );
        assert!(
            sent[0].0.starts_with("https://discord.com/api/v10/"),
            "{sent:?}"
        );
    }
}

#[tokio::test]
async fn a_redirect_keeps_the_webhook_token_out_of_the_error() {
    let transport = Arc::new(Redirecting {
        status: 308,
        location: "https://discord.com/api/v9/webhooks/1/hook-secret-token",
        sent: Mutex::default(),
    });
    let client = RestClient::builder(TOKEN)
        .transport(Arc::clone(&transport) as Arc<dyn Transport>)
        .build();
    let err = client
        .webhooks
        .execute(
            1_u64,
            "hook-secret-token",
            None,
            ExecuteWebhook::content("x"),
        )
        .await
        .unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(matches!(err, RestError::Redirected { .. }), "{shown}");
    assert!(shown.contains("discord.com"), "{shown}");
    assert!(!shown.contains("hook-secret-token"), "{shown}");
    assert_eq!(transport.sent.lock().unwrap().len(), 1);
}

/// Serves one HTTP/1.1 response per connection on 127.0.0.1, counting requests.
async fn serve(response: String) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let requests = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&requests);
    tokio::spawn(async move {
        // Bounded: the test makes one request at most per server.
        for _ in 0..4 {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let mut head = Vec::new();
            let mut buf = [0_u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            counter.fetch_add(1, Ordering::SeqCst);
            let _ = socket.write_all(response.as_bytes()).await;
            let _ = socket.shutdown().await;
        }
    });
    (format!("127.0.0.1:{}", addr.port()), requests)
}

#[tokio::test]
async fn hyper_does_not_follow_a_redirect_either() {
    // The other host would answer as Discord does: a client following the redirect would get
    // a user back instead of an error.
    let (other, other_requests) = serve(format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{USER}",
        USER.len()
    ))
    .await;
    let (configured, configured_requests) = serve(format!(
        "HTTP/1.1 307 Temporary Redirect\r\nlocation: http://{other}/api/v10/users/@me\r\n\
         content-length: 0\r\n\r\n"
    ))
    .await;
    let client = RestClient::builder(TOKEN)
        .base_url(format!("http://{configured}/api/v10"))
        .build();
    let err = client.users.me().await.unwrap_err();
    assert!(
        matches!(&err, RestError::Redirected { status: 307, location: Some(l), .. } if *l == other),
        "{err:?}"
    );
    assert_eq!(configured_requests.load(Ordering::SeqCst), 1);
    assert_eq!(
        other_requests.load(Ordering::SeqCst),
        0,
        "the token went to the other host"
    );
}

/// The `host` field of each warning about a plain-text base URL.
#[derive(Clone, Default)]
struct PlainTextWarnings(Arc<Mutex<Vec<String>>>);

struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, "{}={value:?} ", field.name());
    }
}

impl<S: tracing::Subscriber> Layer<S> for PlainTextWarnings {
    fn on_event(&self, event: &tracing::Event<'_>, _ctx: Context<'_, S>) {
        let mut fields = Fields(String::new());
        event.record(&mut fields);
        if *event.metadata().level() == tracing::Level::WARN && fields.0.contains("http://") {
            self.0.lock().unwrap().push(fields.0);
        }
    }
}

/// Answers 200 with a user to every request.
#[derive(Debug)]
struct Ok200;

impl Transport for Ok200 {
    fn send(
        &self,
        _request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        Box::pin(async { Ok(http::Response::new(Bytes::from_static(USER.as_bytes()))) })
    }
}

#[tokio::test]
async fn plain_http_off_this_machine_warns_once_per_client() {
    let warnings = PlainTextWarnings::default();
    let _guard =
        tracing::subscriber::set_default(tracing_subscriber::registry().with(warnings.clone()));
    let build = |base: &str| {
        RestClient::builder(TOKEN)
            .base_url(base)
            .transport(Arc::new(Ok200))
            .build()
    };
    // This machine, or https: silent.
    for base in [
        "http://127.0.0.1:8080/api/v10",
        "http://127.9.0.1/api/v10",
        "http://localhost:3000/api/v10",
        "http://LOCALHOST./api/v10",
        "http://proxy.localhost/api/v10",
        "http://[::1]:8080/api/v10",
        "https://discord.com/api/v10",
        "https://10.0.0.5/api/v10",
    ] {
        let client = build(base);
        client.users.me().await.unwrap();
        assert!(warnings.0.lock().unwrap().is_empty(), "{base} warned");
    }
    // Another machine over http: one warning per client, however many requests.
    for (n, base) in [
        "http://10.0.0.5/api/v10",
        "http://discord.example:80/api/v10",
    ]
    .into_iter()
    .enumerate()
    {
        let client = build(base);
        for _ in 0..3 {
            client.users.me().await.unwrap();
        }
        let seen = warnings.0.lock().unwrap().clone();
        assert_eq!(seen.len(), n + 1, "{seen:?}");
        let host = base
            .trim_start_matches("http://")
            .split([':', '/'])
            .next()
            .unwrap();
        assert!(seen[n].contains(&format!("host={host:?}")), "{seen:?}");
    }
}
