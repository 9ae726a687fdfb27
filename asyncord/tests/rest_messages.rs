//! Messages, reactions and pins against the emulator: each call's method, path, query, headers
//! and body as received, and the parsed response.

#[path = "rest_common/mod.rs"]
mod common;

use asyncord::model::request::{BulkDeleteMessages, CreateMessage, EditMessage};
use asyncord::rest::{ListMessages, ReactionEmoji};
use common::{assert_bot_headers, last, socket};

#[tokio::test]
async fn create_get_edit_delete_message() {
    let (server, client, seed) = socket().await;
    let messages = client.channels.messages(seed.channel_id);

    let sent = messages
        .create(CreateMessage::content("pong"))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(r.method, "POST");
    assert_eq!(r.path, format!("/channels/{}/messages", seed.channel_id));
    assert_bot_headers(&r, &seed.bot.token);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.json().unwrap()["content"], "pong");
    assert_eq!(sent.content, "pong");
    assert_eq!(sent.author.id, seed.bot.user_id);
    assert_eq!(sent.channel_id, seed.channel_id);

    let got = messages.get(sent.id).await.unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        (
            "GET",
            format!("/channels/{}/messages/{}", seed.channel_id, sent.id)
        )
    );
    assert!(r.body.is_empty());
    assert_eq!(got, sent);

    let edited = messages
        .edit(sent.id, EditMessage::new().content(Some("edited")))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(r.method, "PATCH");
    assert_eq!(r.json().unwrap()["content"], "edited");
    assert_eq!(edited.content, "edited");
    assert!(edited.edited_timestamp.is_some());

    messages.delete(sent.id).await.unwrap();
    assert_eq!(last(&server).method, "DELETE");
    assert_eq!(last(&server).status, 204);
    let err = messages.get(sent.id).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.code(), Some(10008));
}

#[tokio::test]
async fn list_sends_pagination_query() {
    let (server, client, seed) = socket().await;
    let messages = client.channels.messages(seed.channel_id);
    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(
            messages
                .create(CreateMessage::content(format!("m{i}")))
                .await
                .unwrap()
                .id,
        );
    }
    let page = messages
        .list(ListMessages::new().before(ids[4]).limit(2))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(r.query_param("before"), Some(ids[4].to_string().as_str()));
    assert_eq!(r.query_param("limit"), Some("2"));
    assert_eq!(r.query_param("after"), None);
    assert_eq!(
        page.iter().map(|m| m.id).collect::<Vec<_>>(),
        vec![ids[3], ids[2]]
    );

    let newer = messages
        .list(ListMessages::new().after(ids[2]))
        .await
        .unwrap();
    assert_eq!(
        last(&server).query_param("after"),
        Some(ids[2].to_string().as_str())
    );
    assert_eq!(newer.len(), 2);

    let all = messages.list(ListMessages::new()).await.unwrap();
    assert!(last(&server).query.is_empty());
    assert_eq!(all.first().map(|m| m.id), Some(ids[4]));

    let bad = messages.list(ListMessages::new().limit(101)).await;
    assert!(matches!(bad, Err(asyncord::http::RestError::Validation(_))));
}

#[tokio::test]
async fn bulk_delete_and_crosspost() {
    let (server, client, seed) = socket().await;
    let messages = client.channels.messages(seed.channel_id);
    let a = messages
        .create(CreateMessage::content("a"))
        .await
        .unwrap()
        .id;
    let b = messages
        .create(CreateMessage::content("b"))
        .await
        .unwrap()
        .id;
    messages
        .bulk_delete(BulkDeleteMessages::new([a, b]))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        r.path,
        format!("/channels/{}/messages/bulk-delete", seed.channel_id)
    );
    assert_eq!(
        r.json().unwrap()["messages"],
        serde_json::json!([a.to_string(), b.to_string()])
    );
    assert!(server.world().messages(seed.channel_id).is_empty());

    // Crossposting needs an announcement channel (type 5).
    let news = server.world().add_channel(seed.guild_id, "news", 5);
    let news_messages = client.channels.messages(news);
    let m = news_messages
        .create(CreateMessage::content("launch"))
        .await
        .unwrap();
    let crossposted = news_messages.crosspost(m.id).await.unwrap();
    assert_eq!(
        last(&server).path,
        format!("/channels/{news}/messages/{}/crosspost", m.id)
    );
    assert_eq!(crossposted.flags.map(|f| f.bits() & 1), Some(1));
    let err = messages.crosspost(a).await.unwrap_err();
    assert_eq!(err.status(), Some(400));
}

