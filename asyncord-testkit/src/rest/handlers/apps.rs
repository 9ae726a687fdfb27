//! Applications (current application, OAuth2 info), application commands (global and guild,
//! bulk overwrite) and the interaction callback (an ephemeral response is kept out of the
//! channel and dispatched to nobody).
//! <https://discord.com/developers/docs/interactions/application-commands>,
//! <https://discord.com/developers/docs/interactions/receiving-and-responding>

use asyncord_model::Snowflake;
use serde_json::{Map, Value, json};

use super::messages::{attachments, check_message};
use super::{Ctx, check_len, merge, sid};
use crate::rest::reply::{Reply, unknown};
use crate::world::{EPHEMERAL, LOADING};

pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<&str> = ctx.segs.iter().map(String::as_str).collect();
    let a = ctx.id(1);
    Some(match (ctx.method, segs.as_slice()) {
        ("GET", ["applications", "@me"] | ["oauth2", "applications", "@me"]) => current(ctx),
        ("PATCH", ["applications", "@me"]) => modify_current(ctx),
        ("GET", ["oauth2", "@me"]) => {
            let app = current(ctx).body.unwrap_or(Value::Null);
            Reply::ok(
                json!({"application": app, "scopes": ["bot", "applications.commands"],
                "expires": "2099-01-01T00:00:00+00:00", "user": ctx.bot_user()}),
            )
        }
        ("GET", ["applications", _, "commands"]) => list(ctx, a?, None),
        ("POST", ["applications", _, "commands"]) => upsert(ctx, a?, None),
        ("PUT", ["applications", _, "commands"]) => overwrite(ctx, a?, None),
        ("GET", ["applications", _, "commands", _]) => get(ctx, a?, None, ctx.id(3)?),
        ("PATCH", ["applications", _, "commands", _]) => edit(ctx, a?, None, ctx.id(3)?),
        ("DELETE", ["applications", _, "commands", _]) => delete(ctx, a?, None, ctx.id(3)?),
        ("GET", ["applications", _, "guilds", _, "commands"]) => list(ctx, a?, ctx.id(3)),
        ("POST", ["applications", _, "guilds", _, "commands"]) => upsert(ctx, a?, ctx.id(3)),
        ("PUT", ["applications", _, "guilds", _, "commands"]) => overwrite(ctx, a?, ctx.id(3)),
        ("GET", ["applications", _, "guilds", _, "commands", _]) => {
            get(ctx, a?, ctx.id(3), ctx.id(5)?)
        }
        ("PATCH", ["applications", _, "guilds", _, "commands", _]) => {
            edit(ctx, a?, ctx.id(3), ctx.id(5)?)
        }
        ("DELETE", ["applications", _, "guilds", _, "commands", _]) => {
            delete(ctx, a?, ctx.id(3), ctx.id(5)?)
        }
        ("POST", ["interactions", _, token, "callback"]) => callback(ctx, ctx.id(1)?, token),
        _ => return None,
    })
}

fn current(ctx: &Ctx<'_>) -> Reply {
    let Some(bot) = &ctx.bot else {
        return Reply::error(401, 0, "401: Unauthorized");
    };
    ctx.world
        .lock()
        .applications
        .get(&bot.application_id.cast())
        .cloned()
        .map_or_else(|| Reply::unknown(10002, "Application"), Reply::ok)
}

fn modify_current(ctx: &Ctx<'_>) -> Reply {
    let Some(bot) = &ctx.bot else {
        return Reply::error(401, 0, "401: Unauthorized");
    };
    let mut state = ctx.world.lock();
    let Some(app) = state.applications.get_mut(&bot.application_id.cast()) else {
        return Reply::unknown(10002, "Application");
    };
    merge(
        app,
        &ctx.obj(),
        &[
            "description",
            "custom_install_url",
            "role_connections_verification_url",
            "install_params",
            "flags",
            "tags",
            "interactions_endpoint_url",
        ],
    );
    Reply::ok(app.clone())
}

