//! Join requests: none pending; an action on one is answered from the request.

use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::form::{f, s};
use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;
use crate::world::now;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_JOIN_REQUESTS, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::ok(json!({"total": 0, "guild_join_requests": []})))
    }),
    on(&route::ACTION_GUILD_JOIN_REQUEST, |ctx| {
        let g = ctx.known_guild()?;
        let body = ctx.obj();
        Ok(Reply::ok(json!({
            "id": ctx.id("request_id")?.to_string(), "created_at": now(), "reviewed_at": now(),
            "application_status": s(&body, "action", "APPROVED"),
            "rejection_reason": f(&body, "rejection_reason", Value::Null),
            "guild_id": g.to_string(), "user_id": ctx.bot_id().to_string(),
        })))
    }),
];
