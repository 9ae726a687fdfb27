//! The route table (`asyncord::model::route`) against Discord's OpenAPI spec: every operation of
//! the table is an operation of the spec with the same method and the same path, written the
//! same way; every operation of the spec the SDK implements has exactly one entry (the four
//! webhook routes that interaction follow-ups share have two: the webhook's and the follow-up's);
//! the operations left out on purpose have none; and the authentication each entry declares is
//! one the spec accepts.
//!
//! The conformance run (`conformance.rs`) also finds each request it sends in the table.

use std::collections::BTreeMap;

use asyncord::model::route::{ALL, Auth, Operation};
use asyncord_tests::openapi::{EXCLUDED, Spec};

/// The spec operations an interaction follow-up shares with a webhook route.
const SHARED_WITH_FOLLOW_UPS: &[&str] = &[
    "execute_webhook",
    "get_webhook_message",
    "update_webhook_message",
    "delete_webhook_message",
];

fn entries_for<'a>(
    spec_op: &asyncord_tests::openapi::Operation,
) -> impl Iterator<Item = &'a Operation> + use<'a, '_> {
    ALL.iter().copied().filter(move |op| {
        op.method().as_str().eq_ignore_ascii_case(&spec_op.method) && op.path() == spec_op.path
    })
}

#[test]
fn every_table_operation_is_a_spec_operation() {
    let spec = Spec::load();
    let mut failures = Vec::new();
    for op in ALL {
        let matches: Vec<_> = spec
            .operations()
            .iter()
            .filter(|s| s.method.eq_ignore_ascii_case(op.method().as_str()) && s.path == op.path())
            .collect();
        let [spec_op] = matches.as_slice() else {
            failures.push(format!(
                "{op}: {} operations of the spec have this method and path",
                matches.len()
            ));
            continue;
        };
        let accepted: &[&str] = match op.auth() {
            Auth::Bot => &["BotToken"],
            Auth::OptionalBot => &["BotToken", "none"],
            Auth::PathToken => &["none"],
        };
        if !accepted
            .iter()
            .all(|want| spec_op.auth.iter().any(|a| a == want))
        {
            failures.push(format!(
                "{op} ({}): sent as {:?}, the spec accepts {:?}",
                spec_op.id,
                op.auth(),
                spec_op.auth
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_implemented_spec_operation_has_one_entry() {
    let spec = Spec::load();
    let mut failures = Vec::new();
    let mut shared = Vec::new();
    for spec_op in spec.operations() {
        let entries: Vec<&Operation> = entries_for(spec_op).collect();
        let excluded = EXCLUDED.iter().any(|(id, _)| *id == spec_op.id);
        match entries.as_slice() {
            [] if excluded => {}
            [_] if !excluded => {}
            [webhook, follow_up] if !excluded => {
                if webhook.is_global_exempt()
                    || !follow_up.is_global_exempt()
                    || follow_up.auth() != Auth::PathToken
                {
                    failures.push(format!(
                        "{} ({}): two entries, not a webhook route and its follow-up",
                        spec_op.id, spec_op.path
                    ));
                }
                shared.push(spec_op.id.as_str());
            }
            other => failures.push(format!(
                "{} {} ({}): {} entries{}",
                spec_op.method,
                spec_op.path,
                spec_op.id,
                other.len(),
                if excluded { ", but it is excluded" } else { "" }
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(shared, SHARED_WITH_FOLLOW_UPS);
}

#[test]
fn the_table_counts_what_the_spec_has() {
    let spec = Spec::load();
    let implemented = spec.operations().len() - EXCLUDED.len();
    assert_eq!(
        ALL.len(),
        implemented + SHARED_WITH_FOLLOW_UPS.len(),
        "one entry per implemented operation, plus the follow-ups"
    );
    let mut per_path: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for op in ALL {
        *per_path
            .entry((op.method().as_str(), op.path()))
            .or_default() += 1;
    }
    assert_eq!(
        per_path.values().filter(|&&n| n > 1).count(),
        SHARED_WITH_FOLLOW_UPS.len()
    );
}
