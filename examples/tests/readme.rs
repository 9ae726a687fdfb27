//! The code the READMEs show is the code that runs: the quickstart block of the repository's
//! `README.md` is `examples/quickstart.rs` (without its module docs), line for line, and every
//! example is listed in both READMEs.

use std::path::Path;

const README: &str = include_str!("../../README.md");
const EXAMPLES_README: &str = include_str!("../README.md");
const QUICKSTART: &str = include_str!("../examples/quickstart.rs");

/// The first fenced code block after the line `heading`, without its fences.
fn code_block_after<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let section = markdown
        .split_once(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("README.md has no {heading:?} section"))
        .1;
    let fence = section
        .find("```rust")
        .unwrap_or_else(|| panic!("no ```rust block after {heading:?}"));
    let body = &section[fence..];
    let body = &body[body.find('\n').expect("a fence line") + 1..];
    let end = body.find("\n```").expect("a closing fence");
    &body[..end]
}

/// The source without its leading `//!` module docs and the blank lines after them.
fn without_module_docs(source: &str) -> &str {
    let mut rest = source;
    while rest.starts_with("//!") || rest.starts_with('\n') {
        rest = rest.split_once('\n').map_or("", |(_, tail)| tail);
    }
    rest.trim_end()
}

#[test]
fn the_readme_quickstart_is_the_quickstart_example() {
    let shown = code_block_after(README, "## Quickstart");
    let code = without_module_docs(QUICKSTART);
    assert!(code.contains("asyncord::connect_with("), "{code}");
    for (number, (readme, example)) in shown.lines().zip(code.lines()).enumerate() {
        assert_eq!(
            readme,
            example,
            "README.md's quickstart block differs from examples/examples/quickstart.rs at line {} \
             of the block: copy the example (without its //! docs) into the README",
            number + 1
        );
    }
    assert_eq!(
        shown.lines().count(),
        code.lines().count(),
        "README.md's quickstart block and examples/examples/quickstart.rs differ in length"
    );
}

#[test]
fn every_example_is_listed_in_both_readmes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            names.push(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(names.len() >= 8, "{names:?}");
    for name in &names {
        let link = format!("examples/{name}.rs)");
        assert!(
            README.contains(&format!("(examples/{link}")),
            "README.md's Examples section links {name}"
        );
        assert!(
            EXAMPLES_README.contains(&format!("({link}")),
            "examples/README.md links {name}"
        );
    }
}

#[test]
fn the_helpers_find_what_they_look_for() {
    let markdown = "intro\n## Quickstart\ntext\n```rust,ignore\nfn main() {}\n```\nmore\n";
    assert_eq!(code_block_after(markdown, "## Quickstart"), "fn main() {}");
    assert_eq!(
        without_module_docs("//! docs\n//!\n\nuse x;\n\nfn f() {}\n"),
        "use x;\n\nfn f() {}"
    );
}
