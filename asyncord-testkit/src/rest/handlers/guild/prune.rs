//! Pruning: nobody is ever pruned.
//! <https://discord.com/developers/docs/resources/guild#get-guild-prune-count>

use asyncord_model::route;
use serde_json::{Value, json};

use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[
    on(&route::GET_GUILD_PRUNE_COUNT, |ctx| {
        ctx.known_guild()?;
        Ok(Reply::ok(json!({"pruned": 0})))
    }),
    on(&route::BEGIN_GUILD_PRUNE, |ctx| {
        ctx.known_guild()?;
        let compute = ctx.body.get("compute_prune_count").and_then(Value::as_bool) != Some(false);
        Ok(Reply::ok(
            json!({"pruned": if compute { json!(0) } else { Value::Null }}),
        ))
    }),
];
