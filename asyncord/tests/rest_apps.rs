//! Users, DMs, the current application, application commands, interactions and OAuth2 info
//! against the emulator.

#[path = "rest_common/mod.rs"]
mod common;

use asyncord::http::RestError;
use asyncord::model::interaction::InteractionResponse;
use asyncord::model::request::command::{CreateCommand, EditCommand};
use asyncord::model::request::{
    CreateMessage, EditWebhookMessage, ExecuteWebhook, ModifyCurrentApplication, ModifyCurrentUser,
};
use common::{last, socket};
use serde_json::json;

#[tokio::test]
async fn users_me_get_edit_guilds_dm() {
    let (server, client, seed) = socket().await;
    let me = client.users.me().await.unwrap();
    assert_eq!(last(&server).path, "/users/@me");
    assert_eq!(me.id, seed.bot.user_id);
    assert!(me.bot);
    let alice = client.users.get(seed.user_id).await.unwrap();
    assert_eq!(alice.username, "alice");

    let renamed = client
        .users
        .edit_me(ModifyCurrentUser {
            username: Some("NewName".into()),
            ..ModifyCurrentUser::default()
        })
        .await
        .unwrap();
    assert_eq!(last(&server).method, "PATCH");
    assert_eq!(renamed.username, "NewName");

    let guilds = client.users.guilds(None, None, Some(10)).await.unwrap();
    assert_eq!(last(&server).query_param("limit"), Some("10"));
    assert_eq!(guilds.len(), 1);
    assert!(guilds[0].owner);

    let dm = client.users.create_dm(seed.user_id).await.unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.as_str()),
        ("POST", "/users/@me/channels")
    );
    assert_eq!(
        r.json().unwrap(),
        json!({"recipient_id": seed.user_id.to_string()})
    );
    let again = client.users.create_dm(seed.user_id).await.unwrap();
    assert_eq!(dm.id, again.id);
    let sent = client
        .channels
        .messages(dm.id)
        .create(CreateMessage::content("hi"))
        .await
        .unwrap();
    assert_eq!(sent.channel_id, dm.id);

    client.users.leave_guild(seed.guild_id).await.unwrap();
    assert_eq!(
        last(&server).path,
        format!("/users/@me/guilds/{}", seed.guild_id)
    );
    assert!(
        client
            .users
            .guilds(None, None, None)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn application_and_auth_info() {
    let (server, client, seed) = socket().await;
    let app = client.applications.me().await.unwrap();
    assert_eq!(app.id, seed.bot.application_id);
    let edited = client
        .applications
        .edit_me(ModifyCurrentApplication::new().description("a bot"))
        .await
        .unwrap();
    assert_eq!(edited.description, "a bot");
    let via_oauth = client.auth.current_application().await.unwrap();
    assert_eq!(last(&server).path, "/oauth2/applications/@me");
    assert_eq!(via_oauth.id, app.id);
    let info = client.auth.current_authorization().await.unwrap();
    assert_eq!(last(&server).path, "/oauth2/@me");
    assert_eq!(info.application.id, app.id);
    assert!(info.scopes.iter().any(|s| s == "bot"));
}

#[tokio::test]
async fn global_and_guild_commands() {
    let (server, client, seed) = socket().await;
    let commands = client.applications.commands(seed.bot.application_id);
    let ping = commands
        .create(CreateCommand::chat_input("ping", "Replies with pong"))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        r.path,
        format!("/applications/{}/commands", seed.bot.application_id)
    );
    assert_eq!(r.json().unwrap()["name"], "ping");
    assert_eq!(ping.name, "ping");
    assert_eq!(commands.get(ping.id).await.unwrap().id, ping.id);
    let edited = commands
        .edit(
            ping.id,
            EditCommand {
                description: Some("Pong!".into()),
                ..EditCommand::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.description, "Pong!");
    assert_eq!(commands.list(true).await.unwrap().len(), 1);
    assert_eq!(
        last(&server).query_param("with_localizations"),
        Some("true")
    );

    let guild = commands.guild(seed.guild_id);
    let all = guild
        .bulk_overwrite(&[
            CreateCommand::chat_input("a", "first"),
            CreateCommand::user("Inspect"),
        ])
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        (
            "PUT",
            format!(
                "/applications/{}/guilds/{}/commands",
                seed.bot.application_id, seed.guild_id
            )
        )
    );
    assert_eq!(all.len(), 2);
    assert!(all.iter().all(|c| c.guild_id == Some(seed.guild_id)));
    assert_eq!(guild.list(false).await.unwrap().len(), 2);
    guild.delete(all[0].id).await.unwrap();
    assert_eq!(guild.list(false).await.unwrap().len(), 1);
    commands.delete(ping.id).await.unwrap();
    assert_eq!(commands.get(ping.id).await.unwrap_err().code(), Some(10063));

    let err = guild
        .bulk_overwrite(&[CreateCommand::chat_input("Bad Name", "x")])
        .await
        .unwrap_err();
    match err {
        RestError::Validation(v) => assert!(v.path.starts_with("[0]"), "{}", v.path),
        other => panic!("expected Validation, got {other:?}"),
    }
}

