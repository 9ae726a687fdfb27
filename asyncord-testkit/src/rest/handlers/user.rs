//! Users: the current user (get, modify, guilds, guild member, leave a guild, connections),
//! other users, DMs.
//! <https://discord.com/developers/docs/resources/user>

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::form::{check_len, limit, merge, sid};
use super::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_CURRENT_USER, |ctx| {
        Ok(match &ctx.bot {
            Some(bot) => Reply::ok(with_settings(bot.current_user())),
            None => Reply::error(401, 0, "401: Unauthorized"),
        })
    }),
    on(&route::MODIFY_CURRENT_USER, |ctx| Ok(modify_me(ctx))),
    on(&route::GET_CURRENT_USER_GUILDS, |ctx| Ok(guilds(ctx))),
    on(&route::LEAVE_GUILD, |ctx| {
        Ok(leave(ctx, ctx.id("guild_id")?))
    }),
    on(&route::CREATE_DM, |ctx| Ok(dm(ctx))),
    on(&route::GET_CURRENT_USER_CONNECTIONS, |_| {
        Ok(Reply::ok(json!([])))
    }),
    on(&route::GET_USER, |ctx| {
        Ok(ctx
            .id("user_id")
            .ok()
            .and_then(|u| ctx.world.user(u))
            .map_or_else(unknown::user, Reply::ok))
    }),
];

fn modify_me(ctx: &Ctx<'_>) -> Reply {
    if let Err(r) = check_len(&ctx.body, "username", 2, 32, false) {
        return r;
    }
    let me = ctx.bot_id();
    let mut state = ctx.world.lock();
    let Some(user) = state.users.get_mut(&me) else {
        return unknown::user();
    };
    merge(user, &ctx.obj(), &["username", "avatar", "banner"]);
    if ctx.body.get("avatar").is_some_and(Value::is_string) {
        user["avatar"] = json!(format!("{:032x}", fastrand::u128(..)));
    }
    let mut current = user.clone();
    for b in &mut state.bots {
        if b.user_id == me {
            b.user = current.clone();
            current = b.current_user();
        }
    }
    drop(state);
    // The bot's own user changed: only that bot hears of it.
    ctx.world
        .publish_to_bot("USER_UPDATE", current.clone(), None, me);
    Reply::ok(with_settings(current))
}

fn guilds(ctx: &Ctx<'_>) -> Reply {
    let state = ctx.world.lock();
    let me = ctx.bot_id();
    let n = limit(ctx, 200, 200);
    let after = ctx.q_u64("after").unwrap_or(0);
    let before = ctx.q_u64("before").unwrap_or(u64::MAX);
    let list: Vec<Value> = state
        .guilds
        .iter()
        .filter(|(id, g)| g.members.contains_key(&me) && id.get() > after && id.get() < before)
        .take(n)
        .map(|(_, g)| {
            let o = &g.guild;
            let mut v = json!({
                "id": o["id"], "name": o["name"], "icon": o["icon"], "banner": o["banner"],
                "owner": o["owner_id"] == sid(me), "permissions": asyncord_model::Permissions::all().bits().to_string(),
                "features": o["features"],
            });
            if ctx.q("with_counts") == Some("true") {
                v["approximate_member_count"] = json!(g.members.len());
                v["approximate_presence_count"] = json!(0);
            }
            v
        })
        .collect();
    Reply::ok(Value::Array(list))
}

fn leave(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let me = ctx.bot_id();
    let removed = ctx
        .world
        .lock()
        .guilds
        .get_mut(&g)
        .and_then(|guild| guild.members.remove(&me));
    if removed.is_none() {
        return unknown::guild();
    }
    ctx.world.publish(
        "GUILD_DELETE",
        json!({"id": g.to_string()}),
        Some(g),
        Intents::GUILDS,
    );
    Reply::no_content()
}

fn dm(ctx: &Ctx<'_>) -> Reply {
    let Some(recipient) = ctx
        .str_field("recipient_id")
        .and_then(|s| s.parse::<Snowflake>().ok())
    else {
        return Reply::form_error(
            "recipient_id",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        );
    };
    let Some(user) = ctx.world.user(recipient) else {
        return unknown::user();
    };
    let existing = ctx
        .world
        .lock()
        .channels
        .values()
        .find(|c| c["type"] == json!(1) && c["recipients"][0]["id"] == sid(recipient))
        .cloned();
    if let Some(c) = existing {
        return Reply::ok(c);
    }
    let id = ctx.world.next_id();
    let channel = json!({
        "id": id.to_string(), "type": 1, "last_message_id": null, "flags": 0,
        "recipients": [user],
    });
    ctx.world.lock().channels.insert(id, channel.clone());
    Reply::ok(channel)
}

/// The current user as `/users/@me` returns it: the bot's own user object
/// ([`BotAccount::current_user`](crate::account::BotAccount::current_user)) plus the account
/// settings READY does not carry.
fn with_settings(mut user: Value) -> Value {
    if let Some(o) = user.as_object_mut() {
        for (k, v) in [("locale", json!("en-US")), ("premium_type", json!(0))] {
            o.entry(k).or_insert(v);
        }
    }
    user
}
