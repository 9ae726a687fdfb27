//! `gateway`: see DESIGN.md §2.
