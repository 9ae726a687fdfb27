//! Helpers for tests that use the harness: loading the saved payloads (Discord's docs examples
//! and real captured REST bodies) and asserting on [`Problem`] lists.

use serde_json::Value;

use super::problem::{Problem, render};

/// Directory of the docs' example payloads.
pub const DOCS_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/discord-api/payloads/docs/"
);

/// Directory of the captured live payloads.
pub const CAPTURED_DIR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../testdata/discord-api/payloads/captured-accord-jl/"
);

fn read(path: &str) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{path}: {e}"))
}

/// A docs example, e.g. `docs-resources-user-example-user.json`.
pub fn docs_payload(file: &str) -> Result<Value, String> {
    read(&format!("{DOCS_DIR}{file}"))
}

/// The first captured REST body of a category, e.g. `rest_get_me`. The files hold a list of
/// captures, and array bodies are wrapped as `{"items": [...]}`; both are unwrapped here.
pub fn captured_rest_body(category: &str) -> Result<Value, String> {
    let captures = read(&format!("{CAPTURED_DIR}accordjl-{category}.json"))?;
    let first = captures
        .get(0)
        .cloned()
        .ok_or_else(|| format!("{category}: no capture"))?;
    match first.as_object() {
        Some(map) if map.len() == 1 && map.contains_key("items") => Ok(map["items"].clone()),
        _ => Ok(first),
    }
}

/// Asserts that there are no problems, listing them if there are.
///
/// # Panics
/// When `problems` is not empty.
#[track_caller]
pub fn assert_clean(problems: &[Problem]) {
    assert!(
        problems.is_empty(),
        "unexpected problems:\n{}",
        render(problems)
    );
}

/// Asserts that some problem is at `at` and its message contains `contains`.
///
/// # Panics
/// When no problem matches.
#[track_caller]
pub fn assert_problem(problems: &[Problem], at: &str, contains: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.at == at && p.message.contains(contains)),
        "expected a problem at `{at}` containing `{contains}`, got:\n{}",
        render(problems)
    );
}
