//! `dispatcher`: see DESIGN.md §2.
