//! Auto moderation rules, answered from the request (a create echoes the body with a new id; a
//! later read does not list it).
//! <https://discord.com/developers/docs/resources/auto-moderation>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Map, Value, json};

use crate::rest::handlers::form::{f, s};
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_AUTO_MODERATION_RULES_FOR_GUILD, |ctx| {
        let g = ctx.known_guild()?;
        Ok(Reply::ok(json!([rule(
            ctx,
            g,
            ctx.world.next_id(),
            &ctx.obj()
        )])))
    }),
    on(&route::CREATE_AUTO_MODERATION_RULE, |ctx| {
        let g = ctx.known_guild()?;
        let r = ctx.world.next_id();
        ctx.audit(Some(g), 140, r);
        Ok(Reply::ok(rule(ctx, g, r, &ctx.obj())))
    }),
    on(&route::GET_AUTO_MODERATION_RULE, by_id),
    on(&route::MODIFY_AUTO_MODERATION_RULE, by_id),
    on(&route::DELETE_AUTO_MODERATION_RULE, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::no_content())
    }),
];

fn by_id(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    Ok(Reply::ok(rule(ctx, g, ctx.id("rule_id")?, &ctx.obj())))
}

/// An auto moderation rule (keyword trigger unless the body says otherwise).
fn rule(ctx: &Ctx<'_>, g: Snowflake, id: Snowflake, body: &Map<String, Value>) -> Value {
    let mut metadata = f(body, "trigger_metadata", json!({}));
    for k in ["keyword_filter", "regex_patterns", "allow_list"] {
        if metadata.get(k).is_none() {
            metadata[k] = json!([]);
        }
    }
    json!({
        "id": id.to_string(), "guild_id": g.to_string(), "creator_id": ctx.bot_id().to_string(),
        "name": s(body, "name", "rule"), "event_type": f(body, "event_type", json!(1)),
        "actions": f(body, "actions", json!([{"type": 1, "metadata": {}}])),
        "trigger_type": f(body, "trigger_type", json!(1)),
        "enabled": f(body, "enabled", json!(true)),
        "exempt_roles": f(body, "exempt_roles", json!([])),
        "exempt_channels": f(body, "exempt_channels", json!([])),
        "trigger_metadata": metadata,
    })
}
