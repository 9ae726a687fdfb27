//! The rest of Discord's HTTP API (issue 8): resources and methods beyond the core set, added as
//! `impl` blocks on the core resource types and as new sub-resources, plus pagination streams.
//!
//! Every operation of Discord's OpenAPI spec a bot can call has a method, except:
//! - the deprecated `/channels/{id}/pins` routes: use the new pin routes
//!   (`messages(channel).pins(..)`, `.pin(..)`, `.unpin(..)` on `/channels/{id}/messages/pins`);
//! - the OAuth2-Bearer-only routes (a user's own role connection and entitlements,
//!   `/oauth2/userinfo`): this client authenticates as a bot;
//! - the Social SDK routes (`/lobbies`, `/partner-sdk`).
//!
//! `tests/tests/conformance.rs` checks each method's requests and the emulator's answers against
//! the spec.

mod app_objects;
mod channel_extra;
mod guild_objects;
mod guild_settings;
pub(crate) mod paginate;
#[cfg(all(test, feature = "testkit"))]
mod paginate_tests;
mod soundboard;

pub use app_objects::EntitlementsResource;
pub use channel_extra::AnswerVoters;
pub use guild_objects::{
    ApplicationEmojisResource, AutoModerationResource, EventUsersPage, GuildEmojisResource,
    ScheduledEventUserCounts, ScheduledEventsResource, TemplatesResource,
};
pub use soundboard::{SoundboardResource, SoundboardSounds};
