//! A guild's emojis, answered from the request (a create echoes the body with a new id; a later
//! read does not list it).
//! <https://discord.com/developers/docs/resources/emoji>

use asyncord_model::route;
use serde_json::json;

use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;
use crate::world::custom_emoji;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_GUILD_EMOJIS, |ctx| {
        ctx.known_guild()?;
        let e = ctx.world.next_id();
        Ok(Reply::ok(json!([custom_emoji(
            &ctx.user(ctx.bot_id()),
            e,
            &ctx.obj()
        )])))
    }),
    on(&route::CREATE_GUILD_EMOJI, |ctx| {
        let g = ctx.known_guild()?;
        let e = ctx.world.next_id();
        ctx.audit(Some(g), 60, e);
        Ok(Reply::created(custom_emoji(
            &ctx.user(ctx.bot_id()),
            e,
            &ctx.obj(),
        )))
    }),
    on(&route::GET_GUILD_EMOJI, emoji),
    on(&route::MODIFY_GUILD_EMOJI, emoji),
    on(&route::DELETE_GUILD_EMOJI, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
];

fn emoji(ctx: &Ctx<'_>) -> Answer {
    ctx.known_guild()?;
    let e = ctx.id("emoji_id")?;
    Ok(Reply::ok(custom_emoji(
        &ctx.user(ctx.bot_id()),
        e,
        &ctx.obj(),
    )))
}
