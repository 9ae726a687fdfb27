//! Webhooks: create, list (of a channel, of a guild), get, modify and delete (with the bot
//! token or the webhook's), execute (also Slack- and GitHub-compatible), and the messages a
//! webhook sent (get, edit, delete); each change published as `WEBHOOKS_UPDATE`. Interaction
//! follow-ups use the same routes with an application's id (`interaction.rs`).
//! <https://discord.com/developers/docs/resources/webhook>

use asyncord_model::route::{self, Method};
use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::channel::messages::{apply_edit, attachments, check_message, remove};
use super::form::{check_len, merge, sid};
use super::request::{Answer, Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::{id_of, render};

pub(super) const ROUTES: &[Route] = &[
    on(&route::CREATE_WEBHOOK, |ctx| {
        Ok(create(ctx, ctx.id("channel_id")?))
    }),
    on(&route::GET_CHANNEL_WEBHOOKS, |ctx| {
        let c = ctx.id("channel_id")?;
        let list: Vec<Value> = ctx
            .world
            .lock()
            .webhooks
            .values()
            .filter(|w| w["channel_id"] == sid(c))
            .cloned()
            .collect();
        Ok(Reply::ok(Value::Array(list)))
    }),
    on(&route::GET_GUILD_WEBHOOKS, of_guild),
    on(&route::GET_WEBHOOK, get),
    on(&route::GET_WEBHOOK_WITH_TOKEN, get),
    on(&route::MODIFY_WEBHOOK, modify),
    on(&route::MODIFY_WEBHOOK_WITH_TOKEN, modify),
    on(&route::DELETE_WEBHOOK, delete),
    on(&route::DELETE_WEBHOOK_WITH_TOKEN, delete),
    on(&route::EXECUTE_WEBHOOK, |ctx| {
        let (_, hook) = webhook(ctx)?;
        Ok(execute(ctx, &hook))
    }),
    on(&route::EXECUTE_SLACK_COMPATIBLE_WEBHOOK, |ctx| {
        known_by_token(ctx)?;
        // Slack-compatible execution answers "ok"
        Ok(Reply::ok(json!("ok")))
    }),
    on(&route::EXECUTE_GITHUB_COMPATIBLE_WEBHOOK, |ctx| {
        known_by_token(ctx)?;
        Ok(Reply::no_content())
    }),
    on(&route::GET_WEBHOOK_MESSAGE, webhook_message),
    on(&route::EDIT_WEBHOOK_MESSAGE, webhook_message),
    on(&route::DELETE_WEBHOOK_MESSAGE, webhook_message),
];

fn create(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 1, 80, true) {
        return r;
    }
    let Some(channel) = ctx.world.channel(c) else {
        return unknown::channel();
    };
    let name = ctx.str_field("name").unwrap_or_default();
    if name.to_lowercase().contains("discord") || name.to_lowercase().contains("clyde") {
        return Reply::form_error(
            "name",
            "WEBHOOK_INVALID_NAME",
            "Webhook names cannot contain 'discord' or 'clyde'.",
        );
    }
    let id = ctx.world.next_id();
    let token = format!("wtoken-{:032x}", fastrand::u128(..));
    let webhook = json!({
        "id": id.to_string(), "type": 1, "guild_id": channel["guild_id"], "channel_id": c.to_string(),
        "user": ctx.bot_user(), "name": name, "avatar": null, "token": token, "application_id": null,
        "url": format!("https://discord.com/api/webhooks/{id}/{token}"),
    });
    ctx.world.lock().webhooks.insert(id, webhook.clone());
    updated(ctx, &webhook);
    ctx.audit(id_of(&webhook, "guild_id"), 50, id);
    Reply::ok(webhook)
}

fn updated(ctx: &Ctx<'_>, w: &Value) {
    let g = id_of(w, "guild_id");
    ctx.world.publish(
        "WEBHOOKS_UPDATE",
        json!({"guild_id": w["guild_id"], "channel_id": w["channel_id"]}),
        g,
        Intents::GUILD_WEBHOOKS,
    );
}

/// The webhook, checking the token when one is given (`Err` is the reply to send).
fn find(ctx: &Ctx<'_>, w: Snowflake, token: Option<&str>) -> Result<Value, Reply> {
    let hook = ctx
        .world
        .lock()
        .webhooks
        .get(&w)
        .cloned()
        .ok_or_else(unknown::webhook)?;
    match token {
        Some(t) if hook["token"].as_str() != Some(t) => {
            Err(Reply::error(401, 50027, "Invalid Webhook Token"))
        }
        _ => Ok(hook),
    }
}

/// The route's webhook, checked against the route's token when it has one (`Err` is the reply
/// to send).
fn webhook(ctx: &Ctx<'_>) -> Result<(Snowflake, Value), Reply> {
    let w = ctx.id("webhook_id")?;
    let hook = find(ctx, w, ctx.param("webhook_token").ok())?;
    Ok((w, hook))
}

