//! `rest`: see DESIGN.md §2.
