//! Helpers shared by the validation tests: bodies at and past a limit, and the checks.
#![allow(dead_code)]

use asyncord_model::Id;
use asyncord_model::component::{ActionRow, Button, Component};
use asyncord_model::request::{CreateMessage, Validate};

/// `n` characters, each 2 bytes long.
pub fn s(n: usize) -> String {
    "é".repeat(n)
}

pub fn ids<M>(n: usize) -> Vec<Id<M>> {
    (1..=n as u64).map(Id::new).collect()
}

#[track_caller]
pub fn ok(body: &impl Validate) {
    if let Err(e) = body.validate() {
        panic!("expected valid, got: {e}");
    }
}

#[track_caller]
pub fn fails(body: &impl Validate, path: &str) {
    match body.validate() {
        Ok(()) => panic!("expected an error at `{path}`, but the body is valid"),
        Err(e) => {
            assert_eq!(e.path, path, "wrong path; error was: {e}");
            assert!(
                e.to_string()
                    .starts_with(if path.is_empty() { "body" } else { path })
            );
        }
    }
}

/// A valid message to add things to.
pub fn msg() -> CreateMessage {
    CreateMessage::content("x")
}

pub fn row(components: Vec<Component>) -> Component {
    ActionRow::new(components).into()
}

pub fn buttons(n: usize, prefix: &str) -> Vec<Component> {
    (0..n)
        .map(|i| Button::primary(format!("{prefix}{i}"), "b").into())
        .collect()
}
