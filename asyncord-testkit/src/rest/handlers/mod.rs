//! Route handlers, one file per area, over the shared [`World`].
//!
//! Each area's `handle` matches `(method, path segments)` and returns `None` for paths it does
//! not own; the first area that answers wins, and a path nobody owns is Discord's 404.

mod api;
mod apps;
mod channels;
mod guilds;
mod members;
mod messages;
mod misc;
mod reactions;
mod threads;
mod users;
mod webhooks;

use asyncord_model::{Intents, Snowflake};
use serde_json::{Map, Value, json};

use super::config::RestConfig;
use super::record::Part;
use super::reply::{Reply, unknown};
use crate::account::BotAccount;
use crate::world::World;

/// One request, as the handlers see it.
pub(crate) struct Ctx<'a> {
    pub world: &'a World,
    pub config: &'a RestConfig,
    pub method: &'a str,
    pub segs: &'a [String],
    pub query: &'a [(String, String)],
    /// The JSON body (or `payload_json`), `Null` when there was none.
    pub body: Value,
    /// Multipart parts (files and form fields).
    pub files: Vec<Part>,
    /// The authenticated bot, if the request carried a valid bot token.
    pub bot: Option<BotAccount>,
    /// The decoded audit-log reason.
    pub reason: Option<String>,
}

impl Ctx<'_> {
    /// Path segment `i` as an id.
    pub fn id(&self, i: usize) -> Option<Snowflake> {
        self.segs.get(i)?.parse().ok()
    }

    /// A query parameter.
    pub fn q(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A query parameter as an id or number.
    pub fn q_u64(&self, name: &str) -> Option<u64> {
        self.q(name)?.parse().ok()
    }

    /// The calling bot's user id (`0` for unauthenticated webhook-token calls).
    pub fn bot_id(&self) -> Snowflake {
        self.bot
            .as_ref()
            .map_or(Snowflake::new(0), |b| b.user_id.cast())
    }

    /// The calling bot's user object.
    pub fn bot_user(&self) -> Value {
        self.bot.as_ref().map_or(Value::Null, |b| b.user.clone())
    }

    /// The body as an object (empty when absent or not an object).
    pub fn obj(&self) -> Map<String, Value> {
        self.body.as_object().cloned().unwrap_or_default()
    }

    /// A string field of the body.
    pub fn str_field(&self, name: &str) -> Option<&str> {
        self.body.get(name)?.as_str()
    }

    /// Records an audit-log entry for this request.
    pub fn audit(&self, guild_id: Option<Snowflake>, action: u32, target: impl std::fmt::Display) {
        self.world.audit(
            guild_id,
            action,
            Some(&target.to_string()),
            self.bot_id(),
            self.reason.as_deref(),
        );
    }
}

/// Routes a request to its area.
pub(crate) fn route(ctx: &mut Ctx<'_>) -> Reply {
    let areas: [fn(&mut Ctx<'_>) -> Option<Reply>; 11] = [
        api::handle,
        messages::handle,
        reactions::handle,
        threads::handle,
        channels::handle,
        members::handle,
        guilds::handle,
        users::handle,
        apps::handle,
        webhooks::handle,
        misc::handle,
    ];
    areas
        .iter()
        .find_map(|h| h(ctx))
        .unwrap_or_else(unknown::route)
}

/// Copies the allowed fields of `patch` onto `target` (JSON merge of the top level).
pub(crate) fn merge(target: &mut Value, patch: &Map<String, Value>, allowed: &[&str]) {
    for (k, v) in patch {
        if allowed.contains(&k.as_str()) {
            target[k.as_str()] = v.clone();
        }
    }
}

/// The intents of a guild-channel event.
pub(crate) const GUILDS: Intents = Intents::GUILDS;

/// Checks a string field's length in characters (`min..=max`), as Discord's form errors do.
pub(crate) fn check_len(
    body: &Value,
    field: &str,
    min: usize,
    max: usize,
    required: bool,
) -> Result<(), Reply> {
    match body.get(field).and_then(Value::as_str) {
        None if required => Err(Reply::form_error(
            field,
            "BASE_TYPE_REQUIRED",
            "This field is required",
        )),
        None => Ok(()),
        Some(s) => {
            let n = s.chars().count();
            if n > max {
                Err(Reply::form_error(
                    field,
                    "BASE_TYPE_MAX_LENGTH",
                    &format!("Must be {max} or fewer in length."),
                ))
            } else if n < min {
                Err(Reply::form_error(
                    field,
                    "BASE_TYPE_BAD_LENGTH",
                    &format!("Must be between {min} and {max} in length."),
                ))
            } else {
                Ok(())
            }
        }
    }
}

/// `?limit=` clamped to `1..=max`, `default` when absent.
pub(crate) fn limit(ctx: &Ctx<'_>, default: u64, max: u64) -> usize {
    ctx.q_u64("limit").unwrap_or(default).clamp(1, max) as usize
}

/// A thread-member / ban / misc object id field as JSON.
pub(crate) fn sid(id: Snowflake) -> Value {
    json!(id.to_string())
}
