//! Entitlements, answered from the request: one for the bot in a list, a test entitlement
//! created from the body, get, consume, delete.
//! <https://discord.com/developers/docs/resources/entitlement>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Map, Value, json};

use crate::rest::handlers::form::f;
use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_ENTITLEMENTS, |ctx| {
        let app = ctx.id("application_id")?;
        let owner = json!({"owner_id": ctx.bot_id().to_string(), "owner_type": 2});
        let one = entitlement(
            app,
            ctx.world.next_id(),
            &owner.as_object().cloned().unwrap_or_default(),
        );
        Ok(Reply::ok(json!([one])))
    }),
    on(&route::CREATE_TEST_ENTITLEMENT, |ctx| {
        let app = ctx.id("application_id")?;
        Ok(Reply::ok(entitlement(app, ctx.world.next_id(), &ctx.obj())))
    }),
    on(&route::GET_ENTITLEMENT, |ctx| {
        let app = ctx.id("application_id")?;
        Ok(Reply::ok(entitlement(
            app,
            ctx.id("entitlement_id")?,
            &Map::new(),
        )))
    }),
    on(&route::DELETE_TEST_ENTITLEMENT, |_| Ok(Reply::no_content())),
    on(&route::CONSUME_AN_ENTITLEMENT, |_| Ok(Reply::no_content())),
];

/// An entitlement of application `app`.
fn entitlement(app: Snowflake, id: Snowflake, body: &Map<String, Value>) -> Value {
    let owner = f(body, "owner_id", json!("1"));
    let guild_owner = body.get("owner_type").and_then(Value::as_u64) == Some(1);
    json!({
        "id": id.to_string(), "sku_id": f(body, "sku_id", json!("1")),
        "application_id": app.to_string(),
        "user_id": if guild_owner { json!("1") } else { owner.clone() },
        "guild_id": if guild_owner { owner } else { Value::Null },
        "deleted": false, "starts_at": null, "ends_at": null, "type": 8, "consumed": false,
    })
}
