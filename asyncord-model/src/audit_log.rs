//! Audit logs: entries, changes, optional info, and the action types.
