//! Tests of the harness's response checks against real captured bodies and docs examples.

use asyncord_tests::openapi::fixtures::{
    assert_clean, assert_problem, captured_rest_body, docs_payload,
};
use asyncord_tests::openapi::{Problem, Spec, render};
use serde_json::{Value, json};

fn docs(file: &str) -> Value {
    docs_payload(file).expect("docs payload")
}

fn captured(name: &str) -> Value {
    captured_rest_body(name).expect("captured payload")
}

fn response_problems(id: &str, status: u16, body: &Value) -> Vec<Problem> {
    let spec = Spec::load();
    spec.check_response(spec.operation(id).expect("operation"), status, body)
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
fn declared_rate_limit_headers_must_have_their_types() {
    let spec = Spec::load();
    let op = spec.operation("get_my_user").expect("op");
    let headers = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
            .collect()
    };
    let good = headers(&[
        ("x-ratelimit-limit", "5"),
        ("X-RateLimit-Remaining", "4"),
        ("X-RateLimit-Reset", "1470173023.123"),
        ("X-RateLimit-Reset-After", "1"),
        ("X-RateLimit-Bucket", "abcd1234"),
        ("Content-Type", "application/json"),
    ]);
    assert_clean(&spec.check_response_headers(op, 200, &good));
    assert_clean(&spec.check_response_headers(op, 429, &good));
    let bad = headers(&[
        ("X-RateLimit-Remaining", "four"),
        ("X-RateLimit-Reset-After", "soon"),
    ]);
    let problems = spec.check_response_headers(op, 200, &bad);
    assert_problem(
        &problems,
        "header.X-RateLimit-Remaining",
        "expected integer",
    );
    assert_problem(
        &problems,
        "header.X-RateLimit-Reset-After",
        "expected number",
    );
}
