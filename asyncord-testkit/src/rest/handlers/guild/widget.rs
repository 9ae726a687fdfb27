//! The guild widget: its settings (kept), the widget JSON and image.
//! <https://discord.com/developers/docs/resources/guild#get-guild-widget-settings>

use asyncord_model::route;
use serde_json::{Value, json};

use super::settings::settings;
use crate::rest::handlers::form::f;
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_WIDGET_SETTINGS, widget_settings),
    on(&route::MODIFY_GUILD_WIDGET, widget_settings),
    on(&route::GET_GUILD_WIDGET, widget),
    on(&route::GET_GUILD_WIDGET_IMAGE, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::ok(Value::String(String::new())))
    }),
];

fn widget_settings(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    let doc = settings(ctx, g, "widget", ctx.obj());
    Ok(Reply::ok(json!({
        "enabled": f(&doc, "enabled", json!(false)),
        "channel_id": f(&doc, "channel_id", Value::Null),
    })))
}

fn widget(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    let name = ctx
        .world
        .guild(g)
        .and_then(|v| v["name"].as_str().map(str::to_owned));
    Ok(Reply::ok(json!({
        "id": g.to_string(), "name": name.unwrap_or_default(), "instant_invite": null,
        "channels": [], "members": [], "presence_count": 0,
    })))
}