/// Whether the calling bot owns application `a`.
fn owns(ctx: &Ctx<'_>, a: Snowflake) -> bool {
    ctx.bot.as_ref().is_some_and(|b| b.application_id == a)
}

fn scope_matches(c: &Value, a: Snowflake, g: Option<Snowflake>) -> bool {
    c["application_id"] == sid(a)
        && c.get("guild_id").cloned().unwrap_or(Value::Null) == g.map_or(Value::Null, sid)
}

fn list(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>) -> Reply {
    if !owns(ctx, a) {
        return Reply::error(403, 50001, "Missing Access");
    }
    let state = ctx.world.lock();
    Reply::ok(Value::Array(
        state
            .commands
            .values()
            .filter(|c| scope_matches(c, a, g))
            .cloned()
            .collect(),
    ))
}

fn get(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>, id: Snowflake) -> Reply {
    let state = ctx.world.lock();
    match state.commands.get(&id) {
        Some(c) if scope_matches(c, a, g) && owns(ctx, a) => Reply::ok(c.clone()),
        _ => unknown::command(),
    }
}

/// A command body's `type` (1, chat input, when absent or `null`).
fn command_type(body: &Value) -> Value {
    json!(body.get("type").and_then(Value::as_u64).unwrap_or(1))
}

/// Discord's checks on a command body.
fn check_command(body: &Value) -> Result<(), Reply> {
    check_len(body, "name", 1, 32, true)?;
    let kind = body.get("type").and_then(Value::as_u64).unwrap_or(1);
    let name = body["name"].as_str().unwrap_or_default();
    if kind == 1 {
        if name.chars().any(|c| c.is_uppercase() || c.is_whitespace()) {
            return Err(Reply::form_error(
                "name",
                "APPLICATION_COMMAND_INVALID_NAME",
                "Command name is invalid",
            ));
        }
        check_len(body, "description", 1, 100, true)?;
    }
    if body
        .get("options")
        .and_then(Value::as_array)
        .is_some_and(|o| o.len() > 25)
    {
        return Err(Reply::form_error(
            "options",
            "BASE_TYPE_MAX_LENGTH",
            "Must be 25 or fewer in length.",
        ));
    }
    Ok(())
}

fn build(
    ctx: &Ctx<'_>,
    a: Snowflake,
    g: Option<Snowflake>,
    id: Snowflake,
    body: &Map<String, Value>,
) -> Value {
    let mut c = json!({
        "id": id.to_string(), "application_id": a.to_string(), "version": ctx.world.next_id().to_string(),
        "type": 1, "name": "", "description": "", "default_member_permissions": null,
        "nsfw": false, "contexts": null, "integration_types": [0],
    });
    if let Some(g) = g {
        c["guild_id"] = sid(g);
    }
    merge(
        &mut c,
        body,
        &[
            "type",
            "name",
            "name_localizations",
            "description",
            "description_localizations",
            "options",
            "default_member_permissions",
            "nsfw",
            "contexts",
            "integration_types",
            "handler",
        ],
    );
    as_returned(&mut c);
    c
}

/// A command after a create or an edit, shaped as Discord returns it: a request's `null` (or
/// empty list) means "none" or "the default", never a `null` where the response has none —
/// `options` and `handler` are left out, `type`, `description`, `nsfw` and
/// `integration_types` take their defaults; `default_member_permissions` is a string.
/// <https://discord.com/developers/docs/interactions/application-commands#application-command-object>
fn as_returned(c: &mut Value) {
    let Some(o) = c.as_object_mut() else {
        return;
    };
    if o.get("options")
        .is_some_and(|v| v.as_array().is_none_or(Vec::is_empty))
    {
        o.remove("options");
    }
    if o.get("handler").is_some_and(Value::is_null) {
        o.remove("handler");
    }
    for (key, default) in [
        ("type", json!(1)),
        ("description", json!("")),
        ("nsfw", json!(false)),
        ("integration_types", json!([0])),
    ] {
        if o.get(key).is_none_or(Value::is_null) {
            o.insert(key.to_owned(), default);
        }
    }
    if let Some(p) = o.get_mut("default_member_permissions")
        && let Some(n) = p.as_u64()
    {
        *p = json!(n.to_string());
    }
}

