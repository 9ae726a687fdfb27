//! Guilds: get, modify, preview, channels (list, create, positions), invites, vanity URL,
//! active threads; the parts of a guild Discord documents apart live in this folder's files
//! (members, bans, roles, emojis, scheduled events...).
//! <https://discord.com/developers/docs/resources/guild>

pub(super) mod audit_log;
pub(super) mod auto_moderation;
pub(super) mod bans;
pub(super) mod emojis;
pub(super) mod incident_actions;
pub(super) mod integrations;
pub(super) mod join_requests;
pub(super) mod members;
pub(super) mod message_search;
pub(super) mod onboarding;
pub(super) mod prune;
pub(super) mod roles;
pub(super) mod scheduled_events;
mod settings;
pub(super) mod soundboard;
pub(super) mod templates;
pub(super) mod voice;
pub(super) mod welcome_screen;
pub(super) mod widget;

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::form::{check_len, merge, sid};
use super::request::{Answer, Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::is_thread;

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD, |ctx| Ok(get(ctx, ctx.id("guild_id")?))),
    on(&route::MODIFY_GUILD, |ctx| {
        Ok(modify(ctx, ctx.id("guild_id")?))
    }),
    on(&route::GET_GUILD_PREVIEW, preview),
    on(&route::GET_GUILD_CHANNELS, |ctx| {
        Ok(channels(ctx, ctx.id("guild_id")?))
    }),
    on(&route::CREATE_GUILD_CHANNEL, |ctx| {
        Ok(create_channel(ctx, ctx.id("guild_id")?))
    }),
    on(&route::MODIFY_GUILD_CHANNEL_POSITIONS, |ctx| {
        Ok(channel_positions(ctx, ctx.id("guild_id")?))
    }),
    on(&route::GET_GUILD_INVITES, invites),
    on(&route::GET_GUILD_VANITY_URL, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::ok(json!({"code": null, "uses": 0})))
    }),
    on(&route::LIST_ACTIVE_GUILD_THREADS, |ctx| {
        Ok(active_threads(ctx, ctx.id("guild_id")?))
    }),
];

fn get(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return unknown::guild();
    };
    let mut out = guild.object();
    if ctx.q("with_counts") == Some("true") {
        out["approximate_member_count"] = json!(guild.members.len());
        out["approximate_presence_count"] = json!(0);
    }
    Reply::ok(out)
}

const GUILD_FIELDS: [&str; 16] = [
    "name",
    "verification_level",
    "default_message_notifications",
    "explicit_content_filter",
    "afk_channel_id",
    "afk_timeout",
    "icon",
    "owner_id",
    "system_channel_id",
    "system_channel_flags",
    "rules_channel_id",
    "public_updates_channel_id",
    "preferred_locale",
    "features",
    "description",
    "premium_progress_bar_enabled",
];

fn modify(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 2, 100, false) {
        return r;
    }
    let mut state = ctx.world.lock();
    let Some(guild) = state.guilds.get_mut(&g) else {
        return unknown::guild();
    };
    merge(&mut guild.guild, &ctx.obj(), &GUILD_FIELDS);
    let out = guild.object();
    drop(state);
    ctx.world
        .publish("GUILD_UPDATE", out.clone(), Some(g), Intents::GUILDS);
    ctx.audit(Some(g), 1, g);
    Reply::ok(out)
}

fn channels(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    if !state.guilds.contains_key(&g) {
        return unknown::guild();
    }
    let list: Vec<Value> = state
        .channels
        .values()
        .filter(|c| c["guild_id"] == sid(g) && !is_thread(c))
        .cloned()
        .collect();
    Reply::ok(Value::Array(list))
}

fn create_channel(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 1, 100, true) {
        return r;
    }
    if let Err(r) = check_len(&ctx.body, "topic", 0, 1024, false) {
        return r;
    }
    if ctx.world.guild(g).is_none() {
        return unknown::guild();
    }
    let name = ctx.str_field("name").unwrap_or_default().to_owned();
    let kind = ctx.body.get("type").and_then(Value::as_u64).unwrap_or(0) as u8;
    let id = ctx.world.add_channel_quiet(g, &name, kind);
    let mut state = ctx.world.lock();
    let Some(ch) = state.channels.get_mut(&id) else {
        return unknown::channel();
    };
    merge(
        ch,
        &ctx.obj(),
        &[
            "topic",
            "nsfw",
            "rate_limit_per_user",
            "bitrate",
            "user_limit",
            "permission_overwrites",
            "parent_id",
            "position",
        ],
    );
    let out = ch.clone();
    drop(state);
    ctx.world
        .publish("CHANNEL_CREATE", out.clone(), Some(g), Intents::GUILDS);
    ctx.audit(Some(g), 10, id);
    Reply::created(out)
}

fn channel_positions(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let Some(items) = ctx.body.as_array() else {
        return Reply::form_error("", "BASE_TYPE_ARRAY", "Must be an array.");
    };
    let mut state = ctx.world.lock();
    if !state.guilds.contains_key(&g) {
        return unknown::guild();
    }
    for item in items {
        if let Some(id) = item["id"]
            .as_str()
            .and_then(|s| s.parse::<Snowflake>().ok())
            && let Some(ch) = state.channels.get_mut(&id)
        {
            for k in ["position", "parent_id", "lock_permissions"] {
                if let Some(v) = item.get(k)
                    && k != "lock_permissions"
                {
                    ch[k] = v.clone();
                }
            }
        }
    }
    Reply::no_content()
}

fn preview(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return Err(unknown::guild());
    };
    let v = &guild.guild;
    Ok(Reply::ok(json!({
        "id": g.to_string(), "name": v["name"], "icon": v.get("icon").cloned().unwrap_or(Value::Null),
        "description": v.get("description").cloned().unwrap_or(Value::Null), "home_header": null,
        "splash": null, "discovery_splash": null, "features": v.get("features").cloned().unwrap_or(json!([])),
        "approximate_member_count": guild.members.len(), "approximate_presence_count": 0,
        "emojis": [], "stickers": [],
    })))
}

fn invites(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.id("guild_id")?;
    let state = ctx.world.lock();
    if !state.guilds.contains_key(&g) {
        return Err(unknown::guild());
    }
    let list: Vec<Value> = state
        .invites
        .values()
        .filter(|v| v["guild"] == sid(g) || v["guild"]["id"] == sid(g))
        .cloned()
        .collect();
    Ok(Reply::ok(Value::Array(list)))
}

fn active_threads(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    if !state.guilds.contains_key(&g) {
        return unknown::guild();
    }
    let threads: Vec<Value> = state
        .channels
        .values()
        .filter(|t| {
            is_thread(t)
                && t["guild_id"] == sid(g)
                && t["thread_metadata"]["archived"] != json!(true)
        })
        .cloned()
        .collect();
    Reply::ok(json!({"threads": threads, "members": [], "has_more": false}))
}
