//! Threads: start (from a message, without one, in a forum or media channel with its first
//! message), join and leave, members, archived lists, search.
//! <https://discord.com/developers/docs/resources/channel#start-thread-from-message>

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::messages::{attachments, check_message};
use crate::rest::handlers::form::{check_len, limit, sid};
use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::{id_of, is_thread, now};

pub(crate) const ROUTES: &[Route] = &[
    on(&route::START_THREAD_FROM_MESSAGE, |ctx| {
        let c = ctx.id("channel_id")?;
        Ok(start(ctx, c, ctx.id("message_id").ok()))
    }),
    on(&route::START_THREAD_WITHOUT_MESSAGE, |ctx| {
        Ok(start(ctx, ctx.id("channel_id")?, None))
    }),
    on(&route::JOIN_THREAD, |ctx| {
        Ok(join(ctx, ctx.id("channel_id")?, ctx.bot_id(), true))
    }),
    on(&route::LEAVE_THREAD, |ctx| {
        Ok(join(ctx, ctx.id("channel_id")?, ctx.bot_id(), false))
    }),
    on(&route::ADD_THREAD_MEMBER, |ctx| {
        Ok(join(ctx, ctx.id("channel_id")?, ctx.id("user_id")?, true))
    }),
    on(&route::REMOVE_THREAD_MEMBER, |ctx| {
        Ok(join(ctx, ctx.id("channel_id")?, ctx.id("user_id")?, false))
    }),
    on(&route::GET_THREAD_MEMBER, |ctx| {
        Ok(member(ctx, ctx.id("channel_id")?, ctx.id("user_id")?))
    }),
    on(&route::LIST_THREAD_MEMBERS, |ctx| {
        Ok(members(ctx, ctx.id("channel_id")?))
    }),
    on(&route::LIST_PUBLIC_ARCHIVED_THREADS, |ctx| {
        Ok(archived(ctx, ctx.id("channel_id")?, false, false))
    }),
    on(&route::LIST_PRIVATE_ARCHIVED_THREADS, |ctx| {
        Ok(archived(ctx, ctx.id("channel_id")?, true, false))
    }),
    on(&route::LIST_JOINED_PRIVATE_ARCHIVED_THREADS, |ctx| {
        Ok(archived(ctx, ctx.id("channel_id")?, true, true))
    }),
    on(&route::SEARCH_THREADS, |_| {
        Ok(Reply::ok(json!({
            "threads": [], "members": [], "has_more": false, "total_results": 0,
        })))
    }),
];

fn thread_member(thread: Snowflake, user: Snowflake) -> Value {
    json!({"id": thread.to_string(), "user_id": user.to_string(), "join_timestamp": now(), "flags": 0})
}

fn start(ctx: &Ctx<'_>, c: Snowflake, from: Option<Snowflake>) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 1, 100, true) {
        return r;
    }
    let Some(parent) = ctx.world.channel(c) else {
        return unknown::channel();
    };
    if is_thread(&parent) {
        return Reply::error(400, 50024, "Cannot execute action on this channel type");
    }
    let forum = matches!(parent["type"].as_u64(), Some(15 | 16));
    let first = if forum {
        let Some(msg) = ctx.body.get("message") else {
            return Reply::form_error("message", "BASE_TYPE_REQUIRED", "This field is required");
        };
        if let Err(r) = check_message(msg, ctx.files.len(), true) {
            return r;
        }
        Some(msg.as_object().cloned().unwrap_or_default())
    } else {
        None
    };
    if let Some(m) = from
        && ctx.world.message(c, m).is_none()
    {
        return unknown::message();
    }
    let id = from.unwrap_or_else(|| ctx.world.next_id());
    let kind = match (from, parent["type"].as_u64()) {
        (Some(_), Some(5)) => 10,
        (None, _) if !forum => ctx.body.get("type").and_then(Value::as_u64).unwrap_or(12),
        _ => 11,
    };
    let guild_id = id_of(&parent, "guild_id");
    let mut thread = json!({
        "id": id.to_string(), "type": kind, "guild_id": parent["guild_id"], "parent_id": parent["id"],
        "owner_id": ctx.bot_id().to_string(), "name": ctx.body["name"], "last_message_id": null,
        "rate_limit_per_user": ctx.body.get("rate_limit_per_user").cloned().unwrap_or(json!(0)),
        "message_count": 0, "member_count": 1, "total_message_sent": 0, "flags": 0,
        "applied_tags": ctx.body.get("applied_tags").cloned().unwrap_or(json!([])),
        "thread_metadata": {
            "archived": false, "locked": false, "archive_timestamp": now(), "create_timestamp": now(),
            "auto_archive_duration": ctx.body.get("auto_archive_duration").cloned().unwrap_or(json!(1440)),
            "invitable": ctx.body.get("invitable").cloned().unwrap_or(json!(true)),
        },
        "member": thread_member(id, ctx.bot_id()),
    });
    {
        let mut state = ctx.world.lock();
        state.channels.insert(id, thread.clone());
        state.thread_members.insert(id, vec![ctx.bot_id()]);
        if let Some(m) = from
            && let Some(msg) = state.messages.get_mut(&c).and_then(|ms| ms.get_mut(&m))
        {
            msg["thread"] = thread.clone();
            msg["flags"] = json!(msg["flags"].as_u64().unwrap_or(0) | 32);
        }
    }
    let mut event = thread.clone();
    event["newly_created"] = json!(true);
    ctx.world
        .publish("THREAD_CREATE", event, guild_id, Intents::GUILDS);
    if let Some(body) = first {
        let atts = match attachments(ctx, &ctx.body["message"], id) {
            Ok(a) => a,
            Err(r) => return r,
        };
        if let Some(msg) = ctx
            .world
            .insert_message(id, &ctx.bot_user(), &body, &atts, None)
        {
            thread["message"] = msg;
        }
    }
    ctx.audit(guild_id, 110, id);
    Reply::created(thread)
}

