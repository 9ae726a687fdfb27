//! Interactions delivered over HTTP, as Discord does once an application has an "Interactions
//! Endpoint URL": each interaction is POSTed to the URL, signed with the application's Ed25519
//! key (`X-Signature-Ed25519` over `X-Signature-Timestamp` + body), and the HTTP answer is the
//! interaction's initial response.
//! <https://discord.com/developers/docs/interactions/overview#configuring-an-interactions-endpoint-url>
//!
//! [`Emulator::set_interactions_endpoint_url`] checks the endpoint as the developer portal
//! does before saving it: a signed PING must get a PONG, and a PING with an invalid signature
//! must be refused with 401. From then on the application's interactions (slash commands,
//! components, modal submits started by [`SimUser`](crate::SimUser)s) go to the URL instead of
//! the gateway; the answer is applied as the callback
//! (`POST /interactions/{id}/{token}/callback`, recorded with the header
//! [`DELIVERY_HEADER`]), so [`SimInteraction::response`](crate::SimInteraction::response) and
//! `message()` work as for gateway interactions. Each delivery is also kept
//! ([`Emulator::http_deliveries`]). Discord waits 3 seconds for the answer; so does the
//! emulator.
//!
//! [`InteractionSigner`] signs any request (tests craft tampered, stale or unsigned ones) and
//! [`post`] sends one over loopback.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use asyncord_model::{ApplicationId, InteractionId, Snowflake};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;
use ring::rand::SystemRandom;
use ring::signature::{Ed25519KeyPair, KeyPair};
use serde_json::Value;
use tokio::net::TcpStream;

use super::emulator::Emulator;
use super::expect::ExpectError;
use super::rest::Core;

/// The header marking a callback the emulator applied from an endpoint's HTTP answer (value
/// `http`), so tests can tell it from one the bot sent through REST.
pub const DELIVERY_HEADER: &str = "x-testkit-delivery";

/// How long Discord waits for the endpoint's answer.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(3);

/// An application's Ed25519 key pair, signing requests as Discord does.
pub struct InteractionSigner {
    pair: Ed25519KeyPair,
    public_key: String,
}

impl fmt::Debug for InteractionSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("InteractionSigner")
            .field("public_key", &self.public_key)
            .finish_non_exhaustive()
    }
}

impl InteractionSigner {
    /// A fresh key pair.
    ///
    /// # Panics
    /// When the system has no random source (ring's `SystemRandom` fails).
    pub fn generate() -> Self {
        let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new())
            .expect("the system's random source works");
        let pair = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).expect("ring reads its own key");
        let public_key = hex(pair.public_key().as_ref());
        Self { pair, public_key }
    }

    /// The public key as the developer portal shows it (64 hex digits).
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// The hex signature of `timestamp` followed by `body`.
    pub fn sign(&self, timestamp: &str, body: &[u8]) -> String {
        let mut message = Vec::with_capacity(timestamp.len() + body.len());
        message.extend_from_slice(timestamp.as_bytes());
        message.extend_from_slice(body);
        hex(self.pair.sign(&message).as_ref())
    }

    /// A `POST` of `body` to `url`, signed now.
    ///
    /// # Errors
    /// When `url` is not an `http://host:port/path` URL.
    pub fn request(
        &self,
        url: &str,
        body: impl Into<Bytes>,
    ) -> Result<::http::Request<Bytes>, ExpectError> {
        self.request_at(url, body, now())
    }

    /// A `POST` of `body` to `url`, signed with the timestamp `unix_seconds` (a stale one, for
    /// replay tests).
    ///
    /// # Errors
    /// When `url` is not an `http://host:port/path` URL.
    pub fn request_at(
        &self,
        url: &str,
        body: impl Into<Bytes>,
        unix_seconds: u64,
    ) -> Result<::http::Request<Bytes>, ExpectError> {
        let body = body.into();
        let timestamp = unix_seconds.to_string();
        let signature = self.sign(&timestamp, &body);
        ::http::Request::post(url)
            .header("content-type", "application/json")
            .header(
                "user-agent",
                "Discord-Interactions/1.0 (+https://discord.com)",
            )
            .header("x-signature-ed25519", signature)
            .header("x-signature-timestamp", timestamp)
            .body(body)
            .map_err(|e| ExpectError::Refused(format!("not a URL: {url:?}: {e}")))
    }
}

