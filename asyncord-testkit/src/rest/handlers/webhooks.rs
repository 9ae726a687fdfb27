//! Webhooks (create, list, get, modify, delete, execute, webhook messages) and interaction
//! follow-ups, which use the same `/webhooks/{application_id}/{token}` routes (ephemeral
//! responses and follow-ups are reached only there, with the interaction's token).
//! <https://discord.com/developers/docs/resources/webhook>

use asyncord_model::{Intents, Snowflake};
use serde_json::{Value, json};

use super::messages::{
    apply_edit, apply_ephemeral_edit, attachments, check_message, remove, remove_ephemeral,
};
use super::{Ctx, check_len, merge, sid};
use crate::rest::reply::{Reply, unknown};
use crate::world::{EPHEMERAL, id_of, render};

pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<&str> = ctx.segs.iter().map(String::as_str).collect();
    Some(match (ctx.method, segs.as_slice()) {
        ("POST", ["channels", _, "webhooks"]) => create(ctx, ctx.id(1)?),
        ("GET", ["channels", _, "webhooks"]) => {
            let c = ctx.id(1)?;
            let list: Vec<Value> = ctx
                .world
                .lock()
                .webhooks
                .values()
                .filter(|w| w["channel_id"] == sid(c))
                .cloned()
                .collect();
            Reply::ok(Value::Array(list))
        }
        (_, ["webhooks", _, token, rest @ ..])
            if ctx.id(1).is_some_and(|a| ctx.world.is_application(a)) =>
        {
            followup(ctx, ctx.id(1)?, token, rest)?
        }
        (m, ["webhooks", _]) => webhook(ctx, m, ctx.id(1)?, None)?,
        (m, ["webhooks", _, token]) => webhook(ctx, m, ctx.id(1)?, Some(token))?,
        (m, ["webhooks", _, token, "messages", _]) => {
            let (w, mid) = (ctx.id(1)?, ctx.id(4)?);
            webhook_message(ctx, m, w, token, mid)?
        }
        _ => return None,
    })
}

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

fn webhook(ctx: &Ctx<'_>, method: &str, w: Snowflake, token: Option<&str>) -> Option<Reply> {
    let hook = match find(ctx, w, token) {
        Ok(h) => h,
        Err(r) => return Some(r),
    };
    Some(match method {
        "GET" => {
            let mut out = hook;
            if token.is_some()
                && let Some(o) = out.as_object_mut()
            {
                o.remove("user");
            }
            Reply::ok(out)
        }
        "PATCH" => {
            if let Err(r) = check_len(&ctx.body, "name", 1, 80, false) {
                return Some(r);
            }
            let mut state = ctx.world.lock();
            let Some(stored) = state.webhooks.get_mut(&w) else {
                return Some(unknown::webhook());
            };
            let allowed: &[&str] = if token.is_some() {
                &["name", "avatar"]
            } else {
                &["name", "avatar", "channel_id"]
            };
            merge(stored, &ctx.obj(), allowed);
            let out = stored.clone();
            drop(state);
            updated(ctx, &out);
            Reply::ok(out)
        }
        "DELETE" => {
            ctx.world.lock().webhooks.remove(&w);
            updated(ctx, &hook);
            ctx.audit(id_of(&hook, "guild_id"), 52, w);
            Reply::no_content()
        }
        "POST" if token.is_some() => execute(ctx, &hook),
        _ => return None,
    })
}

fn target_channel(ctx: &Ctx<'_>, default: Snowflake) -> Snowflake {
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

fn webhook_message(
    ctx: &Ctx<'_>,
    method: &str,
    w: Snowflake,
    token: &str,
    m: Snowflake,
) -> Option<Reply> {
    if let Err(r) = find(ctx, w, Some(token)) {
        return Some(r);
    }
    message_op(ctx, method, w, m)
}

fn message_op(ctx: &Ctx<'_>, method: &str, w: Snowflake, m: Snowflake) -> Option<Reply> {
    let Some(c) = owned_message(ctx, w, m) else {
        return Some(unknown::message());
    };
    Some(match method {
        "GET" => {
            let state = ctx.world.lock();
            state
                .messages
                .get(&c)
                .and_then(|ms| ms.get(&m))
                .map_or_else(unknown::message, |msg| {
                    Reply::ok(render(&state, msg, ctx.bot_id()))
                })
        }
        "PATCH" => apply_edit(ctx, c, m, None),
        "DELETE" => {
            remove(ctx.world, c, m);
            Reply::no_content()
        }
        _ => return None,
    })
}

fn followup(ctx: &Ctx<'_>, app: Snowflake, token: &str, rest: &[&str]) -> Option<Reply> {
    let Some(interaction) = ctx.world.lock().interactions.get(token).cloned() else {
        return Some(unknown::webhook());
    };
    if interaction.application_id != app {
        return Some(unknown::webhook());
    }
    Some(match (ctx.method, rest) {
        ("POST", []) => {
            if !interaction.responded {
                return Some(unknown::webhook());
            }
            let files = ctx
                .files
                .iter()
                .filter(|p| p.name.starts_with("files["))
                .count();
            if let Err(r) = check_message(&ctx.body, files, true) {
                return Some(r);
            }
            let atts = match attachments(ctx, &ctx.body, interaction.channel_id) {
                Ok(a) => a,
                Err(r) => return Some(r),
            };
            let author = ctx
                .world
                .lock()
                .bot_by_app(app)
                .map_or(Value::Null, |b| b.user.clone());
            let c = target_channel(ctx, interaction.channel_id);
            let ephemeral = ctx
                .body
                .get("flags")
                .and_then(Value::as_u64)
                .is_some_and(|f| f & EPHEMERAL != 0);
            let inserted = if ephemeral {
                ctx.world
                    .insert_ephemeral(c, &author, &ctx.obj(), &atts, app, token)
            } else {
                ctx.world
                    .insert_message(c, &author, &ctx.obj(), &atts, Some(app))
            };
            match inserted {
                Some(msg) => Reply::ok(msg),
                None => unknown::channel(),
            }
        }
        (m, ["messages", "@original"]) => match interaction.original {
            Some(id) => interaction_message_op(ctx, m, app, token, id)?,
            None => unknown::message(),
        },
        (m, ["messages", id]) => interaction_message_op(ctx, m, app, token, id.parse().ok()?)?,
        _ => return None,
    })
}

/// GET / PATCH / DELETE of an interaction's message: an ephemeral one of this interaction is
/// served from the ephemeral store (no dispatch), any other from its channel.
fn interaction_message_op(
    ctx: &Ctx<'_>,
    method: &str,
    app: Snowflake,
    token: &str,
    m: Snowflake,
) -> Option<Reply> {
    let ephemeral = ctx.world.lock().ephemeral.get(&m).map(|e| e.token == token);
    match ephemeral {
        None => message_op(ctx, method, app, m),
        Some(false) => Some(unknown::message()),
        Some(true) => Some(match method {
            "GET" => ctx
                .world
                .ephemeral_message(m)
                .map_or_else(unknown::message, Reply::ok),
            "PATCH" => apply_ephemeral_edit(ctx, m),
            "DELETE" => {
                remove_ephemeral(ctx.world, m);
                Reply::no_content()
            }
            _ => return None,
        }),
    }
}
