//! The core resources: gateway, users, applications and commands, channels, messages,
//! reactions, pins, threads, invites, webhooks, interactions, guilds, members, roles, bans,
//! stage instances and stickers.

use asyncord::model::Id;
use asyncord::model::Permissions;
use asyncord::model::channel::{ChannelType, OverwriteType};
use asyncord::model::interaction::InteractionResponse;
use asyncord::model::request::command::{CreateCommand, EditCommand};
use asyncord::model::request::{
    BulkBan, BulkDeleteMessages, CreateChannelInvite, CreateGuildBan, CreateGuildChannel,
    CreateMessage, CreateRole, CreateStageInstance, CreateWebhook, EditChannelPermissions,
    EditMessage, EditWebhookMessage, ExecuteWebhook, ModifyCurrentMember, ModifyGuild,
    ModifyGuildChannel, ModifyGuildMember, ModifyRole, ModifyStageInstance, ModifyWebhook, Patch,
    StartThreadFromMessage, StartThreadWithoutMessage,
};
use asyncord::rest::{ListMembers, ListMessages, RestClient, RolePosition};
use asyncord::testkit::rest::{RestServer, Seed};
use serde_json::json;

use super::run::Run;
use super::values::seeded;

/// An id no object has, used when the call that should have made one failed.
const fn none<M>() -> Id<M> {
    Id::new(1)
}