#[tokio::test]
async fn pins_round_trip() {
    let (server, client, seed) = socket().await;
    let messages = client.channels.messages(seed.channel_id);
    let m = messages
        .create(CreateMessage::content("pin me"))
        .await
        .unwrap();
    messages.pin(m.id).await.unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        (
            "PUT",
            format!("/channels/{}/messages/pins/{}", seed.channel_id, m.id)
        )
    );
    let pins = messages.pins(None, Some(10)).await.unwrap();
    assert_eq!(last(&server).query_param("limit"), Some("10"));
    assert_eq!(pins.items.len(), 1);
    assert_eq!(pins.items[0].message.id, m.id);
    assert!(pins.items[0].message.pinned);
    messages.unpin(m.id).await.unwrap();
    assert_eq!(last(&server).method, "DELETE");
    assert!(messages.pins(None, None).await.unwrap().items.is_empty());
}

#[tokio::test]
async fn reactions_add_list_remove() {
    let (server, client, seed) = socket().await;
    let messages = client.channels.messages(seed.channel_id);
    let m = messages
        .create(CreateMessage::content("react"))
        .await
        .unwrap();
    let reactions = messages.reactions(m.id);

    reactions.add("👍").await.unwrap();
    let r = last(&server);
    assert_eq!(r.method, "PUT");
    // The emoji travels percent-encoded and arrives intact.
    assert_eq!(
        r.path,
        format!(
            "/channels/{}/messages/{}/reactions/👍/@me",
            seed.channel_id, m.id
        )
    );
    let got = messages.get(m.id).await.unwrap();
    let list = got.reactions.expect("reactions");
    assert_eq!(list[0].count, 1);
    assert!(list[0].me);

    let custom = ReactionEmoji::custom("blob", 123_u64);
    reactions.add(custom.clone()).await.unwrap();
    assert!(last(&server).path.ends_with("/reactions/blob:123/@me"));

    let users = reactions.users("👍", None, Some(10)).await.unwrap();
    assert_eq!(last(&server).query_param("limit"), Some("10"));
    assert_eq!(
        users.iter().map(|u| u.id).collect::<Vec<_>>(),
        vec![seed.bot.user_id]
    );

    reactions.remove_user("👍", seed.bot.user_id).await.unwrap();
    assert!(
        last(&server)
            .path
            .ends_with(&format!("/reactions/👍/{}", seed.bot.user_id))
    );
    reactions.remove_own(custom.clone()).await.unwrap();
    assert!(messages.get(m.id).await.unwrap().reactions.is_none());

    reactions.add('🎉').await.unwrap();
    reactions.clear_emoji('🎉').await.unwrap();
    assert!(last(&server).path.ends_with("/reactions/🎉"));
    reactions.add('🎉').await.unwrap();
    reactions.clear().await.unwrap();
    assert!(last(&server).path.ends_with("/reactions"));
    assert!(messages.get(m.id).await.unwrap().reactions.is_none());
}

#[tokio::test]
async fn message_create_publishes_dispatch() {
    let (server, client, seed) = socket().await;
    let mut events = server.world().subscribe();
    let m = client
        .channels
        .messages(seed.channel_id)
        .create(CreateMessage::content("hi"))
        .await
        .unwrap();
    let d = events.recv().await.unwrap();
    assert_eq!(d.event, "MESSAGE_CREATE");
    assert_eq!(d.data["id"], m.id.to_string());
    assert_eq!(d.guild_id, Some(seed.guild_id));
}
