//! Interactions: the callback (the first response; an ephemeral one is kept out of the channel
//! and dispatched to nobody), the original response and the follow-up messages, which use the
//! webhook routes with the application's id and the interaction's token (ephemeral ones are
//! reached only there).
//! <https://discord.com/developers/docs/interactions/receiving-and-responding>

use asyncord_model::Snowflake;
use asyncord_model::route::{self, Method};
use serde_json::{Value, json};

use super::channel::messages::{
    apply_edit, apply_ephemeral_edit, attachments, check_message, remove_ephemeral,
};
use super::form::check_len;
use super::request::{Answer, Ctx, Route, on};
use super::webhook::{message_op, target_channel};
use crate::rest::reply::{Reply, unknown};
use crate::world::{EPHEMERAL, LOADING};

pub(super) const ROUTES: &[Route] = &[
    on(&route::CREATE_INTERACTION_RESPONSE, |ctx| {
        let id = ctx.id("interaction_id")?;
        Ok(callback(ctx, id, ctx.param("interaction_token")?))
    }),
    on(&route::GET_ORIGINAL_INTERACTION_RESPONSE, original),
    on(&route::EDIT_ORIGINAL_INTERACTION_RESPONSE, original),
    on(&route::DELETE_ORIGINAL_INTERACTION_RESPONSE, original),
    on(&route::CREATE_FOLLOWUP_MESSAGE, create_followup),
    on(&route::GET_FOLLOWUP_MESSAGE, followup),
    on(&route::EDIT_FOLLOWUP_MESSAGE, followup),
    on(&route::DELETE_FOLLOWUP_MESSAGE, followup),
];

/// The interaction of the route's token, sent to the route's application (`Err`: "Unknown
/// Webhook", as Discord answers a token it does not know).
fn interaction(ctx: &Ctx<'_>) -> Result<crate::world::Interaction, Reply> {
    let app = ctx.id("webhook_id")?;
    let token = ctx.param("webhook_token")?;
    let found = ctx.world.lock().interactions.get(token).cloned();
    match found {
        Some(interaction) if interaction.application_id == app => Ok(interaction),
        _ => Err(unknown::webhook()),
    }
}

fn create_followup(ctx: &Ctx<'_>) -> Answer {
    let interaction = interaction(ctx)?;
    let (app, token) = (interaction.application_id, ctx.param("webhook_token")?);
    if !interaction.responded {
        return Err(unknown::webhook());
    }
    let files = ctx
        .files
        .iter()
        .filter(|p| p.name.starts_with("files["))
        .count();
    check_message(&ctx.body, files, true)?;
    let atts = attachments(ctx, &ctx.body, interaction.channel_id)?;
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
    Ok(inserted.map_or_else(unknown::channel, Reply::ok))
}

fn original(ctx: &Ctx<'_>) -> Answer {
    let interaction = interaction(ctx)?;
    match interaction.original {
        Some(m) => Ok(interaction_message_op(ctx, &interaction, m)),
        None => Err(unknown::message()),
    }
}

fn followup(ctx: &Ctx<'_>) -> Answer {
    let interaction = interaction(ctx)?;
    let m = ctx.id("message_id")?;
    Ok(interaction_message_op(ctx, &interaction, m))
}

/// GET / PATCH / DELETE (the operation's method) of an interaction's message: an ephemeral one
/// of this interaction is served from the ephemeral store (no dispatch), any other from its
/// channel.
fn interaction_message_op(
    ctx: &Ctx<'_>,
    interaction: &crate::world::Interaction,
    m: Snowflake,
) -> Reply {
    let token = ctx.param("webhook_token").unwrap_or_default();
    let ephemeral = ctx.world.lock().ephemeral.get(&m).map(|e| e.token == token);
    match ephemeral {
        None => message_op(ctx, interaction.application_id, m),
        Some(false) => unknown::message(),
        Some(true) => match ctx.operation.method() {
            Method::Get => ctx
                .world
                .ephemeral_message(m)
                .map_or_else(unknown::message, Reply::ok),
            Method::Patch => apply_ephemeral_edit(ctx, m),
            Method::Delete => {
                remove_ephemeral(ctx.world, m);
                Reply::no_content()
            }
            Method::Post | Method::Put => unknown::route(),
        },
    }
}

