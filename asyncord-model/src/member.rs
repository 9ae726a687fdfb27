//! Guild members and member flags.
