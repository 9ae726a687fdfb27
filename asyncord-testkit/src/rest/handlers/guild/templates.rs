//! Guild templates, answered from the request: a template by code (of the world's first guild),
//! a guild's templates, create, sync, modify, delete.
//! <https://discord.com/developers/docs/resources/guild-template>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Map, Value, json};

use crate::rest::handlers::form::{f, s};
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::now;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_TEMPLATE, |ctx| {
        let code = ctx.param("code")?;
        let g = ctx.world.lock().guilds.keys().next().copied();
        let g = g.ok_or_else(unknown::route)?;
        Ok(Reply::ok(template(ctx, g, code, &Map::new())))
    }),
    on(&route::GET_GUILD_TEMPLATES, |ctx| {
        let g = ctx.known_guild()?;
        Ok(Reply::ok(json!([template(ctx, g, "tmpl", &ctx.obj())])))
    }),
    on(&route::CREATE_GUILD_TEMPLATE, |ctx| {
        let g = ctx.known_guild()?;
        let code = format!("t{}", ctx.world.next_id());
        Ok(Reply::ok(template(ctx, g, &code, &ctx.obj())))
    }),
    on(&route::SYNC_GUILD_TEMPLATE, by_code),
    on(&route::MODIFY_GUILD_TEMPLATE, by_code),
    on(&route::DELETE_GUILD_TEMPLATE, by_code),
];

fn by_code(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    Ok(Reply::ok(template(ctx, g, ctx.param("code")?, &ctx.obj())))
}

/// A guild template of guild `g`.
fn template(ctx: &Ctx<'_>, g: Snowflake, code: &str, body: &Map<String, Value>) -> Value {
    let guild = ctx.world.guild(g).unwrap_or_else(|| json!({}));
    json!({
        "code": code, "name": s(body, "name", "template"),
        "description": f(body, "description", Value::Null), "usage_count": 0,
        "creator_id": ctx.bot_id().to_string(), "creator": ctx.user(ctx.bot_id()),
        "created_at": now(), "updated_at": now(), "source_guild_id": g.to_string(),
        "serialized_source_guild": {
            "name": guild.get("name").cloned().unwrap_or(json!("guild")),
            "description": null, "region": null, "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0,
            "preferred_locale": "en-US", "afk_channel_id": null, "afk_timeout": 300,
            "system_channel_id": null, "system_channel_flags": 0, "roles": [], "channels": [],
        },
        "is_dirty": null,
    })
}