/// The current Unix time in seconds.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Sends `request` (its URI an `http://host:port/path` URL) over a fresh loopback connection
/// and reads the whole answer, within [`ANSWER_TIMEOUT`].
///
/// # Errors
/// [`ExpectError::Refused`] when the URL is not `http://`, the connection fails, or no answer
/// comes in time.
pub async fn post(request: ::http::Request<Bytes>) -> Result<::http::Response<Bytes>, ExpectError> {
    let refused = |what: String| ExpectError::Refused(what);
    let uri = request.uri().clone();
    if uri.scheme_str() != Some("http") {
        return Err(refused(format!(
            "the emulator delivers to http:// URLs only, not {uri}"
        )));
    }
    let authority = uri
        .authority()
        .ok_or_else(|| refused(format!("no host in {uri}")))?
        .clone();
    let host = authority.host();
    let port = authority.port_u16().unwrap_or(80);
    let exchange = async {
        let stream = TcpStream::connect((host, port))
            .await
            .map_err(|e| refused(format!("connecting to {authority}: {e}")))?;
        let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| refused(format!("HTTP with {authority}: {e}")))?;
        let driver = tokio::spawn(connection);
        let (mut parts, body) = request.into_parts();
        parts.uri = uri
            .path_and_query()
            .map_or_else(|| "/".parse(), |p| p.as_str().parse())
            .map_err(|e| refused(format!("bad path in {uri}: {e}")))?;
        if let Ok(value) = authority.as_str().parse() {
            parts.headers.insert(::http::header::HOST, value);
        }
        let response = sender
            .send_request(::http::Request::from_parts(parts, Full::new(body)))
            .await
            .map_err(|e| refused(format!("sending to {authority}: {e}")))?;
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|e| refused(format!("reading the answer of {authority}: {e}")))?
            .to_bytes();
        driver.abort();
        Ok(::http::Response::from_parts(parts, body))
    };
    tokio::time::timeout(ANSWER_TIMEOUT, exchange)
        .await
        .map_err(|_| {
            refused(format!(
                "{authority} did not answer within {ANSWER_TIMEOUT:?}"
            ))
        })?
}

/// One interaction the emulator POSTed to an endpoint, and what became of it.
#[derive(Clone, Debug)]
pub struct HttpDelivery {
    /// The interaction.
    pub interaction_id: InteractionId,
    /// The application it was sent to.
    pub application_id: ApplicationId,
    /// The endpoint's HTTP status (`None`: no answer, see `error`).
    pub status: Option<u16>,
    /// The endpoint's answer body, parsed (`Null` when not JSON).
    pub answer: Value,
    /// Why the delivery failed, if it did (no answer in 3 s, a bad status or body).
    pub error: Option<String>,
}

/// The applications' key pairs and endpoint URLs, and the deliveries made.
#[derive(Debug, Default)]
pub(crate) struct Endpoints {
    apps: Mutex<HashMap<Snowflake, App>>,
    deliveries: Mutex<Vec<HttpDelivery>>,
}

#[derive(Debug, Clone)]
struct App {
    signer: Arc<InteractionSigner>,
    url: Option<String>,
}

impl Endpoints {
    fn apps(&self) -> std::sync::MutexGuard<'_, HashMap<Snowflake, App>> {
        self.apps.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn signer(&self, app: Snowflake) -> Arc<InteractionSigner> {
        let mut apps = self.apps();
        Arc::clone(
            &apps
                .entry(app)
                .or_insert_with(|| App {
                    signer: Arc::new(InteractionSigner::generate()),
                    url: None,
                })
                .signer,
        )
    }

