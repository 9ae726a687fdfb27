//! Tests of the OpenAPI conformance harness itself (`asyncord_tests::openapi`): the operation
//! list, path matching, the checks, the schema validator and coverage. Known-good bodies come
//! from Discord's docs and from real captured responses; known-bad ones are written here.

use asyncord_tests::openapi::{
    Coverage, Problem, RecordedRequest, Spec, UnionMode, keywords, render,
};
use serde_json::{Value, json};

const DOCS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/discord-api/payloads/docs/"
);
const CAPTURED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../shared/discord-api/payloads/captured-accord-jl/"
);

fn docs(file: &str) -> Value {
    let text = std::fs::read_to_string(format!("{DOCS}{file}")).expect("docs payload");
    serde_json::from_str(&text).expect("docs payload is JSON")
}

/// A captured REST body: files hold a list of captures; arrays are wrapped as `{"items": [...]}`.
fn captured(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("{CAPTURED}accordjl-{name}.json")).expect("capture");
    let captures: Value = serde_json::from_str(&text).expect("capture is JSON");
    let first = captures[0].clone();
    match first.get("items") {
        Some(items) if first.as_object().is_some_and(|o| o.len() == 1) => items.clone(),
        _ => first,
    }
}

fn op_id(method: &str, path: &str) -> Option<&'static str> {
    Spec::load()
        .match_request(method, path)
        .map(|op| op.id.as_str())
}

fn check(method: &str, path: &str, body: Option<Value>) -> Vec<Problem> {
    let request = match body {
        Some(body) => RecordedRequest::json(method, path, &body),
        None => RecordedRequest::new(method, path),
    };
    Spec::load().check_request(&request)
}

fn response_problems(id: &str, status: u16, body: &Value) -> Vec<Problem> {
    let spec = Spec::load();
    spec.check_response(spec.operation(id).expect("operation"), status, body)
}

fn assert_clean(problems: &[Problem]) {
    assert!(
        problems.is_empty(),
        "unexpected problems:\n{}",
        render(problems)
    );
}

fn assert_problem(problems: &[Problem], at: &str, contains: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.at == at && p.message.contains(contains)),
        "expected a problem at `{at}` containing `{contains}`, got:\n{}",
        render(problems)
    );
}

// ---- the operation list ----------------------------------------------------------------

#[test]
fn the_list_has_223_operations_with_unique_ids() {
    let spec = Spec::load();
    assert_eq!(spec.operations().len(), 223);
    let mut ids: Vec<&str> = spec.operations().iter().map(|o| o.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 223, "operation ids are unique");
    assert_eq!(spec.operations().iter().filter(|o| !o.in_spec).count(), 1);
    let skus = spec
        .operation("list_skus")
        .expect("list_skus added from the docs");
    assert_eq!(
        (skus.method.as_str(), skus.path.as_str()),
        ("GET", "/applications/{application_id}/skus")
    );
    assert!(
        spec.operations()
            .iter()
            .all(|o| !o.path.starts_with("/lobbies") && !o.path.starts_with("/partner-sdk"))
    );
}

#[test]
fn every_operation_is_grouped_as_in_the_derived_file() {
    let spec = Spec::load();
    assert!(
        spec.operations()
            .iter()
            .all(|o| !o.group.is_empty() && o.group != "Ungrouped")
    );
    let grouped: usize = spec.groups().iter().map(|g| g.operations.len()).sum();
    assert_eq!(grouped, 223);
    assert_eq!(
        spec.groups().len(),
        30,
        "32 groups minus the two Social SDK ones"
    );
    assert_eq!(
        spec.operation("create_message").map(|o| o.group.as_str()),
        Some("Messages")
    );
    assert_eq!(
        spec.operation("list_skus").map(|o| o.group.as_str()),
        Some("SKUs / subscriptions")
    );
}

#[test]
fn operations_carry_parameters_bodies_and_responses() {
    let spec = Spec::load();
    let list = spec.operation("list_messages").expect("list_messages");
    let query: Vec<&str> = list
        .parameters
        .iter()
        .filter(|p| p.location == asyncord_tests::openapi::Location::Query)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(query, ["around", "before", "after", "limit"]);
    assert!(
        list.path_parameter("channel_id").is_some(),
        "path-level parameters are inherited"
    );
    assert_eq!(list.success_statuses(), [200]);
    let delete = spec.operation("delete_message").expect("delete_message");
    assert_eq!(delete.success_statuses(), [204]);
    assert!(delete.response_for(404).is_some(), "4XX covers 404");
    assert!(delete.response_for(429).is_some());
    let create = spec.operation("create_message").expect("create_message");
    let media: Vec<&str> = create
        .request_body
        .as_ref()
        .expect("body")
        .content
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        media,
        [
            "application/json",
            "application/x-www-form-urlencoded",
            "multipart/form-data"
        ]
    );
}

