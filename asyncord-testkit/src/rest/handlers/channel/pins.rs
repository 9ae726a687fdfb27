//! Pins: the pinned messages (newest pin first), pin, unpin; each change published as
//! `CHANNEL_PINS_UPDATE`.
//! <https://discord.com/developers/docs/resources/message#get-channel-pins>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::form::limit;
use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::{State, now, render};

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_CHANNEL_PINS, |ctx| {
        Ok(pins(ctx, ctx.id("channel_id")?))
    }),
    on(&route::PIN_MESSAGE, |ctx| {
        Ok(pin(ctx, ctx.id("channel_id")?, ctx.id("message_id")?, true))
    }),
    on(&route::UNPIN_MESSAGE, |ctx| {
        Ok(pin(
            ctx,
            ctx.id("channel_id")?,
            ctx.id("message_id")?,
            false,
        ))
    }),
];

fn pins(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let state = ctx.world.lock();
    if !state.channels.contains_key(&c) {
        return unknown::channel();
    }
    let n = limit(ctx, 50, 50);
    let mut pinned: Vec<&Value> = state
        .messages
        .get(&c)
        .map(|ms| ms.values().filter(|m| m["pinned"] == json!(true)).collect())
        .unwrap_or_default();
    pinned.sort_by(|a, b| b["_pinned_at"].as_str().cmp(&a["_pinned_at"].as_str()));
    let has_more = pinned.len() > n;
    let items: Vec<Value> = pinned
        .into_iter()
        .take(n)
        .map(|m| json!({"pinned_at": m["_pinned_at"], "message": render(&state, m, ctx.bot_id())}))
        .collect();
    Reply::ok(json!({"items": items, "has_more": has_more}))
}

fn pin(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake, on: bool) -> Reply {
    let mut state: std::sync::MutexGuard<'_, State> = ctx.world.lock();
    let guild_id = state.guild_of(c);
    let Some(msg) = state.messages.get_mut(&c).and_then(|ms| ms.get_mut(&m)) else {
        return unknown::message();
    };
    msg["pinned"] = json!(on);
    msg["_pinned_at"] = if on { now() } else { Value::Null };
    drop(state);
    let mut event = json!({"channel_id": c.to_string(), "last_pin_timestamp": if on { now() } else { Value::Null }});
    if let Some(g) = guild_id {
        event["guild_id"] = json!(g.to_string());
    }
    ctx.world.publish(
        "CHANNEL_PINS_UPDATE",
        event,
        guild_id,
        crate::world::message_intents(guild_id, false),
    );
    ctx.audit(guild_id, if on { 74 } else { 75 }, m);
    Reply::no_content()
}
