//! Shared setup for the REST tests: a seeded world, the emulator, a client pointed at it.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use asyncord::rest::RestClient;
use asyncord::testkit::rest::{RecordedRequest, RestConfig, RestServer, Seed, World};

/// A started emulator (socket on 127.0.0.1, real clock) and a client for the seeded bot.
pub async fn socket() -> (RestServer, RestClient, Seed) {
    let (world, seed) = World::seeded();
    let server = RestServer::start(world).await.expect("emulator starts");
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .timeout(Duration::from_secs(10))
        .build();
    (server, client, seed)
}

/// An in-memory emulator (for the paused clock) and a client using its transport.
pub fn in_memory(config: RestConfig) -> (RestServer, RestClient, Seed, Arc<World>) {
    let (world, seed) = World::seeded();
    let server = RestServer::in_memory(Arc::clone(&world), config);
    let client = RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .transport(Arc::new(server.endpoint()))
        .build();
    (server, client, seed, world)
}

/// The last recorded request; panics when there is none.
pub fn last(server: &RestServer) -> RecordedRequest {
    server.last_request().expect("a request was recorded")
}

/// Asserts the standard headers of an authenticated JSON request.
pub fn assert_bot_headers(r: &RecordedRequest, token: &str) {
    assert_eq!(
        r.header("authorization"),
        Some(format!("Bot {token}").as_str())
    );
    let ua = r.header("user-agent").expect("user agent");
    assert!(ua.starts_with("DiscordBot (https://"), "{ua}");
}

/// A raw JSON body for resources whose typed body is not in the model yet (no local limits).
#[derive(serde::Serialize)]
#[serde(transparent)]
pub struct Raw(pub serde_json::Value);

impl asyncord::model::request::Validate for Raw {
    fn validate(&self) -> Result<(), asyncord::model::request::ValidationError> {
        Ok(())
    }
}

impl asyncord::model::request::RequestBody for Raw {}