// ---- matching ----------------------------------------------------------------------------

#[test]
fn literal_segments_beat_parameters() {
    assert_eq!(op_id("GET", "/users/@me"), Some("get_my_user"));
    assert_eq!(op_id("GET", "/users/80351110224678912"), Some("get_user"));
    assert_eq!(
        op_id("GET", "/applications/@me"),
        Some("get_my_application")
    );
    assert_eq!(op_id("GET", "/channels/1/messages/pins"), Some("list_pins"));
    assert_eq!(op_id("GET", "/channels/1/messages/2"), Some("get_message"));
    assert_eq!(
        op_id("PUT", "/channels/1/thread-members/@me"),
        Some("join_thread")
    );
    assert_eq!(
        op_id("PUT", "/channels/1/thread-members/2"),
        Some("add_thread_member")
    );
    assert_eq!(
        op_id("GET", "/guilds/1/members/search"),
        Some("search_guild_members")
    );
    assert_eq!(
        op_id("GET", "/guilds/1/roles/member-counts"),
        Some("guild_role_member_counts")
    );
    assert_eq!(
        op_id("GET", "/guilds/1/voice-states/@me"),
        Some("get_self_voice_state")
    );
    assert_eq!(
        op_id("GET", "/webhooks/1/tok/messages/@original"),
        Some("get_original_webhook_message")
    );
    assert_eq!(
        op_id("GET", "/webhooks/1/tok/messages/3"),
        Some("get_webhook_message")
    );
    assert_eq!(
        op_id("GET", "/guilds/1/scheduled-events/2/users/counts"),
        Some("count_guild_scheduled_event_users")
    );
    assert_eq!(
        op_id("GET", "/guilds/1/scheduled-events/2/3/users"),
        Some("list_guild_scheduled_event_exception_users")
    );
    // `/guilds/templates/{code}` against `/guilds/{guild_id}/templates`: leftmost literal wins
    assert_eq!(
        op_id("GET", "/guilds/templates/templates"),
        Some("get_guild_template")
    );
    assert_eq!(
        op_id("GET", "/guilds/1/templates"),
        Some("list_guild_templates")
    );
}

#[test]
fn matching_strips_base_query_and_url_and_decodes_segments() {
    assert_eq!(
        op_id("POST", "/api/v10/channels/1/messages"),
        Some("create_message")
    );
    assert_eq!(
        op_id("post", "/channels/1/messages?x=1"),
        Some("create_message")
    );
    assert_eq!(
        op_id("GET", "https://discord.com/api/v10/gateway/bot"),
        Some("get_bot_gateway")
    );
    assert_eq!(
        op_id("GET", "/api/v10/guilds/1/widget.json"),
        Some("get_guild_widget")
    );
    assert_eq!(
        op_id("GET", "/api/v10/guilds/1/widget.png"),
        Some("get_guild_widget_png")
    );
    assert_eq!(
        op_id("GET", "/api/v10/guilds/1/widget"),
        Some("get_guild_widget_settings")
    );
    assert_eq!(
        op_id(
            "PUT",
            "/api/v10/channels/1/messages/2/reactions/%F0%9F%94%A5/%40me"
        ),
        Some("add_my_message_reaction")
    );
    assert_eq!(
        op_id("DELETE", "/channels/1/messages/2/reactions/name%3A123/5"),
        Some("delete_user_message_reaction")
    );
    assert_eq!(op_id("GET", "/applications/1/skus"), Some("list_skus"));
    let spec = Spec::load();
    assert_eq!(
        spec.match_request_under("/base", "GET", "/base/gateway")
            .map(|o| o.id.as_str()),
        Some("get_gateway")
    );
    assert_eq!(op_id("GET", "/nothing/here"), None);
    assert_eq!(op_id("PUT", "/gateway"), None);
}

