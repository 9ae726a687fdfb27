//! Guild scheduled events, recurrence rules, and event users.
