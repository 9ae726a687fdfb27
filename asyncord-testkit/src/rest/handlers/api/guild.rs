//! Emulator routes under `/guilds/{id}`: emojis, scheduled events, auto
//! moderation, audit log, templates, soundboard, voice, integrations, prune, widget,
//! onboarding, welcome screen, vanity URL, preview, incident actions, search, join requests,
//! role member counts, adding a member.
//!
//! Objects the world has (the guild, its members, channels, roles, audit log) are read from
//! it; the others are answered from the request (created objects echo the body with a new id).

use asyncord_model::Snowflake;
use serde_json::{Value, json};

use super::super::Ctx;
use super::objects::{
    complete_user, emoji, event, f, regions, rule, s, sound, template, user, voice_state,
};
use crate::rest::reply::{Reply, unknown};
use crate::world::{audit_log_entry, now};

// one route per arm reads as the route table; some answers coincide
#[allow(clippy::match_same_arms)]
pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<String> = ctx.segs.to_vec();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    if segs.first() != Some(&"guilds") {
        return None;
    }
    if let ["guilds", "templates", code] = segs.as_slice() {
        if ctx.method != "GET" {
            return None;
        }
        let g = ctx.world.lock().guilds.keys().next().copied()?;
        return Some(Reply::ok(template(ctx, g, code, &serde_json::Map::new())));
    }
    let g = ctx.id(1)?;
    let rest = &segs[2..];
    let known = matches!(
        rest.first().copied(),
        Some(
            "emojis"
                | "scheduled-events"
                | "auto-moderation"
                | "audit-logs"
                | "templates"
                | "soundboard-sounds"
                | "regions"
                | "voice-states"
                | "integrations"
                | "prune"
                | "widget"
                | "widget.json"
                | "widget.png"
                | "onboarding"
                | "welcome-screen"
                | "new-member-welcome"
                | "vanity-url"
                | "preview"
                | "incident-actions"
                | "messages"
                | "requests"
        )
    ) || rest == ["roles", "member-counts"]
        || (rest.first() == Some(&"members") && rest.len() == 2 && ctx.method == "PUT");
    if !known {
        return None;
    }
    if ctx.world.guild(g).is_none() {
        return Some(unknown::guild());
    }
    let body = ctx.obj();
    let id = |i: usize| ctx.id(i);
    Some(match (ctx.method, rest) {
        // emojis
        ("GET", ["emojis"]) => Reply::ok(json!([emoji(ctx, ctx.world.next_id(), &body)])),
        ("POST", ["emojis"]) => {
            let e = ctx.world.next_id();
            ctx.audit(Some(g), 60, e);
            Reply::created(emoji(ctx, e, &body))
        }
        ("GET" | "PATCH", ["emojis", _]) => Reply::ok(emoji(ctx, id(3)?, &body)),
        ("DELETE", ["emojis", _]) => Reply::no_content(),
        // scheduled events
        ("GET", ["scheduled-events"]) => {
            Reply::ok(json!([event(ctx, g, ctx.world.next_id(), &body)]))
        }
        ("POST", ["scheduled-events"]) => {
            let e = ctx.world.next_id();
            ctx.audit(Some(g), 100, e);
            Reply::ok(event(ctx, g, e, &body))
        }
        ("GET" | "PATCH", ["scheduled-events", _]) => Reply::ok(event(ctx, g, id(3)?, &body)),
        ("DELETE", ["scheduled-events", _] | ["scheduled-events", _, "exceptions", _]) => {
            Reply::no_content()
        }
        ("POST" | "PATCH", ["scheduled-events", _, "exceptions", ..]) => Reply::ok(json!({
            "event_id": id(3)?.to_string(),
            "event_exception_id": ctx.id(5).unwrap_or_else(|| ctx.world.next_id()).to_string(),
            "scheduled_start_time": f(&body, "scheduled_start_time", now()),
            "scheduled_end_time": f(&body, "scheduled_end_time", Value::Null),
            "is_canceled": f(&body, "is_canceled", json!(false)),
        })),
        ("GET", ["scheduled-events", _, "users", "counts"]) => Reply::ok(json!({
            "guild_scheduled_event_count": 1, "guild_scheduled_event_exception_counts": {},
        })),
        ("GET", ["scheduled-events", _, "users"] | ["scheduled-events", _, _, "users"]) => {
            let e = id(3)?;
            let mut u = json!({
                "guild_scheduled_event_id": e.to_string(), "user_id": ctx.bot_id().to_string(),
                "user": user(ctx, ctx.bot_id()), "response": 1,
            });
            if rest.len() == 4 {
                u["guild_scheduled_event_exception_id"] = json!(id(4)?.to_string());
            }
            Reply::ok(json!([u]))
        }
        // auto moderation
        ("GET", ["auto-moderation", "rules"]) => {
            Reply::ok(json!([rule(ctx, g, ctx.world.next_id(), &body)]))
        }
        ("POST", ["auto-moderation", "rules"]) => {
            let r = ctx.world.next_id();
            ctx.audit(Some(g), 140, r);
            Reply::ok(rule(ctx, g, r, &body))
        }
        ("GET" | "PATCH", ["auto-moderation", "rules", _]) => {
            Reply::ok(rule(ctx, g, id(4)?, &body))
        }
        ("DELETE", ["auto-moderation", "rules", _]) => Reply::no_content(),
        ("GET", ["audit-logs"]) => audit_log(ctx, g),
        // templates
        ("GET", ["templates"]) => Reply::ok(json!([template(ctx, g, "tmpl", &body)])),
        ("POST", ["templates"]) => {
            let code = format!("t{}", ctx.world.next_id());
            Reply::ok(template(ctx, g, &code, &body))
        }
        ("PUT" | "PATCH" | "DELETE", ["templates", code]) => {
            Reply::ok(template(ctx, g, code, &body))
        }
        // soundboard
        ("GET", ["soundboard-sounds"]) => {
            Reply::ok(json!({"items": [sound(ctx, Some(g), ctx.world.next_id(), &body)]}))
        }
        ("POST", ["soundboard-sounds"]) => {
            let id = ctx.world.next_id();
            Reply::created(sound(ctx, Some(g), id, &body))
        }
        ("GET" | "PATCH", ["soundboard-sounds", _]) => {
            Reply::ok(sound(ctx, Some(g), id(3)?, &body))
        }
        ("DELETE", ["soundboard-sounds", _]) => Reply::no_content(),
        // voice
        ("GET", ["regions"]) => Reply::ok(regions()),
        ("GET", ["voice-states", "@me"]) => Reply::ok(voice_state(g, ctx.bot_id(), None)),
        ("GET", ["voice-states", _]) => Reply::ok(voice_state(g, id(3)?, None)),
        ("PATCH", ["voice-states", _]) => Reply::no_content(),
        // integrations, prune
        ("GET", ["integrations"]) => Reply::ok(json!([{
            "type": "discord", "name": "TestBot", "account": {"id": ctx.bot_id().to_string(), "name": "TestBot"},
            "enabled": true, "id": ctx.bot_id().to_string(),
            "application": {"id": ctx.bot_id().to_string(), "name": "TestBot", "icon": null, "description": "", "type": null},
            "scopes": ["bot", "applications.commands"], "user": user(ctx, ctx.bot_id()),
        }])),
        ("DELETE", ["integrations", _]) => Reply::no_content(),
        ("GET", ["prune"]) => Reply::ok(json!({"pruned": 0})),
        ("POST", ["prune"]) => {
            let compute = body.get("compute_prune_count").and_then(Value::as_bool) != Some(false);
            Reply::ok(json!({"pruned": if compute { json!(0) } else { Value::Null }}))
        }
        // widget
        ("GET" | "PATCH", ["widget"]) => {
            let doc = settings(ctx, g, "widget", body);
            Reply::ok(json!({
                "enabled": f(&doc, "enabled", json!(false)),
                "channel_id": f(&doc, "channel_id", Value::Null),
            }))
        }
        ("GET", ["widget.json"]) => {
            let name = ctx
                .world
                .guild(g)
                .and_then(|v| v["name"].as_str().map(str::to_owned));
            Reply::ok(json!({
                "id": g.to_string(), "name": name.unwrap_or_default(), "instant_invite": null,
                "channels": [], "members": [], "presence_count": 0,
            }))
        }
        ("GET", ["widget.png"]) => Reply::ok(Value::String(String::new())),
        // onboarding, welcome screen, new member welcome
        ("GET" | "PUT", ["onboarding"]) => {
            let mut body = body;
            if let Some(prompts) = body.get("prompts") {
                let shaped = onboarding_prompts(ctx, prompts);
                body.insert("prompts".into(), shaped);
            }
            let doc = settings(ctx, g, "onboarding", body);
            Reply::ok(json!({
                "guild_id": g.to_string(), "prompts": f(&doc, "prompts", json!([])),
                "default_channel_ids": f(&doc, "default_channel_ids", json!([])),
                "enabled": f(&doc, "enabled", json!(false)), "mode": f(&doc, "mode", json!(0)),
            }))
        }
        ("GET" | "PATCH", ["welcome-screen"]) => {
            let doc = settings(ctx, g, "welcome-screen", body);
            Reply::ok(json!({
                "description": f(&doc, "description", Value::Null),
                "welcome_channels": f(&doc, "welcome_channels", json!([])),
            }))
        }
        ("GET", ["new-member-welcome"]) => Reply::ok(json!({
            "guild_id": g.to_string(), "enabled": false,
            "new_member_actions": [], "resource_channels": [],
        })),
        ("GET", ["vanity-url"]) => Reply::ok(json!({"code": null, "uses": 0})),
        ("GET", ["preview"]) => preview(ctx, g),
        ("PUT", ["incident-actions"]) => {
            let doc = settings(ctx, g, "incident-actions", body);
            Reply::ok(json!({
                "invites_disabled_until": f(&doc, "invites_disabled_until", Value::Null),
                "dms_disabled_until": f(&doc, "dms_disabled_until", Value::Null),
            }))
        }
        ("GET", ["messages", "search"]) => search(ctx, g),
        ("GET", ["requests"]) => Reply::ok(json!({"total": 0, "guild_join_requests": []})),
        ("PATCH", ["requests", _]) => Reply::ok(json!({
            "id": id(3)?.to_string(), "created_at": now(), "reviewed_at": now(),
            "application_status": s(&body, "action", "APPROVED"), "rejection_reason": f(&body, "rejection_reason", Value::Null),
            "guild_id": g.to_string(), "user_id": ctx.bot_id().to_string(),
        })),
        ("GET", ["roles", "member-counts"]) => member_counts(ctx, g),
        ("PUT", ["members", _]) => add_member(ctx, g, id(3)?),
        _ => return None,
    })
}