#[test]
fn unmatched_requests_are_problems_that_name_the_allowed_methods() {
    let problems = check("PUT", "/api/v10/users/@me", None);
    assert_problem(&problems, "request", "PUT is not a method of /users/@me");
    assert_problem(&problems, "request", "PATCH (update_my_user)");
    let problems = check("GET", "/api/v10/nope", None);
    assert_problem(&problems, "request", "no operation matches GET /nope");
}

// ---- path and query parameters ------------------------------------------------------------

#[test]
fn path_parameters_are_checked_against_their_schema() {
    assert_clean(&check("GET", "/channels/81384788765712384", None));
    let problems = check("GET", "/channels/general", None);
    assert_problem(
        &problems,
        "path.channel_id",
        "does not match ^(0|[1-9][0-9]*)$",
    );
    let problems = check("GET", "/channels/0123", None);
    assert_problem(&problems, "path.channel_id", "does not match");
}

#[test]
fn declared_query_parameters_pass_with_typed_values() {
    assert_clean(&check(
        "GET",
        "/api/v10/channels/1/messages?limit=50&before=123",
        None,
    ));
    assert_clean(&check(
        "GET",
        "/guilds/1/members/search?query=ab&limit=1000",
        None,
    ));
    assert_clean(&check("GET", "/guilds/1?with_counts=true", None));
    assert_clean(&check(
        "GET",
        "/guilds/1/audit-logs?action_type=1&user_id=2&limit=100",
        None,
    ));
    // arrays: repeated or comma-separated
    assert_clean(&check(
        "GET",
        "/applications/1/entitlements?sku_ids=1,2&exclude_ended=false",
        None,
    ));
    assert_clean(&check(
        "GET",
        "/guilds/1/messages/search?author_id=1&author_id=2",
        None,
    ));
}

#[test]
fn bad_query_parameters_are_reported() {
    let problems = check("GET", "/channels/1/messages?limit=50&colour=red", None);
    assert_eq!(problems.len(), 1, "{}", render(&problems));
    assert_problem(
        &problems,
        "query.colour",
        "not a query parameter of list_messages",
    );
    assert_problem(
        &problems,
        "query.colour",
        "declared: around, before, after, limit",
    );
    assert_problem(
        &check("GET", "/channels/1/messages?limit=101", None),
        "query.limit",
        "greater than 100",
    );
    assert_problem(
        &check("GET", "/channels/1/messages?limit=ten", None),
        "query.limit",
        "expected integer, found string \"ten\"",
    );
    assert_problem(
        &check("GET", "/guilds/1?with_counts=1", None),
        "query.with_counts",
        "expected boolean",
    );
    assert_problem(
        &check("GET", "/channels/1/messages?before=abc", None),
        "query.before",
        "does not match",
    );
    assert_problem(
        &check("GET", "/gateway?v=10", None),
        "query.v",
        "it takes none",
    );
    assert_problem(
        &check("GET", "/guilds/1/members/search?limit=5", None),
        "query",
        "missing required query parameter `query`",
    );
    assert_problem(
        &check(
            "GET",
            "/guilds/1/messages/search?author_id=1&author_id=1",
            None,
        ),
        "query.author_id[1]",
        "duplicate of item 0",
    );
}

// ---- request bodies --------------------------------------------------------------------------

#[test]
fn known_good_json_bodies_validate() {
    assert_clean(&check(
        "POST",
        "/api/v10/channels/1/messages",
        Some(json!({ "content": "pong" })),
    ));
    assert_clean(&check(
        "POST",
        "/channels/1/messages",
        Some(docs(
            "docs-resources-message-example-request-body-application-json.json",
        )),
    ));
    assert_clean(&check(
        "POST",
        "/channels/1/messages",
        Some(json!({
            "content": "hi",
            "nonce": 12345,
            "tts": false,
            "embeds": [{ "title": "t", "description": "d", "color": 16_711_680, "fields": [{ "name": "a", "value": "b", "inline": true }] }],
            "allowed_mentions": { "parse": ["users"], "replied_user": false },
            "message_reference": { "message_id": "2", "fail_if_not_exists": false },
            "flags": 4096
        })),
    ));
    assert_clean(&check(
        "POST",
        "/applications/1/commands",
        Some(docs(
            "docs-interactions-application-commands-example-slash-command.json",
        )),
    ));
    assert_clean(&check(
        "POST",
        "/applications/1/entitlements",
        Some(docs(
            "docs-resources-entitlement-create-test-entitlement-json-params.json",
        )),
    ));
    assert_clean(&check(
        "PATCH",
        "/channels/1",
        Some(json!({ "name": "general", "topic": "t" })),
    ));
    assert_clean(&check(
        "POST",
        "/interactions/1/tok/callback",
        Some(json!({ "type": 4, "data": { "content": "hi" } })),
    ));
    assert_clean(&check(
        "POST",
        "/webhooks/1/tok?wait=true",
        Some(json!({ "content": "hi" })),
    ));
    assert_clean(&check(
        "POST",
        "/channels/1/messages/bulk-delete",
        Some(json!({ "messages": ["1", "2"] })),
    ));
}

