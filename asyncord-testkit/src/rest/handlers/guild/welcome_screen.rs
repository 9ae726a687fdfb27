//! The welcome screen (kept) and the new member welcome.
//! <https://discord.com/developers/docs/resources/guild#get-guild-welcome-screen>

use asyncord_model::route;
use serde_json::{Value, json};

use super::settings::settings;
use crate::rest::handlers::form::f;
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_WELCOME_SCREEN, welcome_screen),
    on(&route::MODIFY_GUILD_WELCOME_SCREEN, welcome_screen),
    on(&route::GET_GUILD_NEW_MEMBER_WELCOME, |ctx| {
        let g = ctx.known_guild()?;
        Ok(Reply::ok(json!({
            "guild_id": g.to_string(), "enabled": false,
            "new_member_actions": [], "resource_channels": [],
        })))
    }),
];

fn welcome_screen(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    let doc = settings(ctx, g, "welcome-screen", ctx.obj());
    Ok(Reply::ok(json!({
        "description": f(&doc, "description", Value::Null),
        "welcome_channels": f(&doc, "welcome_channels", json!([])),
    })))
}
