//! Interactions (ping, application command, component, autocomplete, modal submit), their data and resolved data, and interaction responses.
