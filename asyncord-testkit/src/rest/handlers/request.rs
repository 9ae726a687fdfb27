//! One request as the handlers see it ([`Ctx`]: the operation called, its parameters by name,
//! the query, the body, the calling bot, the audit-log reason), and the shape of a handler and
//! of the routes a resource declares.

use asyncord_model::Snowflake;
use asyncord_model::route::{Endpoint, Operation};
use serde_json::{Map, Value};

use crate::account::BotAccount;
use crate::rest::config::RestConfig;
use crate::rest::record::Part;
use crate::rest::reply::{Reply, unknown};
use crate::world::{World, user_object};

/// What a handler answers: `Err` is a reply sent before the handler's end (an unknown object, a
/// form error, a parameter that is no id), so `?` works on [`Ctx`]'s accessors.
pub(crate) type Answer = Result<Reply, Reply>;

/// Answers one operation.
pub(crate) type Handler = for<'a> fn(&Ctx<'a>) -> Answer;

/// An operation of the route table and the handler that answers it.
pub(crate) type Route = (&'static Operation, Handler);

/// The route of `endpoint` (a constant of [`asyncord_model::route`]) answered by `handler`.
pub(crate) const fn on<const N: usize>(endpoint: &'static Endpoint<N>, handler: Handler) -> Route {
    (endpoint.operation(), handler)
}

/// One request, as the handlers see it.
pub(crate) struct Ctx<'a> {
    pub world: &'a World,
    pub config: &'a RestConfig,
    /// The operation called.
    pub operation: &'static Operation,
    /// The path parameters by name, as sent (percent-decoded).
    pub params: &'a [(&'static str, &'a str)],
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

impl<'a> Ctx<'a> {
    /// The path parameter `name` (`Err`: Discord's 404, for a name the route does not have).
    pub fn param(&self, name: &str) -> Result<&'a str, Reply> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, value)| *value)
            .ok_or_else(unknown::route)
    }

    /// The path parameter `name` as an id (`Err`: Discord's 404 for a path whose id is no
    /// snowflake).
    pub fn id(&self, name: &str) -> Result<Snowflake, Reply> {
        self.param(name)?.parse().map_err(|_| unknown::route())
    }

    /// The route's `guild_id`, of a guild the world has (`Err`: "Unknown Guild").
    pub fn known_guild(&self) -> Result<Snowflake, Reply> {
        let g = self.id("guild_id")?;
        match self.world.guild(g) {
            Some(_) => Ok(g),
            None => Err(unknown::guild()),
        }
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
            .map_or(Snowflake::new(0), |b| b.user_id.into())
    }

    /// The calling bot's user object.
    pub fn bot_user(&self) -> Value {
        self.bot.as_ref().map_or(Value::Null, |b| b.user.clone())
    }

    /// A user of the world as the spec shapes it ([`user_object`]).
    pub fn user(&self, id: Snowflake) -> Value {
        user_object(&self.world.lock(), id)
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
