//! Roles, role tags, role colours and role flags.