fn audit_log(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let gid = g.to_string();
    let limit = ctx.q_u64("limit").unwrap_or(50).clamp(1, 100) as usize;
    let entries: Vec<Value> = ctx
        .world
        .audit_log()
        .into_iter()
        .rev()
        .filter(|e| e["guild_id"].as_str() == Some(gid.as_str()))
        .filter(|e| {
            ctx.q("action_type")
                .is_none_or(|a| e["action_type"].as_u64() == a.parse().ok())
        })
        .filter(|e| {
            ctx.q("user_id")
                .is_none_or(|u| e["user_id"].as_str() == Some(u))
        })
        .take(limit)
        .map(|e| audit_log_entry(&e))
        .collect();
    let mut users: Vec<Value> = Vec::new();
    for e in &entries {
        if let Some(u) = e["user_id"].as_str().and_then(|u| u.parse().ok()) {
            let v = user(ctx, u);
            if !users.contains(&v) {
                users.push(v);
            }
        }
    }
    Reply::ok(json!({
        "audit_log_entries": entries, "users": users, "integrations": [], "webhooks": [],
        "guild_scheduled_events": [], "threads": [], "application_commands": [],
        "auto_moderation_rules": [],
    }))
}

fn preview(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return unknown::guild();
    };
    let v = &guild.guild;
    Reply::ok(json!({
        "id": g.to_string(), "name": v["name"], "icon": v.get("icon").cloned().unwrap_or(Value::Null),
        "description": v.get("description").cloned().unwrap_or(Value::Null), "home_header": null,
        "splash": null, "discovery_splash": null, "features": v.get("features").cloned().unwrap_or(json!([])),
        "approximate_member_count": guild.members.len(), "approximate_presence_count": 0,
        "emojis": [], "stickers": [],
    }))
}

