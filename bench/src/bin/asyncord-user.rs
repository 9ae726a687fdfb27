//! The user path (see `shared/user.rs`): `connect_with`, one `#[handler]` per event
//! kind of the mix taking its event by value, no cache.
//!
//! `--unsubscribed`: one handler for an event that is not in the mix (`CHANNEL_CREATE`) and
//! the unknown-event handler, so every event of the flood is one nobody subscribed to; the
//! count is then the frames the shard read past (its `delivered` count stays 0).
//!
//! `--shards N` runs N shards in the process.

#[path = "shared/user.rs"]
mod user;

#[tokio::main]
async fn main() {
    let unsubscribed = std::env::args().any(|a| a == "--unsubscribed");
    user::run("asyncord-user", unsubscribed, |group| {
        user::register(&group.dispatcher);
    })
    .await;
}
