//! Roles: list, get, create, modify, reorder, delete, and how many members have each role;
//! each change published as `GUILD_ROLE_*`.
//! <https://discord.com/developers/docs/resources/guild#get-guild-roles>

use asyncord_model::route;
use asyncord_model::{Intents, Permissions, Snowflake};
use serde_json::{Value, json};

use crate::rest::handlers::form::{check_len, merge, sid};
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::role_json;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_ROLES, |ctx| {
        Ok(roles(ctx, ctx.id("guild_id")?))
    }),
    on(&route::GET_GUILD_ROLE, |ctx| {
        Ok(role(ctx, ctx.id("guild_id")?, ctx.id("role_id")?))
    }),
    on(&route::GET_GUILD_ROLE_MEMBER_COUNTS, member_counts),
    on(&route::CREATE_GUILD_ROLE, |ctx| {
        Ok(create_role(ctx, ctx.id("guild_id")?))
    }),
    on(&route::MODIFY_GUILD_ROLE_POSITIONS, |ctx| {
        Ok(role_positions(ctx, ctx.id("guild_id")?))
    }),
    on(&route::MODIFY_GUILD_ROLE, |ctx| {
        Ok(modify_role(ctx, ctx.id("guild_id")?, ctx.id("role_id")?))
    }),
    on(&route::DELETE_GUILD_ROLE, |ctx| {
        Ok(delete_role(ctx, ctx.id("guild_id")?, ctx.id("role_id")?))
    }),
];

fn roles(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.guilds.get(&g) {
        Some(guild) => Reply::ok(Value::Array(guild.roles.values().cloned().collect())),
        None => unknown::guild(),
    }
}

fn role(ctx: &Ctx<'_>, g: Snowflake, r: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.guilds.get(&g) {
        Some(guild) => guild
            .roles
            .get(&r)
            .cloned()
            .map_or_else(unknown::role, Reply::ok),
        None => unknown::guild(),
    }
}

const ROLE_FIELDS: [&str; 8] = [
    "name",
    "permissions",
    "color",
    "colors",
    "hoist",
    "icon",
    "unicode_emoji",
    "mentionable",
];

fn role_event(ctx: &Ctx<'_>, g: Snowflake, name: &str, role: &Value) {
    ctx.world.publish(
        name,
        json!({"guild_id": g.to_string(), "role": role}),
        Some(g),
        Intents::GUILDS,
    );
}

fn create_role(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 0, 100, false) {
        return r;
    }
    let id = ctx.world.next_id();
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    let mut role = role_json(
        id,
        ctx.str_field("name").unwrap_or("new role"),
        guild.roles.len(),
        Permissions::empty(),
    );
    merge(&mut role, &ctx.obj(), &ROLE_FIELDS);
    if let Some(p) = role.get("permissions").filter(|p| p.is_u64()) {
        role["permissions"] = json!(p.to_string());
    }
    guild.roles.insert(id, role.clone());
    drop(state);
    role_event(ctx, g, "GUILD_ROLE_CREATE", &role);
    ctx.audit(Some(g), 30, id);
    Reply::ok(role)
}

fn modify_role(ctx: &Ctx<'_>, g: Snowflake, r: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 0, 100, false) {
        return r;
    }
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    let Some(role) = guild.roles.get_mut(&r) else {
        return unknown::role();
    };
    merge(role, &ctx.obj(), &ROLE_FIELDS);
    let out = role.clone();
    drop(state);
    role_event(ctx, g, "GUILD_ROLE_UPDATE", &out);
    ctx.audit(Some(g), 31, r);
    Reply::ok(out)
}

fn role_positions(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let Some(items) = ctx.body.as_array() else {
        return Reply::form_error("", "BASE_TYPE_ARRAY", "Must be an array.");
    };
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    for item in items {
        if let Some(id) = item["id"]
            .as_str()
            .and_then(|s| s.parse::<Snowflake>().ok())
            && let Some(role) = guild.roles.get_mut(&id)
            && let Some(p) = item.get("position")
        {
            role["position"] = p.clone();
        }
    }
    Reply::ok(Value::Array(guild.roles.values().cloned().collect()))
}

fn delete_role(ctx: &Ctx<'_>, g: Snowflake, r: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    if r == g || guild.roles.remove(&r).is_none() {
        return unknown::role();
    }
    for m in guild.members.values_mut() {
        if let Some(list) = m["roles"].as_array_mut() {
            list.retain(|x| *x != sid(r));
        }
    }
    drop(state);
    ctx.world.publish(
        "GUILD_ROLE_DELETE",
        json!({"guild_id": g.to_string(), "role_id": r.to_string()}),
        Some(g),
        Intents::GUILDS,
    );
    ctx.audit(Some(g), 32, r);
    Reply::no_content()
}

fn member_counts(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return Err(unknown::guild());
    };
    let mut counts = serde_json::Map::new();
    for r in guild.roles.keys() {
        let rs = r.to_string();
        let n = guild
            .members
            .values()
            .filter(|m| {
                m["roles"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(rs.as_str())))
            })
            .count();
        counts.insert(rs, json!(n));
    }
    Ok(Reply::ok(Value::Object(counts)))
}
