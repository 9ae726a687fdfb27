//! Wrong uses of `#[handler]`, `#[inject]`, `#[command]`, `#[component]`, `#[derive(Choice)]` and
//! `#[derive(Modal)]` fail to compile with an error at the offending token and a note saying what
//! to do; each diagnostic is locked by a `.stderr` file in `tests/ui/`.
//!
//! The snapshots hold the compiler's exact output, whose wording changes between Rust releases,
//! so they are checked only with the compiler they were made with, recorded in
//! `tests/ui/RUSTC_VERSION` (the first two words of `rustc -V`, such as `rustc 1.95.0`). With
//! another compiler this test says so and passes without checking them, unless
//! `ASYNCORD_UI_STRICT=1` (set by `.ci/run`) makes the mismatch a failure.
//!
//! To regenerate the snapshots (after changing a diagnostic, or for a new compiler):
//!
//! ```text
//! TRYBUILD=overwrite cargo test -p asyncord --test compile_fail
//! ```
//!
//! then review every changed `.stderr`: the test writes the running compiler's version to
//! `tests/ui/RUSTC_VERSION` when it overwrites. `tests/ui/README.md` says the same.

use std::io::Write;
use std::path::Path;
use std::process::Command;

const VERSION_FILE: &str = "tests/ui/RUSTC_VERSION";

#[test]
fn macro_misuse_is_a_helpful_compile_error() {
    let overwrite = std::env::var_os("TRYBUILD").is_some_and(|v| v == "overwrite");
    let recorded = recorded_version();
    let running = running_version();
    let same =
        matches!((&recorded, &running), (Ok(r), Ok(c)) if short_version(r) == short_version(c));
    if !same && !overwrite {
        skip_or_fail(&recorded, &running);
        return;
    }

    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
    // Checks (or writes) the snapshots now, before the version is recorded.
    drop(cases);

    if overwrite {
        let running = running.unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(VERSION_FILE, format!("{running}\n"))
            .unwrap_or_else(|e| panic!("cannot write {VERSION_FILE}: {e}"));
    }
}

/// The `rustc -V` line the snapshots were made with.
fn recorded_version() -> Result<String, String> {
    let text = std::fs::read_to_string(Path::new(VERSION_FILE))
        .map_err(|e| format!("cannot read {VERSION_FILE}: {e}"))?;
    version_line(&text).ok_or_else(|| format!("{VERSION_FILE} holds no `rustc X.Y.Z` line"))
}

/// The `rustc -V` line of the compiler cargo runs (`$RUSTC`, or `rustc` on the `PATH`).
fn running_version() -> Result<String, String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let shown = rustc.to_string_lossy().into_owned();
    let output = Command::new(&rustc)
        .arg("-V")
        .output()
        .map_err(|e| format!("cannot run `{shown} -V`: {e}"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    version_line(&text).ok_or_else(|| format!("`{shown} -V` printed no version: {text:?}"))
}

/// The first line of `text`, if it reads `rustc X.Y.Z ...`.
fn version_line(text: &str) -> Option<String> {
    let line = text.lines().next()?.trim();
    short_version(line).map(|_| line.to_owned())
}

/// `rustc 1.95.0 (59807616e 2026-04-14)` -> `rustc 1.95.0`: the builds of one release word
/// their diagnostics alike.
fn short_version(line: &str) -> Option<String> {
    let mut words = line.split_whitespace();
    match (words.next(), words.next()) {
        (Some("rustc"), Some(version)) => Some(format!("rustc {version}")),
        _ => None,
    }
}

/// Skips the snapshots with a message, or fails under `ASYNCORD_UI_STRICT=1`.
fn skip_or_fail(recorded: &Result<String, String>, running: &Result<String, String>) {
    let show = |v: &Result<String, String>| match v {
        Ok(line) => short_version(line).unwrap_or_default(),
        Err(e) => format!("unknown ({e})"),
    };
    let strict = std::env::var_os("ASYNCORD_UI_STRICT").is_some_and(|v| v == "1");
    let message = format!(
        "the compile-fail snapshots in tests/ui/ are for {}, but the compiler is {}, whose \
         wording may differ: {}. Run the tests with {0} to check them, or regenerate them with \
         `TRYBUILD=overwrite cargo test -p asyncord --test compile_fail` and review the changes \
         (tests/ui/README.md).",
        show(recorded),
        show(running),
        if strict {
            "failing, as ASYNCORD_UI_STRICT=1 asks"
        } else {
            "they are skipped"
        },
    );
    assert!(!strict, "{message}");
    // Written to the process's stderr directly, which the test harness does not capture, so
    // that the skip shows in a passing run.
    let _ = writeln!(std::io::stderr().lock(), "note: {message}");
}
