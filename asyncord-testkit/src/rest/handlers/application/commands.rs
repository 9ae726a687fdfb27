//! Application commands, global and per guild: list, get, create (or replace one of the same
//! name and type), edit, delete, bulk overwrite; returned as Discord returns them. Their
//! permissions are answered from the request. Bodies Discord would refuse get its form errors
//! ([`command_rules`](super::command_rules)).
//! <https://discord.com/developers/docs/interactions/application-commands>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Map, Value, json};

use crate::rest::handlers::form::{check_len, f, merge, sid};
use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GLOBAL_APPLICATION_COMMANDS, |ctx| {
        Ok(list(ctx, ctx.id("application_id")?, None))
    }),
    on(&route::CREATE_GLOBAL_APPLICATION_COMMAND, |ctx| {
        Ok(upsert(ctx, ctx.id("application_id")?, None))
    }),
    on(&route::BULK_OVERWRITE_GLOBAL_APPLICATION_COMMANDS, |ctx| {
        Ok(overwrite(ctx, ctx.id("application_id")?, None))
    }),
    on(&route::GET_GLOBAL_APPLICATION_COMMAND, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(get(ctx, a, None, ctx.id("command_id")?))
    }),
    on(&route::EDIT_GLOBAL_APPLICATION_COMMAND, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(edit(ctx, a, None, ctx.id("command_id")?))
    }),
    on(&route::DELETE_GLOBAL_APPLICATION_COMMAND, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(delete(ctx, a, None, ctx.id("command_id")?))
    }),
    on(&route::GET_GUILD_APPLICATION_COMMANDS, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(list(ctx, a, ctx.id("guild_id").ok()))
    }),
    on(&route::CREATE_GUILD_APPLICATION_COMMAND, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(upsert(ctx, a, ctx.id("guild_id").ok()))
    }),
    on(&route::BULK_OVERWRITE_GUILD_APPLICATION_COMMANDS, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(overwrite(ctx, a, ctx.id("guild_id").ok()))
    }),
    on(&route::GET_GUILD_APPLICATION_COMMAND, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(get(ctx, a, ctx.id("guild_id").ok(), ctx.id("command_id")?))
    }),
    on(&route::EDIT_GUILD_APPLICATION_COMMAND, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(edit(ctx, a, ctx.id("guild_id").ok(), ctx.id("command_id")?))
    }),
    on(&route::DELETE_GUILD_APPLICATION_COMMAND, |ctx| {
        let a = ctx.id("application_id")?;
        Ok(delete(
            ctx,
            a,
            ctx.id("guild_id").ok(),
            ctx.id("command_id")?,
        ))
    }),
    on(&route::GET_GUILD_APPLICATION_COMMAND_PERMISSIONS, |_| {
        Ok(Reply::ok(json!([])))
    }),
    on(&route::GET_APPLICATION_COMMAND_PERMISSIONS, permissions),
    on(&route::EDIT_APPLICATION_COMMAND_PERMISSIONS, permissions),
];

/// A command's permissions, answered from the request.
fn permissions(ctx: &Ctx<'_>) -> crate::rest::handlers::request::Answer {
    Ok(Reply::ok(json!({
        "id": ctx.id("command_id")?.to_string(),
        "application_id": ctx.id("application_id")?.to_string(),
        "guild_id": ctx.id("guild_id")?.to_string(),
        "permissions": f(&ctx.obj(), "permissions", json!([])),
    })))
}

/// Whether the calling bot owns application `a`.
fn owns(ctx: &Ctx<'_>, a: Snowflake) -> bool {
    ctx.bot.as_ref().is_some_and(|b| b.application_id == a)
}

fn scope_matches(c: &Value, a: Snowflake, g: Option<Snowflake>) -> bool {
    c["application_id"] == sid(a)
        && c.get("guild_id").cloned().unwrap_or(Value::Null) == g.map_or(Value::Null, sid)
}

fn list(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>) -> Reply {
    if !owns(ctx, a) {
        return Reply::error(403, 50001, "Missing Access");
    }
    let state = ctx.world.lock();
    Reply::ok(Value::Array(
        state
            .commands
            .values()
            .filter(|c| scope_matches(c, a, g))
            .cloned()
            .collect(),
    ))
}

fn get(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>, id: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.commands.get(&id) {
        Some(c) if scope_matches(c, a, g) && owns(ctx, a) => Reply::ok(c.clone()),
        _ => unknown::command(),
    }
}

/// A command body's `type` (1, chat input, when absent or `null`).
fn command_type(body: &Value) -> Value {
    json!(body.get("type").and_then(Value::as_u64).unwrap_or(1))
}

/// Discord's checks on a command body (see [`command_rules`](super::command_rules)).
fn check_command(body: &Value) -> Result<(), Reply> {
    super::command_rules::check(body, "")
}