#[tokio::test]
async fn interaction_response_original_and_followups() {
    let (server, client, seed) = socket().await;
    let world = server.world();
    let (id, token) = world
        .add_interaction(
            &seed.bot,
            seed.channel_id,
            seed.user_id,
            &json!({"name": "ping", "type": 1}),
        )
        .unwrap();
    let app = seed.bot.application_id;

    client
        .interactions
        .respond(id, &token, InteractionResponse::message("pong"))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(r.path, format!("/interactions/{id}/{token}/callback"));
    assert!(r.header("authorization").is_none());
    assert_eq!(
        r.json().unwrap(),
        json!({"type": 4, "data": {"content": "pong"}})
    );
    let err = client
        .interactions
        .respond(id, &token, InteractionResponse::message("again"))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(40060));

    let original = client.interactions.original(app, &token).await.unwrap();
    assert_eq!(
        last(&server).path,
        format!("/webhooks/{app}/{token}/messages/@original")
    );
    assert_eq!(original.content, "pong");
    let edited = client
        .interactions
        .edit_original(
            app,
            &token,
            EditWebhookMessage::new().content(Some("pong!")),
        )
        .await
        .unwrap();
    assert_eq!(edited.content, "pong!");

    let follow = client
        .interactions
        .create_followup(app, &token, ExecuteWebhook::content("more"))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(r.path, format!("/webhooks/{app}/{token}"));
    assert_eq!(r.query_param("wait"), Some("true"));
    assert_eq!(follow.content, "more");
    assert_eq!(
        client
            .interactions
            .followup(app, &token, follow.id)
            .await
            .unwrap()
            .id,
        follow.id
    );
    let e = client
        .interactions
        .edit_followup(
            app,
            &token,
            follow.id,
            EditWebhookMessage::new().content(Some("most")),
        )
        .await
        .unwrap();
    assert_eq!(e.content, "most");
    client
        .interactions
        .delete_followup(app, &token, follow.id)
        .await
        .unwrap();
    client
        .interactions
        .delete_original(app, &token)
        .await
        .unwrap();
    assert_eq!(
        client
            .interactions
            .original(app, &token)
            .await
            .unwrap_err()
            .code(),
        Some(10008)
    );

    let (id2, token2) = world
        .add_interaction(
            &seed.bot,
            seed.channel_id,
            seed.user_id,
            &json!({"name": "defer", "type": 1}),
        )
        .unwrap();
    let cb = client
        .interactions
        .respond_with_callback(id2, &token2, InteractionResponse::deferred(false))
        .await
        .unwrap();
    assert_eq!(last(&server).query_param("with_response"), Some("true"));
    assert_eq!(cb.interaction.id, id2);
    assert_eq!(cb.interaction.response_message_loading, Some(true));
    assert!(cb.resource.and_then(|r| r.message).is_some());
}

#[tokio::test]
async fn gateway_bot_returns_the_configured_url() {
    let (world, seed) = asyncord::testkit::rest::World::seeded();
    let config = asyncord::testkit::rest::RestConfig::default().gateway_url("ws://127.0.0.1:1234");
    let server = asyncord::testkit::rest::RestServer::start_with(world, config)
        .await
        .unwrap();
    let client = asyncord::rest::RestClient::builder(&seed.bot.token)
        .base_url(server.url())
        .build();
    let info = client.gateway_bot().await.unwrap();
    assert_eq!(last(&server).path, "/gateway/bot");
    assert_eq!(info.url, "ws://127.0.0.1:1234");
    assert_eq!(info.shards, 1);
    assert_eq!(info.session_start_limit.max_concurrency, 1);
    assert_eq!(
        client.gateway_url().await.unwrap().url,
        "ws://127.0.0.1:1234"
    );
}
