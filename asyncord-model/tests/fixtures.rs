//! Every JSON example of Discord's docs and every captured live payload in
//! `testdata/discord-api/payloads/` parses into its model type (the model's acceptance tests).
//!
//! `fixtures/table.txt` maps each file to a type (or skips it with a reason); a file without a
//! row fails, so a new fixture cannot slip by. For each mapped file: it parses; the model's JSON
//! reader and serde_json agree; parse -> serialise -> parse gives an equal value; and it still parses with
//! an unknown field added to every object and with unknown values (past 255) in enum fields;
//! and with each field Discord may leave out or send as `null` (decided from Discord's OpenAPI
//! spec, see `fixtures/spec.rs`) left out, then nulled, one field path at a time. In every
//! mutation, an error or an element a lenient collection left out counts as a lost payload.

#[path = "fixtures/check.rs"]
mod check;
#[path = "fixtures/frames.rs"]
mod frames;
#[path = "fixtures/mutate.rs"]
mod mutate;
#[path = "fixtures/registry.rs"]
mod registry;
#[path = "fixtures/spec.rs"]
mod spec;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use check::Mode;

/// The payload directories, relative to this crate.
const DIRS: &[&str] = &["docs", "captured-accord-jl"];

fn payloads_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/discord-api/payloads")
}

/// One row of the table.
#[derive(Debug)]
enum Row {
    /// Parse the file (or the value at `pointer`) as `ty`; `strict_enums` (with the reason)
    /// exempts it from the unknown-enum-values check.
    Parse {
        ty: String,
        pointer: Option<String>,
        strict_enums: Option<String>,
    },
    /// Not checked, with the reason.
    Skip(String),
}

/// `(directory, file) -> row`.
fn table() -> BTreeMap<(String, String), Row> {
    let text = include_str!("fixtures/table.txt");
    let mut rows = BTreeMap::new();
    let mut section = String::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            name.clone_into(&mut section);
            continue;
        }
        let (file, rest) = line
            .split_once(char::is_whitespace)
            .unwrap_or_else(|| panic!("table.txt line {}: no type", n + 1));
        let rest = rest.trim();
        let row = if let Some(reason) = rest.strip_prefix("SKIP ") {
            assert!(
                !reason.trim().is_empty(),
                "table.txt line {}: SKIP needs a reason",
                n + 1
            );
            Row::Skip(reason.to_owned())
        } else {
            let (rest, strict_enums) = match rest.split_once(" | strict-enums: ") {
                Some((rest, reason)) => (rest, Some(reason.trim().to_owned())),
                None => (rest, None),
            };
            let (ty, pointer) = match rest.split_once(" @") {
                Some((ty, pointer)) => (ty, Some(pointer.trim().to_owned())),
                None => (rest, None),
            };
            Row::Parse {
                ty: ty.trim().to_owned(),
                pointer,
                strict_enums,
            }
        };
        let previous = rows.insert((section.clone(), file.to_owned()), row);
        assert!(
            previous.is_none(),
            "table.txt line {}: duplicate row for {file}",
            n + 1
        );
    }
    rows
}

fn listed_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in DIRS {
        let path = payloads_dir().join(dir);
        let entries =
            fs::read_dir(&path).unwrap_or_else(|e| panic!("cannot list {}: {e}", path.display()));
        for entry in entries {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                files.push((
                    (*dir).to_owned(),
                    entry.file_name().to_string_lossy().into_owned(),
                ));
            }
        }
    }
    files.sort();
    files
}

/// Types of what the bot sends (request bodies, gateway commands). Discord never sends them,
/// so what Discord may leave out of its payloads does not apply to them (the model checks
/// their own optional fields when it builds them).
const SENT_BY_THE_BOT: &[&str] = &[
    "AllowedMentions",
    "CreateCommand",
    "CreateMessage",
    "CreateTestEntitlement",
    "Heartbeat",
    "Identify",
    "InteractionResponse",
    "RequestChannelInfo",
    "RequestGuildMembers",
    "RequestSoundboardSounds",
    "Resume",
    "UpdatePresence",
    "UpdateVoiceState",
];

