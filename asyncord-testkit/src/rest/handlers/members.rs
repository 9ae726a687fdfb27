//! Guild members (get, list, search, modify, roles, kick) and bans (list, get, create, remove,
//! bulk). <https://discord.com/developers/docs/resources/guild#get-guild-member>

use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::{Ctx, limit, merge, sid};
use crate::rest::reply::{Reply, unknown};

pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<&str> = ctx.segs.iter().map(String::as_str).collect();
    let g = ctx.id(1);
    Some(match (ctx.method, segs.as_slice()) {
        ("GET", ["guilds", _, "members"]) => list(ctx, g?),
        ("GET", ["guilds", _, "members", "search"]) => search(ctx, g?),
        ("PATCH", ["guilds", _, "members", "@me"]) => modify(ctx, g?, ctx.bot_id(), true),
        ("GET", ["guilds", _, "members", _]) => get(ctx, g?, ctx.id(3)?),
        ("PATCH", ["guilds", _, "members", _]) => modify(ctx, g?, ctx.id(3)?, false),
        ("DELETE", ["guilds", _, "members", _]) => kick(ctx, g?, ctx.id(3)?),
        ("PUT", ["guilds", _, "members", _, "roles", _]) => {
            role(ctx, g?, ctx.id(3)?, ctx.id(5)?, true)
        }
        ("DELETE", ["guilds", _, "members", _, "roles", _]) => {
            role(ctx, g?, ctx.id(3)?, ctx.id(5)?, false)
        }
        ("GET", ["guilds", _, "bans"]) => bans(ctx, g?),
        ("GET", ["guilds", _, "bans", _]) => ban(ctx, g?, ctx.id(3)?),
        ("PUT", ["guilds", _, "bans", _]) => create_ban(ctx, g?, ctx.id(3)?).0,
        ("DELETE", ["guilds", _, "bans", _]) => unban(ctx, g?, ctx.id(3)?),
        ("POST", ["guilds", _, "bulk-ban"]) => bulk_ban(ctx, g?),
        _ => return None,
    })
}

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
    if let Err(r) = super::check_len(&ctx.body, "nick", 0, 32, false) {
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

fn remove_member(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> bool {
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

fn bans(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return unknown::guild();
    };
    let n = limit(ctx, 1000, 1000);
    let list: Vec<Value> = if let Some(before) = ctx.q_u64("before") {
        let mut v: Vec<Value> = guild
            .bans
            .range(..Snowflake::new(before))
            .rev()
            .take(n)
            .map(|(_, b)| b.clone())
            .collect();
        v.reverse();
        v
    } else {
        let after = ctx.q_u64("after").unwrap_or(0);
        guild
            .bans
            .iter()
            .filter(|(id, _)| id.get() > after)
            .take(n)
            .map(|(_, b)| b.clone())
            .collect()
    };
    Reply::ok(Value::Array(list))
}

fn ban(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.guilds.get(&g) {
        Some(guild) => guild
            .bans
            .get(&u)
            .cloned()
            .map_or_else(unknown::ban, Reply::ok),
        None => unknown::guild(),
    }
}

/// Bans a user; the bool says whether the user exists.
fn create_ban(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> (Reply, bool) {
    if ctx
        .body
        .get("delete_message_seconds")
        .and_then(Value::as_u64)
        .is_some_and(|s| s > 604_800)
    {
        return (
            Reply::form_error(
                "delete_message_seconds",
                "NUMBER_TYPE_MAX",
                "int value should be less than or equal to 604800.",
            ),
            false,
        );
    }
    let Some(user) = ctx.world.user(u) else {
        return (unknown::user(), false);
    };
    {
        let mut state = ctx.world.lock();
        let Some(guild) = state.guilds.get_mut(&g) else {
            return (unknown::guild(), false);
        };
        guild
            .bans
            .insert(u, json!({"reason": ctx.reason, "user": user}));
    }
    remove_member(ctx, g, u);
    ctx.world.publish(
        "GUILD_BAN_ADD",
        json!({"guild_id": g.to_string(), "user": user}),
        Some(g),
        Intents::GUILD_MODERATION,
    );
    ctx.audit(Some(g), 22, u);
    (Reply::no_content(), true)
}

fn unban(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    let Some(b) = guild.bans.remove(&u) else {
        return unknown::ban();
    };
    drop(state);
    ctx.world.publish(
        "GUILD_BAN_REMOVE",
        json!({"guild_id": g.to_string(), "user": b["user"]}),
        Some(g),
        Intents::GUILD_MODERATION,
    );
    ctx.audit(Some(g), 23, u);
    Reply::no_content()
}

fn bulk_ban(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let Some(ids) = ctx.body.get("user_ids").and_then(Value::as_array) else {
        return Reply::form_error("user_ids", "BASE_TYPE_REQUIRED", "This field is required");
    };
    if ids.is_empty() || ids.len() > 200 {
        return Reply::form_error(
            "user_ids",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 200 in length.",
        );
    }
    let (mut banned, mut failed) = (Vec::new(), Vec::new());
    for v in ids {
        match v.as_str().and_then(|s| s.parse::<Snowflake>().ok()) {
            Some(u) if create_ban(ctx, g, u).1 => banned.push(sid(u)),
            _ => failed.push(v.clone()),
        }
    }
    if banned.is_empty() {
        return Reply::error(400, 500_000, "Failed to ban users");
    }
    Reply::ok(json!({"banned_users": banned, "failed_users": failed}))
}
