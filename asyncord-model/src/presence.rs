//! Presences, activities, client status, and activity flags.
