//! Channels: get, modify, delete, permission overwrites, invites, followers, typing, group DM
//! recipients; the parts of a channel Discord documents apart live in this folder's files
//! (messages, pins, reactions, polls, threads, voice).
//! <https://discord.com/developers/docs/resources/channel>

pub(super) mod messages;
pub(super) mod pins;
pub(super) mod polls;
pub(super) mod reactions;
pub(super) mod threads;
pub(super) mod voice;

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::form::{check_len, merge};
use super::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::{is_thread, now};

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_CHANNEL, |ctx| {
        Ok(ctx
            .world
            .channel(ctx.id("channel_id")?)
            .map_or_else(unknown::channel, Reply::ok))
    }),
    on(&route::MODIFY_CHANNEL, |ctx| {
        Ok(modify(ctx, ctx.id("channel_id")?))
    }),
    on(&route::DELETE_CHANNEL, |ctx| {
        Ok(delete(ctx, ctx.id("channel_id")?))
    }),
    on(&route::EDIT_CHANNEL_PERMISSIONS, |ctx| {
        let c = ctx.id("channel_id")?;
        Ok(overwrite(ctx, c, ctx.id("overwrite_id")?, true))
    }),
    on(&route::DELETE_CHANNEL_PERMISSION, |ctx| {
        let c = ctx.id("channel_id")?;
        Ok(overwrite(ctx, c, ctx.id("overwrite_id")?, false))
    }),
    on(&route::TRIGGER_TYPING_INDICATOR, |ctx| {
        Ok(typing(ctx, ctx.id("channel_id")?))
    }),
    on(&route::GET_CHANNEL_INVITES, |ctx| {
        Ok(list_invites(ctx, ctx.id("channel_id")?))
    }),
    on(&route::CREATE_CHANNEL_INVITE, |ctx| {
        Ok(create_invite(ctx, ctx.id("channel_id")?))
    }),
    on(&route::FOLLOW_ANNOUNCEMENT_CHANNEL, |ctx| {
        Ok(follow(ctx, ctx.id("channel_id")?))
    }),
    on(&route::GROUP_DM_ADD_RECIPIENT, |ctx| {
        Ok(recipients(ctx, ctx.id("channel_id")?))
    }),
    on(&route::GROUP_DM_REMOVE_RECIPIENT, |ctx| {
        Ok(recipients(ctx, ctx.id("channel_id")?))
    }),
];

/// The event name for a channel or thread change.
fn event(channel: &Value, what: &str) -> String {
    if is_thread(channel) {
        format!("THREAD_{what}")
    } else {
        format!("CHANNEL_{what}")
    }
}

const MODIFIABLE: [&str; 20] = [
    "name",
    "type",
    "position",
    "topic",
    "nsfw",
    "rate_limit_per_user",
    "bitrate",
    "user_limit",
    "permission_overwrites",
    "parent_id",
    "rtc_region",
    "video_quality_mode",
    "default_auto_archive_duration",
    "flags",
    "available_tags",
    "default_reaction_emoji",
    "default_thread_rate_limit_per_user",
    "default_sort_order",
    "default_forum_layout",
    "applied_tags",
];

fn modify(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 1, 100, false) {
        return r;
    }
    if let Err(r) = check_len(&ctx.body, "topic", 0, 4096, false) {
        return r;
    }
    if ctx
        .body
        .get("rate_limit_per_user")
        .and_then(Value::as_u64)
        .is_some_and(|s| s > 21_600)
    {
        return Reply::form_error(
            "rate_limit_per_user",
            "NUMBER_TYPE_MAX",
            "int value should be less than or equal to 21600.",
        );
    }
    let mut state = ctx.world.lock();
    let Some(ch) = state.channels.get_mut(&c) else {
        return unknown::channel();
    };
    let body = ctx.obj();
    merge(ch, &body, &MODIFIABLE);
    if is_thread(ch) {
        for k in ["archived", "locked", "invitable", "auto_archive_duration"] {
            if let Some(v) = body.get(k) {
                ch["thread_metadata"][k] = v.clone();
            }
        }
        if body.contains_key("archived") {
            ch["thread_metadata"]["archive_timestamp"] = now();
        }
    }
    let out = ch.clone();
    drop(state);
    let guild_id = crate::world::id_of(&out, "guild_id");
    ctx.world.publish(
        &event(&out, "UPDATE"),
        out.clone(),
        guild_id,
        Intents::GUILDS,
    );
    ctx.audit(guild_id, 11, c);
    Reply::ok(out)
}

fn delete(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    let Some(ch) = state.channels.remove(&c) else {
        return unknown::channel();
    };
    state.messages.remove(&c);
    drop(state);
    let guild_id = crate::world::id_of(&ch, "guild_id");
    ctx.world
        .publish(&event(&ch, "DELETE"), ch.clone(), guild_id, Intents::GUILDS);
    ctx.audit(guild_id, 12, c);
    Reply::ok(ch)
}