pub async fn run(run: &mut Run, client: &RestClient, server: &RestServer, seed: &Seed) {
    let (guild, channel, user, app) = seeded(seed);
    run.step("gateway", client.gateway_url()).await;
    run.step("gateway bot", client.gateway_bot()).await;

    // users
    run.step("me", client.users.me()).await;
    run.step("user", client.users.get(user)).await;
    run.step("my guilds", client.users.guilds(None, None, Some(10)))
        .await;
    run.step("dm", client.users.create_dm(user)).await;

    // applications, oauth2, commands
    run.step("app me", client.applications.me()).await;
    run.step("oauth2 app", client.auth.current_application())
        .await;
    run.step("oauth2 me", client.auth.current_authorization())
        .await;
    let commands = client.applications.commands(app);
    let ping = run
        .step(
            "create command",
            commands.create(CreateCommand::chat_input("ping", "pong")),
        )
        .await
        .map_or(none(), |c| c.id);
    run.step("get command", commands.get(ping)).await;
    run.step(
        "edit command",
        commands.edit(
            ping,
            EditCommand {
                description: Some("Pong!".into()),
                ..EditCommand::default()
            },
        ),
    )
    .await;
    run.step("list commands", commands.list(true)).await;
    run.step(
        "bulk commands",
        commands.bulk_overwrite(&[CreateCommand::chat_input("ping", "pong")]),
    )
    .await;
    let gcommands = commands.guild(guild);
    let g = run
        .step(
            "bulk guild commands",
            gcommands.bulk_overwrite(&[CreateCommand::chat_input("a", "first")]),
        )
        .await
        .and_then(|v| v.first().map(|c| c.id))
        .unwrap_or(none());
    run.step(
        "create guild command",
        gcommands.create(CreateCommand::user("Inspect")),
    )
    .await;
    run.step("get guild command", gcommands.get(g)).await;
    run.step(
        "edit guild command",
        gcommands.edit(
            g,
            EditCommand {
                description: Some("x".into()),
                ..EditCommand::default()
            },
        ),
    )
    .await;
    run.step("list guild commands", gcommands.list(false)).await;
    run.step("delete guild command", gcommands.delete(g)).await;
    let all = commands.list(false).await.unwrap_or_default();
    run.check_exchanges("list commands again");
    for c in all {
        run.step("delete command", commands.delete(c.id)).await;
    }

    // channels
    run.step("channel", client.channels.get(channel)).await;
    run.step(
        "edit channel",
        client.channels.with_reason(super::AUDIT_LOG_REASON).edit(
            channel,
            ModifyGuildChannel {
                topic: Patch::Set("t".into()),
                ..ModifyGuildChannel::new()
            },
        ),
    )
    .await;
    run.step(
        "overwrite",
        client.channels.edit_permissions(
            channel,
            user,
            EditChannelPermissions::new(
                OverwriteType::Member,
                Permissions::VIEW_CHANNEL,
                Permissions::empty(),
            ),
        ),
    )
    .await;
    run.step(
        "delete overwrite",
        client.channels.delete_permission(channel, user),
    )
    .await;
    run.step("typing", client.channels.typing(channel)).await;
    let invite = run
        .step(
            "create invite",
            client
                .channels
                .create_invite(channel, CreateChannelInvite::default()),
        )
        .await
        .map(|i| i.code)
        .unwrap_or_default();
    run.step("channel invites", client.channels.invites(channel))
        .await;
    run.step("guild invites", client.guilds.invites(guild))
        .await;
    run.step("invite", client.invites.get(&invite, true, None))
        .await;
    run.step("delete invite", client.invites.delete(&invite))
        .await;

    // messages, reactions, pins
    let messages = client.channels.messages(channel);
    let m = run
        .step(
            "create message",
            messages.create(CreateMessage::content("hi")),
        )
        .await
        .map_or(none(), |m| m.id);
    run.step("get message", messages.get(m)).await;
    run.step(
        "edit message",
        messages.edit(m, EditMessage::new().content(Some("ho"))),
    )
    .await;
    run.step(
        "list messages",
        messages.list(ListMessages::default().limit(5)),
    )
    .await;
    run.step("pin", messages.pin(m)).await;
    run.step("pins", messages.pins(None, Some(10))).await;
    run.step("unpin", messages.unpin(m)).await;
    let reactions = messages.reactions(m);
    run.step("react", reactions.add("👍")).await;
    run.step("reaction users", reactions.users("👍", None, Some(10)))
        .await;
    run.step("unreact", reactions.remove_own("👍")).await;
    run.step("react again", reactions.add("👍")).await;
    run.step(
        "remove user reaction",
        reactions.remove_user("👍", seed.bot.user_id),
    )
    .await;
    run.step("clear emoji", reactions.clear_emoji("👍")).await;
    run.step("clear reactions", reactions.clear()).await;
    let news = run
        .step(
            "create news channel",
            client.guilds.create_channel(
                guild,
                CreateGuildChannel::new("news", ChannelType::GuildAnnouncement),
            ),
        )
        .await
        .map_or(none(), |c| c.id);
    let news_messages = client.channels.messages(news);
    let nm = run
        .step(
            "news message",
            news_messages.create(CreateMessage::content("extra")),
        )
        .await
        .map_or(none(), |m| m.id);
    run.step("crosspost", news_messages.crosspost(nm)).await;

    // threads
    let threads = client.channels.threads(channel);
    let thread = run
        .step(
            "thread from message",
            threads.start_from_message(m, StartThreadFromMessage::new("discussion")),
        )
        .await
        .map_or(none(), |t| t.id);
    run.step(
        "thread",
        threads.start(StartThreadWithoutMessage::new(
            "private",
            ChannelType::PrivateThread,
        )),
    )
    .await;
    let in_thread = client.channels.threads(thread);
    run.step("add thread member", in_thread.add_member(user))
        .await;
    run.step("thread member", in_thread.member(user)).await;
    run.step("thread members", in_thread.members(true, None, Some(10)))
        .await;
    run.step("remove thread member", in_thread.remove_member(user))
        .await;
    run.step("leave thread", in_thread.leave()).await;
    run.step("join thread", in_thread.join()).await;
    run.step("active threads", client.guilds.active_threads(guild))
        .await;
    run.step("archived public", threads.archived_public(Some(5)))
        .await;
    run.step("archived private", threads.archived_private(None))
        .await;
    run.step(
        "joined archived private",
        threads.joined_archived_private(None),
    )
    .await;

    // webhooks
    let hook = run
        .step(
            "create webhook",
            client.webhooks.create(channel, CreateWebhook::new("Hook")),
        )
        .await;
    let (hook_id, token) = hook.map_or((none(), String::new()), |h| {
        (
            h.id,
            h.token.map(|t| t.expose().to_owned()).unwrap_or_default(),
        )
    });
    run.step(
        "channel webhooks",
        client.webhooks.channel_webhooks(channel),
    )
    .await;
    run.step("guild webhooks", client.webhooks.guild_webhooks(guild))
        .await;
    run.step("webhook", client.webhooks.get(hook_id, None))
        .await;
    run.step(
        "webhook by token",
        client.webhooks.get(hook_id, Some(&token)),
    )
    .await;
    let rename = ModifyWebhook {
        name: Some("Smee".into()),
        ..ModifyWebhook::default()
    };
    run.step(
        "edit webhook",
        client.webhooks.edit(hook_id, None, rename.clone()),
    )
    .await;
    run.step(
        "edit webhook by token",
        client.webhooks.edit(hook_id, Some(&token), rename),
    )
    .await;
    let wm = run
        .step(
            "execute",
            client
                .webhooks
                .execute(hook_id, &token, None, ExecuteWebhook::content("ahoy")),
        )
        .await
        .map_or(none(), |m| m.id);
    run.step(
        "webhook message",
        client.webhooks.message(hook_id, &token, wm, None),
    )
    .await;
    run.step(
        "edit webhook message",
        client.webhooks.edit_message(
            hook_id,
            &token,
            wm,
            None,
            EditWebhookMessage::new().content(Some("avast")),
        ),
    )
    .await;
    run.step(
        "delete webhook message",
        client.webhooks.delete_message(hook_id, &token, wm, None),
    )
    .await;

    // interactions
    if let Some((id, itoken)) = server.world().add_interaction(
        &seed.bot,
        channel,
        user,
        &json!({"name": "ping", "type": 1}),
    ) {
        let i = &client.interactions;
        run.step(
            "respond",
            i.respond(id, &itoken, InteractionResponse::message("pong")),
        )
        .await;
        run.step("original", i.original(app, &itoken)).await;
        run.step(
            "edit original",
            i.edit_original(app, &itoken, EditWebhookMessage::new().content(Some("p"))),
        )
        .await;
        let f = run
            .step(
                "followup",
                i.create_followup(app, &itoken, ExecuteWebhook::content("more")),
            )
            .await
            .map_or(none(), |m| m.id);
        run.step("get followup", i.followup(app, &itoken, f)).await;
        run.step("delete followup", i.delete_followup(app, &itoken, f))
            .await;
        run.step("delete original", i.delete_original(app, &itoken))
            .await;
    }
    run.step(
        "delete webhook by token",
        client.webhooks.delete(hook_id, Some(&token)),
    )
    .await;
    if let Ok(h) = client
        .webhooks
        .create(channel, CreateWebhook::new("Other"))
        .await
    {
        run.check_exchanges("create webhook again");
        run.step("delete webhook", client.webhooks.delete(h.id, None))
            .await;
    }

    // guilds, members, roles, bans
    run.step("guild", client.guilds.get(guild, true)).await;
    run.step(
        "edit guild",
        client.guilds.edit(
            guild,
            ModifyGuild {
                name: Some("Renamed".into()),
                ..ModifyGuild::default()
            },
        ),
    )
    .await;
    run.step("guild channels", client.guilds.channels(guild))
        .await;
    run.step(
        "channel positions",
        client.guilds.edit_channel_positions(
            guild,
            &[asyncord::rest::ChannelPosition {
                id: news,
                position: Some(0),
                ..asyncord::rest::ChannelPosition::default()
            }],
        ),
    )
    .await;
    let members = client.guilds.members(guild);
    run.step("member", members.get(user)).await;
    run.step("members", members.list(ListMembers::new().limit(10)))
        .await;
    run.step("search members", members.search("ali", Some(5)))
        .await;
    run.step(
        "edit member",
        members.edit(
            user,
            ModifyGuildMember {
                nick: Patch::Set("Al".into()),
                ..ModifyGuildMember::new()
            },
        ),
    )
    .await;
    run.step(
        "edit current member",
        members.edit_current(ModifyCurrentMember {
            nick: Patch::Set("Bot".into()),
            ..ModifyCurrentMember::default()
        }),
    )
    .await;
    let roles = client.guilds.roles(guild);
    let role = run
        .step("create role", roles.create(CreateRole::new("mods")))
        .await
        .map_or(none(), |r| r.id);
    run.step("roles", roles.list()).await;
    run.step("role", roles.get(role)).await;
    run.step(
        "edit role",
        roles.edit(
            role,
            ModifyRole {
                hoist: Patch::Set(true),
                ..ModifyRole::default()
            },
        ),
    )
    .await;
    run.step(
        "role positions",
        roles.edit_positions(&[RolePosition {
            id: role,
            position: 1,
        }]),
    )
    .await;
    run.step("add role", members.add_role(user, role)).await;
    run.step("remove role", members.remove_role(user, role))
        .await;
    run.step("delete role", roles.delete(role)).await;
    run.step("kick", members.kick(user)).await;
    let bans = client.guilds.bans(guild);
    run.step("ban", bans.ban(user, CreateGuildBan::default()))
        .await;
    run.step("get ban", bans.get(user)).await;
    run.step("bans", bans.list(None, None, Some(10))).await;
    run.step("unban", bans.unban(user)).await;
    run.step(
        "bulk ban",
        bans.bulk_ban(BulkBan {
            user_ids: vec![user],
            delete_message_seconds: None,
        }),
    )
    .await;
    run.step("delete message", messages.delete(m)).await;
    let a = messages
        .create(CreateMessage::content("a"))
        .await
        .map_or(none(), |m| m.id);
    let b = messages
        .create(CreateMessage::content("b"))
        .await
        .map_or(none(), |m| m.id);
    run.check_exchanges("two messages");
    run.step(
        "bulk delete",
        messages.bulk_delete(BulkDeleteMessages::new([a, b])),
    )
    .await;

    // stage instances
    let stage = run
        .step(
            "stage channel",
            client.guilds.create_channel(
                guild,
                CreateGuildChannel::new("stage", ChannelType::GuildStageVoice),
            ),
        )
        .await
        .map_or(none(), |c| c.id);
    run.step(
        "create stage",
        client
            .stage_instances
            .create(CreateStageInstance::new(stage, "talk")),
    )
    .await;
    run.step("stage", client.stage_instances.get(stage)).await;
    run.step(
        "edit stage",
        client.stage_instances.edit(
            stage,
            ModifyStageInstance {
                topic: Some("talk more".into()),
                ..ModifyStageInstance::default()
            },
        ),
    )
    .await;
    run.step("delete stage", client.stage_instances.delete(stage))
        .await;
    run.step("delete channel", client.channels.delete(stage))
        .await;

    // stickers (standard)
    run.step("sticker packs", client.stickers.packs()).await;
    run.step("guild stickers", client.stickers.guild_stickers(guild))
        .await;
}