/// Runs `mode` over every mapped fixture and fails with the list of failures.
fn run(mode: Mode) -> usize {
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut mutated = 0;
    for ((dir, file), row) in table() {
        let Row::Parse {
            ty,
            pointer,
            strict_enums,
        } = row
        else {
            continue;
        };
        if mode == Mode::UnknownEnums && strict_enums.is_some() {
            continue;
        }
        if mode == Mode::OptionalFields && SENT_BY_THE_BOT.contains(&ty.as_str()) {
            continue;
        }
        let Some(checker) = registry::checker(&ty) else {
            failures.push(format!(
                "{dir}/{file}: no type `{ty}` in fixtures/registry.rs"
            ));
            continue;
        };
        let text = fs::read_to_string(payloads_dir().join(&dir).join(&file)).unwrap();
        let json = match &pointer {
            None => text,
            Some(pointer) => {
                let value: serde_json::Value = serde_json::from_str(&text).unwrap();
                let Some(part) = value.pointer(pointer) else {
                    failures.push(format!("{dir}/{file}: nothing at {pointer}"));
                    continue;
                };
                part.to_string()
            }
        };
        checked += 1;
        if let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&json) {
            mutated += match mode {
                Mode::UnknownFields => mutate::add_unknown_fields(&mut value),
                Mode::UnknownEnums => mutate::unknown_enum_values(&mut value),
                Mode::OptionalFields => mutate::optional_field_changes(&ty, &value).len(),
                _ => 0,
            };
        }
        if let Err(e) = checker(&json, mode) {
            failures.push(format!("{dir}/{file} as {ty}: {e}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{mode:?}: {} of {checked} fixtures fail:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    if matches!(
        mode,
        Mode::UnknownFields | Mode::UnknownEnums | Mode::OptionalFields
    ) {
        println!("{mode:?}: {mutated} values added or replaced over {checked} fixtures");
        assert!(
            mutated > checked,
            "{mode:?}: the mutation changed almost nothing ({mutated})"
        );
    }
    checked
}

#[test]
fn every_fixture_has_a_row() {
    let table = table();
    let files = listed_files();
    assert!(
        files.len() > 200,
        "found only {} fixtures in testdata/discord-api/payloads/ (see testdata/SOURCES.md)",
        files.len()
    );
    let missing: Vec<_> = files.iter().filter(|f| !table.contains_key(*f)).collect();
    assert!(
        missing.is_empty(),
        "fixtures without a row in tests/fixtures/table.txt: {missing:#?}"
    );
    let stale: Vec<_> = table.keys().filter(|k| !files.contains(k)).collect();
    assert!(stale.is_empty(), "rows without a fixture file: {stale:#?}");
    let skipped: Vec<_> = table
        .iter()
        .filter_map(|((dir, file), row)| match row {
            Row::Skip(reason) => Some(format!("{dir}/{file}: {reason}")),
            Row::Parse { .. } => None,
        })
        .collect();
    println!(
        "{} fixtures: {} mapped, {} skipped:\n{}",
        files.len(),
        files.len() - skipped.len(),
        skipped.len(),
        skipped.join("\n")
    );
}

#[test]
fn fixtures_parse() {
    let checked = run(Mode::Parse);
    assert!(checked >= 150, "only {checked} fixtures mapped");
}

#[test]
fn json_reader_and_serde_json_agree() {
    run(Mode::BothParsers);
}

#[test]
fn fixtures_round_trip() {
    run(Mode::RoundTrip);
}

#[test]
fn fixtures_accept_unknown_fields_everywhere() {
    run(Mode::UnknownFields);
}

#[test]
fn fixtures_accept_unknown_enum_values() {
    run(Mode::UnknownEnums);
}

#[test]
fn fixtures_survive_optional_fields_left_out_or_null() {
    run(Mode::OptionalFields);
}

#[test]
fn mutations_change_the_fixtures() {
    // The forward-compatibility tests mean something only if the mutations do.
    let mut value: serde_json::Value = serde_json::from_str(
        r#"{"type": 1, "a": {"b": [{"style": 2}]}, "name_localizations": {"de": "x"}, "resolved": {"123": {"id": "123"}}, "contexts": [0, 1]}"#,
    )
    .unwrap();
    let mut fields = value.clone();
    assert_eq!(mutate::add_unknown_fields(&mut fields), 4);
    assert!(
        fields["name_localizations"]
            .get(mutate::FUTURE_FIELD)
            .is_none()
    );
    assert!(fields["resolved"].get(mutate::FUTURE_FIELD).is_none());
    assert!(
        fields["resolved"]["123"]
            .get(mutate::FUTURE_FIELD)
            .is_some()
    );
    assert_eq!(mutate::unknown_enum_values(&mut value), 4);
    assert_eq!(value["a"]["b"][0]["style"], mutate::UNKNOWN_ENUM);
    let unknown = mutate::UNKNOWN_ENUM;
    assert_eq!(value["contexts"], serde_json::json!([unknown, unknown]));
    let mut strings = serde_json::json!({"status": "online", "features": ["NEWS"], "name": "x"});
    assert_eq!(mutate::unknown_enum_values(&mut strings), 2);
    assert_eq!(strings["features"][0], "zz_future_value");
    assert_eq!(strings["name"], "x");

    // optional fields: by Discord's spec, `id` is required (never changed), `bot` optional
    // (left out, but not nulled: it is never nullable), `avatar` required but nullable
    // (nulled only), `avatar_decoration_data` optional and nullable (both); map keys are not
    // fields
    let user = serde_json::json!({"id": "1", "bot": true, "avatar": "a", "avatar_decoration_data": {},
        "resolved": {"users": {"123": {"id": "123", "bot": false}}}});
    let changes: Vec<_> = mutate::optional_field_changes("User", &user)
        .into_iter()
        .map(|(path, change)| format!("{} {change:?}", mutate::path_text(&path)))
        .collect();
    for expected in [
        "bot Remove",
        "avatar Null",
        "avatar_decoration_data Remove",
        "avatar_decoration_data Null",
        "resolved.users{}.bot Remove",
    ] {
        assert!(
            changes.iter().any(|c| c == expected),
            "{expected}: {changes:?}"
        );
    }
    for absent in [
        "id Remove",
        "id Null",
        "bot Null",
        "avatar Remove",
        "resolved.users{}.id Remove",
    ] {
        assert!(
            !changes.iter().any(|c| c == absent),
            "{absent}: {changes:?}"
        );
    }
    let mut one = user.clone();
    let path = [
        mutate::Step::Key("resolved".into()),
        mutate::Step::Key("users".into()),
        mutate::Step::Entries,
        mutate::Step::Key("bot".into()),
    ];
    assert_eq!(
        mutate::apply_change(&mut one, &path, mutate::Change::Remove),
        1
    );
    assert!(one["resolved"]["users"]["123"].get("bot").is_none());
    // an element a lenient collection leaves out is seen (and counted as a loss)
    let (parsed, skipped) = check::count_skipped(|| {
        serde_json::from_str::<asyncord_model::gateway::GuildMembersChunkEvent>(
            r#"{"guild_id": "1", "chunk_index": 0, "chunk_count": 1, "members": [{"user": 7}]}"#,
        )
    });
    assert!(parsed.is_ok_and(|e| e.members.is_empty()));
    assert_eq!(skipped, 1);
    // the docs' exceptions: an interaction's token is required though a webhook's is not
    let interaction = serde_json::json!({"token": "t"});
    assert!(mutate::optional_field_changes("Interaction", &interaction).is_empty());
    assert!(!mutate::optional_field_changes("Webhook", &interaction).is_empty());
}

/// Fields of docs examples that no model keeps, with why that is right.
const DROPPED_ON_PURPOSE: &[(&str, &str, &str)] = &[
    (
        "interactions-application-commands-example-interaction",
        "is_pending",
        "legacy member field, in no field table",
    ),
    (
        "interactions-application-commands-autocomplete",
        ".version",
        "not in the command data field table",
    ),
    (
        "retrieving-localized-commands",
        "_localized",
        "a GET response with its ids elided, checked as a create body",
    ),
];

/// Serialising a parsed docs example keeps every field of the example (a field the model
/// ignored would be missing); captured payloads carry undocumented fields, so for them the
/// dropped fields are only printed.
#[test]
fn docs_examples_lose_no_field() {
    let mut failures = Vec::new();
    let mut captured = Vec::new();
    for ((dir, file), row) in table() {
        let Row::Parse { ty, pointer, .. } = row else {
            continue;
        };
        let Some(dropper) = registry::dropper(&ty) else {
            continue;
        };
        let text = fs::read_to_string(payloads_dir().join(&dir).join(&file)).unwrap();
        let json = match &pointer {
            None => text,
            Some(p) => serde_json::from_str::<serde_json::Value>(&text)
                .unwrap()
                .pointer(p)
                .map(ToString::to_string)
                .unwrap_or_default(),
        };
        let dropped: Vec<String> = match dropper(&json) {
            Ok(fields) => fields
                .into_iter()
                .filter(|f| {
                    !DROPPED_ON_PURPOSE
                        .iter()
                        .any(|(file_part, field, _)| file.contains(file_part) && f.contains(field))
                })
                .collect(),
            Err(e) => vec![format!("error {e}")],
        };
        if dropped.is_empty() {
            continue;
        }
        let line = format!("{dir}/{file} as {ty}: {}", dropped.join(", "));
        if dir == "docs" {
            failures.push(line);
        } else {
            captured.push(line);
        }
    }
    println!(
        "undocumented fields of captured payloads, not kept:\n{}",
        captured.join("\n")
    );
    assert!(
        failures.is_empty(),
        "docs example fields the models drop:\n{}",
        failures.join("\n")
    );
}
