//! An application's emojis, answered from the request (a create echoes the body with a new id;
//! a later read does not list it).
//! <https://discord.com/developers/docs/resources/emoji#list-application-emojis>

use asyncord_model::route;
use serde_json::json;

use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;
use crate::world::custom_emoji;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_APPLICATION_EMOJIS, |_| {
        Ok(Reply::ok(json!({"items": []})))
    }),
    on(&route::CREATE_APPLICATION_EMOJI, |ctx| {
        let e = ctx.world.next_id();
        Ok(Reply::created(custom_emoji(
            &ctx.user(ctx.bot_id()),
            e,
            &ctx.obj(),
        )))
    }),
    on(&route::GET_APPLICATION_EMOJI, emoji),
    on(&route::MODIFY_APPLICATION_EMOJI, emoji),
    on(
        &route::DELETE_APPLICATION_EMOJI,
        |_| Ok(Reply::no_content()),
    ),
];

fn emoji(ctx: &Ctx<'_>) -> Answer {
    let e = ctx.id("emoji_id")?;
    Ok(Reply::ok(custom_emoji(
        &ctx.user(ctx.bot_id()),
        e,
        &ctx.obj(),
    )))
}