fn upsert(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>) -> Reply {
    if !owns(ctx, a) {
        return Reply::error(403, 50001, "Missing Access");
    }
    if let Err(r) = check_command(&ctx.body) {
        return r;
    }
    let mut state = ctx.world.lock();
    let kind = command_type(&ctx.body);
    let existing = state
        .commands
        .iter()
        .find(|(_, c)| scope_matches(c, a, g) && c["name"] == ctx.body["name"] && c["type"] == kind)
        .map(|(id, _)| *id);
    let id = existing.unwrap_or_else(|| ctx.world.next_id());
    let command = build(ctx, a, g, id, &ctx.obj());
    state.commands.insert(id, command.clone());
    if existing.is_some() {
        Reply::ok(command)
    } else {
        Reply::created(command)
    }
}

fn edit(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>, id: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "name", 1, 32, false)
        .and_then(|()| check_len(&ctx.body, "description", 0, 100, false))
    {
        return r;
    }
    let mut state = ctx.world.lock();
    match state.commands.get_mut(&id) {
        Some(c) if scope_matches(c, a, g) && owns(ctx, a) => {
            merge(
                c,
                &ctx.obj(),
                &[
                    "name",
                    "name_localizations",
                    "description",
                    "description_localizations",
                    "options",
                    "default_member_permissions",
                    "nsfw",
                    "contexts",
                    "integration_types",
                    "handler",
                ],
            );
            as_returned(c);
            Reply::ok(c.clone())
        }
        _ => unknown::command(),
    }
}

fn delete(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>, id: Snowflake) -> Reply {
    let mut state = ctx.world.lock();
    match state.commands.get(&id) {
        Some(c) if scope_matches(c, a, g) && owns(ctx, a) => {
            state.commands.remove(&id);
            Reply::no_content()
        }
        _ => unknown::command(),
    }
}

fn overwrite(ctx: &Ctx<'_>, a: Snowflake, g: Option<Snowflake>) -> Reply {
    if !owns(ctx, a) {
        return Reply::error(403, 50001, "Missing Access");
    }
    let Some(items) = ctx.body.as_array() else {
        return Reply::form_error("", "BASE_TYPE_ARRAY", "Must be an array.");
    };
    for (i, item) in items.iter().enumerate() {
        if let Err(mut r) = check_command(item) {
            // Re-root the field errors under the item's index, as Discord does.
            if let Some(body) = r.body.as_mut()
                && let Some(errors) = body.get_mut("errors").map(Value::take)
            {
                body["errors"] = json!({ i.to_string(): errors });
            }
            return r;
        }
    }
    let mut state = ctx.world.lock();
    let old: Vec<(Snowflake, Value)> = state
        .commands
        .iter()
        .filter(|(_, c)| scope_matches(c, a, g))
        .map(|(id, c)| (*id, c.clone()))
        .collect();
    for (id, _) in &old {
        state.commands.remove(id);
    }
    let mut out = Vec::new();
    for item in items {
        let id = old
            .iter()
            .find(|(_, c)| c["name"] == item["name"] && c["type"] == command_type(item))
            .map_or_else(|| ctx.world.next_id(), |(id, _)| *id);
        let command = build(ctx, a, g, id, item.as_object().unwrap_or(&Map::new()));
        state.commands.insert(id, command.clone());
        out.push(command);
    }
    Reply::ok(Value::Array(out))
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
                method: ctx.method,
                segs: ctx.segs,
                query: ctx.query,
                body: data.clone(),
                files: ctx.files.clone(),
                bot: ctx.bot.clone(),
                reason: ctx.reason.clone(),
            };
            // On an ephemeral message the edit stays private (no MESSAGE_UPDATE).
            let on_ephemeral = ctx.world.lock().ephemeral.contains_key(&mid);
            let reply = if on_ephemeral {
                super::messages::apply_ephemeral_edit(&edit, mid)
            } else {
                super::messages::apply_edit(&edit, interaction.channel_id, mid, None)
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