fn search(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let content = ctx.q("content").unwrap_or_default().to_lowercase();
    let state = ctx.world.lock();
    let mut found = Vec::new();
    for (cid, c) in &state.channels {
        if c["guild_id"].as_str() != Some(g.to_string().as_str()) {
            continue;
        }
        if let Some(msgs) = state.messages.get(cid) {
            for m in msgs.values().rev() {
                let text = m["content"].as_str().unwrap_or_default().to_lowercase();
                if text.contains(&content) {
                    let mut m = m.clone();
                    complete_user(&mut m["author"]);
                    found.push(json!([m]));
                }
            }
        }
    }
    let limit = ctx.q_u64("limit").unwrap_or(25).clamp(1, 25) as usize;
    let total = found.len();
    found.truncate(limit);
    Reply::ok(json!({
        "messages": found, "doing_deep_historical_index": false, "total_results": total,
    }))
}

fn member_counts(ctx: &Ctx<'_>, g: Snowflake) -> Reply {
    let state = ctx.world.lock();
    let Some(guild) = state.guilds.get(&g) else {
        return unknown::guild();
    };
    let mut counts = serde_json::Map::new();
    for r in guild.roles.keys() {
        let rs = r.to_string();
        let n = guild
            .members
            .values()
            .filter(|m| {
                m["roles"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(rs.as_str())))
            })
            .count();
        counts.insert(rs, json!(n));
    }
    Reply::ok(Value::Object(counts))
}

