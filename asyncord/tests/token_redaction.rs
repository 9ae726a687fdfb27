//! One token type for the whole crate: however the token is written (whitespace, a `Bot `
//! prefix of any case), every part sends the bare token the same way, and no `Debug` output
//! of a value that holds it shows it.

use std::sync::{Arc, Mutex};

use asyncord::gateway::GatewayConfig;
use asyncord::http::{BoxError, BoxFuture, Transport};
use asyncord::model::Intents;
use asyncord::rest::RestClient;
use asyncord::{ClientHub, Token};
use bytes::Bytes;

const SECRET: &str = "MTIzNDU2.sEcReT.tOkEn";

/// Records the `Authorization` header of each request and answers 200 `{}`.
#[derive(Debug, Default)]
struct Recorder(Mutex<Vec<String>>);

impl Transport for Recorder {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, BoxError>> {
        let auth = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        self.0.lock().unwrap().push(auth);
        Box::pin(async {
            Ok(http::Response::builder()
                .status(200)
                .body(Bytes::from_static(
                    b"{\"id\":\"1\",\"username\":\"bot\",\"discriminator\":\"0\",\"avatar\":null}",
                ))
                .unwrap())
        })
    }
}

#[tokio::test]
async fn every_spelling_of_the_token_sends_the_same_header() {
    let recorder = Arc::new(Recorder::default());
    for spelling in [
        SECRET.to_owned(),
        format!("  {SECRET}\n"),
        format!("Bot {SECRET}"),
        format!("bot {SECRET}"),
        format!("BOT\t{SECRET} "),
    ] {
        let client = RestClient::builder(spelling)
            .transport(Arc::clone(&recorder) as Arc<dyn Transport>)
            .build();
        client.users.me().await.unwrap();
    }
    let seen = recorder.0.lock().unwrap().clone();
    assert_eq!(seen.len(), 5);
    assert!(
        seen.iter().all(|h| *h == format!("Bot {SECRET}")),
        "{seen:?}"
    );
}

#[test]
fn no_debug_output_shows_the_token() {
    let raw = format!("Bot {SECRET}");
    let token = Token::from(raw.as_str());
    let client = RestClient::new(&raw);
    let builder = RestClient::builder(raw.clone());
    let gateway = GatewayConfig::new(raw.clone(), Intents::GUILDS);
    let mut hub = ClientHub::new();
    let group = hub.create_client_group("bot", raw.clone()).unwrap();
    let shown = format!(
        "{token:?} {token:#?} {client:?} {builder:?} {gateway:?} {gateway:#?} {group:?} {hub:?}"
    );
    assert!(!shown.contains("sEcReT"), "the token leaked: {shown}");
    assert!(shown.contains("<redacted>"));
}
