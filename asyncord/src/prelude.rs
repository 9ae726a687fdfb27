//! The names a bot needs in scope: `use asyncord::prelude::*;`.

pub use asyncord_model::{Intents, Permissions, Snowflake, Timestamp};

pub use crate::dispatcher::{
    Context, Dispatcher, HandlerError, HandlerResult, Inject, InjectError, RawEvent, handler,
    inject,
};