#[test]
fn known_bad_json_bodies_are_rejected_with_the_field_path() {
    let long_title = "x".repeat(257);
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "content": "hi", "embeds": [{ "title": long_title }] })),
    );
    assert_problem(&problems, "body.embeds[0].title", "string longer than 256");
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "content": 5 })),
    );
    assert_problem(
        &problems,
        "body.content",
        "expected string or null, found integer 5",
    );
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "content": "x".repeat(4001) })),
    );
    assert_problem(&problems, "body.content", "longer than 4000");
    let problems = check(
        "POST",
        "/channels/1/messages/bulk-delete",
        Some(json!({ "messages": ["1"] })),
    );
    assert_problem(&problems, "body.messages", "1 items, fewer than 2");
    let problems = check("POST", "/channels/1/messages/bulk-delete", Some(json!({})));
    assert_problem(&problems, "body", "missing required field `messages`");
    let problems = check(
        "POST",
        "/channels/1/messages/bulk-delete",
        Some(json!({ "messages": ["1", "x"] })),
    );
    assert_problem(&problems, "body.messages[1]", "does not match");
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "nonce": "x".repeat(26) })),
    );
    assert_problem(&problems, "body.nonce", "matches none of oneOf");
    assert_problem(&problems, "body.nonce", "string longer than 25");
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "allowed_mentions": { "parse": ["everyone", "nobody"] } })),
    );
    assert_problem(
        &problems,
        "body.allowed_mentions.parse[1]",
        "\"nobody\" is not one of",
    );
}

#[test]
fn union_bodies_report_the_closest_variant() {
    let problems = check(
        "POST",
        "/interactions/1/tok/callback",
        Some(json!({ "type": 4, "data": { "content": 7 } })),
    );
    assert_problem(
        &problems,
        "body",
        "closest is CreateMessageInteractionCallbackRequest",
    );
    assert_problem(&problems, "body.data.content", "expected string or null");
    let problems = check(
        "POST",
        "/interactions/1/tok/callback",
        Some(json!({ "type": 99 })),
    );
    assert_problem(&problems, "body", "matches none of anyOf");
}

#[test]
fn bodies_must_match_what_the_operation_takes() {
    assert_problem(
        &check("DELETE", "/channels/1/messages/2", Some(json!({}))),
        "body",
        "delete_message takes no body",
    );
    assert_problem(
        &check("POST", "/channels/1/messages/bulk-delete", None),
        "body",
        "requires a body",
    );
    let request = RecordedRequest::new("POST", "/channels/1/messages/bulk-delete")
        .with_body("application/json", "{not json");
    assert_problem(
        &Spec::load().check_request(&request),
        "body",
        "invalid JSON",
    );
    let request =
        RecordedRequest::new("POST", "/channels/1/messages").with_body("text/plain", "hi");
    assert_problem(
        &Spec::load().check_request(&request),
        "body",
        "does not accept text/plain",
    );
    let request =
        RecordedRequest::new("POST", "/guilds/1/stickers").with_body("application/json", "{}");
    assert_problem(
        &Spec::load().check_request(&request),
        "body",
        "does not accept application/json",
    );
    let request = RecordedRequest::new("POST", "/channels/1/messages")
        .with_body("application/x-www-form-urlencoded", "content=hi");
    assert_problem(
        &Spec::load().check_request(&request),
        "body",
        "not checked by the harness",
    );
}

fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "asyncord-test-boundary";
    let mut body = Vec::new();
    for (name, filename, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(file) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
        }
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[test]
fn multipart_bodies_validate_payload_json_and_declared_parts() {
    let payload =
        json!({ "content": "file!", "attachments": [{ "id": "0", "filename": "a.png" }] })
            .to_string();
    let (ct, body) = multipart(&[
        ("payload_json", None, payload.as_bytes()),
        ("files[0]", Some("a.png"), b"\x89PNG\r\n--not-a-boundary"),
    ]);
    let request = RecordedRequest::new("POST", "/api/v10/channels/1/messages").with_body(ct, body);
    assert_clean(&Spec::load().check_request(&request));

    let payload = json!({ "content": 5 }).to_string();
    let (ct, body) = multipart(&[
        ("payload_json", None, payload.as_bytes()),
        ("file", Some("a.png"), b"data"),
    ]);
    let problems = Spec::load()
        .check_request(&RecordedRequest::new("POST", "/channels/1/messages").with_body(ct, body));
    assert_problem(&problems, "body.content", "expected string or null");
    assert_problem(&problems, "body.file", "part not declared");

    // a sticker upload is plain form fields plus a file; `name` is too short here
    let (ct, body) = multipart(&[
        ("name", None, b"x"),
        ("tags", None, b"smile"),
        ("file", Some("s.png"), b"png"),
    ]);
    let problems = Spec::load()
        .check_request(&RecordedRequest::new("POST", "/guilds/1/stickers").with_body(ct, body));
    assert_eq!(problems.len(), 1, "{}", render(&problems));
    assert_problem(&problems, "body.name", "string shorter than 2");
    let (ct, body) = multipart(&[("name", None, b"xy"), ("tags", None, b"smile")]);
    let problems = Spec::load()
        .check_request(&RecordedRequest::new("POST", "/guilds/1/stickers").with_body(ct, body));
    assert_problem(&problems, "body", "missing required field `file`");
}

// ---- responses -------------------------------------------------------------------------------

#[test]
fn real_captured_responses_validate() {
    assert_clean(&response_problems(
        "create_message",
        200,
        &captured("rest_create_message"),
    ));
    assert_clean(&response_problems(
        "get_message",
        200,
        &captured("rest_create_message"),
    ));
    assert_clean(&response_problems(
        "get_channel",
        200,
        &captured("rest_get_channel"),
    ));
    assert_clean(&response_problems(
        "list_guild_channels",
        200,
        &captured("rest_get_channels"),
    ));
    assert_clean(&response_problems(
        "list_guild_emojis",
        200,
        &captured("rest_get_emojis"),
    ));
    assert_clean(&response_problems(
        "get_bot_gateway",
        200,
        &captured("rest_get_gateway_bot"),
    ));
    assert_clean(&response_problems(
        "get_my_user",
        200,
        &captured("rest_get_me"),
    ));
    assert_clean(&response_problems(
        "list_guild_members",
        200,
        &captured("rest_get_members"),
    ));
    assert_clean(&response_problems(
        "list_guild_roles",
        200,
        &captured("rest_get_roles"),
    ));
    // Live Discord sends guild features the spec's closed enum does not list: reported, not
    // hidden (an emulator must stick to the listed ones).
    let problems = response_problems("get_guild", 200, &captured("rest_get_guild"));
    assert_eq!(problems.len(), 2, "{}", render(&problems));
    assert!(
        problems
            .iter()
            .all(|p| p.at.starts_with("response.features[") && p.message.contains("is not one of"))
    );
}

#[test]
fn docs_examples_validate_where_the_docs_are_current() {
    let cases = [
        ("docs-resources-user-example-user.json", "get_user"),
        (
            "docs-resources-entitlement-entitlement-example.json",
            "get_entitlement",
        ),
        ("docs-resources-sku-list-skus.json", "list_skus"),
        (
            "docs-resources-guild-example-guild-widget.json",
            "get_guild_widget",
        ),
        (
            "docs-resources-guild-example-guild-widget-settings.json",
            "get_guild_widget_settings",
        ),
        (
            "docs-resources-guild-example-welcome-screen.json",
            "get_guild_welcome_screen",
        ),
        (
            "docs-resources-stage-instance-example-stage-instance.json",
            "get_stage_instance",
        ),
        ("docs-resources-sticker-example-sticker.json", "get_sticker"),
        (
            "docs-resources-sticker-example-sticker-pack.json",
            "get_sticker_pack",
        ),
        (
            "docs-resources-webhook-example-application-webhook.json",
            "get_webhook",
        ),
        (
            "docs-resources-soundboard-example-guild-soundboard-sound.json",
            "get_guild_soundboard_sound",
        ),
        (
            "docs-resources-subscription-subscription-example.json",
            "get_sku_subscription",
        ),
        (
            "docs-events-gateway-get-gateway-bot-example-response.json",
            "get_bot_gateway",
        ),
        (
            "docs-events-gateway-get-gateway-example-response.json",
            "get_gateway",
        ),
        (
            "docs-topics-permissions-example-role.json",
            "get_guild_role",
        ),
        (
            "docs-resources-guild-get-guild-role-member-counts-example-response.json",
            "guild_role_member_counts",
        ),
        (
            "docs-resources-application-example-activity-instance.json",
            "applications_get_activity_instance",
        ),
    ];
    for (file, id) in cases {
        let problems = response_problems(id, 200, &docs(file));
        assert!(
            problems.is_empty(),
            "{file} as {id}:\n{}",
            render(&problems)
        );
    }
}

