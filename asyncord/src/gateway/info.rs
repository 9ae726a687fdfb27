//! `GET /gateway/bot`: the gateway URL, the recommended shard count and the session start limit
//! ([docs](https://discord.com/developers/docs/events/gateway#get-gateway-bot)).
//!
//! A small fetch of its own over hyper, so the gateway does not depend on the REST client.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

use super::error::GatewayError;
use super::queue::SessionStartLimit;

/// What `GET /gateway/bot` returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GatewayBotInfo {
    /// The gateway URL.
    pub url: String,
    /// The recommended shard count.
    pub shards: u32,
    /// The session start limit.
    pub session_start_limit: SessionStartLimit,
    /// How many shards may identify per 5 s.
    pub max_concurrency: u32,
}

#[derive(serde::Deserialize)]
struct Body {
    url: String,
    shards: u32,
    session_start_limit: Limit,
}

#[derive(serde::Deserialize)]
struct Limit {
    total: u32,
    remaining: u32,
    reset_after: u64,
    max_concurrency: u32,
}

/// Fetches `{api_base}/gateway/bot` with the bot token.
pub async fn fetch_gateway_bot(
    api_base: &str,
    token: &str,
) -> Result<GatewayBotInfo, GatewayError> {
    let err = |e: &dyn std::fmt::Display| GatewayError::GatewayInfo(e.to_string());
    let tls = super::transport::tls_config().map_err(|e| err(&e))?;
    let https = hyper_rustls::HttpsConnectorBuilder::new()
        .with_tls_config((*tls).clone())
        .https_or_http()
        .enable_http1()
        .build();
    let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build(https);
    let uri = format!("{}/gateway/bot", api_base.trim_end_matches('/'));
    let request = http::Request::get(uri)
        .header(http::header::AUTHORIZATION, format!("Bot {token}"))
        .header(
            http::header::USER_AGENT,
            concat!(
                "DiscordBot (https://github.com/asyncord/asyncord-rs, ",
                env!("CARGO_PKG_VERSION"),
                ")"
            ),
        )
        .body(Empty::new())
        .map_err(|e| err(&e))?;
    let response = tokio::time::timeout(Duration::from_secs(30), client.request(request))
        .await
        .map_err(|_| GatewayError::Timeout)?
        .map_err(|e| err(&e))?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| err(&e))?
        .to_bytes();
    if status == http::StatusCode::UNAUTHORIZED {
        return Err(GatewayError::AuthenticationFailed);
    }
    if !status.is_success() {
        return Err(GatewayError::GatewayInfo(format!(
            "HTTP {status}: {}",
            String::from_utf8_lossy(&body[..body.len().min(300)])
        )));
    }
    let body: Body = serde_json::from_slice(&body).map_err(|e| err(&e))?;
    Ok(GatewayBotInfo {
        url: body.url,
        shards: body.shards.max(1),
        session_start_limit: SessionStartLimit {
            total: body.session_start_limit.total,
            remaining: body.session_start_limit.remaining,
            reset_after: Duration::from_millis(body.session_start_limit.reset_after),
        },
        max_concurrency: body.session_start_limit.max_concurrency.max(1),
    })
}
