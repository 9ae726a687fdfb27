//! Shared support for asyncord's cross-crate integration tests (the tests themselves live in
//! `tests/tests/`).
//!
//! - [`openapi`]: the conformance harness that checks REST requests and responses against
//!   Discord's OpenAPI spec and counts operation coverage.
//! - [`proxy`]: a recording HTTP proxy that keeps each request with its response bytes.

pub mod openapi;
pub mod proxy;
