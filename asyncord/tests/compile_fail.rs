//! Wrong uses of `#[handler]` and `#[inject]` fail to compile with an error at the offending
//! token and a note saying what to do; each diagnostic is locked by a `.stderr` file in
//! `tests/ui/` (regenerate with `TRYBUILD=overwrite` and review every change).

#[test]
fn macro_misuse_is_a_helpful_compile_error() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
