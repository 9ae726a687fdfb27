//! `client_hub`: see DESIGN.md §2.
