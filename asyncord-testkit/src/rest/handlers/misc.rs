//! Invites, stage instances, stickers (standard, packs, guild) and the gateway URL.
//! <https://discord.com/developers/docs/resources/invite>,
//! <https://discord.com/developers/docs/resources/stage-instance>,
//! <https://discord.com/developers/docs/resources/sticker>,
//! <https://discord.com/developers/docs/events/gateway#get-gateway-bot>

use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::{Ctx, GUILDS, check_len, merge, sid};
use crate::rest::reply::{Reply, unknown};
use crate::world::id_of;

pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<&str> = ctx.segs.iter().map(String::as_str).collect();
    Some(match (ctx.method, segs.as_slice()) {
        ("GET", ["gateway"]) => Reply::ok(json!({"url": ctx.config.gateway_url})),
        ("GET", ["gateway", "bot"]) => Reply::ok(json!({
            "url": ctx.config.gateway_url, "shards": ctx.config.shards,
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
        })),
        ("GET", ["invites", code]) => invite(ctx, code, false),
        ("DELETE", ["invites", code]) => invite(ctx, code, true),
        ("POST", ["stage-instances"]) => create_stage(ctx),
        ("GET", ["stage-instances", _]) => {
            let c = ctx.id(1)?;
            ctx.world
                .lock()
                .stage_instances
                .get(&c)
                .cloned()
                .map_or_else(unknown::stage_instance, Reply::ok)
        }
        ("PATCH", ["stage-instances", _]) => modify_stage(ctx, ctx.id(1)?),
        ("DELETE", ["stage-instances", _]) => delete_stage(ctx, ctx.id(1)?),
        ("GET", ["stickers", _]) => {
            let s = ctx.id(1)?;
            ctx.world
                .lock()
                .stickers
                .get(&s)
                .cloned()
                .map_or_else(unknown::sticker, Reply::ok)
        }
        ("GET", ["sticker-packs"]) => Reply::ok(json!({"sticker_packs": []})),
        ("GET", ["sticker-packs", _]) => Reply::unknown(10061, "Sticker Pack"),
        ("GET", ["guilds", _, "stickers"]) => {
            let g = ctx.id(1)?;
            let list: Vec<Value> = ctx
                .world
                .lock()
                .stickers
                .values()
                .filter(|s| s["guild_id"] == sid(g))
                .cloned()
                .collect();
            Reply::ok(Value::Array(list))
        }
        ("GET", ["guilds", _, "stickers", _]) => guild_sticker(ctx, ctx.id(1)?, ctx.id(3)?),
        ("POST", ["guilds", _, "stickers"]) => create_sticker(ctx, ctx.id(1)?),
        ("PATCH", ["guilds", _, "stickers", _]) => modify_sticker(ctx, ctx.id(1)?, ctx.id(3)?),
        ("DELETE", ["guilds", _, "stickers", _]) => delete_sticker(ctx, ctx.id(1)?, ctx.id(3)?),
        _ => return None,
    })
}

fn invite(ctx: &Ctx<'_>, code: &str, delete: bool) -> Reply {
    let mut state = ctx.world.lock();
    let found = if delete {
        state.invites.remove(code)
    } else {
        state.invites.get(code).cloned()
    };
    drop(state);
    let Some(mut inv) = found else {
        return unknown::invite();
    };
    let guild_id = inv["guild"]["id"]
        .as_str()
        .and_then(|s| s.parse::<Snowflake>().ok());
    if delete {
        ctx.world.publish(
            "INVITE_DELETE",
            json!({"channel_id": inv["channel"]["id"], "guild_id": inv["guild"]["id"], "code": code}),
            guild_id,
            Intents::GUILD_INVITES,
        );
        ctx.audit(guild_id, 42, code);
    } else if ctx.q("with_counts") == Some("true") {
        let members = guild_id
            .and_then(|g| ctx.world.lock().guilds.get(&g).map(|g| g.members.len()))
            .unwrap_or(0);
        inv["approximate_member_count"] = json!(members);
        inv["approximate_presence_count"] = json!(0);
    }
    Reply::ok(inv)
}

fn create_stage(ctx: &Ctx<'_>) -> Reply {
    if let Err(r) = check_len(&ctx.body, "topic", 1, 120, true) {
        return r;
    }
    let Some(c) = ctx
        .str_field("channel_id")
        .and_then(|s| s.parse::<Snowflake>().ok())
    else {
        return Reply::form_error("channel_id", "BASE_TYPE_REQUIRED", "This field is required");
    };
    let Some(channel) = ctx.world.channel(c) else {
        return unknown::channel();
    };
    if channel["type"] != json!(13) {
        return Reply::error(400, 50024, "Cannot execute action on this channel type");
    }
    if ctx.world.lock().stage_instances.contains_key(&c) {
        return Reply::error(
            400,
            150_006,
            "A stage instance already exists for this channel",
        );
    }
    let id = ctx.world.next_id();
    let stage = json!({
        "id": id.to_string(), "guild_id": channel["guild_id"], "channel_id": c.to_string(),
        "topic": ctx.body["topic"], "privacy_level": ctx.body.get("privacy_level").cloned().unwrap_or(json!(2)),
        "discoverable_disabled": false, "guild_scheduled_event_id": null,
    });
    ctx.world.lock().stage_instances.insert(c, stage.clone());
    let g = id_of(&stage, "guild_id");
    ctx.world
        .publish("STAGE_INSTANCE_CREATE", stage.clone(), g, GUILDS);
    ctx.audit(g, 83, id);
    Reply::ok(stage)
}