    /// Where the application's interactions go, if over HTTP.
    pub(crate) fn target(&self, app: Snowflake) -> Option<(String, Arc<InteractionSigner>)> {
        let apps = self.apps();
        let found = apps.get(&app)?;
        Some((found.url.clone()?, Arc::clone(&found.signer)))
    }

    fn record(&self, delivery: HttpDelivery) {
        let mut deliveries = self
            .deliveries
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Bounded like the emulator's other logs.
        if deliveries.len() >= 10_000 {
            deliveries.remove(0);
        }
        deliveries.push(delivery);
    }
}

impl Emulator {
    /// The Ed25519 key pair of an application (made on first use): what its interactions are
    /// signed with. The bot's endpoint is configured with
    /// [`public_key`](InteractionSigner::public_key).
    pub fn interactions_signer(&self, application_id: ApplicationId) -> Arc<InteractionSigner> {
        self.endpoints.signer(application_id.into())
    }

    /// The public key of an application (64 hex digits), as the developer portal shows it.
    pub fn interactions_public_key(&self, application_id: ApplicationId) -> String {
        self.interactions_signer(application_id)
            .public_key()
            .to_owned()
    }

    /// Sets the application's "Interactions Endpoint URL" after checking it as the developer
    /// portal does: a signed PING must be answered `200` with `{"type": 1}` (PONG), and a PING
    /// with an invalid signature must be refused with `401`. From then on the application's
    /// interactions are POSTed there instead of sent over the gateway.
    ///
    /// # Errors
    /// [`ExpectError::Refused`] saying which check failed (the URL is then not saved).
    pub async fn set_interactions_endpoint_url(
        &self,
        application_id: ApplicationId,
        url: &str,
    ) -> Result<(), ExpectError> {
        let signer = self.interactions_signer(application_id);
        let ping = format!(
            r#"{{"id":"{}","application_id":"{application_id}","type":1,"token":"ping","version":1,"user":{{"id":"{}","username":"discord","discriminator":"0"}}}}"#,
            Snowflake::new(1),
            Snowflake::new(643_945_264_868_098_049),
        );
        let answer = post(signer.request(url, ping.clone())?).await?;
        let pong: Option<Value> = serde_json::from_slice(answer.body()).ok();
        if answer.status() != 200 || pong.as_ref().and_then(|v| v["type"].as_u64()) != Some(1) {
            return Err(ExpectError::Refused(format!(
                "the interactions endpoint URL could not be verified: a PING got status {} and \
                 {} instead of a PONG ({{\"type\": 1}})",
                answer.status(),
                String::from_utf8_lossy(answer.body()),
            )));
        }
        let mut forged = signer.request(url, ping)?;
        let bad = format!("{}00", &signer.sign("0", b"x")[..126]);
        if let Ok(value) = bad.parse() {
            forged.headers_mut().insert("x-signature-ed25519", value);
        }
        let refused = post(forged).await?;
        if refused.status() != 401 {
            return Err(ExpectError::Refused(format!(
                "the interactions endpoint URL could not be verified: a PING with an invalid \
                 signature got status {} instead of 401 (the endpoint must check \
                 X-Signature-Ed25519)",
                refused.status()
            )));
        }
        let mut apps = self.endpoints.apps();
        if let Some(app) = apps.get_mut(&application_id.into()) {
            app.url = Some(url.to_owned());
        }
        Ok(())
    }

    /// Removes the application's endpoint URL: its interactions go over the gateway again.
    pub fn clear_interactions_endpoint_url(&self, application_id: ApplicationId) {
        if let Some(app) = self.endpoints.apps().get_mut(&application_id.into()) {
            app.url = None;
        }
    }

