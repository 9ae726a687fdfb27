//! Channels, threads, invites and webhooks against the emulator: method, path, query, headers,
//! body as received, and the parsed response.

#[path = "rest_common/mod.rs"]
mod common;

use asyncord::model::Permissions;
use asyncord::model::channel::{ChannelType, OverwriteType};
use asyncord::model::request::{
    CreateChannelInvite, CreateMessage, CreateWebhook, EditChannelPermissions, EditWebhookMessage,
    ExecuteWebhook, ModifyGuildChannel, ModifyThread, ModifyWebhook, StartThreadFromMessage,
    StartThreadInForum, StartThreadWithoutMessage,
};
use common::{assert_bot_headers, last, socket};

#[tokio::test]
async fn channel_get_edit_delete() {
    let (server, client, seed) = socket().await;
    let channel = client.channels.get(seed.channel_id).await.unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        ("GET", format!("/channels/{}", seed.channel_id))
    );
    assert_bot_headers(&r, &seed.bot.token);
    assert_eq!(channel.id, seed.channel_id);
    assert_eq!(channel.name.as_deref(), Some("general"));

    let edited = client
        .channels
        .edit(
            seed.channel_id,
            ModifyGuildChannel::new()
                .name("renamed")
                .topic(Some("hello"))
                .rate_limit_per_user(Some(5)),
        )
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(r.method, "PATCH");
    assert_eq!(r.json().unwrap()["topic"], "hello");
    assert_eq!(edited.name.as_deref(), Some("renamed"));
    assert_eq!(edited.topic.as_deref(), Some("hello"));

    let deleted = client.channels.delete(seed.channel_id).await.unwrap();
    assert_eq!(last(&server).method, "DELETE");
    assert_eq!(deleted.id, seed.channel_id);
    assert_eq!(
        client
            .channels
            .get(seed.channel_id)
            .await
            .unwrap_err()
            .code(),
        Some(10003)
    );
}

#[tokio::test]
async fn permission_overwrites_and_typing() {
    let (server, client, seed) = socket().await;
    client
        .channels
        .edit_permissions(
            seed.channel_id,
            seed.user_id,
            EditChannelPermissions::new(
                OverwriteType::Member,
                Permissions::from_bits_retain(1024),
                Permissions::from_bits_retain(2048),
            ),
        )
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        (
            "PUT",
            format!("/channels/{}/permissions/{}", seed.channel_id, seed.user_id)
        )
    );
    assert_eq!(r.json().unwrap()["allow"], "1024");
    let overwrites = client
        .channels
        .get(seed.channel_id)
        .await
        .unwrap()
        .permission_overwrites
        .unwrap();
    assert_eq!(overwrites.len(), 1);
    assert_eq!(overwrites[0].id, seed.user_id);

    client
        .channels
        .delete_permission(seed.channel_id, seed.user_id)
        .await
        .unwrap();
    assert_eq!(last(&server).method, "DELETE");
    assert!(
        client
            .channels
            .get(seed.channel_id)
            .await
            .unwrap()
            .permission_overwrites
            .unwrap()
            .is_empty()
    );

    let mut events = server.world().subscribe();
    client.channels.typing(seed.channel_id).await.unwrap();
    let r = last(&server);
    assert_eq!((r.method.as_str(), r.status), ("POST", 204));
    assert!(r.path.ends_with("/typing"));
    assert_eq!(events.recv().await.unwrap().event, "TYPING_START");
}

