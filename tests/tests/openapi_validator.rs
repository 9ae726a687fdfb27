//! Tests of the harness's JSON Schema validator: keywords, recursion, union strictness.

use asyncord_tests::openapi::fixtures::{assert_clean, assert_problem, captured_rest_body};
use asyncord_tests::openapi::{Spec, UnionMode, keywords};
use serde_json::{Value, json};

fn captured(name: &str) -> Value {
    captured_rest_body(name).expect("captured payload")
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
fn closed_objects_take_all_of_parts_together_and_leave_maps_open() {
    let document = json!({ "components": { "schemas": {
        "Base": { "type": "object", "properties": { "a": {} } },
        "Both": { "allOf": [{ "$ref": "#/components/schemas/Base" },
                            { "properties": { "b": { "type": "object", "properties": { "c": {} } } } }] },
        "Map": { "type": "object", "additionalProperties": { "type": "integer" } },
        "Free": { "type": "object" }
    } } });
    let validator = asyncord_tests::openapi::Validator::new(&document);
    let closed = validator.with_closed_objects();
    let both = json!({ "$ref": "#/components/schemas/Both" });
    let fine = json!({ "a": 1, "b": { "c": 2 } });
    assert_clean(&closed.validate(&both, &fine, "body"));
    let extra = json!({ "a": 1, "z": 0, "b": { "c": 2, "d": 3 } });
    let problems = closed.validate(&both, &extra, "body");
    assert_problem(&problems, "body.z", "not declared");
    assert_problem(&problems, "body.b.d", "not declared");
    assert_eq!(problems.len(), 2, "{problems:?}");
    // the open validator (responses) accepts the same value
    assert_clean(&validator.validate(&both, &extra, "response"));
    let map = json!({ "$ref": "#/components/schemas/Map" });
    assert_clean(&closed.validate(&map, &json!({ "anything": 1 }), "body"));
    let free = json!({ "$ref": "#/components/schemas/Free" });
    assert_clean(&closed.validate(&free, &json!({ "anything": 1 }), "body"));
}
