//! Stickers: a sticker by id, the standard packs (the emulator knows one), and a guild's
//! stickers (list, get, create from a multipart upload, modify, delete), each change published
//! as `GUILD_STICKERS_UPDATE`.
//! <https://discord.com/developers/docs/resources/sticker>

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::form::{check_len, merge, sid};
use super::request::{Answer, Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_STICKER, |ctx| {
        let s = ctx.id("sticker_id")?;
        Ok(ctx
            .world
            .lock()
            .stickers
            .get(&s)
            .cloned()
            .map_or_else(unknown::sticker, Reply::ok))
    }),
    on(&route::LIST_STICKER_PACKS, |_| {
        Ok(Reply::ok(json!({"sticker_packs": []})))
    }),
    on(&route::GET_STICKER_PACK, get_pack),
    on(&route::LIST_GUILD_STICKERS, |ctx| {
        Ok(Reply::ok(Value::Array(of_guild(ctx, ctx.id("guild_id")?))))
    }),
    on(&route::GET_GUILD_STICKER, |ctx| {
        Ok(get(ctx, ctx.id("guild_id")?, ctx.id("sticker_id")?))
    }),
    on(&route::CREATE_GUILD_STICKER, |ctx| {
        Ok(create(ctx, ctx.id("guild_id")?))
    }),
    on(&route::MODIFY_GUILD_STICKER, |ctx| {
        Ok(modify(ctx, ctx.id("guild_id")?, ctx.id("sticker_id")?))
    }),
    on(&route::DELETE_GUILD_STICKER, |ctx| {
        Ok(delete(ctx, ctx.id("guild_id")?, ctx.id("sticker_id")?))
    }),
];

/// The id of the one standard sticker pack the emulator knows (Discord's "Wumpus Beyond").
const STANDARD_PACK_ID: &str = "847199849233514549";

fn get_pack(ctx: &Ctx<'_>) -> Answer {
    if ctx.param("pack_id")? != STANDARD_PACK_ID {
        return Ok(Reply::unknown(10061, "Sticker Pack"));
    }
    Ok(Reply::ok(json!({
        "id": STANDARD_PACK_ID, "sku_id": "847199849233514547", "name": "Wumpus Beyond",
        "description": "Say hello to Wumpus!", "cover_sticker_id": "749054660769218631",
        "banner_asset_id": "761773777976819732",
        "stickers": [{
            "id": "749054660769218631", "pack_id": STANDARD_PACK_ID, "name": "Wave",
            "description": "Wumpus waves hello", "tags": "wumpus, hello, sup, hi, oi, heyo, heya, yo, wave",
            "type": 1, "format_type": 3, "available": true, "sort_value": 12,
        }],
    })))
}

/// The stickers of guild `g`.
fn of_guild(ctx: &Ctx<'_>, g: Snowflake) -> Vec<Value> {
    ctx.world
        .lock()
        .stickers
        .values()
        .filter(|s| s["guild_id"] == sid(g))
        .cloned()
        .collect()
}

fn get(ctx: &Ctx<'_>, g: Snowflake, s: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.stickers.get(&s) {
        Some(st) if st["guild_id"] == sid(g) => Reply::ok(st.clone()),
        _ => unknown::sticker(),
    }
}

fn stickers_update(ctx: &Ctx<'_>, g: Snowflake) {
    ctx.world.publish(
        "GUILD_STICKERS_UPDATE",
        json!({"guild_id": g.to_string(), "stickers": of_guild(ctx, g)}),
        Some(g),
        Intents::GUILD_EXPRESSIONS,
    );
}

fn create(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
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

fn modify(ctx: &Ctx<'_>, g: Snowflake, s: Snowflake) -> Reply {
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

fn delete(ctx: &Ctx<'_>, g: Snowflake, s: Snowflake) -> Reply {
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
