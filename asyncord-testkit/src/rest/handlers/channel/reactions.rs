//! Reactions: add and remove the bot's own, remove someone's, list who reacted, remove all or
//! all of one emoji; each change published as `MESSAGE_REACTION_*`.
//! <https://discord.com/developers/docs/resources/message#create-reaction>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::form::limit;
use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::{emoji_json, message_intents};

pub(crate) const ROUTES: &[Route] = &[
    on(&route::CREATE_REACTION, |ctx| {
        let (c, m) = message(ctx)?;
        Ok(react(
            ctx,
            c,
            m,
            ctx.param("emoji_name")?,
            ctx.bot_id(),
            true,
        ))
    }),
    on(&route::DELETE_OWN_REACTION, |ctx| {
        let (c, m) = message(ctx)?;
        Ok(react(
            ctx,
            c,
            m,
            ctx.param("emoji_name")?,
            ctx.bot_id(),
            false,
        ))
    }),
    on(&route::DELETE_USER_REACTION, |ctx| {
        let (c, m) = message(ctx)?;
        let e = ctx.param("emoji_name")?;
        Ok(match ctx.param("user_id")?.parse() {
            Ok(user) => react(ctx, c, m, e, user, false),
            Err(_) => unknown::user(),
        })
    }),
    on(&route::GET_REACTIONS, |ctx| {
        let (_, m) = message(ctx)?;
        Ok(users(ctx, m, ctx.param("emoji_name")?))
    }),
    on(&route::DELETE_ALL_REACTIONS_FOR_EMOJI, |ctx| {
        let (c, m) = message(ctx)?;
        Ok(clear(ctx, c, m, Some(ctx.param("emoji_name")?)))
    }),
    on(&route::DELETE_ALL_REACTIONS, |ctx| {
        let (c, m) = message(ctx)?;
        Ok(clear(ctx, c, m, None))
    }),
];

/// The route's channel and message, of a message the world has (`Err`: "Unknown Channel" or
/// "Unknown Message").
fn message(ctx: &Ctx<'_>) -> Result<(Snowflake, Snowflake), Reply> {
    let (c, m) = (ctx.id("channel_id")?, ctx.id("message_id")?);
    if ctx.world.message(c, m).is_none() {
        return Err(if ctx.world.channel(c).is_none() {
            unknown::channel()
        } else {
            unknown::message()
        });
    }
    Ok((c, m))
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
    let n = limit(ctx, 25, 100);
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
