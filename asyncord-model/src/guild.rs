//! Guilds and their satellites: preview, widget, onboarding, welcome screen, template, integration, ban, prune, and guild flags.
