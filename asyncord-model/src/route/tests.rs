//! The table's own consistency (its agreement with Discord's OpenAPI spec is checked in
//! `tests/tests/conformance_routes.rs`, where the spec is loaded).

use std::collections::HashSet;

use super::endpoint::{count_params, has_param, well_formed};
use super::*;

#[test]
fn every_operation_is_listed_once() {
    let mut seen = HashSet::new();
    for op in ALL {
        assert!(
            seen.insert((op.method(), op.path(), op.is_global_exempt())),
            "{op} is listed twice"
        );
    }
    assert_eq!(seen.len(), ALL.len());
}

#[test]
fn path_tokens_and_majors_agree_with_the_paths() {
    for op in ALL {
        let params: Vec<&str> = op.params().collect();
        let has_token = params
            .iter()
            .any(|p| matches!(*p, "webhook_token" | "interaction_token"));
        assert_eq!(op.auth() == Auth::PathToken, has_token, "{op}");
        for name in op.major().params() {
            assert!(params.contains(name), "{op}: major {name}");
        }
        let top_level = match op.path().split('/').nth(1) {
            Some("channels") => Major::ChannelId,
            Some("guilds") if params.first() == Some(&"guild_id") => Major::GuildId,
            Some("webhooks") if has_token => Major::WebhookIdAndToken,
            Some("webhooks") => Major::WebhookId,
            Some("interactions") => Major::InteractionIdAndToken,
            _ => Major::None,
        };
        assert_eq!(op.major(), top_level, "{op}");
        assert_eq!(op.param_count(), params.len(), "{op}");
    }
}

#[test]
fn only_interaction_routes_are_global_exempt() {
    let exempt: Vec<String> = ALL
        .iter()
        .filter(|op| op.is_global_exempt())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        exempt,
        [
            "POST /interactions/{interaction_id}/{interaction_token}/callback",
            "GET /webhooks/{webhook_id}/{webhook_token}/messages/@original",
            "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original",
            "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original",
            "POST /webhooks/{webhook_id}/{webhook_token}",
            "GET /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
            "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
        ]
    );
}

#[test]
fn segments_and_matching() {
    let segments: Vec<Segment> = GET_CHANNEL_MESSAGE.segments().collect();
    assert_eq!(
        segments,
        [
            Segment::Literal("channels"),
            Segment::Param("channel_id"),
            Segment::Literal("messages"),
            Segment::Param("message_id"),
        ]
    );
    assert_eq!(
        GET_CHANNEL_MESSAGE.match_segments(&["channels", "1", "messages", "2"]),
        Some(vec![("channel_id", "1"), ("message_id", "2")])
    );
    assert_eq!(
        GET_CHANNEL_MESSAGE.match_segments(&["channels", "1", "messages"]),
        None
    );
    assert_eq!(
        GET_CHANNEL_MESSAGE.match_segments(&["channels", "1", "messages", "2", "x"]),
        None
    );
    assert_eq!(
        GET_CHANNEL_MESSAGE.match_segments(&["guilds", "1", "messages", "2"]),
        None
    );
}

#[test]
fn find_prefers_literals_and_the_webhook_over_its_follow_up_twin() {
    let found = find(Method::Get, &["users", "@me"]).unwrap();
    assert_eq!(found.operation, GET_CURRENT_USER.operation());
    assert!(found.params.is_empty());
    let found = find(Method::Get, &["users", "5"]).unwrap();
    assert_eq!(found.operation, GET_USER.operation());
    assert_eq!(found.param("user_id"), Some("5"));
    let found = find(Method::Post, &["webhooks", "1", "t"]).unwrap();
    assert_eq!(found.operation, EXECUTE_WEBHOOK.operation());
    assert!(!found.operation.is_global_exempt());
    assert_eq!(found.param("webhook_token"), Some("t"));
    let path = ["webhooks", "1", "t", "messages", "@original"];
    let found = find(Method::Get, &path).unwrap();
    assert_eq!(
        found.operation,
        GET_ORIGINAL_INTERACTION_RESPONSE.operation()
    );
    let found = find(Method::Get, &["guilds", "templates", "abc"]).unwrap();
    assert_eq!(found.operation, GET_GUILD_TEMPLATE.operation());
    assert!(find(Method::Get, &["nope"]).is_none());
    assert!(find(Method::Delete, &["users", "@me"]).is_none());
}

#[test]
fn methods_parse_in_any_case() {
    assert_eq!(Method::parse("get"), Some(Method::Get));
    assert_eq!(Method::parse("PATCH"), Some(Method::Patch));
    assert_eq!(Method::parse("HEAD"), None);
    assert_eq!(Method::Delete.to_string(), "DELETE");
}

#[test]
fn malformed_paths_are_refused() {
    assert!(well_formed(b"/channels/{channel_id}"));
    assert!(well_formed(b"/guilds/{guild_id}/widget.json"));
    for bad in [
        "channels",
        "/",
        "/channels//x",
        "/channels/{}",
        "/channels/{a",
        "/channels/a}",
        "/a{b}",
        "/{a}{b}",
        "/channels/",
    ] {
        assert!(!well_formed(bad.as_bytes()), "{bad}");
    }
    assert_eq!(count_params(b"/a/{b}/c/{d}"), 2);
    assert!(has_param(b"/a/{b}/c/{dd}", b"dd"));
    assert!(!has_param(b"/a/{b}/c/{dd}", b"d"));
}

#[test]
fn only_get_gateway_takes_the_bot_token_as_optional() {
    let optional: Vec<String> = ALL
        .iter()
        .filter(|op| op.auth() == Auth::OptionalBot)
        .map(ToString::to_string)
        .collect();
    assert_eq!(optional, ["GET /gateway"]);
    let auth = GET_GATEWAY.operation().auth();
    assert!(auth.sends_bot_token() && !auth.requires_bot_token());
    let auth = GET_GATEWAY_BOT.operation().auth();
    assert!(auth.sends_bot_token() && auth.requires_bot_token());
    assert!(!Auth::PathToken.sends_bot_token() && !Auth::PathToken.requires_bot_token());
}