fn overwrite(ctx: &Ctx<'_>, c: Snowflake, target: Snowflake, put: bool) -> Reply {
    if put && !matches!(ctx.body.get("type").and_then(Value::as_u64), Some(0 | 1)) {
        return Reply::form_error("type", "BASE_TYPE_CHOICES", "Value must be one of (0, 1).");
    }
    let mut state = ctx.world.lock();
    let Some(ch) = state.channels.get_mut(&c) else {
        return unknown::channel();
    };
    let mut list: Vec<Value> = ch["permission_overwrites"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    list.retain(|o| o["id"] != json!(target.to_string()));
    if put {
        let s = |k: &str| {
            ctx.body.get(k).map_or_else(
                || json!("0"),
                |v| json!(v.as_str().map_or_else(|| v.to_string(), str::to_owned)),
            )
        };
        list.push(json!({"id": target.to_string(), "type": ctx.body["type"], "allow": s("allow"), "deny": s("deny")}));
    }
    ch["permission_overwrites"] = Value::Array(list);
    let out = ch.clone();
    drop(state);
    let guild_id = crate::world::id_of(&out, "guild_id");
    ctx.world
        .publish(&event(&out, "UPDATE"), out, guild_id, Intents::GUILDS);
    ctx.audit(guild_id, if put { 14 } else { 15 }, c);
    Reply::no_content()
}

fn typing(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    if ctx.world.start_typing(c, ctx.bot_id(), None) {
        Reply::no_content()
    } else {
        unknown::channel()
    }
}

fn list_invites(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let state = ctx.world.lock();
    if !state.channels.contains_key(&c) {
        return unknown::channel();
    }
    let list: Vec<Value> = state
        .invites
        .values()
        .filter(|i| i["channel"]["id"] == json!(c.to_string()))
        .cloned()
        .collect();
    Reply::ok(Value::Array(list))
}

fn create_invite(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let Some(channel) = ctx.world.channel(c) else {
        return unknown::channel();
    };
    let max_age = ctx
        .body
        .get("max_age")
        .and_then(Value::as_u64)
        .unwrap_or(86_400);
    if max_age > 604_800 {
        return Reply::form_error(
            "max_age",
            "NUMBER_TYPE_MAX",
            "int value should be less than or equal to 604800.",
        );
    }
    let guild_id = crate::world::id_of(&channel, "guild_id");
    let code = format!("{:08x}", fastrand::u32(..));
    let guild = guild_id.and_then(|g| ctx.world.guild(g));
    let invite = json!({
        "type": 0, "code": code,
        "guild_id": guild_id.map(|g| g.to_string()),
        "guild": guild.map(|g| json!({
            "id": g["id"], "name": g["name"], "icon": g["icon"], "features": g["features"],
            "splash": g.get("splash").cloned().unwrap_or(Value::Null),
            "banner": g.get("banner").cloned().unwrap_or(Value::Null),
            "description": g.get("description").cloned().unwrap_or(Value::Null),
            "verification_level": g.get("verification_level").cloned().unwrap_or(json!(0)),
            "vanity_url_code": g.get("vanity_url_code").cloned().unwrap_or(Value::Null),
            "nsfw_level": g.get("nsfw_level").cloned().unwrap_or(json!(0)),
            "nsfw": g.get("nsfw").cloned().unwrap_or(json!(false)),
            "premium_subscription_count": g.get("premium_subscription_count").cloned().unwrap_or(json!(0)),
        })),
        "channel": {"id": channel["id"], "name": channel["name"], "type": channel["type"]},
        "inviter": ctx.bot_user(),
        "uses": 0, "max_uses": ctx.body.get("max_uses").cloned().unwrap_or(json!(0)),
        "max_age": max_age, "temporary": ctx.body.get("temporary").cloned().unwrap_or(json!(false)),
        "created_at": now(), "expires_at": null,
    });
    ctx.world
        .lock()
        .invites
        .insert(code.clone(), invite.clone());
    let mut event = json!({"channel_id": c.to_string(), "code": code, "created_at": invite["created_at"],
        "inviter": invite["inviter"], "max_age": max_age, "max_uses": invite["max_uses"],
        "temporary": invite["temporary"], "uses": 0});
    if let Some(g) = guild_id {
        event["guild_id"] = json!(g.to_string());
    }
    ctx.world
        .publish("INVITE_CREATE", event, guild_id, Intents::GUILD_INVITES);
    ctx.audit(guild_id, 40, &code);
    Reply::ok(invite)
}

fn follow(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let Some(ch) = ctx.world.channel(c) else {
        return unknown::channel();
    };
    if ch["type"].as_u64() != Some(5) {
        return Reply::error(400, 50024, "Cannot execute action on this channel type");
    }
    let Some(target) = ctx
        .str_field("webhook_channel_id")
        .and_then(|s| s.parse::<Snowflake>().ok())
    else {
        return Reply::form_error(
            "webhook_channel_id",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        );
    };
    if ctx.world.channel(target).is_none() {
        return unknown::channel();
    }
    Reply::ok(json!({"channel_id": c.to_string(), "webhook_id": ctx.world.next_id().to_string()}))
}

fn recipients(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    match ctx.world.channel(c) {
        Some(ch) if ch["type"].as_u64() == Some(3) => Reply::no_content(),
        Some(_) => Reply::error(400, 50024, "Cannot execute action on this channel type"),
        None => unknown::channel(),
    }
}