fn modify_stage(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "topic", 1, 120, false) {
        return r;
    }
    let mut state = ctx.world.lock();
    let Some(stage) = state.stage_instances.get_mut(&c) else {
        return unknown::stage_instance();
    };
    merge(stage, &ctx.obj(), &["topic", "privacy_level"]);
    let out = stage.clone();
    drop(state);
    let g = id_of(&out, "guild_id");
    ctx.world
        .publish("STAGE_INSTANCE_UPDATE", out.clone(), g, GUILDS);
    ctx.audit(g, 84, c);
    Reply::ok(out)
}

fn delete_stage(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let Some(stage) = ctx.world.lock().stage_instances.remove(&c) else {
        return unknown::stage_instance();
    };
    let g = id_of(&stage, "guild_id");
    ctx.world.publish("STAGE_INSTANCE_DELETE", stage, g, GUILDS);
    ctx.audit(g, 85, c);
    Reply::no_content()
}

fn guild_sticker(ctx: &Ctx<'_>, g: Snowflake, s: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.stickers.get(&s) {
        Some(st) if st["guild_id"] == sid(g) => Reply::ok(st.clone()),
        _ => unknown::sticker(),
    }
}

fn stickers_update(ctx: &Ctx<'_>, g: Snowflake) {
    let list: Vec<Value> = ctx
        .world
        .lock()
        .stickers
        .values()
        .filter(|s| s["guild_id"] == sid(g))
        .cloned()
        .collect();
    ctx.world.publish(
        "GUILD_STICKERS_UPDATE",
        json!({"guild_id": g.to_string(), "stickers": list}),
        Some(g),
        Intents::GUILD_EXPRESSIONS,
    );
}

fn create_sticker(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    if ctx.world.guild(g).is_none() {
        return unknown::guild();
    }
    let field = |name: &str| {
        ctx.files
            .iter()
            .find(|p| p.name == name && p.filename.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).into_owned())
    };
    let Some(file) = ctx.files.iter().find(|p| p.name == "file") else {
        return Reply::form_error("file", "BASE_TYPE_REQUIRED", "This field is required");
    };
    let name = field("name").unwrap_or_default();
    let n = name.chars().count();
    if !(2..=30).contains(&n) {
        return Reply::form_error(
            "name",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 2 and 30 in length.",
        );
    }
    let Some(tags) = field("tags").filter(|t| !t.is_empty() && t.chars().count() <= 200) else {
        return Reply::form_error(
            "tags",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 1 and 200 in length.",
        );
    };
    let format = match file.content_type.as_deref() {
        Some("image/apng") => 2,
        Some("application/json") => 3,
        Some("image/gif") => 4,
        _ => 1,
    };
    let id = ctx.world.next_id();
    let sticker = json!({
        "id": id.to_string(), "name": name, "description": field("description"), "tags": tags,
        "type": 2, "format_type": format, "available": true, "guild_id": g.to_string(),
        "user": ctx.bot_user(),
    });
    ctx.world.lock().stickers.insert(id, sticker.clone());
    stickers_update(ctx, g);
    ctx.audit(Some(g), 90, id);
    Reply::created(sticker)
}

fn modify_sticker(ctx: &Ctx<'_>, g: Snowflake, s: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 2, 30, false) {
        return r;
    }
    let mut state = ctx.world.lock();
    let Some(st) = state
        .stickers
        .get_mut(&s)
        .filter(|st| st["guild_id"] == sid(g))
    else {
        return unknown::sticker();
    };
    merge(st, &ctx.obj(), &["name", "description", "tags"]);
    let out = st.clone();
    drop(state);
    stickers_update(ctx, g);
    ctx.audit(Some(g), 91, s);
    Reply::ok(out)
}

fn delete_sticker(ctx: &Ctx<'_>, g: Snowflake, s: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    if !state
        .stickers
        .get(&s)
        .is_some_and(|st| st["guild_id"] == sid(g))
    {
        return unknown::sticker();
    }
    state.stickers.remove(&s);
    drop(state);
    stickers_update(ctx, g);
    ctx.audit(Some(g), 92, s);
    Reply::no_content()
}
