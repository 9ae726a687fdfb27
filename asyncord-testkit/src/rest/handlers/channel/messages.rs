//! Messages: list, get, create (JSON or multipart), edit, delete, bulk delete, crosspost; the
//! message checks, attachments, edits and deletes that webhooks, threads and interactions share
//! (ephemeral interaction messages are kept out of the channel, with no dispatch).
//! <https://discord.com/developers/docs/resources/message>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::form::{check_len, limit, merge};
use crate::rest::handlers::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::World;
use crate::world::{
    EPHEMERAL, LOADING, UnknownReference, message_event, message_reference, now, render,
};

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_CHANNEL_MESSAGES, |ctx| {
        Ok(list(ctx, ctx.id("channel_id")?))
    }),
    on(&route::CREATE_MESSAGE, |ctx| {
        Ok(create(ctx, ctx.id("channel_id")?))
    }),
    on(&route::BULK_DELETE_MESSAGES, |ctx| {
        Ok(bulk_delete(ctx, ctx.id("channel_id")?))
    }),
    on(&route::GET_CHANNEL_MESSAGE, |ctx| {
        Ok(get(ctx, ctx.id("channel_id")?, ctx.id("message_id")?))
    }),
    on(&route::EDIT_MESSAGE, |ctx| {
        Ok(edit(ctx, ctx.id("channel_id")?, ctx.id("message_id")?))
    }),
    on(&route::DELETE_MESSAGE, |ctx| {
        Ok(delete(ctx, ctx.id("channel_id")?, ctx.id("message_id")?))
    }),
    on(&route::CROSSPOST_MESSAGE, |ctx| {
        Ok(crosspost(ctx, ctx.id("channel_id")?, ctx.id("message_id")?))
    }),
];

/// Builds the attachment objects of the uploaded `files[n]` parts, matched by the body's
/// `attachments[].id` (the file index) for descriptions.
pub(crate) fn attachments(
    ctx: &Ctx<'_>,
    body: &Value,
    channel_id: Snowflake,
) -> Result<Vec<Value>, Reply> {
    let meta = body
        .get("attachments")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut out = Vec::new();
    for part in &ctx.files {
        let Some(index) = part
            .name
            .strip_prefix("files[")
            .and_then(|s| s.strip_suffix(']'))
        else {
            continue;
        };
        let id = ctx.world.next_id();
        let filename = part
            .filename
            .clone()
            .unwrap_or_else(|| format!("file{index}"));
        let description = meta
            .iter()
            .find(|m| {
                m["id"].as_str() == Some(index)
                    || m["id"].as_u64().map(|n| n.to_string()).as_deref() == Some(index)
            })
            .and_then(|m| m.get("description").cloned());
        let url = format!("https://cdn.discordapp.com/attachments/{channel_id}/{id}/{filename}");
        let mut a = json!({
            "id": id.to_string(), "filename": filename, "size": part.data.len(),
            "url": url, "proxy_url": url,
            "content_type": part.content_type.clone().unwrap_or_else(|| "application/octet-stream".into()),
        });
        if let Some(d) = description {
            a["description"] = d;
        }
        out.push(a);
    }
    for m in &meta {
        let id = m["id"]
            .as_str()
            .map(str::to_owned)
            .or_else(|| m["id"].as_u64().map(|n| n.to_string()));
        if let Some(id) = id
            && id.len() < 4
            && !ctx.files.iter().any(|p| p.name == format!("files[{id}]"))
        {
            return Err(Reply::form_error(
                "attachments",
                "ATTACHMENT_NOT_FOUND",
                &format!("Attachment {id} has no file"),
            ));
        }
    }
    Ok(out)
}

/// Discord's checks on a message body (create or edit).
pub(crate) fn check_message(body: &Value, files: usize, create: bool) -> Result<(), Reply> {
    check_len(body, "content", 0, 2000, false)?;
    let embeds = body
        .get("embeds")
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice);
    if embeds.len() > 10 {
        return Err(Reply::form_error(
            "embeds",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 10 or fewer in length.",
        ));
    }
    for (i, e) in embeds.iter().enumerate() {
        if e.get("title")
            .and_then(Value::as_str)
            .is_some_and(|t| t.chars().count() > 256)
        {
            return Err(Reply::form_error(
                &format!("embeds.{i}.title"),
                "BASE_TYPE_MAX_LENGTH",
                "Must be 256 or fewer in length.",
            ));
        }
        if e.get("description")
            .and_then(Value::as_str)
            .is_some_and(|t| t.chars().count() > 4096)
        {
            return Err(Reply::form_error(
                &format!("embeds.{i}.description"),
                "BASE_TYPE_MAX_LENGTH",
                "Must be 4096 or fewer in length.",
            ));
        }
    }
    let has = |k: &str| match body.get(k) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(_) => true,
    };
    if create
        && files == 0
        && !["content", "embeds", "sticker_ids", "components", "poll"]
            .iter()
            .any(|k| has(k))
    {
        return Err(Reply::error(400, 50006, "Cannot send an empty message"));
    }
    Ok(())
}

