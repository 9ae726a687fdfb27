//! Bans: list, get, create (the member is removed), remove, bulk; each change published as
//! `GUILD_BAN_*`.
//! <https://discord.com/developers/docs/resources/guild#get-guild-bans>

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::members::remove_member;
use crate::rest::handlers::form::{limit, sid};
use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_BANS, |ctx| {
        Ok(bans(ctx, ctx.id("guild_id")?))
    }),
    on(&route::GET_GUILD_BAN, |ctx| {
        Ok(ban(ctx, ctx.id("guild_id")?, ctx.id("user_id")?))
    }),
    on(&route::CREATE_GUILD_BAN, |ctx| {
        Ok(create_ban(ctx, ctx.id("guild_id")?, ctx.id("user_id")?).0)
    }),
    on(&route::REMOVE_GUILD_BAN, |ctx| {
        Ok(unban(ctx, ctx.id("guild_id")?, ctx.id("user_id")?))
    }),
    on(&route::BULK_GUILD_BAN, |ctx| {
        Ok(bulk_ban(ctx, ctx.id("guild_id")?))
    }),
];

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
