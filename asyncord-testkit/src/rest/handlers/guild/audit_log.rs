//! The audit log: the entries the world wrote, filtered by action and user, with their users.
//! <https://discord.com/developers/docs/resources/audit-log#get-guild-audit-log>

use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;
use crate::world::audit_log_entry;

pub(crate) const ROUTES: &[Route] = &[on(&route::GET_GUILD_AUDIT_LOG, audit_log)];

fn audit_log(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
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
            let v = ctx.user(u);
            if !users.contains(&v) {
                users.push(v);
            }
        }
    }
    Ok(Reply::ok(json!({
        "audit_log_entries": entries, "users": users, "integrations": [], "webhooks": [],
        "guild_scheduled_events": [], "threads": [], "application_commands": [],
        "auto_moderation_rules": [],
    })))
}
