//! The rest of Discord's HTTP API (issue 8): resources and methods beyond the core set, added as
//! `impl` blocks on the core resource types and as new sub-resources.