fn callback(ctx: &Ctx<'_>, id: Snowflake, token: &str) -> Reply {
    let Some(interaction) = ctx.world.lock().interactions.get(token).cloned() else {
        return unknown::interaction();
    };
    if interaction.id != id {
        return unknown::interaction();
    }
    if interaction.responded {
        return Reply::error(400, 40060, "Interaction has already been acknowledged.");
    }
    let kind = ctx.body.get("type").and_then(Value::as_u64);
    let data = ctx.body.get("data").cloned().unwrap_or(Value::Null);
    let mut message = None;
    let ephemeral = data
        .get("flags")
        .and_then(Value::as_u64)
        .is_some_and(|f| f & EPHEMERAL != 0);
    match kind {
        Some(4 | 5) => {
            let loading = kind == Some(5);
            if !loading && let Err(r) = check_message(&data, ctx.files.len(), true) {
                return r;
            }
            let atts = match attachments(ctx, &data, interaction.channel_id) {
                Ok(a) => a,
                Err(r) => return r,
            };
            let mut body = data.as_object().cloned().unwrap_or_default();
            if loading {
                body.insert(
                    "flags".into(),
                    json!(LOADING | data.get("flags").and_then(Value::as_u64).unwrap_or(0)),
                );
            }
            let author = ctx
                .world
                .lock()
                .bot_by_app(interaction.application_id)
                .map_or(Value::Null, |b| b.user.clone());
            // An ephemeral response is seen only by the user: kept apart, no MESSAGE_CREATE.
            let inserted = if ephemeral {
                ctx.world.insert_ephemeral(
                    interaction.channel_id,
                    &author,
                    &body,
                    &atts,
                    interaction.application_id,
                    token,
                )
            } else {
                ctx.world.insert_message(
                    interaction.channel_id,
                    &author,
                    &body,
                    &atts,
                    Some(interaction.application_id),
                )
            };
            let Some(mut msg) = inserted else {
                return unknown::channel();
            };
            msg["interaction_metadata"] = json!({"id": id.to_string(), "type": 2, "user": interaction.user,
                "authorizing_integration_owners": {}});
            if let Some(mid) = msg["id"].as_str().and_then(|s| s.parse::<Snowflake>().ok()) {
                let mut state = ctx.world.lock();
                let stored = if ephemeral {
                    state.ephemeral.get_mut(&mid).map(|e| &mut e.message)
                } else {
                    state
                        .messages
                        .get_mut(&interaction.channel_id)
                        .and_then(|m| m.get_mut(&mid))
                };
                if let Some(stored) = stored {
                    stored["interaction_metadata"] = msg["interaction_metadata"].clone();
                }
                if let Some(i) = state.interactions.get_mut(token) {
                    i.original = Some(mid);
                }
            }
            message = Some(msg);
        }
        Some(7) => {
            // UPDATE_MESSAGE edits the message the component is on, like a PATCH would.
            let Some(mid) = interaction.message_id else {
                return Reply::error(
                    400,
                    40_043,
                    "UPDATE_MESSAGE is only valid for component and modal interactions on a message",
                );
            };
            let edit = Ctx {
                world: ctx.world,
                config: ctx.config,
                operation: ctx.operation,
                params: ctx.params,
                query: ctx.query,
                body: data.clone(),
                files: ctx.files.clone(),
                bot: ctx.bot.clone(),
                reason: ctx.reason.clone(),
            };
            // On an ephemeral message the edit stays private (no MESSAGE_UPDATE).
            let on_ephemeral = ctx.world.lock().ephemeral.contains_key(&mid);
            let reply = if on_ephemeral {
                apply_ephemeral_edit(&edit, mid)
            } else {
                apply_edit(&edit, interaction.channel_id, mid, None)
            };
            if reply.status >= 300 {
                return reply;
            }
        }
        Some(1 | 6 | 8) => {}
        Some(9) => {
            if let Err(r) = check_len(&data, "title", 1, 45, true)
                .and_then(|()| check_len(&data, "custom_id", 1, 100, true))
            {
                return r;
            }
        }
        _ => {
            return Reply::form_error(
                "type",
                "BASE_TYPE_CHOICES",
                "Value must be one of (1, 4, 5, 6, 7, 8, 9, 10, 12).",
            );
        }
    }
    if let Some(i) = ctx.world.lock().interactions.get_mut(token) {
        i.responded = true;
    }
    if ctx.q("with_response") == Some("true") {
        let mut resource = json!({"type": kind});
        if let Some(m) = &message {
            resource["message"] = m.clone();
        }
        return Reply::ok(json!({
            "interaction": {"id": id.to_string(), "type": 2, "response_message_id": message.as_ref().map(|m| m["id"].clone()),
                "response_message_loading": kind == Some(5), "response_message_ephemeral": message.is_some() && ephemeral},
            "resource": resource,
        }));
    }
    Reply::no_content()
}
