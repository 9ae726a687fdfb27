//! The user path with the cache (see `shared/user.rs`): the same client with
//! `group.enable_cache(CacheConfig::default())`, so every event the cache follows updates it
//! before the handlers run (the ratio to `asyncord-user` is the cache's cost per event).
//!
//! `--by-ref` makes the handlers take their events by reference (`&Event`), so they share the
//! parsed event the cache keeps instead of each getting a clone (reported as
//! `asyncord-user-cache-ref`).

use asyncord::prelude::*;
#[path = "shared/user.rs"]
mod user;

/// The user path's handlers taking their events by reference (`--by-ref`).
mod by_ref {
    use super::user::Meter;
    use asyncord::prelude::*;
    use std::hint::black_box;

    #[handler]
    pub async fn on_message_create(event: &MessageCreateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_presence_update(event: &PresenceUpdateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_typing_start(event: &TypingStartEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_reaction_add(event: &MessageReactionAddEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_member_update(event: &GuildMemberUpdateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }

    #[handler]
    pub async fn on_guild_create(event: &GuildCreateEvent, meter: Meter) {
        black_box(event);
        meter.event();
    }
}

#[tokio::main]
async fn main() {
    let by_ref = std::env::args().any(|a| a == "--by-ref");
    let name = if by_ref {
        "asyncord-user-cache-ref"
    } else {
        "asyncord-user-cache"
    };
    user::run(name, false, |group| {
        group.enable_cache(CacheConfig::default());
        let dispatcher = &group.dispatcher;
        if by_ref {
            dispatcher.add_handler(by_ref::on_message_create);
            dispatcher.add_handler(by_ref::on_presence_update);
            dispatcher.add_handler(by_ref::on_typing_start);
            dispatcher.add_handler(by_ref::on_reaction_add);
            dispatcher.add_handler(by_ref::on_member_update);
            dispatcher.add_handler(by_ref::on_guild_create);
        } else {
            user::register(dispatcher);
        }
    })
    .await;
}
