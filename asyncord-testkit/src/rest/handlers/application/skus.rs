//! SKUs (one premium SKU) and the subscriptions to one, answered from the request.
//! <https://discord.com/developers/docs/resources/sku>,
//! <https://discord.com/developers/docs/resources/subscription>

use asyncord_model::Snowflake;
use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;
use crate::world::now;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::LIST_SKUS, |ctx| {
        let app = ctx.id("application_id")?;
        Ok(Reply::ok(json!([{
            "id": ctx.world.next_id().to_string(), "type": 5,
            "application_id": app.to_string(), "name": "Premium", "slug": "premium",
            "flags": 128,
        }])))
    }),
    on(&route::LIST_SKU_SUBSCRIPTIONS, |ctx| {
        let u = ctx.q("user_id").unwrap_or("1").to_owned();
        Ok(Reply::ok(json!([subscription(
            ctx.world.next_id(),
            ctx.id("sku_id")?,
            &u
        )])))
    }),
    on(&route::GET_SKU_SUBSCRIPTION, |ctx| {
        Ok(Reply::ok(subscription(
            ctx.id("subscription_id")?,
            ctx.id("sku_id")?,
            &ctx.bot_id().to_string(),
        )))
    }),
];

/// A subscription of `user` to SKU `sku`.
fn subscription(id: Snowflake, sku: Snowflake, user: &str) -> Value {
    json!({
        "id": id.to_string(), "user_id": user, "sku_ids": [sku.to_string()],
        "renewal_sku_ids": null, "entitlement_ids": [], "current_period_start": now(),
        "current_period_end": now(), "status": 0, "canceled_at": null,
    })
}
