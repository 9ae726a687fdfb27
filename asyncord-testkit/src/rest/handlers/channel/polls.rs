//! Polls: who voted for an answer (the bot), and ending a poll now (the bot's own).
//! <https://discord.com/developers/docs/resources/poll>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::{complete_user, now};

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_ANSWER_VOTERS, |ctx| {
        Ok(Reply::ok(json!({"users": [ctx.user(ctx.bot_id())]})))
    }),
    on(&route::END_POLL, |ctx| {
        Ok(expire_poll(
            ctx,
            ctx.id("channel_id")?,
            ctx.id("message_id")?,
        ))
    }),
];

fn expire_poll(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    let Some(msg) = state.messages.get_mut(&c).and_then(|ms| ms.get_mut(&m)) else {
        return unknown::message();
    };
    if msg.get("poll").is_none_or(Value::is_null) {
        return Reply::error(400, 520_001, "Message has no poll");
    }
    if msg["author"]["id"].as_str() != Some(ctx.bot_id().to_string().as_str()) {
        return Reply::error(403, 50013, "Missing Permissions");
    }
    // the poll ends now, in the world too
    let poll = &mut msg["poll"];
    poll["expiry"] = now();
    for (k, v) in [
        ("allow_multiselect", json!(false)),
        ("layout_type", json!(1)),
    ] {
        if poll.get(k).is_none() {
            poll[k] = v;
        }
    }
    if let Some(answers) = poll["answers"].as_array_mut() {
        for (i, a) in answers.iter_mut().enumerate() {
            if a.get("answer_id").is_none() {
                a["answer_id"] = json!(i + 1);
            }
        }
    }
    if poll.get("results").is_none_or(Value::is_null) {
        poll["results"] = json!({"answer_counts": []});
    }
    poll["results"]["is_finalized"] = json!(true);
    let mut out = msg.clone();
    drop(state);
    complete_user(&mut out["author"]);
    Reply::ok(out)
}
