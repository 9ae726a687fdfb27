//! JSON builders for the objects these routes answer with, in the shape Discord's
//! OpenAPI spec declares (nullable fields present as `null`).

use asyncord_model::Snowflake;
use serde_json::{Map, Value, json};

use super::super::Ctx;
use crate::world::now;

/// A user object from the world with the fields the spec requires filled in.
pub(crate) fn user(ctx: &Ctx<'_>, id: Snowflake) -> Value {
    let mut u = ctx.world.user(id).unwrap_or_else(
        || json!({"id": id.to_string(), "username": "unknown", "discriminator": "0"}),
    );
    complete_user(&mut u);
    u
}

/// Adds the nullable user fields the spec requires (`primary_guild`, `global_name`...).
pub(crate) fn complete_user(u: &mut Value) {
    if let Some(o) = u.as_object_mut() {
        for (k, v) in [
            ("avatar", Value::Null),
            ("global_name", Value::Null),
            ("primary_guild", Value::Null),
            ("public_flags", json!(0)),
            ("flags", json!(0)),
            ("discriminator", json!("0")),
        ] {
            o.entry(k).or_insert(v);
        }
    }
}

/// A string field of the body, or `default`.
pub(crate) fn s<'a>(body: &'a Map<String, Value>, k: &str, default: &'a str) -> &'a str {
    body.get(k).and_then(Value::as_str).unwrap_or(default)
}

/// A field of the body, or `default`.
pub(crate) fn f(body: &Map<String, Value>, k: &str, default: Value) -> Value {
    body.get(k).cloned().unwrap_or(default)
}

/// A custom emoji.
pub(crate) fn emoji(ctx: &Ctx<'_>, id: Snowflake, body: &Map<String, Value>) -> Value {
    json!({
        "id": id.to_string(), "name": s(body, "name", "emoji"),
        "roles": body.get("roles").filter(|r| r.is_array()).cloned().unwrap_or_else(|| json!([])),
        "user": user(ctx, ctx.bot_id()),
        "require_colons": true, "managed": false, "animated": false, "available": true,
    })
}

/// A scheduled event (external, entity type 3, unless the body says otherwise).
pub(crate) fn event(
    ctx: &Ctx<'_>,
    g: Snowflake,
    id: Snowflake,
    body: &Map<String, Value>,
) -> Value {
    let kind = body.get("entity_type").and_then(Value::as_u64).unwrap_or(3);
    let start = f(body, "scheduled_start_time", now());
    let end = f(
        body,
        "scheduled_end_time",
        if kind == 3 {
            start.clone()
        } else {
            Value::Null
        },
    );
    let metadata = if kind == 3 {
        json!({"location": body.get("entity_metadata").and_then(|m| m.get("location")).and_then(Value::as_str).unwrap_or("Online")})
    } else {
        json!({})
    };
    json!({
        "id": id.to_string(), "guild_id": g.to_string(), "name": s(body, "name", "event"),
        "description": f(body, "description", Value::Null),
        "channel_id": f(body, "channel_id", Value::Null),
        "creator_id": ctx.bot_id().to_string(), "creator": user(ctx, ctx.bot_id()),
        "image": null, "scheduled_start_time": start, "scheduled_end_time": end,
        "status": f(body, "status", json!(1)), "entity_type": kind, "entity_id": null,
        "recurrence_rule": null, "user_count": 1,
        "privacy_level": f(body, "privacy_level", json!(2)),
        "guild_scheduled_event_exceptions": [], "entity_metadata": metadata,
    })
}

/// An auto moderation rule (keyword trigger unless the body says otherwise).
pub(crate) fn rule(ctx: &Ctx<'_>, g: Snowflake, id: Snowflake, body: &Map<String, Value>) -> Value {
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

/// A guild template of guild `g`.
pub(crate) fn template(
    ctx: &Ctx<'_>,
    g: Snowflake,
    code: &str,
    body: &Map<String, Value>,
) -> Value {
    let guild = ctx.world.guild(g).unwrap_or_else(|| json!({}));
    json!({
        "code": code, "name": s(body, "name", "template"),
        "description": f(body, "description", Value::Null), "usage_count": 0,
        "creator_id": ctx.bot_id().to_string(), "creator": user(ctx, ctx.bot_id()),
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

/// A soundboard sound of guild `g` (`None` for a default sound).
pub(crate) fn sound(
    ctx: &Ctx<'_>,
    g: Option<Snowflake>,
    id: Snowflake,
    body: &Map<String, Value>,
) -> Value {
    let mut v = json!({
        "name": s(body, "name", "quack"), "sound_id": id.to_string(),
        "volume": f(body, "volume", json!(1.0)), "emoji_id": f(body, "emoji_id", Value::Null),
        "emoji_name": f(body, "emoji_name", Value::Null), "available": true,
    });
    if let Some(g) = g {
        v["guild_id"] = json!(g.to_string());
        v["user"] = user(ctx, ctx.bot_id());
    }
    v
}

/// An entitlement of application `app`.
pub(crate) fn entitlement(app: Snowflake, id: Snowflake, body: &Map<String, Value>) -> Value {
    let owner = f(body, "owner_id", json!("1"));
    let guild_owner = body.get("owner_type").and_then(Value::as_u64) == Some(1);
    json!({
        "id": id.to_string(), "sku_id": f(body, "sku_id", json!("1")),
        "application_id": app.to_string(),
        "user_id": if guild_owner { json!("1") } else { owner.clone() },
        "guild_id": if guild_owner { owner } else { Value::Null },
        "deleted": false, "starts_at": null, "ends_at": null, "type": 8, "consumed": false,
    })
}

/// A subscription to SKU `sku`.
pub(crate) fn subscription(id: Snowflake, sku: Snowflake, user: &str) -> Value {
    json!({
        "id": id.to_string(), "user_id": user, "sku_ids": [sku.to_string()],
        "renewal_sku_ids": null, "entitlement_ids": [], "current_period_start": now(),
        "current_period_end": now(), "status": 0, "canceled_at": null,
    })
}

/// A voice state of `user_id` in guild `g`.
pub(crate) fn voice_state(g: Snowflake, user_id: Snowflake, channel: Option<Snowflake>) -> Value {
    json!({
        "channel_id": channel.map(|c| c.to_string()), "deaf": false, "guild_id": g.to_string(),
        "mute": false, "request_to_speak_timestamp": null, "suppress": false,
        "self_stream": false, "self_deaf": false, "self_mute": false, "self_video": false,
        "session_id": format!("session-{user_id}"), "user_id": user_id.to_string(),
    })
}

/// The voice regions Discord lists.
pub(crate) fn regions() -> Value {
    json!([
        {"id": "rotterdam", "name": "Rotterdam", "custom": false, "deprecated": false, "optimal": true},
        {"id": "us-east", "name": "US East", "custom": false, "deprecated": false, "optimal": false},
    ])
}