/// Whether the route's webhook exists with the route's token: the Slack- and GitHub-compatible
/// routes answer "Unknown Webhook" otherwise.
fn known_by_token(ctx: &Ctx<'_>) -> Result<(), Reply> {
    let w = ctx.id("webhook_id")?;
    let token = ctx.param("webhook_token")?;
    let known = ctx
        .world
        .lock()
        .webhooks
        .get(&w)
        .is_some_and(|hook| hook["token"].as_str() == Some(token));
    if known {
        Ok(())
    } else {
        Err(unknown::webhook())
    }
}

fn of_guild(ctx: &Ctx<'_>) -> Answer {
    let g = ctx.id("guild_id")?;
    let state = ctx.world.lock();
    if !state.guilds.contains_key(&g) {
        return Err(unknown::guild());
    }
    let list: Vec<Value> = state
        .webhooks
        .values()
        .filter(|v| v["guild_id"] == sid(g) || v["guild_id"]["id"] == sid(g))
        .cloned()
        .collect();
    Ok(Reply::ok(Value::Array(list)))
}

fn get(ctx: &Ctx<'_>) -> Answer {
    let (_, mut out) = webhook(ctx)?;
    if ctx.param("webhook_token").is_ok()
        && let Some(o) = out.as_object_mut()
    {
        o.remove("user");
    }
    Ok(Reply::ok(out))
}

fn modify(ctx: &Ctx<'_>) -> Answer {
    let (w, _) = webhook(ctx)?;
    check_len(&ctx.body, "name", 1, 80, false)?;
    let mut state = ctx.world.lock();
    let Some(stored) = state.webhooks.get_mut(&w) else {
        return Err(unknown::webhook());
    };
    let allowed: &[&str] = if ctx.param("webhook_token").is_ok() {
        &["name", "avatar"]
    } else {
        &["name", "avatar", "channel_id"]
    };
    merge(stored, &ctx.obj(), allowed);
    let out = stored.clone();
    drop(state);
    updated(ctx, &out);
    Ok(Reply::ok(out))
}

fn delete(ctx: &Ctx<'_>) -> Answer {
    let (w, hook) = webhook(ctx)?;
    ctx.world.lock().webhooks.remove(&w);
    updated(ctx, &hook);
    ctx.audit(id_of(&hook, "guild_id"), 52, w);
    Ok(Reply::no_content())
}

pub(crate) fn target_channel(ctx: &Ctx<'_>, default: Snowflake) -> Snowflake {
    ctx.q_u64("thread_id").map_or(default, Snowflake::new)
}

fn execute(ctx: &Ctx<'_>, hook: &Value) -> Reply {
    let (Some(w), Some(c)) = (id_of(hook, "id"), id_of(hook, "channel_id")) else {
        return unknown::webhook();
    };
    let files = ctx
        .files
        .iter()
        .filter(|p| p.name.starts_with("files["))
        .count();
    if let Err(r) = check_message(&ctx.body, files, true) {
        return r;
    }
    let c = target_channel(ctx, c);
    let atts = match attachments(ctx, &ctx.body, c) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let author = json!({
        "id": w.to_string(), "username": ctx.str_field("username").unwrap_or_else(|| hook["name"].as_str().unwrap_or("webhook")),
        "avatar": null, "discriminator": "0000", "bot": true, "public_flags": 0, "flags": 0,
        "global_name": null, "primary_guild": null,
    });
    let Some(msg) = ctx
        .world
        .insert_message(c, &author, &ctx.obj(), &atts, Some(w))
    else {
        return unknown::channel();
    };
    if ctx.q("wait") == Some("true") {
        Reply::ok(msg)
    } else {
        Reply::no_content()
    }
}

/// A message sent by webhook (or application) `w`, found in its channel or a thread.
fn owned_message(ctx: &Ctx<'_>, w: Snowflake, m: Snowflake) -> Option<Snowflake> {
    let state = ctx.world.lock();
    state
        .messages
        .iter()
        .find(|(_, ms)| ms.get(&m).is_some_and(|msg| msg["webhook_id"] == sid(w)))
        .map(|(c, _)| *c)
}

fn webhook_message(ctx: &Ctx<'_>) -> Answer {
    let m = ctx.id("message_id")?;
    let (w, _) = webhook(ctx)?;
    Ok(message_op(ctx, w, m))
}

/// GET, PATCH or DELETE (the operation's method) of message `m`, sent by webhook or application
/// `w`.
pub(crate) fn message_op(ctx: &Ctx<'_>, w: Snowflake, m: Snowflake) -> Reply {
    let Some(c) = owned_message(ctx, w, m) else {
        return unknown::message();
    };
    match ctx.operation.method() {
        Method::Get => {
            let state = ctx.world.lock();
            state
                .messages
                .get(&c)
                .and_then(|ms| ms.get(&m))
                .map_or_else(unknown::message, |msg| {
                    Reply::ok(render(&state, msg, ctx.bot_id()))
                })
        }
        Method::Patch => apply_edit(ctx, c, m, None),
        Method::Delete => {
            remove(ctx.world, c, m);
            Reply::no_content()
        }
        Method::Post | Method::Put => unknown::route(),
    }
}
