//! Guilds: get, modify, channels (list, create, positions), roles, invites, webhooks.
//! <https://discord.com/developers/docs/resources/guild>

use asyncord_model::{Permissions, Snowflake};
use serde_json::{Value, json};

use super::{Ctx, GUILDS, check_len, merge, sid};
use crate::rest::reply::{Reply, unknown};
use crate::world::{is_thread, role_json};

pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<&str> = ctx.segs.iter().map(String::as_str).collect();
    let g = ctx.id(1);
    Some(match (ctx.method, segs.as_slice()) {
        ("GET", ["guilds", _]) => get(ctx, g?),
        ("PATCH", ["guilds", _]) => modify(ctx, g?),
        ("GET", ["guilds", _, "channels"]) => channels(ctx, g?),
        ("POST", ["guilds", _, "channels"]) => create_channel(ctx, g?),
        ("PATCH", ["guilds", _, "channels"]) => channel_positions(ctx, g?),
        ("GET", ["guilds", _, "roles"]) => roles(ctx, g?),
        ("POST", ["guilds", _, "roles"]) => create_role(ctx, g?),
        ("PATCH", ["guilds", _, "roles"]) => role_positions(ctx, g?),
        ("GET", ["guilds", _, "roles", _]) => role(ctx, g?, ctx.id(3)?),
        ("PATCH", ["guilds", _, "roles", _]) => modify_role(ctx, g?, ctx.id(3)?),
        ("DELETE", ["guilds", _, "roles", _]) => delete_role(ctx, g?, ctx.id(3)?),
        ("GET", ["guilds", _, "invites"]) => {
            by_guild(ctx, g?, |s| s.invites.values().cloned().collect(), "guild")
        }
        ("GET", ["guilds", _, "webhooks"]) => by_guild(
            ctx,
            g?,
            |s| s.webhooks.values().cloned().collect(),
            "guild_id",
        ),
        _ => return None,
    })
}

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
        .publish("GUILD_UPDATE", out.clone(), Some(g), GUILDS);
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
        .publish("CHANNEL_CREATE", out.clone(), Some(g), GUILDS);
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
        GUILDS,
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
        GUILDS,
    );
    ctx.audit(Some(g), 32, r);
    Reply::no_content()
}

fn by_guild(
    ctx: &Ctx<'_>,
    g: Snowflake,
    pick: fn(&crate::world::State) -> Vec<Value>,
    field: &str,
) -> Reply {
    let state = ctx.world.lock();
    if !state.guilds.contains_key(&g) {
        return unknown::guild();
    }
    let list: Vec<Value> = pick(&state)
        .into_iter()
        .filter(|v| v[field] == sid(g) || v[field]["id"] == sid(g))
        .collect();
    Reply::ok(Value::Array(list))
}
