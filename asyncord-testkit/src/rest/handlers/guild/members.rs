//! Guild members: get, list, search, add (with an OAuth2 token), modify (the current member
//! too), add and remove a role, kick; each change published as `GUILD_MEMBER_*`.
//! <https://discord.com/developers/docs/resources/guild#get-guild-member>

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use crate::rest::handlers::form::{check_len, limit, merge, sid};
use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::complete_user;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_GUILD_MEMBERS, |ctx| {
        Ok(list(ctx, ctx.id("guild_id")?))
    }),
    on(&route::SEARCH_GUILD_MEMBERS, |ctx| {
        Ok(search(ctx, ctx.id("guild_id")?))
    }),
    on(&route::GET_GUILD_MEMBER, |ctx| {
        Ok(get(ctx, ctx.id("guild_id")?, ctx.id("user_id")?))
    }),
    on(&route::ADD_GUILD_MEMBER, |ctx| {
        let g = ctx.known_guild()?;
        Ok(add(ctx, g, ctx.id("user_id")?))
    }),
    on(&route::MODIFY_CURRENT_MEMBER, |ctx| {
        Ok(modify(ctx, ctx.id("guild_id")?, ctx.bot_id(), true))
    }),
    on(&route::MODIFY_GUILD_MEMBER, |ctx| {
        Ok(modify(ctx, ctx.id("guild_id")?, ctx.id("user_id")?, false))
    }),
    on(&route::REMOVE_GUILD_MEMBER, |ctx| {
        Ok(kick(ctx, ctx.id("guild_id")?, ctx.id("user_id")?))
    }),
    on(&route::ADD_GUILD_MEMBER_ROLE, |ctx| {
        let (g, u) = (ctx.id("guild_id")?, ctx.id("user_id")?);
        Ok(role(ctx, g, u, ctx.id("role_id")?, true))
    }),
    on(&route::REMOVE_GUILD_MEMBER_ROLE, |ctx| {
        let (g, u) = (ctx.id("guild_id")?, ctx.id("user_id")?);
        Ok(role(ctx, g, u, ctx.id("role_id")?, false))
    }),
];

fn with_guild(mut v: Value, g: Snowflake) -> Value {
    v["guild_id"] = sid(g);
    v
}

fn get(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.guilds.get(&g) {
        Some(guild) => guild
            .members
            .get(&u)
            .cloned()
            .map_or_else(unknown::member, Reply::ok),
        None => unknown::guild(),
    }
}

fn list(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return unknown::guild();
    };
    let n = limit(ctx, 1, 1000);
    let after = Snowflake::new(ctx.q_u64("after").unwrap_or(0));
    let list: Vec<Value> = guild
        .members
        .range(after..)
        .filter(|(id, _)| **id > after)
        .take(n)
        .map(|(_, m)| m.clone())
        .collect();
    Reply::ok(Value::Array(list))
}

fn search(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let Some(query) = ctx.q("query").map(str::to_lowercase) else {
        return Reply::form_error("query", "BASE_TYPE_REQUIRED", "This field is required");
    };
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return unknown::guild();
    };
    let n = limit(ctx, 1, 1000);
    let matches = |m: &&Value| {
        ["nick"]
            .iter()
            .map(|k| &m[*k])
            .chain([&m["user"]["username"], &m["user"]["global_name"]])
            .any(|v| {
                v.as_str()
                    .is_some_and(|s| s.to_lowercase().starts_with(&query))
            })
    };
    let list: Vec<Value> = guild
        .members
        .values()
        .filter(matches)
        .take(n)
        .cloned()
        .collect();
    Reply::ok(Value::Array(list))
}

fn modify(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake, me: bool) -> Reply {
    if let Err(r) = check_len(&ctx.body, "nick", 0, 32, false) {
        return r;
    }
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    if let Some(roles) = ctx.body.get("roles").and_then(Value::as_array)
        && roles.iter().any(|r| {
            r.as_str()
                .and_then(|s| s.parse::<Snowflake>().ok())
                .is_none_or(|id| !guild.roles.contains_key(&id))
        })
    {
        return unknown::role();
    }
    let Some(member) = guild.members.get_mut(&u) else {
        return unknown::member();
    };
    let allowed: &[&str] = if me {
        &["nick", "banner", "avatar", "bio"]
    } else {
        &[
            "nick",
            "roles",
            "mute",
            "deaf",
            "channel_id",
            "communication_disabled_until",
            "flags",
        ]
    };
    merge(member, &ctx.obj(), allowed);
    if let Some(o) = member.as_object_mut() {
        o.remove("channel_id");
    }
    let out = member.clone();
    drop(state);
    ctx.world.publish(
        "GUILD_MEMBER_UPDATE",
        with_guild(out.clone(), g),
        Some(g),
        Intents::GUILD_MEMBERS,
    );
    ctx.audit(Some(g), 24, u);
    Reply::ok(out)
}

fn role(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake, r: Snowflake, add: bool) -> Reply {
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    if !guild.roles.contains_key(&r) {
        return unknown::role();
    }
    let Some(member) = guild.members.get_mut(&u) else {
        return unknown::member();
    };
    let mut roles: Vec<Value> = member["roles"].as_array().cloned().unwrap_or_default();
    roles.retain(|x| *x != sid(r));
    if add {
        roles.push(sid(r));
    }
    member["roles"] = Value::Array(roles);
    let out = member.clone();
    drop(state);
    ctx.world.publish(
        "GUILD_MEMBER_UPDATE",
        with_guild(out, g),
        Some(g),
        Intents::GUILD_MEMBERS,
    );
    ctx.audit(Some(g), 25, u);
    Reply::no_content()
}

pub(crate) fn remove_member(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> bool {
    let removed = ctx
        .world
        .lock()
        .guilds
        .get_mut(&g)
        .and_then(|guild| guild.members.remove(&u));
    if let Some(m) = &removed {
        ctx.world.publish(
            "GUILD_MEMBER_REMOVE",
            json!({"guild_id": g.to_string(), "user": m["user"]}),
            Some(g),
            Intents::GUILD_MEMBERS,
        );
    }
    removed.is_some()
}

fn kick(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> Reply {
    if ctx.world.guild(g).is_none() {
        return unknown::guild();
    }
    if !remove_member(ctx, g, u) {
        return unknown::member();
    }
    ctx.audit(Some(g), 20, u);
    Reply::no_content()
}

fn add(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> Reply {
    if ctx.str_field("access_token").is_none() {
        return Reply::form_error(
            "access_token",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        );
    }
    if ctx.world.member(g, u).is_some() {
        return Reply::no_content();
    }
    if ctx.world.user(u).is_none() {
        return unknown::user();
    }
    ctx.world.add_member(g, u);
    match ctx.world.member(g, u) {
        Some(mut m) => {
            complete_user(&mut m["user"]);
            for k in [
                "avatar",
                "banner",
                "communication_disabled_until",
                "nick",
                "premium_since",
            ] {
                if m.get(k).is_none() {
                    m[k] = Value::Null;
                }
            }
            if m.get("flags").is_none() {
                m["flags"] = json!(0);
            }
            if m.get("pending").is_none() {
                m["pending"] = json!(false);
            }
            Reply::created(m)
        }
        None => unknown::member(),
    }
}
