//! Auto-moderation rules, triggers, actions, and execution payloads.
