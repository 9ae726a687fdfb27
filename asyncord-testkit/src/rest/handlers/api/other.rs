//! Emulator routes outside `/guilds`: the application by id, activity
//! instances, attachments, command permissions, role connection metadata, entitlements, SKUs
//! and subscriptions, channel followers, group DM recipients, voice status, polls, thread
//! search, soundboard, invite target users, OAuth2 keys, connections and the Slack/GitHub
//! webhook routes.

use asyncord_model::Snowflake;
use serde_json::{Value, json};

use super::super::Ctx;
use super::objects::{complete_user, entitlement, f, sound, subscription, user};
use crate::rest::reply::{Reply, unknown};
use crate::world::now;

// one route per arm reads as the route table; some answers coincide
#[allow(clippy::match_same_arms)]
pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    let segs: Vec<String> = ctx.segs.to_vec();
    let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
    let body = ctx.obj();
    Some(match (ctx.method, segs.as_slice()) {
        ("GET" | "PATCH", ["applications", a]) if *a != "@me" => application(ctx, ctx.id(1)?),
        ("GET", ["applications", _, "activity-instances", instance]) => Reply::ok(json!({
            "application_id": ctx.id(1)?.to_string(), "instance_id": instance,
            "launch_id": ctx.world.next_id().to_string(),
            "location": {
                "id": "gc-1", "kind": "gc",
                "channel_id": ctx.world.next_id().to_string(),
                "guild_id": ctx.world.next_id().to_string(),
            },
            "users": [ctx.bot_id().to_string()],
        })),
        ("POST", ["applications", _, "attachment"]) => attachment(ctx),
        ("GET", ["applications", _, "emojis"]) => Reply::ok(json!({"items": []})),
        ("POST", ["applications", _, "emojis"]) => {
            Reply::created(super::objects::emoji(ctx, ctx.world.next_id(), &body))
        }
        ("GET" | "PATCH", ["applications", _, "emojis", _]) => {
            Reply::ok(super::objects::emoji(ctx, ctx.id(3)?, &body))
        }
        ("DELETE", ["applications", _, "emojis", _]) => Reply::no_content(),
        ("GET", ["applications", _, "guilds", _, "commands", "permissions"]) => {
            Reply::ok(json!([]))
        }
        ("GET" | "PUT", ["applications", _, "guilds", _, "commands", _, "permissions"]) => {
            Reply::ok(json!({
                "id": ctx.id(5)?.to_string(), "application_id": ctx.id(1)?.to_string(),
                "guild_id": ctx.id(3)?.to_string(),
                "permissions": f(&body, "permissions", json!([])),
            }))
        }
        ("GET", ["applications", _, "role-connections", "metadata"]) => Reply::ok(json!([])),
        ("PUT", ["applications", _, "role-connections", "metadata"]) => {
            let mut records = ctx.body.as_array().cloned().unwrap_or_default();
            for r in &mut records {
                for k in ["name_localizations", "description_localizations"] {
                    if r.get(k).is_none() {
                        r[k] = Value::Null;
                    }
                }
            }
            Reply::ok(Value::Array(records))
        }
        ("GET", ["applications", _, "entitlements"]) => {
            let app = ctx.id(1)?;
            let one = entitlement(
                app,
                ctx.world.next_id(),
                &json!({"owner_id": ctx.bot_id().to_string(), "owner_type": 2})
                    .as_object()
                    .cloned()
                    .unwrap_or_default(),
            );
            Reply::ok(json!([one]))
        }
        ("POST", ["applications", _, "entitlements"]) => {
            Reply::ok(entitlement(ctx.id(1)?, ctx.world.next_id(), &body))
        }
        ("GET", ["applications", _, "entitlements", _]) => {
            Reply::ok(entitlement(ctx.id(1)?, ctx.id(3)?, &serde_json::Map::new()))
        }
        ("DELETE", ["applications", _, "entitlements", _])
        | ("POST", ["applications", _, "entitlements", _, "consume"]) => Reply::no_content(),
        ("GET", ["applications", _, "skus"]) => {
            let app = ctx.id(1)?;
            Reply::ok(json!([{
                "id": ctx.world.next_id().to_string(), "type": 5,
                "application_id": app.to_string(), "name": "Premium", "slug": "premium",
                "flags": 128,
            }]))
        }
        ("GET", ["skus", _, "subscriptions"]) => {
            let u = ctx.q("user_id").unwrap_or("1").to_owned();
            Reply::ok(json!([subscription(ctx.world.next_id(), ctx.id(1)?, &u)]))
        }
        ("GET", ["skus", _, "subscriptions", _]) => Reply::ok(subscription(
            ctx.id(3)?,
            ctx.id(1)?,
            &ctx.bot_id().to_string(),
        )),
        ("GET", ["soundboard-default-sounds"]) => {
            let id = ctx.world.next_id();
            Reply::ok(json!([sound(ctx, None, id, &serde_json::Map::new())]))
        }
        ("POST", ["channels", _, "followers"]) => follow(ctx, ctx.id(1)?),
        ("PUT" | "DELETE", ["channels", _, "recipients", _]) => recipients(ctx, ctx.id(1)?),
        ("PUT", ["channels", _, "voice-status"]) => Reply::no_content(),
        ("POST", ["channels", _, "send-soundboard-sound"]) => Reply::no_content(),
        ("GET", ["channels", _, "polls", _, "answers", _]) => {
            Reply::ok(json!({"users": [user(ctx, ctx.bot_id())]}))
        }
        ("POST", ["channels", _, "polls", _, "expire"]) => expire_poll(ctx, ctx.id(1)?, ctx.id(3)?),
        ("GET", ["channels", _, "threads", "search"]) => Reply::ok(json!({
            "threads": [], "members": [], "has_more": false, "total_results": 0,
        })),
        ("GET", ["invites", _, "target-users"]) => Reply::ok(Value::String("user_id\n".into())),
        ("PUT", ["invites", _, "target-users"]) => Reply::no_content(),
        ("GET", ["invites", _, "target-users", "job-status"]) => Reply::ok(json!({
            "status": 2, "total_users": 0, "processed_users": 0, "created_at": now(),
            "completed_at": now(), "error_message": null,
        })),
        ("GET", ["oauth2", "keys"]) => Reply::ok(json!({"keys": [{
            "kty": "RSA", "use": "sig", "kid": "emulator", "alg": "RS256",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e": "AQAB",
        }]})),
        ("GET", ["users", "@me", "connections"]) => Reply::ok(json!([])),
        ("GET", ["voice", "regions"]) => Reply::ok(super::objects::regions()),
        ("GET", ["sticker-packs", p]) if *p == STANDARD_PACK_ID => Reply::ok(standard_pack()),
        ("POST", ["webhooks", _, _, "slack" | "github"]) => {
            let id = ctx.id(1)?;
            let known = ctx
                .world
                .lock()
                .webhooks
                .get(&id)
                .is_some_and(|w| w["token"].as_str() == segs.get(2).copied());
            match (known, segs[3]) {
                (false, _) => unknown::webhook(),
                // Slack-compatible execution answers "ok"; the GitHub one answers 204
                (true, "slack") => Reply::ok(json!("ok")),
                (true, _) => Reply::no_content(),
            }
        }
        _ => return None,
    })
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
        super::super::merge(
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

fn follow(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let Some(ch) = ctx.world.channel(c) else {
        return unknown::channel();
    };
    if ch["type"].as_u64() != Some(5) {
        return Reply::error(400, 50024, "Cannot execute action on this channel type");
    }
    let Some(target) = ctx
        .str_field("webhook_channel_id")
        .and_then(|s| s.parse::<Snowflake>().ok())
    else {
        return Reply::form_error(
            "webhook_channel_id",
            "BASE_TYPE_REQUIRED",
            "This field is required",
        );
    };
    if ctx.world.channel(target).is_none() {
        return unknown::channel();
    }
    Reply::ok(json!({"channel_id": c.to_string(), "webhook_id": ctx.world.next_id().to_string()}))
}

fn recipients(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    match ctx.world.channel(c) {
        Some(ch) if ch["type"].as_u64() == Some(3) => Reply::no_content(),
        Some(_) => Reply::error(400, 50024, "Cannot execute action on this channel type"),
        None => unknown::channel(),
    }
}

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

/// The id of the one standard sticker pack the emulator knows (Discord's "Wumpus Beyond").
pub(crate) const STANDARD_PACK_ID: &str = "847199849233514549";

fn standard_pack() -> Value {
    json!({
        "id": STANDARD_PACK_ID, "sku_id": "847199849233514547", "name": "Wumpus Beyond",
        "description": "Say hello to Wumpus!", "cover_sticker_id": "749054660769218631",
        "banner_asset_id": "761773777976819732",
        "stickers": [{
            "id": "749054660769218631", "pack_id": STANDARD_PACK_ID, "name": "Wave",
            "description": "Wumpus waves hello", "tags": "wumpus, hello, sup, hi, oi, heyo, heya, yo, wave",
            "type": 1, "format_type": 3, "available": true, "sort_value": 12,
        }],
    })
}