fn build(
    ctx: &Ctx<'_>,
    a: Snowflake,
    g: Option<Snowflake>,
    id: Snowflake,
    body: &Map<String, Value>,
) -> Value {
    let mut c = json!({
        "id": id.to_string(), "application_id": a.to_string(), "version": ctx.world.next_id().to_string(),
        "type": 1, "name": "", "description": "", "default_member_permissions": null,
        "nsfw": false, "contexts": null, "integration_types": [0],
    });
    if let Some(g) = g {
        c["guild_id"] = sid(g);
    }
    merge(
        &mut c,
        body,
        &[
            "type",
            "name",
            "name_localizations",
            "description",
            "description_localizations",
            "options",
            "default_member_permissions",
            "nsfw",
            "contexts",
            "integration_types",
            "handler",
        ],
    );
    as_returned(&mut c);
    c
}

/// A command after a create or an edit, shaped as Discord returns it: a request's `null` (or
/// empty list) means "none" or "the default", never a `null` where the response has none —
/// `options` and `handler` are left out, `type`, `description`, `nsfw` and
/// `integration_types` take their defaults; `default_member_permissions` is a string.
/// <https://discord.com/developers/docs/interactions/application-commands#application-command-object>
fn as_returned(c: &mut Value) {
    let Some(o) = c.as_object_mut() else {
        return;
    };
    if o.get("options")
        .is_some_and(|v| v.as_array().is_none_or(Vec::is_empty))
    {
        o.remove("options");
    }
    if o.get("handler").is_some_and(Value::is_null) {
        o.remove("handler");
    }
    for (key, default) in [
        ("type", json!(1)),
        ("description", json!("")),
        ("nsfw", json!(false)),
        ("integration_types", json!([0])),
    ] {
        if o.get(key).is_none_or(Value::is_null) {
            o.insert(key.to_owned(), default);
        }
    }
    if let Some(p) = o.get_mut("default_member_permissions")
        && let Some(n) = p.as_u64()
    {
        *p = json!(n.to_string());
    }
}

fn upsert(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>) -> Reply {
    if !owns(ctx, a) {
        return Reply::error(403, 50001, "Missing Access");
    }
    if let Err(r) = check_command(&ctx.body) {
        return r;
    }
    let mut state = ctx.world.lock();
    let kind = command_type(&ctx.body);
    let existing = state
        .commands
        .iter()
        .find(|(_, c)| scope_matches(c, a, g) && c["name"] == ctx.body["name"] && c["type"] == kind)
        .map(|(id, _)| *id);
    let id = existing.unwrap_or_else(|| ctx.world.next_id());
    let command = build(ctx, a, g, id, &ctx.obj());
    state.commands.insert(id, command.clone());
    if existing.is_some() {
        Reply::ok(command)
    } else {
        Reply::created(command)
    }
}

fn edit(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>, id: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 1, 32, false)
        .and_then(|()| check_len(&ctx.body, "description", 0, 100, false))
    {
        return r;
    }
    let mut state = ctx.world.lock();
    match state.commands.get_mut(&id) {
        Some(c) if scope_matches(c, a, g) && owns(ctx, a) => {
            let mut edited = c.clone();
            merge(
                &mut edited,
                &ctx.obj(),
                &[
                    "name",
                    "name_localizations",
                    "description",
                    "description_localizations",
                    "options",
                    "default_member_permissions",
                    "nsfw",
                    "contexts",
                    "integration_types",
                    "handler",
                ],
            );
            if let Err(r) = super::command_rules::check_options(&edited) {
                return r;
            }
            as_returned(&mut edited);
            *c = edited;
            Reply::ok(c.clone())
        }
        _ => unknown::command(),
    }
}

fn delete(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>, id: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    match state.commands.get(&id) {
        Some(c) if scope_matches(c, a, g) && owns(ctx, a) => {
            state.commands.remove(&id);
            Reply::no_content()
        }
        _ => unknown::command(),
    }
}

fn overwrite(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>) -> Reply {
    if !owns(ctx, a) {
        return Reply::error(403, 50001, "Missing Access");
    }
    let Some(items) = ctx.body.as_array() else {
        return Reply::form_error("", "BASE_TYPE_ARRAY", "Must be an array.");
    };
    for (i, item) in items.iter().enumerate() {
        // The field errors are rooted under the item's index, as Discord does.
        if let Err(r) = super::command_rules::check(item, &i.to_string()) {
            return r;
        }
    }
    let mut state = ctx.world.lock();
    let old: Vec<(Snowflake, Value)> = state
        .commands
        .iter()
        .filter(|(_, c)| scope_matches(c, a, g))
        .map(|(id, c)| (*id, c.clone()))
        .collect();
    for (id, _) in &old {
        state.commands.remove(id);
    }
    let mut out = Vec::new();
    for item in items {
        let id = old
            .iter()
            .find(|(_, c)| c["name"] == item["name"] && c["type"] == command_type(item))
            .map_or_else(|| ctx.world.next_id(), |(id, _)| *id);
        let command = build(ctx, a, g, id, item.as_object().unwrap_or(&Map::new()));
        state.commands.insert(id, command.clone());
        out.push(command);
    }
    Reply::ok(Value::Array(out))
}
