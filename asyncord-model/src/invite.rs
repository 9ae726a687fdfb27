//! Invites and invite metadata.