fn list(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let state = ctx.world.lock();
    if !state.channels.contains_key(&c) {
        return unknown::channel();
    }
    let n = limit(ctx, 50, 100);
    let empty = std::collections::BTreeMap::default();
    let all = state.messages.get(&c).unwrap_or(&empty);
    let pick: Vec<&Value> = if let Some(before) = ctx.q_u64("before") {
        let mut v: Vec<_> = all
            .range(..Snowflake::new(before))
            .rev()
            .take(n)
            .map(|(_, m)| m)
            .collect();
        v.truncate(n);
        v
    } else if let Some(after) = ctx.q_u64("after") {
        let mut v: Vec<_> = all
            .range(Snowflake::new(after.saturating_add(1))..)
            .take(n)
            .map(|(_, m)| m)
            .collect();
        v.reverse();
        v
    } else if let Some(around) = ctx.q_u64("around") {
        let around = Snowflake::new(around);
        let mut v: Vec<_> = all
            .range(around..)
            .take(n.div_ceil(2))
            .map(|(_, m)| m)
            .collect();
        v.reverse();
        v.extend(all.range(..around).rev().take(n / 2).map(|(_, m)| m));
        v
    } else {
        all.values().rev().take(n).collect()
    };
    Reply::ok(Value::Array(
        pick.into_iter()
            .map(|m| render(&state, m, ctx.bot_id()))
            .collect(),
    ))
}

fn get(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake) -> Reply {
    let state = ctx.world.lock();
    if !state.channels.contains_key(&c) {
        return unknown::channel();
    }
    match state.messages.get(&c).and_then(|ms| ms.get(&m)) {
        Some(msg) => Reply::ok(render(&state, msg, ctx.bot_id())),
        None => unknown::message(),
    }
}

fn create(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    if ctx.world.channel(c).is_none() {
        return unknown::channel();
    }
    let files = ctx
        .files
        .iter()
        .filter(|p| p.name.starts_with("files["))
        .count();
    if let Err(r) = check_message(&ctx.body, files, true) {
        return r;
    }
    if let Some(reference) = ctx.body.get("message_reference").filter(|r| r.is_object())
        && let Err(UnknownReference) = message_reference(&ctx.world.lock(), c, reference)
    {
        return Reply::form_error(
            "message_reference",
            "MESSAGE_REFERENCE_UNKNOWN_MESSAGE",
            "Unknown message",
        );
    }
    let atts = match attachments(ctx, &ctx.body, c) {
        Ok(a) => a,
        Err(r) => return r,
    };
    match ctx
        .world
        .insert_message(c, &ctx.bot_user(), &ctx.obj(), &atts, None)
    {
        Some(m) => Reply::ok(m),
        None => unknown::channel(),
    }
}

/// Applies an edit to a stored message and publishes `MESSAGE_UPDATE`; `author_check` rejects
/// edits of other users' messages as Discord does.
pub(crate) fn apply_edit(
    ctx: &Ctx<'_>,
    c: Snowflake,
    m: Snowflake,
    author_check: Option<Snowflake>,
) -> Reply {
    if let Err(r) = check_message(&ctx.body, 0, false) {
        return r;
    }
    let new_atts = match attachments(ctx, &ctx.body, c) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let mut state = ctx.world.lock();
    let Some(msg) = state.messages.get_mut(&c).and_then(|ms| ms.get_mut(&m)) else {
        return unknown::message();
    };
    if let Some(me) = author_check
        && msg["author"]["id"] != json!(me.to_string())
    {
        return Reply::error(403, 50005, "Cannot edit a message authored by another user");
    }
    merge_edit(msg, &ctx.obj(), new_atts);
    let out = msg.clone();
    let rendered = render(&state, &out, ctx.bot_id());
    let (event, guild_id) = message_event(&state, &rendered);
    drop(state);
    ctx.world.publish(
        "MESSAGE_UPDATE",
        event,
        guild_id,
        crate::world::message_intents(guild_id, false),
    );
    Reply::ok(rendered)
}

/// Applies an edit body to a stored message: the editable fields, kept and new attachments,
/// the edit time.
fn merge_edit(msg: &mut Value, body: &serde_json::Map<String, Value>, new_atts: Vec<Value>) {
    merge(
        msg,
        body,
        &[
            "content",
            "embeds",
            "flags",
            "components",
            "allowed_mentions",
            "poll",
        ],
    );
    if let Some(keep) = body.get("attachments").and_then(Value::as_array) {
        let kept: Vec<Value> = msg["attachments"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|x| keep.iter().any(|k| k["id"] == x["id"]))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        msg["attachments"] = Value::Array(kept.into_iter().chain(new_atts).collect());
    }
    if let Some(o) = msg.as_object_mut() {
        o.remove("allowed_mentions");
    }
    // An edit fills a deferred interaction response (callback type 5): it stops "thinking".
    if let Some(flags) = msg["flags"].as_u64() {
        msg["flags"] = json!(flags & !LOADING);
    }
    msg["edited_timestamp"] = now();
}