fn join(ctx: &Ctx<'_>, t: Snowflake, user: Snowflake, add: bool) -> Reply {
    let mut state = ctx.world.lock();
    let Some(thread) = state.channels.get(&t) else {
        return unknown::channel();
    };
    if !is_thread(thread) {
        return Reply::error(400, 50024, "Cannot execute action on this channel type");
    }
    let guild_id = id_of(thread, "guild_id");
    if !state.users.contains_key(&user) {
        return unknown::user();
    }
    let list = state.thread_members.entry(t).or_default();
    let had = list.contains(&user);
    if add && !had {
        list.push(user);
    } else if !add {
        list.retain(|u| *u != user);
    }
    let count = list.len();
    if let Some(th) = state.channels.get_mut(&t) {
        th["member_count"] = json!(count);
    }
    drop(state);
    if had != add {
        let mut event = json!({"id": t.to_string(), "guild_id": guild_id.map(|g| g.to_string()), "member_count": count});
        if add {
            event["added_members"] = json!([thread_member(t, user)]);
        } else {
            event["removed_member_ids"] = json!([user.to_string()]);
        }
        ctx.world.publish(
            "THREAD_MEMBERS_UPDATE",
            event,
            guild_id,
            Intents::GUILD_MEMBERS,
        );
    }
    Reply::no_content()
}

fn member(ctx: &Ctx<'_>, t: Snowflake, user: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.thread_members.get(&t) {
        Some(list) if list.contains(&user) => Reply::ok(thread_member(t, user)),
        Some(_) => unknown::member(),
        None => unknown::channel(),
    }
}

fn members(ctx: &Ctx<'_>, t: Snowflake) -> Reply {
    let state = ctx.world.lock();
    let Some(list) = state.thread_members.get(&t) else {
        return if state.channels.contains_key(&t) {
            Reply::ok(json!([]))
        } else {
            unknown::channel()
        };
    };
    let n = limit(ctx, 100, 100);
    let after = ctx.q_u64("after").unwrap_or(0);
    let with_member = ctx.q("with_member") == Some("true");
    let guild_id = state.guild_of(t);
    let out: Vec<Value> = list
        .iter()
        .filter(|u| u.get() > after)
        .take(n)
        .map(|u| {
            let mut m = thread_member(t, *u);
            if with_member
                && let Some(member) =
                    guild_id.and_then(|g| state.guilds.get(&g)?.members.get(u).cloned())
            {
                m["member"] = member;
            }
            m
        })
        .collect();
    Reply::ok(Value::Array(out))
}

fn archived(ctx: &Ctx<'_>, c: Snowflake, private: bool, joined: bool) -> Reply {
    let state = ctx.world.lock();
    if !state.channels.contains_key(&c) {
        return unknown::channel();
    }
    let n = limit(ctx, 50, 100);
    let me = ctx.bot_id();
    let threads: Vec<Value> = state
        .channels
        .values()
        .filter(|t| t["parent_id"] == sid(c) && t["thread_metadata"]["archived"] == json!(true))
        .filter(|t| (t["type"] == json!(12)) == private)
        .filter(|t| {
            !joined
                || id_of(t, "id").is_some_and(|id| {
                    state
                        .thread_members
                        .get(&id)
                        .is_some_and(|l| l.contains(&me))
                })
        })
        .cloned()
        .collect();
    let has_more = threads.len() > n;
    let threads: Vec<Value> = threads.into_iter().take(n).collect();
    Reply::ok(json!({"threads": threads, "members": [], "has_more": has_more}))
}
