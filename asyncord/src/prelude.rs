//! The names a bot needs in scope: `use asyncord::prelude::*;`.

pub use asyncord_model::{Intents, Permissions, Snowflake, Timestamp};
