//! Searching a guild's messages by content.

use asyncord_model::route;
use serde_json::json;

use crate::rest::handlers::request::{Answer, Ctx, Route, on};
use crate::rest::reply::Reply;
use crate::world::complete_user;

pub(crate) const ROUTES: &[Route] = &[on(&route::SEARCH_GUILD_MESSAGES, search)];

fn search(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.known_guild()?;
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
    Ok(Reply::ok(json!({
        "messages": found, "doing_deep_historical_index": false, "total_results": total,
    })))
}
