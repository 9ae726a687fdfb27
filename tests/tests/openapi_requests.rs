//! Tests of the harness's request checks: path and query parameters, JSON and multipart
//! bodies. Known-good bodies come from the docs or are written from them; known-bad ones must
//! be reported at the right field path.

use asyncord_tests::openapi::fixtures::{assert_clean, assert_problem, docs_payload};
use asyncord_tests::openapi::headers::{
    check_request_headers, is_discord_bot_agent, percent_decode_utf8,
};
use asyncord_tests::openapi::{Problem, RecordedRequest, Spec, render};
use serde_json::{Value, json};

fn docs(file: &str) -> Value {
    docs_payload(file).expect("docs payload")
}

fn check(method: &str, path: &str, body: Option<Value>) -> Vec<Problem> {
    let request = match body {
        Some(body) => RecordedRequest::json(method, path, &body),
        None => RecordedRequest::new(method, path),
    };
    Spec::load().check_request(&request)
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
    let form = |path: &str, body: &str| {
        let request =
            RecordedRequest::new("POST", path).with_body("application/x-www-form-urlencoded", body);
        Spec::load().check_request(&request)
    };
    assert_clean(&form("/channels/1/messages", "content=hi+there&tts=true"));
    assert_problem(
        &form("/channels/1/messages", "tts=maybe"),
        "body.tts",
        "expected boolean",
    );
    assert_problem(
        &form("/channels/1/invites", "max_age=-1"),
        "body.max_age",
        "-1 is less than",
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

// ---- closed request bodies and request headers --------------------------------------------

#[test]
fn request_bodies_may_send_only_declared_fields() {
    // a misspelled field, an invented one deep inside an embed, one inside a union (a
    // component), one in a multipart payload: each is reported where it is
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "contnet": "hi" })),
    );
    assert_problem(&problems, "body.contnet", "not declared");
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "embeds": [{ "title": "t", "author": { "name": "a", "colour": 1 } }] })),
    );
    assert_problem(&problems, "body.embeds[0].author.colour", "not declared");
    let problems = check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "components": [{ "type": 1, "components": [
            { "type": 2, "style": 1, "label": "ok", "custom_id": "a", "colour": "red" }
        ] }] })),
    );
    assert!(
        problems.iter().any(|p| p.message.contains("not declared")),
        "{}",
        render(&problems)
    );
    // declared fields, maps (`name_localizations`) and documented bodies stay clean
    assert_clean(&check(
        "POST",
        "/applications/1/commands",
        Some(json!({ "name": "ping", "description": "d", "name_localizations": { "de": "p" } })),
    ));
    assert_clean(&check(
        "POST",
        "/channels/1/messages",
        Some(json!({ "content": "hi", "embeds": [{ "title": "t", "footer": { "text": "f" } }] })),
    ));
    // responses stay open: Discord adds fields without notice
    let spec = Spec::load();
    let op = spec
        .match_request("GET", "/api/v10/users/@me")
        .expect("get_my_user");
    let user = json!({ "id": "1", "username": "u", "discriminator": "0", "avatar": null,
        "global_name": null, "public_flags": 0, "flags": 0, "mfa_enabled": false, "locale": "en-US",
        "a_field_discord_added": 1 });
    assert_clean(&spec.check_response(op, 200, &user));
}

/// Request headers, a body, and the problem expected (where, what).
type Case<'a> = (&'a [(&'a str, &'a str)], &'a [u8], &'a str, &'a str);

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

#[test]
fn request_headers_are_what_discord_requires() {
    let spec = Spec::load();
    let op = spec
        .match_request("PATCH", "/api/v10/channels/1")
        .expect("update_channel");
    let agent = ("User-Agent", "DiscordBot (https://github.com/x/y, 0.1.0)");
    let good = headers(&[
        agent,
        ("Authorization", "Bot abc.def"),
        ("X-Audit-Log-Reason", "Gr%C3%BC%C3%9Fe%2C%20100%25"),
        ("Content-Type", "application/json"),
    ]);
    assert_clean(&check_request_headers(op, &good, b"{}"));
    // (headers, body, where the problem is, what it says)
    let cases: [Case; 7] = [
        (&[agent], b"", "header.Authorization", "missing"),
        (
            &[agent, ("Authorization", "abc.def")],
            b"",
            "header.Authorization",
            "not `<scheme> <token>`",
        ),
        (
            &[agent, ("Authorization", "Bearer abc")],
            b"",
            "header.Authorization",
            "a `Bearer` token",
        ),
        (
            &[("Authorization", "Bot a"), ("User-Agent", "reqwest/0.12")],
            b"",
            "header.User-Agent",
            "DiscordBot ($url, $versionNumber)",
        ),
        (
            &[
                agent,
                ("Authorization", "Bot a"),
                ("X-Audit-Log-Reason", "Grüße"),
            ],
            b"",
            "header.X-Audit-Log-Reason",
            "not percent-encoded",
        ),
        (
            &[
                agent,
                ("Authorization", "Bot a"),
                ("X-Audit-Log-Reason", "%FF%FE"),
            ],
            b"",
            "header.X-Audit-Log-Reason",
            "UTF-8",
        ),
        (
            &[agent, ("Authorization", "Bot a")],
            b"{}",
            "header.Content-Type",
            "missing on a request with a 2-byte body",
        ),
    ];
    for (pairs, body, at, message) in cases {
        assert_problem(
            &check_request_headers(op, &headers(pairs), body),
            at,
            message,
        );
    }
    // a webhook-token route takes no Authorization; an OAuth2-only one no bot token
    let webhook = spec
        .match_request("POST", "/api/v10/webhooks/1/tok")
        .expect("execute_webhook");
    assert_clean(&check_request_headers(webhook, &headers(&[agent]), b""));
    let oauth_only = spec
        .match_request("GET", "/api/v10/users/@me/guilds/1/member")
        .expect("get_my_guild_member");
    assert_problem(
        &check_request_headers(
            oauth_only,
            &headers(&[agent, ("Authorization", "Bot a")]),
            b"",
        ),
        "header.Authorization",
        "a `Bot` token",
    );
    assert!(is_discord_bot_agent(
        "DiscordBot (https://a.b/c, 1.2.3) extra"
    ));
    assert!(!is_discord_bot_agent("DiscordBot (https://a.b/c)"));
    assert!(!is_discord_bot_agent("DiscordBot (a.b, 1)"));
    assert_eq!(
        percent_decode_utf8("Gr%C3%BC%C3%9Fe%2C%20100%25").as_deref(),
        Ok("Grüße, 100%")
    );
    assert!(percent_decode_utf8("%4").is_err());
}
