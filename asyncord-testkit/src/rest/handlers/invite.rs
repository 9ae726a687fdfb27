//! Invites: get (with counts), delete, and the target users of an invite.
//! <https://discord.com/developers/docs/resources/invite>

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::now;

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_INVITE, |ctx| {
        Ok(invite(ctx, ctx.param("code")?, false))
    }),
    on(&route::DELETE_INVITE, |ctx| {
        Ok(invite(ctx, ctx.param("code")?, true))
    }),
    on(&route::GET_INVITE_TARGET_USERS, |_| {
        Ok(Reply::ok(Value::String("user_id\n".into())))
    }),
    on(&route::UPDATE_INVITE_TARGET_USERS, |_| {
        Ok(Reply::no_content())
    }),
    on(&route::GET_INVITE_TARGET_USERS_JOB_STATUS, |_| {
        Ok(Reply::ok(json!({
            "status": 2, "total_users": 0, "processed_users": 0, "created_at": now(),
            "completed_at": now(), "error_message": null,
        })))
    }),
];

fn invite(ctx: &Ctx<'_>, code: &str, delete: bool) -> Reply {
    let mut state = ctx.world.lock();
    let found = if delete {
        state.invites.remove(code)
    } else {
        state.invites.get(code).cloned()
    };
    drop(state);
    let Some(mut inv) = found else {
        return unknown::invite();
    };
    let guild_id = inv["guild"]["id"]
        .as_str()
        .and_then(|s| s.parse::<Snowflake>().ok());
    if delete {
        ctx.world.publish(
            "INVITE_DELETE",
            json!({"channel_id": inv["channel"]["id"], "guild_id": inv["guild"]["id"], "code": code}),
            guild_id,
            Intents::GUILD_INVITES,
        );
        ctx.audit(guild_id, 42, code);
    } else if ctx.q("with_counts") == Some("true") {
        let members = guild_id
            .and_then(|g| ctx.world.lock().guilds.get(&g).map(|g| g.members.len()))
            .unwrap_or(0);
        inv["approximate_member_count"] = json!(members);
        inv["approximate_presence_count"] = json!(0);
    }
    Reply::ok(inv)
}
