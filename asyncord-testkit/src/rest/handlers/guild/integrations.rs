//! Integrations: the bot's own, and deleting one (answered, nothing kept).
//! <https://discord.com/developers/docs/resources/guild#get-guild-integrations>

use asyncord_model::route;
use serde_json::json;

use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_INTEGRATIONS, |ctx| {
        ctx.known_guild()?;
        let bot = ctx.bot_id().to_string();
        Ok(Reply::ok(json!([{
            "type": "discord", "name": "TestBot", "account": {"id": bot, "name": "TestBot"},
            "enabled": true, "id": bot,
            "application": {"id": bot, "name": "TestBot", "icon": null, "description": "", "type": null},
            "scopes": ["bot", "applications.commands"], "user": ctx.user(ctx.bot_id()),
        }])))
    }),
    on(&route::DELETE_GUILD_INTEGRATION, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
];