/// Edits the ephemeral interaction message `m` (it stays ephemeral) without any dispatch: only
/// the interaction's user sees it.
pub(crate) fn apply_ephemeral_edit(ctx: &Ctx<'_>, m: Snowflake) -> Reply {
    if let Err(r) = check_message(&ctx.body, 0, false) {
        return r;
    }
    let Some(c) = ctx.world.lock().ephemeral.get(&m).map(|e| e.channel_id) else {
        return unknown::message();
    };
    let new_atts = match attachments(ctx, &ctx.body, c) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let mut state = ctx.world.lock();
    let Some(stored) = state.ephemeral.get_mut(&m) else {
        return unknown::message();
    };
    let msg = &mut stored.message;
    merge_edit(msg, &ctx.obj(), new_atts);
    msg["flags"] = json!(msg["flags"].as_u64().unwrap_or(0) | EPHEMERAL);
    Reply::ok(msg.clone())
}

/// Deletes the ephemeral interaction message `m` (no dispatch); whether it existed.
pub(crate) fn remove_ephemeral(world: &World, m: Snowflake) -> bool {
    world.lock().ephemeral.remove(&m).is_some()
}

fn edit(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake) -> Reply {
    apply_edit(ctx, c, m, Some(ctx.bot_id()))
}

/// Removes a message and publishes `MESSAGE_DELETE`.
pub(crate) fn remove(world: &World, c: Snowflake, m: Snowflake) -> bool {
    let mut state = world.lock();
    let guild_id = state.guild_of(c);
    if state
        .messages
        .get_mut(&c)
        .and_then(|ms| ms.remove(&m))
        .is_none()
    {
        return false;
    }
    state.reactions.retain(|(id, _), _| *id != m);
    drop(state);
    let mut event = json!({"id": m.to_string(), "channel_id": c.to_string()});
    if let Some(g) = guild_id {
        event["guild_id"] = json!(g.to_string());
    }
    world.publish(
        "MESSAGE_DELETE",
        event,
        guild_id,
        crate::world::message_intents(guild_id, false),
    );
    true
}

fn delete(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake) -> Reply {
    if ctx.world.channel(c).is_none() {
        return unknown::channel();
    }
    if !remove(ctx.world, c, m) {
        return unknown::message();
    }
    ctx.audit(ctx.world.guild_of(c), 72, m);
    Reply::no_content()
}

fn bulk_delete(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let Some(ids) = ctx.body.get("messages").and_then(Value::as_array) else {
        return Reply::form_error("messages", "BASE_TYPE_REQUIRED", "This field is required");
    };
    let mut parsed: Vec<Snowflake> = ids
        .iter()
        .filter_map(|v| v.as_str()?.parse().ok())
        .collect();
    parsed.sort_unstable();
    parsed.dedup();
    if !(2..=100).contains(&ids.len()) || parsed.len() != ids.len() {
        return Reply::form_error(
            "messages",
            "BASE_TYPE_BAD_LENGTH",
            "Must be between 2 and 100 unique ids.",
        );
    }
    let mut state = ctx.world.lock();
    let guild_id = state.guild_of(c);
    let Some(ms) = state.messages.get_mut(&c) else {
        return unknown::channel();
    };
    for id in &parsed {
        ms.remove(id);
    }
    drop(state);
    let mut event = json!({"ids": parsed.iter().map(ToString::to_string).collect::<Vec<_>>(), "channel_id": c.to_string()});
    if let Some(g) = guild_id {
        event["guild_id"] = json!(g.to_string());
    }
    ctx.world.publish(
        "MESSAGE_DELETE_BULK",
        event,
        guild_id,
        crate::world::message_intents(guild_id, false),
    );
    ctx.audit(guild_id, 73, c);
    Reply::no_content()
}

fn crosspost(ctx: &Ctx<'_>, c: Snowflake, m: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    match state.channels.get(&c) {
        None => return unknown::channel(),
        Some(ch) if ch["type"] != json!(5) => {
            return Reply::error(400, 50024, "Cannot execute action on this channel type");
        }
        Some(_) => {}
    }
    let Some(msg) = state.messages.get_mut(&c).and_then(|ms| ms.get_mut(&m)) else {
        return unknown::message();
    };
    msg["flags"] = json!(msg["flags"].as_u64().unwrap_or(0) | 1);
    let out = msg.clone();
    Reply::ok(render(&state, &out, ctx.bot_id()))
}
