//! The rest of Discord's HTTP API (issue 8): resources and methods beyond the core set, added as
//! `impl` blocks on the core resource types and as new sub-resources.

mod app_objects;
mod channel_extra;
mod guild_objects;
mod guild_settings;
mod paginate;
#[cfg(all(test, feature = "testkit"))]
mod paginate_tests;

pub use app_objects::EntitlementsResource;
pub use channel_extra::AnswerVoters;
pub use guild_objects::{
    ApplicationEmojisResource, AutoModerationResource, EventUsersPage, GuildEmojisResource,
    ScheduledEventUserCounts, ScheduledEventsResource, SoundboardResource, SoundboardSounds,
    TemplatesResource,
};
