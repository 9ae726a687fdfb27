//! The JSON Schema vocabulary the validator implements, and a survey of the spec that lists
//! every keyword, `format` and `pattern` the validator does not understand.
//!
//! Discord's spec (<https://github.com/discord/discord-api-spec>) is OpenAPI 3.1, whose schemas
//! are JSON Schema 2020-12. It uses only a small part of that language; the validator
//! implements exactly that part, and `openapi_harness.rs` asserts that [`survey`] finds nothing
//! unsupported, so no keyword is silently ignored when the spec changes.

use serde_json::Value;

/// Keywords the validator enforces.
pub const ASSERTIONS: &[&str] = &[
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "oneOf",
    "anyOf",
    "allOf",
    "enum",
    "const",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
    "uniqueItems",
    "minProperties",
    "maxProperties",
    "format",
    "pattern",
];

/// Keywords that carry no constraint (documentation, or handled together with another keyword:
/// `x-discord-union` marks an `anyOf` as a union, `contentEncoding: binary` marks a file part of
/// a multipart body).
pub const ANNOTATIONS: &[&str] = &["description", "title", "contentEncoding", "x-discord-union"];

/// Values of `format` the validator understands.
pub const FORMATS: &[&str] = &[
    "snowflake",
    "int32",
    "int64",
    "double",
    "date-time",
    "uri",
    "nonce",
];

/// The `pattern` used for snowflakes (`SnowflakeType`).
pub const SNOWFLAKE_PATTERN: &str = "^(0|[1-9][0-9]*)$";

/// The `pattern` used for Slack-style hex colours (`WebhookSlackEmbed.color`).
pub const HEX_COLOR_PATTERN: &str = "^#(([0-9a-fA-F]{2}){3}|([0-9a-fA-F]){3})$";

/// Values of `pattern` the validator understands. There is no regex engine here: the spec uses
/// two patterns, each implemented as a function in [`matches_pattern`].
pub const PATTERNS: &[&str] = &[SNOWFLAKE_PATTERN, HEX_COLOR_PATTERN];

/// Whether `value` matches the known `pattern`; `None` when the pattern is not one of
/// [`PATTERNS`].
pub fn matches_pattern(pattern: &str, value: &str) -> Option<bool> {
    match pattern {
        SNOWFLAKE_PATTERN => Some(is_decimal(value)),
        HEX_COLOR_PATTERN => Some(is_hex_color(value)),
        _ => None,
    }
}

/// `^#(([0-9a-fA-F]{2}){3}|([0-9a-fA-F]){3})$`
fn is_hex_color(value: &str) -> bool {
    value.strip_prefix('#').is_some_and(|hex| {
        (hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// `^(0|[1-9][0-9]*)$`
fn is_decimal(value: &str) -> bool {
    match value.as_bytes() {
        [] => false,
        [b'0'] => true,
        [first, rest @ ..] => (b'1'..=b'9').contains(first) && rest.iter().all(u8::is_ascii_digit),
    }
}

/// One thing in the spec the validator does not understand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    /// JSON pointer of the schema that uses it.
    pub pointer: String,
    /// What it is: `keyword prefixItems`, `format uuid`, `pattern ^a+$`.
    pub what: String,
}

/// Walks every schema in the spec (components, parameters, request and response bodies,
/// headers) and lists every keyword, format and pattern the validator would not enforce.
pub fn survey(document: &Value) -> Vec<Unsupported> {
    let mut out = Vec::new();
    walk_document(document, "", &mut out);
    out
}

/// Finds the schemas in the non-schema parts of the document: every value under a `schema`
/// key, plus `components.schemas.*`.
fn walk_document(node: &Value, pointer: &str, out: &mut Vec<Unsupported>) {
    match node {
        Value::Object(map) => {
            for (key, value) in map {
                let child = format!("{pointer}/{}", escape(key));
                if key == "schema" {
                    walk_schema(value, &child, out);
                } else if pointer == "/components" && key == "schemas" {
                    if let Value::Object(schemas) = value {
                        for (name, schema) in schemas {
                            walk_schema(schema, &format!("{child}/{}", escape(name)), out);
                        }
                    }
                } else {
                    walk_document(value, &child, out);
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                walk_document(item, &format!("{pointer}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn walk_schema(schema: &Value, pointer: &str, out: &mut Vec<Unsupported>) {
    let Value::Object(map) = schema else {
        if !schema.is_boolean() {
            out.push(Unsupported {
                pointer: pointer.to_owned(),
                what: "schema that is neither an object nor a boolean".to_owned(),
            });
        }
        return;
    };
    for (key, value) in map {
        let child = format!("{pointer}/{}", escape(key));
        match key.as_str() {
            "properties" => {
                if let Value::Object(props) = value {
                    for (name, sub) in props {
                        walk_schema(sub, &format!("{child}/{}", escape(name)), out);
                    }
                }
            }
            "items" | "additionalProperties" => walk_schema(value, &child, out),
            "oneOf" | "anyOf" | "allOf" => {
                if let Value::Array(subs) = value {
                    for (index, sub) in subs.iter().enumerate() {
                        walk_schema(sub, &format!("{child}/{index}"), out);
                    }
                }
            }
            "format" => {
                let known = value.as_str().is_some_and(|f| FORMATS.contains(&f));
                if !known {
                    out.push(Unsupported {
                        pointer: pointer.to_owned(),
                        what: format!("format {value}"),
                    });
                }
            }
            "pattern" => {
                let known = value.as_str().is_some_and(|p| PATTERNS.contains(&p));
                if !known {
                    out.push(Unsupported {
                        pointer: pointer.to_owned(),
                        what: format!("pattern {value}"),
                    });
                }
            }
            other if ASSERTIONS.contains(&other) || ANNOTATIONS.contains(&other) => {}
            other => out.push(Unsupported {
                pointer: pointer.to_owned(),
                what: format!("keyword {other}"),
            }),
        }
    }
}

/// JSON-pointer escaping of one reference token.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Every `$ref` in the document that does not resolve inside it (as `pointer -> target`).
pub fn unresolved_refs(document: &Value) -> Vec<String> {
    fn walk(node: &Value, pointer: &str, document: &Value, out: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                for (key, value) in map {
                    let child = format!("{pointer}/{}", escape(key));
                    if key == "$ref" {
                        let target = value.as_str().unwrap_or_default();
                        let resolves = target
                            .strip_prefix('#')
                            .is_some_and(|p| document.pointer(p).is_some());
                        if !resolves {
                            out.push(format!("{child} -> {value}"));
                        }
                    } else {
                        walk(value, &child, document, out);
                    }
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    walk(item, &format!("{pointer}/{index}"), document, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(document, "", document, &mut out);
    out
}
