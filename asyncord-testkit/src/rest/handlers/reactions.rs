//! Reactions: add/remove own, remove someone's, list users, remove all / all of one emoji.
//! <https://discord.com/developers/docs/resources/message#create-reaction>

use asyncord_model::Snowflake;
use serde_json::{Value, json};

use super::Ctx;
use crate::rest::reply::{Reply, unknown};
use crate::world::{emoji_json, message_intents};

pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<&str> = ctx.segs.iter().map(String::as_str).collect();
    let ["channels", _, "messages", _, "reactions", rest @ ..] = segs.as_slice() else {
        return None;
    };
    let (c, m) = (ctx.id(1)?, ctx.id(3)?);
    if ctx.world.message(c, m).is_none() {
        return Some(if ctx.world.channel(c).is_none() {
            unknown::channel()
        } else {
            unknown::message()
        });
    }
    Some(match (ctx.method, rest) {
        ("PUT", [e, "@me"]) => react(ctx, c, m, e, ctx.bot_id(), true),
        ("DELETE", [e, "@me"]) => react(ctx, c, m, e, ctx.bot_id(), false),
        ("DELETE", [e, u]) => match u.parse() {
            Ok(user) => react(ctx, c, m, e, user, false),
            Err(_) => unknown::user(),
        },
        ("GET", [e]) => users(ctx, m, e),
        ("DELETE", [e]) => clear(ctx, c, m, Some(e)),
        ("DELETE", []) => clear(ctx, c, m, None),
        _ => return None,
    })
}

fn valid_emoji(e: &str) -> bool {
    !e.is_empty()
        && (e
            .rsplit_once(':')
            .is_none_or(|(n, id)| !n.is_empty() && id.parse::<u64>().is_ok()))
}

fn event_base(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake) -> (Value, Option<Snowflake>) {
    let guild_id = ctx.world.guild_of(c);
    let mut v = json!({"channel_id": c.to_string(), "message_id": m.to_string()});
    if let Some(g) = guild_id {
        v["guild_id"] = json!(g.to_string());
    }
    (v, guild_id)
}

fn react(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake, e: &str, user: Snowflake, add: bool) -> Reply {
    if !valid_emoji(e) {
        return unknown::emoji();
    }
    match ctx.world.set_reaction(c, m, user, e, add) {
        Some(_) => Reply::no_content(),
        None => unknown::message(),
    }
}

fn users(ctx: &Ctx<'_>, m: Snowflake, e: &str) -> Reply {
    let state = ctx.world.lock();
    let n = super::limit(ctx, 25, 100);
    let after = ctx.q_u64("after").unwrap_or(0);
    let list: Vec<Value> = state
        .reactions
        .get(&(m, e.to_owned()))
        .map(|us| {
            let mut us = us.clone();
            us.sort_unstable();
            us.into_iter()
                .filter(|u| u.get() > after)
                .take(n)
                .filter_map(|u| state.users.get(&u).cloned())
                .collect()
        })
        .unwrap_or_default();
    Reply::ok(Value::Array(list))
}

fn clear(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake, e: Option<&str>) -> Reply {
    ctx.world
        .lock()
        .reactions
        .retain(|(id, k), _| *id != m || e.is_some_and(|e| e != k));
    let (mut event, guild_id) = event_base(ctx, c, m);
    let name = match e {
        Some(e) => {
            event["emoji"] = emoji_json(e);
            "MESSAGE_REACTION_REMOVE_EMOJI"
        }
        None => "MESSAGE_REACTION_REMOVE_ALL",
    };
    ctx.world
        .publish(name, event, guild_id, message_intents(guild_id, true));
    Reply::no_content()
}
