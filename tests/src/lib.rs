//! Cross-crate integration tests for asyncord live in `tests/`.
