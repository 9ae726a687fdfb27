//! The resources beyond the core set and the guild's (`calls_guild.rs`): applications and their
//! commands' permissions, entitlements, SKUs, subscriptions, the current user's OAuth2 keys and
//! connections, group DMs, a channel's followers and voice status, polls, forum tags, invites'
//! target users, stickers, Slack/GitHub webhooks; and bodies refused before sending.

use asyncord::http::RestError;
use asyncord::model::channel::ChannelType;
use asyncord::model::command::ApplicationCommandPermission;
use asyncord::model::request::command::CreateCommand;
use asyncord::model::request::{
    AddGroupDmRecipient, CreateEmoji, CreateGuildChannel, CreateMessage, CreatePoll,
    CreateTestEntitlement, CreateWebhook, EditCommandPermissions, FileUpload, GuildTemplateBody,
    JsonBody, ModifyCurrentApplication, ModifyCurrentUser, ModifySticker, ModifyVoiceState, Patch,
    SendSoundboardSound,
};
use asyncord::model::{ApplicationId, GuildId, SoundboardSoundId, StickerPackId, UserId};
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{RestServer, Seed};
use serde_json::json;

use super::run::Run;
use super::values::{none, png, seeded};

/// `newcomer`: a guild member who is no recipient of any group DM yet.
#[allow(clippy::too_many_lines)]
pub async fn run(
    run: &mut Run,
    client: &RestClient,
    server: &RestServer,
    seed: &Seed,
    newcomer: UserId,
) {
    let (guild, channel, user, app) = seeded(seed);
    let guilds = &client.guilds;

    // applications
    run.step("application", client.applications.get(app)).await;
    run.step(
        "edit application",
        client
            .applications
            .edit(app, ModifyCurrentApplication::new().tags(["utility"])),
    )
    .await;
    run.step(
        "edit my application",
        client
            .applications
            .edit_me(ModifyCurrentApplication::new().tags(["utility"])),
    )
    .await;
    run.step(
        "activity instance",
        client.applications.activity_instance(app, "i-1"),
    )
    .await;
    run.step(
        "upload attachment",
        client
            .applications
            .upload_attachment(app, FileUpload::new("a.png", b"\x89PNG\r\n\x1a\n".to_vec())),
    )
    .await;
    let gcommands = client.applications.commands(app).guild(guild);
    let cmd = gcommands
        .create(CreateCommand::chat_input("perm", "p"))
        .await
        .map_or(none(), |c| c.id);
    run.check_exchanges("command for permissions");
    run.step("all command permissions", gcommands.all_permissions())
        .await;
    run.step("command permissions", gcommands.permissions(cmd))
        .await;
    run.step(
        "edit command permissions",
        gcommands.edit_permissions(
            cmd,
            EditCommandPermissions {
                permissions: vec![ApplicationCommandPermission {
                    id: user.into(),
                    kind: asyncord::model::command::ApplicationCommandPermissionType::User,
                    permission: true,
                }],
            },
        ),
    )
    .await;
    run.step(
        "role connection metadata",
        client.applications.role_connection_metadata(app),
    )
    .await;
    run.step(
        "set role connection metadata",
        client.applications.set_role_connection_metadata(app, &[]),
    )
    .await;

    // entitlements, SKUs, subscriptions
    let ents = client.applications.entitlements(app);
    let ent = run
        .step(
            "create entitlement",
            ents.create_test(CreateTestEntitlement {
                sku_id: none(),
                owner_id: user.into(),
                owner_type: 2,
            }),
        )
        .await
        .map_or(none(), |e| e.id);
    run.step(
        "entitlements",
        ents.list(Some(user), &[none()], None, Some(10)),
    )
    .await;
    run.step("entitlement", ents.get(ent)).await;
    run.step("consume", ents.consume(ent)).await;
    run.step("delete entitlement", ents.delete_test(ent)).await;
    let sku = run
        .step("skus", client.applications.skus(app))
        .await
        .and_then(|v| v.first().map(|s| s.id))
        .unwrap_or(none());
    run.step(
        "subscriptions",
        client
            .applications
            .sku_subscriptions(sku, Some(user), Some(10)),
    )
    .await;
    run.step(
        "subscription",
        client.applications.sku_subscription(sku, none()),
    )
    .await;

    // users, oauth2
    run.step("connections", client.users.connections()).await;
    run.step("public keys", client.auth.public_keys()).await;
    run.step(
        "edit me",
        client.users.edit_me(ModifyCurrentUser {
            username: Some("TestBot2".into()),
            ..ModifyCurrentUser::default()
        }),
    )
    .await;

    // channels
    let news = guilds
        .create_channel(
            guild,
            CreateGuildChannel::new("news2", ChannelType::GuildAnnouncement),
        )
        .await
        .map_or(none(), |c| c.id);
    run.check_exchanges("announcement channel");
    run.step("follow", client.channels.follow(news, channel))
        .await;
    let voice = guilds
        .create_channel(guild, CreateGuildChannel::voice("vc"))
        .await
        .map_or(none(), |c| c.id);
    run.check_exchanges("voice channel");
    run.step(
        "voice status",
        client.channels.set_voice_status(voice, Some("chill")),
    )
    .await;
    run.step(
        "send sound",
        client
            .channels
            .send_soundboard_sound(voice, SendSoundboardSound::new(SoundboardSoundId::new(1))),
    )
    .await;
    let group = server.world().add_channel(guild, "group", 3);
    run.step(
        "add recipient",
        client
            .channels
            .add_recipient(group, newcomer, AddGroupDmRecipient::new("t", "b")),
    )
    .await;
    run.step(
        "remove recipient",
        client.channels.remove_recipient(group, newcomer),
    )
    .await;
    let poll = client
        .channels
        .messages(channel)
        .create(CreateMessage::new().poll(CreatePoll::new("Tea?", ["yes", "no"])))
        .await
        .map_or(none(), |m| m.id);
    run.check_exchanges("poll message");
    run.step(
        "poll voters",
        client
            .channels
            .poll_voters(channel, poll, 1, None, Some(10)),
    )
    .await;
    run.step("end poll", client.channels.end_poll(channel, poll))
        .await;
    let forum = guilds
        .create_channel(
            guild,
            CreateGuildChannel::new("forum", ChannelType::GuildForum),
        )
        .await
        .map_or(none(), |c| c.id);
    run.check_exchanges("forum channel");
    run.step(
        "thread search",
        client
            .channels
            .search_threads(forum, &[("name", "x".to_owned())]),
    )
    .await;

    // invites: target users
    let invite = client
        .channels
        .create_invite(
            channel,
            asyncord::model::request::CreateChannelInvite::default(),
        )
        .await
        .map(|i| i.code)
        .unwrap_or_default();
    run.check_exchanges("invite for target users");
    run.step(
        "set target users",
        client.invites.set_target_users(
            &invite,
            FileUpload::new("users.csv", format!("user_id\n{user}\n").into_bytes()),
        ),
    )
    .await;
    run.step_raw("target users", client.invites.target_users(&invite))
        .await;
    run.step(
        "target users job",
        client.invites.target_users_job_status(&invite),
    )
    .await;

    // stickers
    let sticker = client
        .stickers
        .create_guild_sticker(
            guild,
            asyncord::model::request::CreateSticker {
                name: "wave".into(),
                description: "waving".into(),
                tags: "wave".into(),
                file: FileUpload::new("wave.png", b"\x89PNG\r\n\x1a\n".to_vec()),
            },
        )
        .await;
    run.check_parsed("create sticker", sticker.as_ref().ok());
    if let Ok(s) = sticker {
        run.step("sticker", client.stickers.get(s.id)).await;
        run.step("guild sticker", client.stickers.guild_sticker(guild, s.id))
            .await;
        run.step(
            "edit sticker",
            client.stickers.edit_guild_sticker(
                guild,
                s.id,
                ModifySticker {
                    name: Some("wave2".into()),
                    ..ModifySticker::default()
                },
            ),
        )
        .await;
        run.step(
            "delete sticker",
            client.stickers.delete_guild_sticker(guild, s.id),
        )
        .await;
    } else {
        run.failures.push("create sticker failed".into());
    }
    // the emulator's one standard pack
    run.step(
        "pack",
        client
            .stickers
            .pack(StickerPackId::new(847_199_849_233_514_549)),
    )
    .await;

    // slack / github webhooks
    if let Ok(h) = client
        .webhooks
        .create(channel, CreateWebhook::new("CI"))
        .await
    {
        run.check_exchanges("webhook for slack");
        let token = h.token.map(|t| t.expose().to_owned()).unwrap_or_default();
        run.step(
            "slack",
            client
                .webhooks
                .execute_slack(h.id, &token, JsonBody(json!({"text": "hi"}))),
        )
        .await;
        run.step(
            "github",
            client.webhooks.execute_github(
                h.id,
                &token,
                JsonBody(json!({"sender": {"id": 1, "login": "octo", "html_url": "https://github.com/octo", "avatar_url": "https://github.com/octo.png"}})),
            ),
        )
        .await;
    }

    local_rejections(run, client, guild, app, user).await;
}

/// Bodies a shared type allows but the route does not take are refused before sending.
async fn local_rejections(
    run: &mut Run,
    client: &RestClient,
    guild: GuildId,
    app: ApplicationId,
    user: UserId,
) {
    let mut emoji = CreateEmoji::new("blob", png());
    emoji.roles.push(none());
    let voice = ModifyVoiceState {
        request_to_speak_timestamp: Patch::Clear,
        ..ModifyVoiceState::default()
    };
    let results = [
        (
            "app emoji with roles",
            client.applications.emojis(app).create(emoji).await.err(),
        ),
        (
            "template without a name",
            client
                .guilds
                .templates(guild)
                .create(GuildTemplateBody::default())
                .await
                .err(),
        ),
        (
            "other user's request to speak",
            client
                .guilds
                .edit_voice_state(guild, user, voice)
                .await
                .err(),
        ),
    ];
    for (label, error) in results {
        if !matches!(error, Some(RestError::Validation(_))) {
            run.failures.push(format!(
                "{label}: expected a local validation error, got {error:?}"
            ));
        }
    }
    let sent = run.proxy.take();
    if !sent.is_empty() {
        run.failures
            .push(format!("local rejections sent {} request(s)", sent.len()));
    }
}
