//! The resources beyond the core set: emojis, scheduled events, auto moderation, audit log,
//! templates, soundboard, voice, the guild's widget, onboarding, welcome screen, prune and join
//! requests, applications, entitlements, SKUs, polls, a channel's followers and voice status,
//! invites' target users, OAuth2 keys, connections, Slack/GitHub webhooks.

use asyncord::http::RestError;
use asyncord::model::auto_moderation::{
    ActionMetadata, AutoModerationAction, AutoModerationActionType,
};
use asyncord::model::channel::ChannelType;
use asyncord::model::command::ApplicationCommandPermission;
use asyncord::model::guild::{
    OnboardingMode, OnboardingPrompt, OnboardingPromptOption, OnboardingPromptType,
    WelcomeScreenChannel,
};
use asyncord::model::request::command::CreateCommand;
use asyncord::model::request::{
    ActionJoinRequest, AddGroupDmRecipient, AddGuildMember, BeginGuildPrune,
    CreateAutoModerationRule, CreateEmoji, CreateGuildChannel, CreateMessage, CreatePoll,
    CreateScheduledEvent, CreateScheduledEventException, CreateSoundboardSound,
    CreateTestEntitlement, CreateWebhook, EditCommandPermissions, FileUpload, GuildTemplateBody,
    ImageData, JsonBody, ModifyApplicationEmoji, ModifyAutoModerationRule,
    ModifyCurrentApplication, ModifyCurrentUser, ModifyEmoji, ModifyGuildWidget,
    ModifyIncidentActions, ModifyOnboarding, ModifyScheduledEvent, ModifyScheduledEventException,
    ModifySoundboardSound, ModifySticker, ModifyVoiceState, ModifyWelcomeScreen, Patch,
    SendSoundboardSound,
};
use asyncord::model::{
    ApplicationId, GuildId, Id, OnboardingPromptId, OnboardingPromptOptionId, SoundboardSoundId,
    StickerPackId, Timestamp, UserId,
};
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{RestServer, Seed};
use serde_json::json;
use std::time::Duration;

use super::run::Run;

/// An id no object has, used when the call that should have made one failed.
const fn none<M>() -> Id<M> {
    Id::new(1)
}

/// A timestamp from RFC 3339 text.
fn at(s: &str) -> Timestamp {
    s.parse().expect("timestamp")
}

/// A 1x1 PNG.
fn png() -> ImageData {
    let bytes: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
    ];
    ImageData::from_bytes(bytes).expect("png")
}

