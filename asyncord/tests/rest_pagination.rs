//! The pagination streams against the in-memory emulator (paused clock): every page fetched
//! lazily, cursors from the last item, a short page or an error ends the stream.

#[path = "rest_common/mod.rs"]
mod common;

use asyncord::model::request::{CreateGuildBan, CreateMessage};
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{RestConfig, RestServer, Seed, World};
use futures_util::StreamExt;
use std::sync::Arc;

fn setup() -> (RestServer, RestClient, Seed, Arc<World>) {
    common::in_memory(RestConfig::default())
}

#[tokio::test(start_paused = true)]
async fn messages_stream_walks_every_page_newest_first() {
    let (server, client, seed, world) = setup();
    let mut ids = Vec::new();
    for i in 0..230 {
        ids.push(
            world
                .add_message(seed.channel_id, seed.user_id, &format!("m{i}"))
                .unwrap(),
        );
    }
    server.clear_requests();
    let got: Vec<_> = client
        .channels
        .messages(seed.channel_id)
        .stream()
        .collect()
        .await;
    let got: Vec<_> = got.into_iter().map(|m| m.unwrap().id).collect();
    ids.reverse();
    assert_eq!(got, ids, "every message once, newest first");
    let requests = server.requests();
    assert_eq!(requests.len(), 3, "pages of 100, 100 and 30");
    assert_eq!(requests[0].query_param("before"), None);
    assert_eq!(
        requests[1].query_param("before"),
        Some(ids[99].to_string().as_str())
    );
    assert_eq!(requests[2].query_param("limit"), Some("100"));
}

#[tokio::test(start_paused = true)]
async fn members_stream_and_guilds_stream_use_after() {
    let (server, client, seed, world) = setup();
    for i in 0..5 {
        let u = world.add_user(&format!("user{i}"));
        world.add_member(seed.guild_id, u);
    }
    server.clear_requests();
    let members: Vec<_> = client
        .guilds
        .members(seed.guild_id)
        .stream()
        .collect()
        .await;
    assert_eq!(members.len(), 7, "bot, alice and 5 more");
    assert!(members.iter().all(Result::is_ok));
    let r = server.requests();
    assert_eq!(r.len(), 1, "a short page is the last");
    assert_eq!(r[0].query_param("limit"), Some("1000"));

    let guilds: Vec<_> = client.users.guilds_stream().collect().await;
    assert_eq!(guilds.len(), 1);
    assert_eq!(guilds[0].as_ref().unwrap().id, seed.guild_id);
}

#[tokio::test(start_paused = true)]
async fn a_failing_page_ends_the_stream_with_its_error() {
    let (_server, client, _seed, _world) = setup();
    let items: Vec<_> = client
        .channels
        .messages(424_242_u64)
        .stream()
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap_err().code(), Some(10003));
}

#[tokio::test(start_paused = true)]
async fn reaction_users_bans_and_audit_log_stream() {
    let (_server, client, seed, _world) = setup();
    let messages = client.channels.messages(seed.channel_id);
    let m = messages
        .create(CreateMessage::content("vote"))
        .await
        .unwrap();
    messages.reactions(m.id).add("👍").await.unwrap();
    let users: Vec<_> = messages.reactions(m.id).users_stream("👍").collect().await;
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].as_ref().unwrap().id, seed.bot.user_id);

    let bans = client.guilds.bans(seed.guild_id);
    bans.ban(seed.user_id, CreateGuildBan::default())
        .await
        .unwrap();
    let all: Vec<_> = bans.stream().collect().await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].as_ref().unwrap().user.id, seed.user_id);

    let entries: Vec<_> = client
        .guilds
        .audit_log_stream(seed.guild_id, None, Some(22))
        .collect()
        .await;
    assert_eq!(entries.len(), 1, "one MEMBER_BAN_ADD entry");
    assert_eq!(
        entries[0].as_ref().unwrap().target_id,
        Some(seed.user_id.into())
    );
}
