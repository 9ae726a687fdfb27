//! The guild's resources beyond the core set: emojis (the guild's and the application's),
//! scheduled events and their exceptions, auto moderation, templates, soundboard, voice states,
//! and the guild's settings (widget, onboarding, welcome screen, incident actions, prune,
//! message search, join requests, role member counts, members added with OAuth2).

use asyncord::model::auto_moderation::{
    ActionMetadata, AutoModerationAction, AutoModerationActionType,
};
use asyncord::model::guild::{
    OnboardingMode, OnboardingPrompt, OnboardingPromptOption, OnboardingPromptType,
    WelcomeScreenChannel,
};
use asyncord::model::request::{
    ActionJoinRequest, AddGuildMember, BeginGuildPrune, CreateAutoModerationRule, CreateEmoji,
    CreateScheduledEvent, CreateScheduledEventException, CreateSoundboardSound, GuildTemplateBody,
    ImageData, ModifyApplicationEmoji, ModifyAutoModerationRule, ModifyEmoji, ModifyGuildWidget,
    ModifyIncidentActions, ModifyOnboarding, ModifyScheduledEvent, ModifyScheduledEventException,
    ModifySoundboardSound, ModifyVoiceState, ModifyWelcomeScreen, Patch,
};
use asyncord::model::{OnboardingPromptId, OnboardingPromptOptionId, Timestamp, UserId};
use asyncord::rest::RestClient;
use asyncord::testkit::rest::{RestServer, Seed};
use std::time::Duration;

use super::run::Run;
use super::values::{at, none, png, seeded};

/// Returns the member it added (a user a later call takes).
#[allow(clippy::too_many_lines)]
pub async fn run(run: &mut Run, client: &RestClient, server: &RestServer, seed: &Seed) -> UserId {
    let (guild, channel, user, app) = seeded(seed);
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
    newcomer
}
