//! Applications: the current application (get, modify), an application by id, an activity
//! instance, an activity's attachment upload; the parts of an application Discord documents
//! apart live in this folder's files (commands, emojis, entitlements, SKUs, role connections).
//! <https://discord.com/developers/docs/resources/application>

mod command_rules;
pub(super) mod commands;
pub(super) mod emojis;
pub(super) mod entitlements;
pub(super) mod role_connections;
pub(super) mod skus;

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Value, json};

use super::form::merge;
use super::request::{Ctx, Route, on};
use crate::rest::reply::Reply;
use crate::world::complete_user;

pub(super) const ROUTES: &[Route] = &[
    on(&route::GET_CURRENT_APPLICATION, |ctx| Ok(current(ctx))),
    on(&route::EDIT_CURRENT_APPLICATION, |ctx| {
        Ok(modify_current(ctx))
    }),
    on(&route::GET_APPLICATION, |ctx| {
        Ok(application(ctx, ctx.id("application_id")?))
    }),
    on(&route::EDIT_APPLICATION, |ctx| {
        Ok(application(ctx, ctx.id("application_id")?))
    }),
    on(&route::GET_APPLICATION_ACTIVITY_INSTANCE, |ctx| {
        Ok(Reply::ok(json!({
            "application_id": ctx.id("application_id")?.to_string(),
            "instance_id": ctx.param("instance_id")?,
            "launch_id": ctx.world.next_id().to_string(),
            "location": {
                "id": "gc-1", "kind": "gc",
                "channel_id": ctx.world.next_id().to_string(),
                "guild_id": ctx.world.next_id().to_string(),
            },
            "users": [ctx.bot_id().to_string()],
        })))
    }),
    on(&route::UPLOAD_APPLICATION_ATTACHMENT, |ctx| {
        Ok(attachment(ctx))
    }),
];

pub(crate) fn current(ctx: &Ctx<'_>) -> Reply {
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

fn application(ctx: &Ctx<'_>, app: Snowflake) -> Reply {
    let state = ctx.world.lock();
    let Some(bot) = state.bot_by_app(app) else {
        return Reply::unknown(10002, "Application");
    };
    let bot_user = bot.user.clone();
    let mut a = state
        .applications
        .get(&app)
        .cloned()
        .unwrap_or_else(|| json!({"id": app.to_string()}));
    drop(state);
    if let Some(patch) = ctx.body.as_object() {
        merge(
            &mut a,
            patch,
            &[
                "description",
                "flags",
                "tags",
                "interactions_endpoint_url",
                "role_connections_verification_url",
                "custom_install_url",
                "install_params",
                "integration_types_config",
                "icon",
                "cover_image",
            ],
        );
    }
    let mut owner = bot_user.clone();
    complete_user(&mut owner);
    let defaults = [
        ("name", bot_user["username"].clone()),
        ("icon", Value::Null),
        ("description", json!("")),
        ("type", Value::Null),
        ("verify_key", json!("0".repeat(64))),
        ("flags", json!(0)),
        ("flags_new", json!("0")),
        ("redirect_uris", json!([])),
        ("interactions_endpoint_url", Value::Null),
        ("role_connections_verification_url", Value::Null),
        ("owner", owner),
        ("approximate_guild_count", json!(1)),
        ("approximate_user_install_count", json!(0)),
        ("approximate_user_authorization_count", json!(0)),
        ("explicit_content_filter", json!(0)),
        ("team", Value::Null),
        (
            "eligible_oauth2_scopes",
            json!(["bot", "applications.commands"]),
        ),
    ];
    if let Some(o) = a.as_object_mut() {
        for (k, v) in defaults {
            o.entry(k).or_insert(v);
        }
        if let Some(b) = o.get_mut("bot") {
            complete_user(b);
        }
    }
    Reply::ok(a)
}

fn attachment(ctx: &Ctx<'_>) -> Reply {
    let Some(file) = ctx.files.iter().find(|p| p.name == "file") else {
        return Reply::form_error("file", "BASE_TYPE_REQUIRED", "This field is required");
    };
    let id = ctx.world.next_id();
    let filename = file.filename.clone().unwrap_or_else(|| "file".into());
    Reply::ok(json!({"attachment": {
        "id": id.to_string(), "filename": filename, "size": file.data.len(),
        "url": format!("https://cdn.discordapp.com/app-attachments/{id}/{filename}"),
        "proxy_url": format!("https://media.discordapp.net/app-attachments/{id}/{filename}"),
        "content_type": file.content_type.clone(),
    }}))
}
