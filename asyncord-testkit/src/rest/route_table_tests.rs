//! The REST side held against Discord's route table ([`asyncord_model::route`]): every
//! operation it claims (a resource's `ROUTES`) is claimed once and reached by its template, and
//! its rate-limit counters are per the table's major parameters.

use std::collections::HashSet;

use asyncord_model::Snowflake;
use asyncord_model::route::{ALL, Operation, Segment};
use bytes::Bytes;
use serde_json::Value;

use super::handlers::routes;
use super::{RestConfig, RestServer, World};

const UA: &str = "DiscordBot (https://example.com, 1.0)";

/// The ids a request is built from.
struct Ids {
    token: String,
    application: Snowflake,
    channel: Snowflake,
    guild: Snowflake,
    user: Snowflake,
}

/// A server over a seeded world, without a global limit (one bot sends every request).
fn server() -> (RestServer, Ids) {
    let (world, seed) = World::seeded();
    let ids = Ids {
        token: seed.bot.token.clone(),
        application: seed.bot.application_id.into(),
        channel: seed.channel_id.into(),
        guild: seed.guild_id.into(),
        user: seed.user_id.into(),
    };
    let config = RestConfig::default()
        .global_limit(0)
        .default_limit(100, std::time::Duration::from_secs(60))
        .buckets(Vec::new());
    (RestServer::in_memory(world, config), ids)
}

/// A value for parameter `name` of `op`: the seeded world's ids where the template names one
/// (an application's id for a follow-up's `webhook_id`), a number or a word otherwise;
/// `variant` makes a second, different value.
fn value(op: &Operation, name: &str, ids: &Ids, variant: u64) -> String {
    let id = |seeded: Snowflake| (seeded.get() + variant).to_string();
    match name {
        "channel_id" => id(ids.channel),
        "guild_id" => id(ids.guild),
        "user_id" => id(ids.user),
        "application_id" => id(ids.application),
        "webhook_id" if op.is_global_exempt() => id(ids.application),
        "webhook_token" | "interaction_token" => format!("token-{variant}"),
        "code" | "instance_id" => format!("code-{variant}"),
        // 👍, percent-encoded as a client sends it
        "emoji_name" if variant == 0 => "%F0%9F%91%8D".to_owned(),
        "emoji_name" => format!("blob:{}", 100 + variant),
        _ => (11 + variant).to_string(),
    }
}

/// The path of `op` with every parameter from [`value`], `changed` taking its second value.
fn path(op: &Operation, ids: &Ids, changed: Option<&str>) -> String {
    op.segments()
        .map(|segment| match segment {
            Segment::Literal(text) => format!("/{text}"),
            Segment::Param(name) => {
                let variant = u64::from(changed == Some(name));
                format!("/{}", value(op, name, ids, variant))
            }
        })
        .collect()
}

async fn send(server: &RestServer, ids: &Ids, op: &Operation, path: &str) -> http::Response<Bytes> {
    let request = http::Request::builder()
        .method(op.method().as_str())
        .uri(format!("{}{path}", server.url()))
        .header("authorization", format!("Bot {}", ids.token))
        .header("user-agent", UA)
        .body(Bytes::new())
        .unwrap();
    server.handle(request).await
}

#[test]
fn no_operation_is_claimed_twice() {
    let mut seen = HashSet::new();
    for (op, _) in routes() {
        assert!(seen.insert(**op), "{op} has two handlers");
    }
    assert!(
        seen.iter().all(|op| ALL.contains(&op)),
        "every claimed operation is one of the table"
    );
}

#[tokio::test]
async fn every_claimed_operation_is_reached_by_its_template() {
    for (op, _) in routes() {
        let (server, ids) = server();
        let path = path(op, &ids, None);
        let response = send(&server, &ids, op, &path).await;
        let status = response.status().as_u16();
        let body: Value = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
        assert_ne!(status, 405, "{op} at {path}: {body}");
        assert!(
            !(status == 404 && body["code"] == 0),
            "{op} at {path} was not routed: {body}"
        );
        let recorded = server.last_request().unwrap();
        assert_eq!(
            recorded.route,
            super::router::route_key(op),
            "{op} at {path}"
        );
    }
}

#[tokio::test]
async fn requests_share_a_limit_exactly_when_the_tables_major_parameters_match() {
    for (op, _) in routes() {
        for name in op.params() {
            let (server, ids) = server();
            let first = send(&server, &ids, op, &path(op, &ids, None)).await;
            let other = path(op, &ids, Some(name));
            let second = send(&server, &ids, op, &other).await;
            let remaining = |r: &http::Response<Bytes>| {
                r.headers()
                    .get("x-ratelimit-remaining")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse::<u32>().ok())
            };
            assert_eq!(remaining(&first), Some(99), "{op}");
            let shared = !op.major().params().contains(&name);
            let expected = if shared { 98 } else { 99 };
            assert_eq!(
                remaining(&second),
                Some(expected),
                "{op}: a request that differs in {name} ({other}) shares its limit: {shared}"
            );
        }
    }
}
