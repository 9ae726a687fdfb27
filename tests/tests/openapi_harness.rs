//! Tests of the OpenAPI harness (`asyncord_tests::openapi`): the operation list, path
//! matching, the spec survey and coverage.

use asyncord_tests::openapi::fixtures::{assert_clean, assert_problem};
use asyncord_tests::openapi::{
    Coverage, Problem, RecordedRequest, Segment, Spec, keywords, render,
};
use serde_json::{Value, json};

fn check(method: &str, path: &str, body: Option<Value>) -> Vec<Problem> {
    let request = match body {
        Some(body) => RecordedRequest::json(method, path, &body),
        None => RecordedRequest::new(method, path),
    };
    Spec::load().check_request(&request)
}

fn op_id(method: &str, path: &str) -> Option<&'static str> {
    Spec::load()
        .match_request(method, path)
        .map(|op| op.id.as_str())
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

#[test]
fn every_ref_in_the_spec_resolves() {
    let unresolved = keywords::unresolved_refs(Spec::load().document());
    assert!(unresolved.is_empty(), "{unresolved:#?}");
    let document = json!({ "a": { "$ref": "#/nowhere" }, "b": { "$ref": "#/a" } });
    assert_eq!(
        keywords::unresolved_refs(&document),
        ["/a/$ref -> \"#/nowhere\""]
    );
}

#[test]
fn every_operation_matches_its_own_concrete_path_and_checks_clean() {
    let spec = Spec::load();
    for op in spec.operations() {
        let mut path = String::from("/api/v10");
        for segment in op.segments() {
            path.push('/');
            match segment {
                Segment::Literal(literal) => path.push_str(literal),
                Segment::Param(name) => {
                    let parameter = op.path_parameter(name).expect("declared path parameter");
                    let snowflake = parameter.schema.get("$ref").and_then(Value::as_str)
                        == Some("#/components/schemas/SnowflakeType");
                    let integer = parameter.schema.get("type") == Some(&json!("integer"));
                    path.push_str(match (snowflake, integer) {
                        (true, _) => "81384788765712384",
                        (false, true) => "1",
                        (false, false) => "abc",
                    });
                }
            }
        }
        let matched = spec.match_request(&op.method, &path).map(|o| o.id.as_str());
        assert_eq!(matched, Some(op.id.as_str()), "{} {path}", op.method);
        let problems = spec.check_request(&RecordedRequest::new(&op.method, &path));
        let body_required = op.request_body.as_ref().is_some_and(|b| b.required);
        let required_query = op
            .parameters
            .iter()
            .any(|p| p.location == asyncord_tests::openapi::Location::Query && p.required);
        let expected = usize::from(body_required) + usize::from(required_query);
        assert_eq!(
            problems.len(),
            expected,
            "{} {path}:\n{}",
            op.id,
            render(&problems)
        );
    }
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
    let verdict = coverage
        .verdict(&excluded)
        .expect_err("218 operations are unaccounted");
    assert!(
        verdict.contains("218 operations are neither covered nor excluded:\n"),
        "{verdict}"
    );
    assert!(
        verdict.contains("    nope: not an operation of the list\n"),
        "{verdict}"
    );
}

#[test]
fn coverage_passes_when_everything_is_covered_or_excluded() {
    let spec = Spec::load();
    let mut coverage = Coverage::new(spec);
    let reason = "not exercised by this test";
    let excluded: Vec<(&str, &str)> = spec.operations()[1..]
        .iter()
        .map(|op| (op.id.as_str(), reason))
        .collect();
    assert!(
        coverage.verdict(&excluded).is_err(),
        "the first operation is unaccounted"
    );
    coverage.record(&spec.operations()[0]);
    let report = coverage.verdict(&excluded).expect("all accounted for");
    assert!(
        report.starts_with("covered 1 of 223 operations\nmissing 222:\n"),
        "{report}"
    );
    assert!(report.contains("excluded 222:\n"), "{report}");
}
