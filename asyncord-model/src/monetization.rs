//! Entitlements, SKUs, subscriptions, and their flags.
