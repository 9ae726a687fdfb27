//! asyncord built without its `rustls` feature, as the bench's clients are built to be compared
//! with the harness's twilight client (which has no TLS either): plain `http://` and `ws://`
//! work, and `https://` and `wss://` fail at once with an error that names the feature, without
//! touching the network. Compiled only without this crate's `tls` feature:
//! `cargo test -p asyncord-bench --no-default-features` (CI runs it). In a workspace build the
//! feature is on (another member asks for it), and these tests are left out.
#![cfg(not(feature = "tls"))]

use std::sync::Arc;
use std::time::Duration;

use asyncord::gateway::{EventChannel, Gateway, GatewayConfig, Shards};
use asyncord::model::Intents;
use asyncord::model::gateway::EventKind;
use asyncord::rest::RestClient;
use asyncord::testkit::Emulator;

/// What the errors say, in part: the feature to enable.
const NAMES_THE_FEATURE: &str = "enable its `rustls` feature";

#[tokio::test]
async fn tls_urls_fail_at_once_with_an_error_naming_the_feature() {
    let config = GatewayConfig::new("a-token", Intents::GUILDS)
        .url("wss://gateway.discord.gg")
        .shards(Shards::all(1));
    let refused = tokio::time::timeout(Duration::from_secs(5), Gateway::connect(config))
        .await
        .expect("refused at once");
    let Err(error) = refused else {
        panic!("a wss:// gateway is refused");
    };
    assert!(error.to_string().contains(NAMES_THE_FEATURE), "{error}");

    // Discord's own REST base is https://.
    let client = RestClient::builder("a-token").build();
    let error = tokio::time::timeout(Duration::from_secs(5), client.users.me())
        .await
        .expect("refused at once")
        .expect_err("an https:// request is refused");
    let chain = format!(
        "{error}: {}",
        std::error::Error::source(&error).map_or(String::new(), ToString::to_string)
    );
    assert!(chain.contains(NAMES_THE_FEATURE), "{chain}");
}

#[tokio::test]
async fn plain_http_and_ws_work_without_tls() {
    let emu = Emulator::start().await.expect("the emulator starts");
    let client = RestClient::builder(emu.token())
        .base_url(emu.rest_url())
        .build();
    assert_reaches_rest(&client, "GET /users/@me over http://").await;

    let config = GatewayConfig::new(emu.token(), Intents::GUILDS)
        .url(emu.gateway_url())
        .shards(Shards::all(1))
        .channel(EventChannel::new());
    assert_reaches_gateway(config, "connects over ws://").await;
}

#[tokio::test]
async fn a_transport_and_a_connector_of_the_bots_own_still_reach_tls_urls() {
    let emu = Emulator::start().await.expect("the emulator starts");
    // Discord's own https:// base, through the emulator's in-memory transport.
    let client = RestClient::builder(emu.token())
        .transport(Arc::new(emu.rest().endpoint()))
        .build();
    assert_reaches_rest(&client, "GET /users/@me through the bot's transport").await;

    let config = GatewayConfig::new(emu.token(), Intents::GUILDS)
        .url("wss://gateway.discord.gg")
        .shards(Shards::all(1))
        .connector(Arc::new(emu.gateway().endpoint()))
        .channel(EventChannel::new());
    assert_reaches_gateway(config, "connects through the bot's connector").await;
}

/// `GET /users/@me` answers with the emulator's bot.
async fn assert_reaches_rest(client: &RestClient, what: &str) {
    let me = client.users.me().await.expect(what);
    assert!(me.bot);
}

/// The gateway connects and its first event is READY.
async fn assert_reaches_gateway(config: GatewayConfig, what: &str) {
    let mut gateway = Gateway::connect(config).await.expect(what);
    let first = tokio::time::timeout(Duration::from_secs(10), gateway.next_event())
        .await
        .expect("an event within 10 s")
        .expect("the gateway is open");
    assert_eq!(first.kind, Some(EventKind::Ready));
    gateway.shutdown().await;
}