#[tokio::test]
async fn invites_create_list_get_delete() {
    let (server, client, seed) = socket().await;
    let invite = client
        .channels
        .create_invite(
            seed.channel_id,
            CreateChannelInvite {
                max_age: Some(3600),
                max_uses: Some(5),
                ..CreateChannelInvite::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(last(&server).json().unwrap()["max_age"], 3600);
    let listed = client.channels.invites(seed.channel_id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].code, invite.code);
    assert_eq!(client.guilds.invites(seed.guild_id).await.unwrap().len(), 1);

    let got = client.invites.get(&invite.code, true, None).await.unwrap();
    let r = last(&server);
    assert_eq!(r.path, format!("/invites/{}", invite.code));
    assert_eq!(r.query_param("with_counts"), Some("true"));
    assert_eq!(got.approximate_member_count, Some(2));

    let deleted = client
        .invites
        .with_reason("cleanup")
        .delete(&invite.code)
        .await
        .unwrap();
    assert_eq!(last(&server).method, "DELETE");
    assert_eq!(deleted.code, invite.code);
    assert_eq!(
        client
            .invites
            .get(&invite.code, false, None)
            .await
            .unwrap_err()
            .code(),
        Some(10006)
    );
}

#[tokio::test]
async fn threads_start_join_members_archive() {
    let (server, client, seed) = socket().await;
    let messages = client.channels.messages(seed.channel_id);
    let m = messages
        .create(CreateMessage::content("discuss"))
        .await
        .unwrap();
    let threads = client.channels.threads(seed.channel_id);
    let thread = threads
        .start_from_message(
            m.id,
            StartThreadFromMessage {
                auto_archive_duration: Some(60),
                ..StartThreadFromMessage::new("discussion")
            },
        )
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        r.path,
        format!("/channels/{}/messages/{}/threads", seed.channel_id, m.id)
    );
    assert_eq!(r.json().unwrap()["auto_archive_duration"], 60);
    // a thread started from a message has the message's id
    let started_from: asyncord::model::ChannelId = m.id.cast();
    assert_eq!(thread.id, started_from);
    assert_eq!(thread.parent_id, Some(seed.channel_id));

    let bare = threads
        .start(StartThreadWithoutMessage::new(
            "private",
            ChannelType::PrivateThread,
        ))
        .await
        .unwrap();
    assert_eq!(
        last(&server).path,
        format!("/channels/{}/threads", seed.channel_id)
    );
    assert_eq!(bare.name.as_deref(), Some("private"));

    let in_thread = client.channels.threads(thread.id);
    in_thread.add_member(seed.user_id).await.unwrap();
    assert_eq!(
        last(&server).path,
        format!("/channels/{}/thread-members/{}", thread.id, seed.user_id)
    );
    let member = in_thread.member(seed.user_id).await.unwrap();
    assert_eq!(member.user_id, Some(seed.user_id));
    let members = in_thread.members(true, None, Some(10)).await.unwrap();
    let r = last(&server);
    assert_eq!(r.query_param("with_member"), Some("true"));
    assert_eq!(r.query_param("limit"), Some("10"));
    assert_eq!(members.len(), 2);
    assert!(members.iter().any(|m| m.member.is_some()));
    in_thread.remove_member(seed.user_id).await.unwrap();
    in_thread.leave().await.unwrap();
    assert!(last(&server).path.ends_with("/thread-members/@me"));
    in_thread.join().await.unwrap();
    assert_eq!(last(&server).method, "PUT");

    let active = client.guilds.active_threads(seed.guild_id).await.unwrap();
    assert_eq!(active.threads.len(), 2);

    client
        .channels
        .edit(
            thread.id,
            ModifyThread {
                archived: Some(true),
                ..ModifyThread::default()
            },
        )
        .await
        .unwrap();
    let archived = threads.archived_public(Some(5)).await.unwrap();
    assert_eq!(
        last(&server).path,
        format!("/channels/{}/threads/archived/public", seed.channel_id)
    );
    assert_eq!(archived.threads.len(), 1);
    assert_eq!(archived.threads[0].id, thread.id);
    assert!(
        threads
            .archived_private(None)
            .await
            .unwrap()
            .threads
            .is_empty()
    );
    assert!(
        threads
            .joined_archived_private(None)
            .await
            .unwrap()
            .threads
            .is_empty()
    );
    assert!(
        last(&server)
            .path
            .ends_with("/users/@me/threads/archived/private")
    );
}

#[tokio::test]
async fn forum_post_with_first_message() {
    let (server, client, seed) = socket().await;
    let forum = server.world().add_channel(seed.guild_id, "forum", 15);
    let post = client
        .channels
        .threads(forum)
        .start_in_forum(StartThreadInForum::new("Question", "How?"))
        .await
        .unwrap();
    assert_eq!(post.parent_id, Some(forum));
    let msgs = server.world().messages(post.id);
    assert_eq!(msgs[0]["content"], "How?");
}

#[tokio::test]
async fn webhooks_create_execute_messages_delete() {
    let (server, client, seed) = socket().await;
    let hook = client
        .webhooks
        .create(seed.channel_id, CreateWebhook::new("Captain Hook"))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        ("POST", format!("/channels/{}/webhooks", seed.channel_id))
    );
    assert_eq!(hook.name.as_deref(), Some("Captain Hook"));
    let token = hook.token.as_ref().unwrap().expose().to_owned();

    assert_eq!(
        client
            .webhooks
            .channel_webhooks(seed.channel_id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        client
            .webhooks
            .guild_webhooks(seed.guild_id)
            .await
            .unwrap()
            .len(),
        1
    );
    let by_token = client.webhooks.get(hook.id, Some(&token)).await.unwrap();
    let r = last(&server);
    assert!(
        r.header("authorization").is_none(),
        "token routes carry no bot token"
    );
    assert!(by_token.user.is_none());
    assert_eq!(
        client.webhooks.get(hook.id, None).await.unwrap().id,
        hook.id
    );

    let edited = client
        .webhooks
        .edit(
            hook.id,
            None,
            ModifyWebhook {
                name: Some("Smee".into()),
                ..ModifyWebhook::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.name.as_deref(), Some("Smee"));

    let msg = client
        .webhooks
        .execute(hook.id, &token, None, ExecuteWebhook::content("ahoy"))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(r.path, format!("/webhooks/{}/{token}", hook.id));
    assert_eq!(r.query_param("wait"), Some("true"));
    assert_eq!(msg.webhook_id, Some(hook.id));
    assert_eq!(msg.content, "ahoy");

    let got = client
        .webhooks
        .message(hook.id, &token, msg.id, None)
        .await
        .unwrap();
    assert_eq!(got.id, msg.id);
    let edited = client
        .webhooks
        .edit_message(
            hook.id,
            &token,
            msg.id,
            None,
            EditWebhookMessage::new().content(Some("avast")),
        )
        .await
        .unwrap();
    assert_eq!(edited.content, "avast");
    client
        .webhooks
        .delete_message(hook.id, &token, msg.id, None)
        .await
        .unwrap();
    assert_eq!(
        client
            .webhooks
            .message(hook.id, &token, msg.id, None)
            .await
            .unwrap_err()
            .code(),
        Some(10008)
    );

    let err = client
        .webhooks
        .get(hook.id, Some("wrong"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(50027));
    client.webhooks.delete(hook.id, Some(&token)).await.unwrap();
    assert_eq!(
        client.webhooks.get(hook.id, None).await.unwrap_err().code(),
        Some(10015)
    );
}
