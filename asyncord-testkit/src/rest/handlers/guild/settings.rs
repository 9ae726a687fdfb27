//! A guild's settings documents (widget, onboarding, welcome screen, incident actions) as
//! stored: a read returns what the last write set.

use asyncord_model::Snowflake;
use asyncord_model::route::Method;
use serde_json::{Map, Value};

use crate::rest::handlers::request::Ctx;

/// The guild's settings document `name` as stored, after merging a write's `body` into it (a
/// GET only reads).
pub(super) fn settings(
    ctx: &Ctx<'_>,
    g: Snowflake,
    name: &'static str,
    body: Map<String, Value>,
) -> Map<String, Value> {
    let mut state = ctx.world.lock();
    let doc = state.guild_settings.entry((g, name)).or_default();
    if ctx.operation.method() != Method::Get {
        doc.extend(body);
    }
    doc.clone()
}