fn add_member(ctx: &Ctx<'_>, g: Snowflake, u: Snowflake) -> Reply {
    if ctx.str_field("access_token").is_none() {
        return Reply::form_error(
            "access_token",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        );
    }
    if ctx.world.member(g, u).is_some() {
        return Reply::no_content();
    }
    if ctx.world.user(u).is_none() {
        return unknown::user();
    }
    ctx.world.add_member(g, u);
    match ctx.world.member(g, u) {
        Some(mut m) => {
            complete_user(&mut m["user"]);
            for k in [
                "avatar",
                "banner",
                "communication_disabled_until",
                "nick",
                "premium_since",
            ] {
                if m.get(k).is_none() {
                    m[k] = Value::Null;
                }
            }
            if m.get("flags").is_none() {
                m["flags"] = json!(0);
            }
            if m.get("pending").is_none() {
                m["pending"] = json!(false);
            }
            Reply::created(m)
        }
        None => unknown::member(),
    }
}

/// The guild's settings document `name` as stored, after merging a write's `body` into it
/// (a GET only reads).
fn settings(
    ctx: &Ctx<'_>,
    g: Snowflake,
    name: &'static str,
    body: serde_json::Map<String, Value>,
) -> serde_json::Map<String, Value> {
    let mut state = ctx.world.lock();
    let doc = state.guild_settings.entry((g, name)).or_default();
    if ctx.method != "GET" {
        doc.extend(body);
    }
    doc.clone()
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
