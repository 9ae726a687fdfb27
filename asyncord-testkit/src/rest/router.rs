//! Which operation of Discord's route table ([`asyncord_model::route`]) a request calls: the
//! operation, its parameters by name, the key its rate-limit bucket and faults are named by,
//! and its top-level resource (the [`Major`](asyncord_model::route::Major) parameters' values).
//!
//! Matching is [`route::find`]'s (literal segments win). A webhook route called with an
//! application's id is the interaction follow-up that shares its method and path (the table
//! lists both; only the world knows which ids are applications). A path of the table called
//! with another method is Discord's `405`; a path the table does not have, its `404`
//! ([docs](https://discord.com/developers/docs/topics/opcodes-and-status-codes#http)).

use asyncord_model::route::{self, ALL, Found, Method, Operation};

use crate::world::World;

/// Where a request goes.
#[derive(Debug)]
pub(crate) enum Routed<'p> {
    /// An operation of the table, with its parameters.
    Operation(Found<'p>),
    /// A path of the table, but no operation of it has this method.
    MethodNotAllowed,
    /// No path of the table.
    NotFound,
}

/// Routes the method and decoded path segments (no base path, no query) of a request.
pub(crate) fn route<'p>(world: &World, method: &str, segments: &[&'p str]) -> Routed<'p> {
    let found = Method::parse(method).and_then(|m| route::find(m, segments));
    let Some(mut found) = found else {
        return if ALL.iter().any(|op| op.match_segments(segments).is_some()) {
            Routed::MethodNotAllowed
        } else {
            Routed::NotFound
        };
    };
    let application = found
        .param("webhook_id")
        .and_then(|id| id.parse().ok())
        .is_some_and(|id| world.is_application(id));
    if application && let Some(follow_up) = follow_up_of(found.operation) {
        found.operation = follow_up;
    }
    Routed::Operation(found)
}

/// The interaction follow-up that shares a webhook operation's method and path.
fn follow_up_of(webhook: &Operation) -> Option<&'static Operation> {
    ALL.iter().copied().find(|op| {
        op.is_global_exempt()
            && !webhook.is_global_exempt()
            && op.method() == webhook.method()
            && op.path() == webhook.path()
    })
}

/// The key that names an operation in [`BucketDef`](super::BucketDef)s, [`FaultRule`](super::FaultRule)s
/// and the [`RecordedRequest`](super::RecordedRequest)s: its method and its path without the
/// leading `/`, each parameter written `{}` (`"POST channels/{}/messages"`).
pub(crate) fn route_key(operation: &Operation) -> String {
    let template: Vec<&str> = operation
        .segments()
        .map(|segment| match segment {
            route::Segment::Literal(text) => text,
            route::Segment::Param(_) => "{}",
        })
        .collect();
    format!("{} {}", operation.method(), template.join("/"))
}

/// The top-level resource a request is limited for: the values of its operation's major
/// parameters, joined by `/` (`""` for an operation limited as a whole).
pub(crate) fn major_key(found: &Found<'_>) -> String {
    let values: Vec<&str> = found
        .operation
        .major()
        .params()
        .iter()
        .filter_map(|name| found.param(name))
        .collect();
    values.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routed(world: &World, method: &str, path: &str) -> Option<(&'static Operation, String)> {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match route(world, method, &segments) {
            Routed::Operation(found) => Some((found.operation, major_key(&found))),
            _ => None,
        }
    }

    #[test]
    fn keys_are_the_table_templates() {
        assert_eq!(
            route_key(&route::CREATE_MESSAGE),
            "POST channels/{}/messages"
        );
        assert_eq!(
            route_key(&route::CREATE_REACTION),
            "PUT channels/{}/messages/{}/reactions/{}/@me"
        );
        assert_eq!(route_key(&route::GET_GATEWAY_BOT), "GET gateway/bot");
        assert_eq!(
            route_key(&route::GET_GUILD_TEMPLATE),
            "GET guilds/templates/{}"
        );
    }

    #[test]
    fn unknown_paths_and_methods() {
        let (world, _) = World::seeded();
        let segments = |p: &'static str| -> Vec<&'static str> { p.split('/').collect() };
        assert!(matches!(
            route(&world, "GET", &segments("nope")),
            Routed::NotFound
        ));
        assert!(matches!(
            route(&world, "DELETE", &segments("users/@me")),
            Routed::MethodNotAllowed
        ));
        assert!(matches!(
            route(&world, "HEAD", &segments("channels/1")),
            Routed::MethodNotAllowed
        ));
        assert!(matches!(
            route(&world, "GET", &segments("channels/1/nope")),
            Routed::NotFound
        ));
    }

    #[test]
    fn a_webhook_route_with_an_application_id_is_the_follow_up() {
        let (world, seed) = World::seeded();
        let app = seed.bot.application_id;
        let (op, major) = routed(&world, "POST", &format!("webhooks/{app}/tok")).unwrap();
        assert_eq!(op, route::CREATE_FOLLOWUP_MESSAGE.operation());
        assert_eq!(major, format!("{app}/tok"));
        let (op, _) = routed(&world, "PATCH", &format!("webhooks/{app}/tok/messages/5")).unwrap();
        assert_eq!(op, route::EDIT_FOLLOWUP_MESSAGE.operation());
        let (op, _) = routed(&world, "POST", "webhooks/12/tok").unwrap();
        assert_eq!(op, route::EXECUTE_WEBHOOK.operation());
        let (op, _) = routed(&world, "GET", &format!("webhooks/{app}/tok")).unwrap();
        assert_eq!(
            op,
            route::GET_WEBHOOK_WITH_TOKEN.operation(),
            "no follow-up has this route"
        );
    }
}