#[test]
fn docs_examples_older_than_the_spec_are_caught() {
    // The docs' example message predates `flags`, `components` and several user fields, all
    // of which the spec marks required in responses.
    let problems = response_problems(
        "get_message",
        200,
        &docs("docs-resources-message-example-message.json"),
    );
    assert_problem(&problems, "response", "missing required field `components`");
    assert_problem(
        &problems,
        "response.author",
        "missing required field `global_name`",
    );
    // A DM channel is not a guild channel: the union reports the closest variant.
    let problems = response_problems(
        "get_channel",
        200,
        &docs("docs-resources-channel-example-dm-channel.json"),
    );
    assert_problem(&problems, "response", "matches none of oneOf");
}

#[test]
fn bad_responses_are_rejected() {
    let mut message = captured("rest_create_message");
    message["id"] = json!(12345);
    let problems = response_problems("get_message", 200, &message);
    assert_problem(
        &problems,
        "response.id",
        "expected string, found integer 12345",
    );
    let mut message = captured("rest_create_message");
    message
        .as_object_mut()
        .expect("object")
        .remove("channel_id");
    assert_problem(
        &response_problems("get_message", 200, &message),
        "response",
        "missing required field `channel_id`",
    );
    let mut message = captured("rest_create_message");
    message["timestamp"] = json!("yesterday");
    assert_problem(
        &response_problems("get_message", 200, &message),
        "response.timestamp",
        "not an RFC 3339 date-time",
    );

    assert_clean(&response_problems("delete_message", 204, &Value::Null));
    assert_problem(
        &response_problems("delete_message", 204, &json!({})),
        "response",
        "has no body",
    );
    assert_problem(
        &response_problems("delete_message", 200, &Value::Null),
        "response",
        "status 200 is not declared",
    );
    assert_clean(&response_problems(
        "get_message",
        404,
        &json!({ "code": 10008, "message": "Unknown Message" }),
    ));
    assert_clean(&response_problems(
        "create_message",
        400,
        &json!({ "code": 50035, "message": "Invalid Form Body", "errors": { "content": { "_errors": [{ "code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length." }] } } }),
    ));
    assert_problem(
        &response_problems(
            "create_message",
            429,
            &json!({ "code": 0, "message": "You are being rate limited." }),
        ),
        "response",
        "missing required field `retry_after`",
    );
    let spec = Spec::load();
    let op = spec.operation("get_my_user").expect("op");
    assert_problem(
        &spec.check_response_bytes(op, 200, b"{oops"),
        "response",
        "invalid JSON",
    );
    // non-JSON responses are not validated
    let png = spec.operation("get_guild_widget_png").expect("op");
    assert_clean(&spec.check_response_bytes(png, 200, b"\x89PNG"));
}

// ---- the validator ----------------------------------------------------------------------------

#[test]
fn docs_error_bodies_validate_with_string_field_codes() {
    for file in [
        "docs-reference-error-messages.json",
        "docs-reference-error-messages-2.json",
        "docs-reference-error-messages-3.json",
    ] {
        let problems = response_problems("create_message", 400, &docs(file));
        assert!(problems.is_empty(), "{file}:\n{}", render(&problems));
    }
    let bad = json!({ "code": 50035, "message": "Invalid Form Body", "errors": { "content": { "_errors": [{ "code": 1 }] } } });
    let problems = response_problems("create_message", 400, &bad);
    assert_problem(
        &problems,
        "response.errors.content._errors[0].code",
        "expected string",
    );
}