    /// The interactions POSTed to endpoints so far, oldest first.
    pub fn http_deliveries(&self) -> Vec<HttpDelivery> {
        self.endpoints
            .deliveries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether interaction `id` was answered, and only ever through the HTTP answer of its
    /// endpoint (no call of the callback route over REST).
    pub fn answered_over_http(&self, id: impl Into<InteractionId>) -> bool {
        let prefix = format!("/interactions/{}/", id.into());
        let requests = self.rest().requests();
        let mut callbacks = requests.iter().filter(|r| r.path.starts_with(&prefix));
        let mut any = false;
        let all_http = callbacks.all(|r| {
            any = true;
            r.header(DELIVERY_HEADER) == Some("http")
        });
        any && all_http
    }
}

/// POSTs one interaction to its endpoint and applies the answer as its callback; runs on its
/// own task.
pub(crate) async fn deliver(
    endpoints: Arc<Endpoints>,
    rest: Arc<Core>,
    target: (String, Arc<InteractionSigner>),
    payload: Value,
) {
    let (url, signer) = target;
    let id = payload["id"].as_str().unwrap_or_default().to_owned();
    let token = payload["token"].as_str().unwrap_or_default().to_owned();
    let parse_id = |s: &str| s.parse::<u64>().unwrap_or(0);
    let mut delivery = HttpDelivery {
        interaction_id: InteractionId::new(parse_id(&id)),
        application_id: ApplicationId::new(parse_id(
            payload["application_id"].as_str().unwrap_or_default(),
        )),
        status: None,
        answer: Value::Null,
        error: None,
    };
    let answer = match signer.request(&url, payload.to_string()) {
        Ok(request) => post(request).await,
        Err(e) => Err(e),
    };
    match answer {
        Err(e) => delivery.error = Some(e.to_string()),
        Ok(answer) => {
            delivery.status = Some(answer.status().as_u16());
            delivery.answer = serde_json::from_slice(answer.body()).unwrap_or(Value::Null);
            if answer.status() == 200 {
                let callback =
                    ::http::Request::post(format!("/api/v10/interactions/{id}/{token}/callback"))
                        .header("host", "127.0.0.1")
                        // Applied through the REST side's own checks, which want a bot's User-Agent.
                        .header("user-agent", "DiscordBot (https://discord.com, 10)")
                        .header("content-type", "application/json")
                        .header(DELIVERY_HEADER, "http")
                        .body(answer.into_body());
                match callback {
                    Ok(callback) => {
                        let applied = rest.handle(callback).await;
                        if !applied.status().is_success() {
                            delivery.error = Some(format!(
                                "Discord refused the answer: {} {}",
                                applied.status(),
                                String::from_utf8_lossy(applied.body())
                            ));
                        }
                    }
                    Err(e) => delivery.error = Some(format!("unusable interaction id: {e}")),
                }
            } else {
                delivery.error = Some(format!("the endpoint answered {}", answer.status()));
            }
        }
    }
    if let Some(error) = &delivery.error {
        tracing::warn!(interaction = %id, %error, "interaction delivery over HTTP failed");
    }
    endpoints.record(delivery);
}

#[cfg(test)]
mod tests {
    use ring::signature::{ED25519, UnparsedPublicKey};

    use super::*;

    #[test]
    fn requests_are_signed_over_timestamp_and_body_with_the_public_key_shown() {
        let signer = InteractionSigner::generate();
        let request = signer
            .request_at("http://127.0.0.1:9/i", "{}", 1_700_000_000)
            .unwrap();
        let header = |name| request.headers()[name].to_str().unwrap().to_owned();
        assert_eq!(header("x-signature-timestamp"), "1700000000");
        let decode = |hex: &str| -> Vec<u8> {
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect()
        };
        let key = decode(signer.public_key());
        let signature = decode(&header("x-signature-ed25519"));
        let verifier = UnparsedPublicKey::new(&ED25519, &key);
        assert!(verifier.verify(b"1700000000{}", &signature).is_ok());
        assert!(verifier.verify(b"1700000001{}", &signature).is_err());
        assert_eq!(key.len(), 32);
    }
}