#[allow(clippy::too_many_lines)]
pub async fn run(run: &mut Run, client: &RestClient, server: &RestServer, seed: &Seed) {
    let (guild, channel, user, app) = (
        seed.guild_id,
        seed.channel_id,
        seed.user_id,
        seed.bot.application_id,
    );
    let guilds = &client.guilds;

    // emojis
    let emojis = guilds.emojis(guild);
    let e = run
        .step(
            "create emoji",
            emojis.create(CreateEmoji::new("blob", png())),
        )
        .await
        .and_then(|e| e.id)
        .unwrap_or(none());
    run.step("emojis", emojis.list()).await;
    run.step("emoji", emojis.get(e)).await;
    run.step(
        "edit emoji",
        emojis.edit(
            e,
            ModifyEmoji {
                name: Some("blob2".into()),
                roles: Patch::Clear,
            },
        ),
    )
    .await;
    run.step("delete emoji", emojis.delete(e)).await;
    let app_emojis = client.applications.emojis(app);
    let ae = run
        .step(
            "create app emoji",
            app_emojis.create(CreateEmoji::new("blob", png())),
        )
        .await
        .and_then(|e| e.id)
        .unwrap_or(none());
    run.step("app emojis", app_emojis.list()).await;
    run.step("app emoji", app_emojis.get(ae)).await;
    run.step(
        "edit app emoji",
        app_emojis.edit(ae, ModifyApplicationEmoji::new("blob3")),
    )
    .await;
    run.step("delete app emoji", app_emojis.delete(ae)).await;

    // scheduled events
    let events = guilds.scheduled_events(guild);
    let ev = run
        .step(
            "create event",
            events.create(
                CreateScheduledEvent::external(
                    "Party",
                    "Online",
                    at("2030-01-01T00:00:00+00:00"),
                    at("2030-01-01T02:00:00+00:00"),
                )
                .description("a party"),
            ),
        )
        .await
        .map_or(none(), |e| e.id);
    run.step("events", events.list(true)).await;
    run.step("event", events.get(ev, true)).await;
    run.step(
        "edit event",
        events.edit(
            ev,
            ModifyScheduledEvent::new()
                .name("Party!")
                .description(Some("a bigger party".into())),
        ),
    )
    .await;
    run.step(
        "event users",
        events.users(ev, (None, None, Some(10), true)),
    )
    .await;
    run.step("event user counts", events.user_counts(ev)).await;
    let x = run
        .step(
            "create exception",
            events.create_exception(
                ev,
                CreateScheduledEventException::new(at("2030-01-08T00:00:00+00:00")).canceled(),
            ),
        )
        .await
        .and_then(|v| {
            v["event_exception_id"]
                .as_str()
                .and_then(|s| s.parse().ok())
        })
        .unwrap_or(none());
    run.step(
        "exception users",
        events.exception_users(ev, x, (None, None, None, false)),
    )
    .await;
    run.step(
        "edit exception",
        events.edit_exception(ev, x, ModifyScheduledEventException::new().canceled(false)),
    )
    .await;
    run.step("delete exception", events.delete_exception(ev, x))
        .await;
    run.step("delete event", events.delete(ev)).await;

    // auto moderation
    let automod = guilds.auto_moderation(guild);
    let r = run
        .step(
            "create rule",
            automod.create(
                CreateAutoModerationRule::keyword("no bad words", ["bad"])
                    .action(AutoModerationAction {
                        kind: AutoModerationActionType::BlockMessage,
                        metadata: Some(ActionMetadata {
                            custom_message: Some("no".into()),
                            ..ActionMetadata::default()
                        }),
                    })
                    .enabled(true)
                    .exempt_channel(channel),
            ),
        )
        .await
        .map_or(none(), |r| r.id);
    run.step("rules", automod.list()).await;
    run.step("rule", automod.get(r)).await;
    run.step(
        "edit rule",
        automod.edit(
            r,
            ModifyAutoModerationRule::new()
                .name("no very bad words")
                .enabled(false),
        ),
    )
    .await;
    run.step("delete rule", automod.delete(r)).await;
    run.step(
        "audit log",
        guilds.audit_log(guild, None, None, None, None, Some(50)),
    )
    .await;

    // templates
    let templates = guilds.templates(guild);
    let code = run
        .step(
            "create template",
            templates.create(GuildTemplateBody {
                name: Some("base".into()),
                description: Patch::Set("d".into()),
            }),
        )
        .await
        .map(|t| t.code)
        .unwrap_or_default();
    run.step("templates", templates.list()).await;
    run.step("template", guilds.template(&code)).await;
    run.step("sync template", templates.sync(&code)).await;
    run.step(
        "edit template",
        templates.edit(
            &code,
            GuildTemplateBody {
                name: Some("b2".into()),
                description: Patch::Unchanged,
            },
        ),
    )
    .await;
    run.step("delete template", templates.delete(&code)).await;

    // soundboard
    let sounds = guilds.soundboard(guild);
    let snd = run
        .step(
            "create sound",
            sounds.create(CreateSoundboardSound {
                name: "quack".into(),
                sound: ImageData::sound_from_bytes(b"OggS\0\x02").expect("ogg"),
                volume: Some(0.8),
                emoji_id: None,
                emoji_name: Some("🦆".into()),
            }),
        )
        .await
        .map_or(none(), |s| s.sound_id);
    run.step("sounds", sounds.list()).await;
    run.step("sound", sounds.get(snd)).await;
    run.step(
        "edit sound",
        sounds.edit(
            snd,
            ModifySoundboardSound {
                name: None,
                volume: Patch::Set(0.5),
            },
        ),
    )
    .await;
    run.step("delete sound", sounds.delete(snd)).await;
    run.step(
        "default sounds",
        client.applications.default_soundboard_sounds(),
    )
    .await;

    // voice
    run.step("all regions", guilds.all_voice_regions()).await;
    run.step("guild regions", guilds.voice_regions(guild)).await;
    run.step("my voice state", guilds.current_voice_state(guild))
        .await;
    run.step("voice state", guilds.voice_state(guild, user))
        .await;
    run.step(
        "edit my voice state",
        guilds.edit_current_voice_state(
            guild,
            ModifyVoiceState {
                suppress: Some(false),
                request_to_speak_timestamp: Patch::Clear,
                ..ModifyVoiceState::default()
            },
        ),
    )
    .await;
    run.step(
        "edit voice state",
        guilds.edit_voice_state(
            guild,
            user,
            ModifyVoiceState {
                suppress: Some(true),
                ..ModifyVoiceState::default()
            },
        ),
    )
    .await;

    // guild settings
    run.step("integrations", guilds.integrations(guild)).await;
    run.step(
        "delete integration",
        guilds.delete_integration(guild, none()),
    )
    .await;
    run.step("prune count", guilds.prune_count(guild, Some(7), &[]))
        .await;
    run.step(
        "prune",
        guilds.prune(
            guild,
            BeginGuildPrune {
                days: Some(7),
                compute_prune_count: Some(true),
                include_roles: Vec::new(),
            },
        ),
    )
    .await;
    run.step("widget settings", guilds.widget_settings(guild))
        .await;
    run.step(
        "edit widget",
        guilds.edit_widget(guild, ModifyGuildWidget::new().enabled(true)),
    )
    .await;
    run.step("widget", guilds.widget(guild)).await;
    run.step_raw("widget image", guilds.widget_image(guild, Some("shield")))
        .await;
    run.step("onboarding", guilds.onboarding(guild)).await;
    run.step(
        "edit onboarding",
        guilds.edit_onboarding(
            guild,
            ModifyOnboarding::new()
                .enabled(false)
                .prompts(vec![OnboardingPrompt {
                    id: OnboardingPromptId::new(1),
                    kind: OnboardingPromptType::MultipleChoice,
                    options: vec![OnboardingPromptOption {
                        id: OnboardingPromptOptionId::new(2),
                        channel_ids: vec![channel],
                        role_ids: Vec::new(),
                        emoji: None,
                        emoji_id: None,
                        emoji_name: Some("👋".to_owned()),
                        emoji_animated: Some(false),
                        title: "Say hello".to_owned(),
                        description: Some("Where introductions go".to_owned()),
                    }],
                    title: "What brings you here?".to_owned(),
                    single_select: true,
                    required: false,
                    in_onboarding: true,
                }])
                .default_channels(vec![channel])
                .mode(OnboardingMode::Default),
        ),
    )
    .await;
    run.step("welcome screen", guilds.welcome_screen(guild))
        .await;
    run.step(
        "edit welcome screen",
        guilds.edit_welcome_screen(
            guild,
            ModifyWelcomeScreen::new()
                .enabled(false)
                .description(Some("hi".into()))
                .channels(vec![WelcomeScreenChannel {
                    channel_id: channel,
                    description: "say hello".into(),
                    emoji_id: None,
                    emoji_name: Some("\u{1F44B}".into()),
                }]),
        ),
    )
    .await;
    run.step("new member welcome", guilds.new_member_welcome(guild))
        .await;
    run.step("vanity", guilds.vanity_url(guild)).await;
    run.step("preview", guilds.preview(guild)).await;
    run.step(
        "incident actions",
        guilds.edit_incident_actions(
            guild,
            ModifyIncidentActions::new()
                .invites_disabled_until(Some(Timestamp::now() + Duration::from_hours(1)))
                .dms_disabled_until(None),
        ),
    )
    .await;
    run.step(
        "search",
        guilds.search_messages(guild, &[("content", "hi".to_owned())]),
    )
    .await;
    run.step("join requests", guilds.join_requests(guild, None, Some(10)))
        .await;
    run.step(
        "action join request",
        guilds.action_join_request(guild, none(), ActionJoinRequest::approve()),
    )
    .await;
    run.step("role member counts", guilds.role_member_counts(guild))
        .await;
    let newcomer = server.world().add_user("bob");
    run.step(
        "add member",
        guilds.members(guild).add(
            newcomer,
            AddGuildMember {
                access_token: "oauth-access-token".into(),
                nick: None,
                roles: None,
                mute: None,
                deaf: None,
            },
        ),
    )
    .await;

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
