//! Emulator routes beyond the core areas (messages, channels, guilds...). Checked before the
//! core areas; answers only the routes it implements.

mod guild;
mod objects;
mod other;

use super::Ctx;
use crate::rest::reply::Reply;

/// Handles the routes of this area, `None` for any other path.
pub(crate) fn handle(ctx: &mut Ctx<'_>) -> Option<Reply> {
    guild::handle(ctx).or_else(|| other::handle(ctx))
}
