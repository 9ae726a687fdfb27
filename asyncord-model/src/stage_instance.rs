//! Stage instances.