#[test]
fn recursive_schemas_terminate() {
    let spec = Spec::load();
    let schema = json!({ "$ref": "#/components/schemas/ErrorDetails" });
    let mut nested = json!({ "_errors": [{ "code": "X", "message": "m" }] });
    for depth in 0..40 {
        nested = json!({ format!("f{depth}"): nested });
    }
    assert_clean(&spec.validator().validate(&schema, &nested, "errors"));
    let bad = json!({ "a": { "b": { "_errors": [{ "code": 1 }] } } });
    assert!(
        !spec
            .validator()
            .validate(&schema, &bad, "errors")
            .is_empty()
    );
}

#[test]
fn self_referencing_refs_are_reported_not_followed() {
    let document = json!({ "components": { "schemas": {
        "Loop": { "$ref": "#/components/schemas/Loop" },
        "A": { "allOf": [{ "$ref": "#/components/schemas/B" }] },
        "B": { "anyOf": [{ "$ref": "#/components/schemas/A" }] }
    } } });
    let validator = asyncord_tests::openapi::Validator::new(&document);
    let problems = validator.validate(
        &json!({ "$ref": "#/components/schemas/Loop" }),
        &json!(1),
        "v",
    );
    assert_problem(&problems, "v", "refers to itself");
    let problems = validator.validate(&json!({ "$ref": "#/components/schemas/A" }), &json!(1), "v");
    assert!(!problems.is_empty());
    let problems = validator.validate(
        &json!({ "$ref": "#/components/schemas/Missing" }),
        &json!(1),
        "v",
    );
    assert_problem(&problems, "v", "does not resolve");
}

#[test]
fn validator_keywords_behave() {
    let document = json!({});
    let v = asyncord_tests::openapi::Validator::new(&document);
    let ok = |schema: Value, value: Value| v.validate(&schema, &value, "x").is_empty();
    assert!(ok(json!({ "type": ["string", "null"] }), json!(null)));
    assert!(!ok(json!({ "type": "integer" }), json!(1.5)));
    assert!(ok(json!({ "type": "integer" }), json!(2.0)));
    assert!(ok(json!({ "type": "number" }), json!(2)));
    assert!(ok(json!({ "const": 1 }), json!(1.0)));
    assert!(!ok(json!({ "enum": ["a", "b"] }), json!("c")));
    assert!(
        ok(json!({ "type": "string", "enum": [] }), json!("anything")),
        "empty enum is a spec quirk, read as absent"
    );
    assert!(
        ok(json!({ "maxLength": 2 }), json!("🔥🔥")),
        "lengths count characters, not bytes"
    );
    assert!(!ok(
        json!({ "minimum": -9_223_372_036_854_775_808_i64, "maximum": 9_223_372_036_854_775_807_i64 }),
        json!(9_223_372_036_854_775_808_u64)
    ));
    assert!(!ok(
        json!({ "type": "integer", "format": "int32" }),
        json!(2_147_483_648_i64)
    ));
    assert!(ok(
        json!({ "type": "string", "format": "snowflake" }),
        json!("18446744073709551615")
    ));
    assert!(!ok(
        json!({ "type": "string", "format": "snowflake" }),
        json!("18446744073709551616")
    ));
    assert!(ok(
        json!({ "format": "date-time" }),
        json!("2017-07-11T17:27:07.299000+00:00")
    ));
    assert!(ok(
        json!({ "format": "uri" }),
        json!("https://cdn.discordapp.com/x.png")
    ));
    assert!(!ok(json!({ "format": "uri" }), json!("not a uri")));
    assert!(!ok(
        json!({ "pattern": keywords::HEX_COLOR_PATTERN }),
        json!("#12345")
    ));
    assert!(ok(
        json!({ "pattern": keywords::HEX_COLOR_PATTERN }),
        json!("#abc")
    ));
    assert!(
        !ok(json!({ "pattern": "^a+$" }), json!("a")),
        "unknown patterns are reported, not skipped"
    );
    assert!(!ok(
        json!({ "additionalProperties": false, "properties": { "a": {} } }),
        json!({ "a": 1, "b": 2 })
    ));
    assert!(!ok(
        json!({ "additionalProperties": { "type": "string" } }),
        json!({ "a": 1 })
    ));
    assert!(!ok(
        json!({ "maxProperties": 1 }),
        json!({ "a": 1, "b": 2 })
    ));
    assert!(!ok(json!({ "minProperties": 1 }), json!({})));
    assert!(!ok(json!({ "uniqueItems": true }), json!([1, 1.0])));
    assert!(!ok(json!({ "maxItems": 1 }), json!([1, 2])));
    assert!(!ok(
        json!({ "allOf": [{ "minimum": 1 }, { "maximum": 2 }] }),
        json!(3)
    ));
    assert!(!ok(false.into(), json!(1)));
}

