//! Application commands: options, choices, localisations, permissions, contexts and integration types.
