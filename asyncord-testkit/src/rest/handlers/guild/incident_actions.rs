//! Incident actions (kept): until when invites and DMs are disabled.
//! <https://discord.com/developers/docs/resources/guild#modify-guild-incident-actions>

use asyncord_model::route;
use serde_json::{Value, json};

use super::settings::settings;
use crate::rest::handlers::form::f;
use crate::rest::handlers::request::{Route, on};
use crate::rest::reply::Reply;

pub(crate) const ROUTES: &[Route] = &[on(&route::MODIFY_GUILD_INCIDENT_ACTIONS, |ctx| {
    let g = ctx.known_guild()?;
    let doc = settings(ctx, g, "incident-actions", ctx.obj());
    Ok(Reply::ok(json!({
        "invites_disabled_until": f(&doc, "invites_disabled_until", Value::Null),
        "dms_disabled_until": f(&doc, "dms_disabled_until", Value::Null),
    })))
})];