#[test]
fn one_of_strictness_is_a_choice_and_exactly_one_rejects_valid_bodies() {
    let spec = Spec::load();
    let op = spec.operation("update_channel").expect("op");
    let schema = &op.request_body.as_ref().expect("body").content["application/json"];
    let body = json!({ "name": "general" });
    assert_clean(&spec.validator().validate(schema, &body, "body"));
    let strict = spec
        .validator()
        .with_unions(UnionMode::ExactlyOne)
        .validate(schema, &body, "body");
    assert_problem(&strict, "body", "matches 4 variants of a anyOf union");
    // responses are discriminated (channel `type` enums don't overlap), so both modes agree
    let channel = captured("rest_get_channel");
    let schema = &spec
        .operation("get_channel")
        .expect("op")
        .response_for(200)
        .expect("200")
        .content["application/json"];
    assert_clean(
        &spec
            .validator()
            .with_unions(UnionMode::ExactlyOne)
            .validate(schema, &channel, "response"),
    );
}

#[test]
fn the_spec_uses_only_supported_keywords_formats_and_patterns() {
    let unsupported = keywords::survey(Spec::load().document());
    assert!(
        unsupported.is_empty(),
        "the validator would ignore: {unsupported:#?}"
    );
    let document = json!({ "components": { "schemas": { "X": { "prefixItems": [], "format": "uuid", "nullable": true } } } });
    let found: Vec<String> = keywords::survey(&document)
        .into_iter()
        .map(|u| u.what)
        .collect();
    assert_eq!(found.len(), 3, "{found:?}");
    assert!(found.contains(&"keyword prefixItems".to_owned()));
    assert!(found.contains(&"keyword nullable".to_owned()));
}

// ---- coverage ----------------------------------------------------------------------------------

#[test]
fn coverage_counts_and_groups_the_missing() {
    let spec = Spec::load();
    let mut coverage = Coverage::new(spec);
    assert_eq!((coverage.covered(), coverage.total()), (0, 223));
    for request in [
        RecordedRequest::json(
            "POST",
            "/api/v10/channels/1/messages",
            &json!({ "content": "a" }),
        ),
        RecordedRequest::json(
            "POST",
            "/api/v10/channels/1/messages",
            &json!({ "content": "b" }),
        ),
        RecordedRequest::new("GET", "/api/v10/users/@me"),
    ] {
        let checked = spec.check(&request);
        assert_clean(&checked.problems);
        coverage.record(checked.operation.expect("matched"));
    }
    assert!(coverage.record_id("list_skus"));
    assert!(!coverage.record_id("no_such_operation"));
    assert_eq!(coverage.hits("create_message"), 2);
    assert_eq!(coverage.covered(), 3);
    let report = coverage.report();
    assert!(
        report.starts_with("covered 3 of 223 operations\nmissing 220:\n"),
        "{report}"
    );
    assert!(report.contains("  Messages (6 of 7):\n"), "{report}");
    assert!(report.contains("    get_message "), "{report}");
    assert!(!report.contains("    create_message "), "{report}");
    assert!(
        report.contains("  SKUs / subscriptions (2 of 3):\n"),
        "{report}"
    );
    assert_eq!(coverage.to_string(), report);

    let excluded = [
        ("deprecated_list_pins", "replaced by list_pins"),
        ("create_message", "x"),
        ("nope", ""),
        ("get_gateway", " "),
    ];
    assert_eq!(
        coverage.unaccounted(&excluded).len(),
        218,
        "220 missing minus the 2 valid exclusions"
    );
    assert_eq!(
        coverage.bad_exclusions(&excluded),
        [
            "create_message: excluded but covered",
            "nope: not an operation of the list",
            "nope: exclusion without a reason",
            "get_gateway: exclusion without a reason"
        ]
    );
}
