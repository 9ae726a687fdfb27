//! Soundboard sounds: Discord's default sounds and a guild's sounds, answered from the request
//! (a create echoes the body with a new id; a later read does not list it). Discord documents
//! both on one page.
//! <https://discord.com/developers/docs/resources/soundboard>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Map, Value, json};

use crate::rest::handlers::form::{f, s};
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_DEFAULT_SOUNDBOARD_SOUNDS, |ctx| {
        let id = ctx.world.next_id();
        Ok(Reply::ok(json!([sound(ctx, None, id, &Map::new())])))
    }),
    on(&route::LIST_GUILD_SOUNDBOARD_SOUNDS, |ctx| {
        let g = ctx.known_guild()?;
        let id = ctx.world.next_id();
        Ok(Reply::ok(
            json!({"items": [sound(ctx, Some(g), id, &ctx.obj())]}),
        ))
    }),
    on(&route::CREATE_GUILD_SOUNDBOARD_SOUND, |ctx| {
        let g = ctx.known_guild()?;
        let id = ctx.world.next_id();
        Ok(Reply::created(sound(ctx, Some(g), id, &ctx.obj())))
    }),
    on(&route::GET_GUILD_SOUNDBOARD_SOUND, by_id),
    on(&route::MODIFY_GUILD_SOUNDBOARD_SOUND, by_id),
    on(&route::DELETE_GUILD_SOUNDBOARD_SOUND, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
];

fn by_id(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    Ok(Reply::ok(sound(
        ctx,
        Some(g),
        ctx.id("sound_id")?,
        &ctx.obj(),
    )))
}

/// A soundboard sound of guild `g` (`None` for a default sound).
fn sound(ctx: &Ctx<'_>, g: Option<Snowflake>, id: Snowflake, body: &Map<String, Value>) -> Value {
    let mut v = json!({
        "name": s(body, "name", "quack"), "sound_id": id.to_string(),
        "volume": f(body, "volume", json!(1.0)), "emoji_id": f(body, "emoji_id", Value::Null),
        "emoji_name": f(body, "emoji_name", Value::Null), "available": true,
    });
    if let Some(g) = g {
        v["guild_id"] = json!(g.to_string());
        v["user"] = ctx.user(ctx.bot_id());
    }
    v
}
