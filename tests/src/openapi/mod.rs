//! The OpenAPI conformance harness: checks recorded REST requests and responses against
//! Discord's own OpenAPI 3.1 spec (<https://github.com/discord/discord-api-spec>, saved in
//! `testdata/discord-api/openapi/openapi.json`) and counts which operations a run covered.
//!
//! ```no_run
//! use asyncord_tests::openapi::{Coverage, RecordedRequest, Spec};
//!
//! let spec = Spec::load();
//! let request = RecordedRequest::json(
//!     "POST",
//!     "/api/v10/channels/1/messages",
//!     &serde_json::json!({ "content": "pong" }),
//! );
//! let checked = spec.check(&request);
//! assert!(checked.problems.is_empty(), "{:?}", checked.problems);
//! let mut coverage = Coverage::new(spec);
//! if let Some(op) = checked.operation {
//!     coverage.record(op);
//! }
//! println!("{coverage}"); // covered 1 of 223 operations, then the missing ones by group
//! ```
//!
//! The pieces: [`Spec`] (the spec and its 223 operations), [`Operation`], matching
//! ([`Spec::match_request`]), the checks ([`Spec::check`], [`Spec::check_response`],
//! [`Spec::check_response_headers`]), the schema [`Validator`] and its vocabulary
//! ([`keywords`]), the request headers ([`headers`]), [`Coverage`] (with [`Coverage::verdict`] for pass/fail), the docs-over-spec
//! fixes ([`extra`]), the operations left out on purpose ([`EXCLUDED`]) and test helpers
//! ([`fixtures`]).

pub mod check;
pub mod coverage;
pub mod excluded;
pub mod extra;
pub mod fixtures;
pub mod headers;
pub mod keywords;
pub mod matcher;
pub mod operation;
pub mod problem;
pub mod request;
pub mod spec;
pub mod validator;
pub mod values;

pub use check::Checked;
pub use coverage::Coverage;
pub use excluded::EXCLUDED;
pub use matcher::DEFAULT_BASE;
pub use operation::{Location, Operation, Parameter, Segment};
pub use problem::{Problem, render};
pub use request::{ParsedBody, Part, RecordedRequest};
pub use spec::{Group, Spec};
pub use validator::{UnionMode, Validator};
