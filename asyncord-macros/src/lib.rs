//! asyncord-macros
