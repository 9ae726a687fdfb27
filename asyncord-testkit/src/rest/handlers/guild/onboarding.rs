//! Onboarding (kept): prompts shaped as Discord returns them (ids assigned, defaults filled in,
//! each option's emoji an object).
//! <https://discord.com/developers/docs/resources/guild#get-guild-onboarding>

use asyncord_model::route;
use serde_json::{Value, json};

use super::settings::settings;
use crate::rest::handlers::form::{f, s};
use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_ONBOARDING, onboarding),
    on(&route::MODIFY_GUILD_ONBOARDING, onboarding),
];

fn onboarding(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
    let mut body = ctx.obj();
    if let Some(prompts) = body.get("prompts") {
        let shaped = onboarding_prompts(ctx, prompts);
        body.insert("prompts".into(), shaped);
    }
    let doc = settings(ctx, g, "onboarding", body);
    Ok(Reply::ok(json!({
        "guild_id": g.to_string(), "prompts": f(&doc, "prompts", json!([])),
        "default_channel_ids": f(&doc, "default_channel_ids", json!([])),
        "enabled": f(&doc, "enabled", json!(false)), "mode": f(&doc, "mode", json!(0)),
    })))
}

/// Onboarding prompts as Discord returns them: ids assigned, defaults filled in, and each
/// option's `emoji_id`/`emoji_name`/`emoji_animated` turned into an `emoji` object.
fn onboarding_prompts(ctx: &Ctx<'_>, prompts: &Value) -> Value {
    let empty = serde_json::Map::new();
    let id_or_new = |v: &serde_json::Map<String, Value>| {
        v.get("id")
            .filter(|id| id.is_string())
            .cloned()
            .unwrap_or_else(|| json!(ctx.world.next_id().to_string()))
    };
    let shaped = prompts.as_array().into_iter().flatten().map(|prompt| {
        let p = prompt.as_object().unwrap_or(&empty);
        let options: Vec<Value> = p
            .get("options")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|option| {
                let o = option.as_object().unwrap_or(&empty);
                json!({
                    "id": id_or_new(o), "title": s(o, "title", ""),
                    "description": s(o, "description", ""),
                    "emoji": option_emoji(o),
                    "role_ids": f(o, "role_ids", json!([])),
                    "channel_ids": f(o, "channel_ids", json!([])),
                })
            })
            .collect();
        json!({
            "id": id_or_new(p), "title": s(p, "title", ""), "options": options,
            "single_select": f(p, "single_select", json!(false)),
            "required": f(p, "required", json!(false)),
            "in_onboarding": f(p, "in_onboarding", json!(true)),
            "type": f(p, "type", json!(0)),
        })
    });
    Value::Array(shaped.collect())
}

/// An onboarding option's emoji: from `emoji_id`/`emoji_name`/`emoji_animated` (what Discord
/// takes on writes), else from an `emoji` object sent as read.
fn option_emoji(o: &serde_json::Map<String, Value>) -> Value {
    let by_parts = o.contains_key("emoji_id") || o.contains_key("emoji_name");
    if !by_parts && let Some(emoji) = o.get("emoji").filter(|e| e.is_object()) {
        return json!({
            "id": emoji.get("id").cloned().unwrap_or(Value::Null),
            "name": emoji.get("name").cloned().unwrap_or(Value::Null),
            "animated": emoji.get("animated").cloned().unwrap_or(json!(false)),
        });
    }
    json!({
        "id": f(o, "emoji_id", Value::Null),
        "name": f(o, "emoji_name", Value::Null),
        "animated": f(o, "emoji_animated", json!(false)),
    })
}
