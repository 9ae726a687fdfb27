//! The gateway's URL: [Get Gateway](https://discord.com/developers/docs/events/gateway#get-gateway)
//! and [Get Gateway Bot](https://discord.com/developers/docs/events/gateway#get-gateway-bot)
//! (the configured URL and shard count, and a session start limit that never runs out).

use asyncord_model::route;
use serde_json::json;

use super::request::{Route, on};
use crate::rest::reply::Reply;

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_GATEWAY, |ctx| {
        Ok(Reply::ok(json!({"url": ctx.config.gateway_url})))
    }),
    on(&route::GET_GATEWAY_BOT, |ctx| {
        Ok(Reply::ok(json!({
            "url": ctx.config.gateway_url, "shards": ctx.config.shards,
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
        })))
    }),
];
