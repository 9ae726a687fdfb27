//! Stage instances: create, get, modify, delete, each published as Discord does.
//! <https://discord.com/developers/docs/resources/stage-instance>

use asyncord_model::route;
use asyncord_model::{Intents, Snowflake};
use serde_json::json;

use super::form::{check_len, merge};
use super::request::{Ctx, Route, on};
use crate::rest::reply::{Reply, unknown};
use crate::world::id_of;

pub(super) const ROUTES: &[Route] = &[
    on(&route::CREATE_STAGE_INSTANCE, |ctx| Ok(create(ctx))),
    on(&route::GET_STAGE_INSTANCE, |ctx| {
        let c = ctx.id("channel_id")?;
        Ok(ctx
            .world
            .lock()
            .stage_instances
            .get(&c)
            .cloned()
            .map_or_else(unknown::stage_instance, Reply::ok))
    }),
    on(&route::MODIFY_STAGE_INSTANCE, |ctx| {
        Ok(modify(ctx, ctx.id("channel_id")?))
    }),
    on(&route::DELETE_STAGE_INSTANCE, |ctx| {
        Ok(delete(ctx, ctx.id("channel_id")?))
    }),
];

fn create(ctx: &Ctx<'_>) -> Reply {
    if let Err(r) = check_len(&ctx.body, "topic", 1, 120, true) {
        return r;
    }
    let Some(c) = ctx
        .str_field("channel_id")
        .and_then(|s| s.parse::<Snowflake>().ok())
    else {
        return Reply::form_error("channel_id", "BASE_TYPE_REQUIRED", "This field is required");
    };
    let Some(channel) = ctx.world.channel(c) else {
        return unknown::channel();
    };
    if channel["type"] != json!(13) {
        return Reply::error(400, 50024, "Cannot execute action on this channel type");
    }
    if ctx.world.lock().stage_instances.contains_key(&c) {
        return Reply::error(
            400,
            150_006,
            "A stage instance already exists for this channel",
        );
    }
    let id = ctx.world.next_id();
    let stage = json!({
        "id": id.to_string(), "guild_id": channel["guild_id"], "channel_id": c.to_string(),
        "topic": ctx.body["topic"], "privacy_level": ctx.body.get("privacy_level").cloned().unwrap_or(json!(2)),
        "discoverable_disabled": false, "guild_scheduled_event_id": null,
    });
    ctx.world.lock().stage_instances.insert(c, stage.clone());
    let g = id_of(&stage, "guild_id");
    ctx.world
        .publish("STAGE_INSTANCE_CREATE", stage.clone(), g, Intents::GUILDS);
    ctx.audit(g, 83, id);
    Reply::ok(stage)
}

fn modify(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    if let Err(r) = check_len(&ctx.body, "topic", 1, 120, false) {
        return r;
    }
    let mut state = ctx.world.lock();
    let Some(stage) = state.stage_instances.get_mut(&c) else {
        return unknown::stage_instance();
    };
    merge(stage, &ctx.obj(), &["topic", "privacy_level"]);
    let out = stage.clone();
    drop(state);
    let g = id_of(&out, "guild_id");
    ctx.world
        .publish("STAGE_INSTANCE_UPDATE", out.clone(), g, Intents::GUILDS);
    ctx.audit(g, 84, c);
    Reply::ok(out)
}

fn delete(ctx: &Ctx<'_>, c: Snowflake) -> Reply {
    let Some(stage) = ctx.world.lock().stage_instances.remove(&c) else {
        return unknown::stage_instance();
    };
    let g = id_of(&stage, "guild_id");
    ctx.world
        .publish("STAGE_INSTANCE_DELETE", stage, g, Intents::GUILDS);
    ctx.audit(g, 85, c);
    Reply::no_content()
}
