//! Scheduled events and their exceptions, answered from the request (a create echoes the body
//! with a new id; a later read does not list it).
//! <https://discord.com/developers/docs/resources/guild-scheduled-event>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Map, Value, json};

use crate::rest::handlers::form::{f, s};
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;
use crate::world::now;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_SCHEDULED_EVENTS_FOR_GUILD, |ctx| {
        let g = ctx.known_guild()?;
        Ok(Reply::ok(json!([event(
            ctx,
            g,
            ctx.world.next_id(),
            &ctx.obj()
        )])))
    }),
    on(&route::CREATE_GUILD_SCHEDULED_EVENT, |ctx| {
        let g = ctx.known_guild()?;
        let e = ctx.world.next_id();
        ctx.audit(Some(g), 100, e);
        Ok(Reply::ok(event(ctx, g, e, &ctx.obj())))
    }),
    on(&route::GET_GUILD_SCHEDULED_EVENT, by_id),
    on(&route::MODIFY_GUILD_SCHEDULED_EVENT, by_id),
    on(&route::DELETE_GUILD_SCHEDULED_EVENT, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
    on(&route::GET_GUILD_SCHEDULED_EVENT_USERS, users),
    on(&route::GET_GUILD_SCHEDULED_EVENT_EXCEPTION_USERS, users),
    on(&route::GET_GUILD_SCHEDULED_EVENT_USER_COUNTS, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::ok(json!({
            "guild_scheduled_event_count": 1, "guild_scheduled_event_exception_counts": {},
        })))
    }),
    on(&route::CREATE_GUILD_SCHEDULED_EVENT_EXCEPTION, exception),
    on(&route::MODIFY_GUILD_SCHEDULED_EVENT_EXCEPTION, exception),
    on(&route::DELETE_GUILD_SCHEDULED_EVENT_EXCEPTION, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
];

fn by_id(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    let e = ctx.id("guild_scheduled_event_id")?;
    Ok(Reply::ok(event(ctx, g, e, &ctx.obj())))
}

/// The users interested in an event (the bot), or in one of its exceptions.
fn users(ctx: &Ctx<'_>) -> Answer {
    ctx.known_guild()?;
    let e = ctx.id("guild_scheduled_event_id")?;
    let mut u = json!({
        "guild_scheduled_event_id": e.to_string(), "user_id": ctx.bot_id().to_string(),
        "user": ctx.user(ctx.bot_id()), "response": 1,
    });
    if ctx.param("guild_scheduled_event_exception_id").is_ok() {
        let x = ctx.id("guild_scheduled_event_exception_id")?;
        u["guild_scheduled_event_exception_id"] = json!(x.to_string());
    }
    Ok(Reply::ok(json!([u])))
}

/// An exception created or modified (a created one gets a new id).
fn exception(ctx: &Ctx<'_>) -> Answer {
    ctx.known_guild()?;
    let body = ctx.obj();
    let e = ctx.id("guild_scheduled_event_id")?;
    let x = ctx
        .id("exception_id")
        .unwrap_or_else(|_| ctx.world.next_id());
    Ok(Reply::ok(json!({
        "event_id": e.to_string(),
        "event_exception_id": x.to_string(),
        "scheduled_start_time": f(&body, "scheduled_start_time", now()),
        "scheduled_end_time": f(&body, "scheduled_end_time", Value::Null),
        "is_canceled": f(&body, "is_canceled", json!(false)),
    })))
}

/// A scheduled event (external, entity type 3, unless the body says otherwise).
fn event(ctx: &Ctx<'_>, g: Snowflake, id: Snowflake, body: &Map<String, Value>) -> Value {
    let kind = body.get("entity_type").and_then(Value::as_u64).unwrap_or(3);
    let start = f(body, "scheduled_start_time", now());
    let end = f(
        body,
        "scheduled_end_time",
        if kind == 3 {
            start.clone()
        } else {
            Value::Null
        },
    );
    let metadata = if kind == 3 {
        json!({"location": body.get("entity_metadata").and_then(|m| m.get("location")).and_then(Value::as_str).unwrap_or("Online")})
    } else {
        json!({})
    };
    json!({
        "id": id.to_string(), "guild_id": g.to_string(), "name": s(body, "name", "event"),
        "description": f(body, "description", Value::Null),
        "channel_id": f(body, "channel_id", Value::Null),
        "creator_id": ctx.bot_id().to_string(), "creator": ctx.user(ctx.bot_id()),
        "image": null, "scheduled_start_time": start, "scheduled_end_time": end,
        "status": f(body, "status", json!(1)), "entity_type": kind, "entity_id": null,
        "recurrence_rule": null, "user_count": 1,
        "privacy_level": f(body, "privacy_level", json!(2)),
        "guild_scheduled_event_exceptions": [], "entity_metadata": metadata,
    })
}
