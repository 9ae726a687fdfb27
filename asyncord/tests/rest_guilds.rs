//! Guilds, roles, members, bans, stage instances and stickers against the emulator.

#[path = "rest_common/mod.rs"]
mod common;

use asyncord::model::request::{
    BulkBan, CreateGuildBan, CreateGuildChannel, CreateRole, CreateStageInstance, CreateSticker,
    FileUpload, ModifyCurrentMember, ModifyGuild, ModifyGuildMember, ModifyRole,
    ModifyStageInstance, ModifySticker, Patch,
};
use asyncord::model::{OnboardingPromptId, OnboardingPromptOptionId, UserId};
use asyncord::rest::{ChannelPosition, ListMembers, RolePosition};
use common::{last, socket};
use serde_json::json;

#[tokio::test]
async fn guild_get_edit_channels() {
    let (server, client, seed) = socket().await;
    let guild = client.guilds.get(seed.guild_id, true).await.unwrap();
    let r = last(&server);
    assert_eq!(r.path, format!("/guilds/{}", seed.guild_id));
    assert_eq!(r.query_param("with_counts"), Some("true"));
    assert_eq!(guild.name, "Test Guild");
    assert_eq!(guild.approximate_member_count, Some(2));
    client.guilds.get(seed.guild_id, false).await.unwrap();
    assert!(last(&server).query.is_empty());

    let edited = client
        .guilds
        .edit(
            seed.guild_id,
            ModifyGuild {
                name: Some("Renamed".into()),
                ..ModifyGuild::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(last(&server).method, "PATCH");
    assert_eq!(edited.name, "Renamed");

    let created = client
        .guilds
        .create_channel(seed.guild_id, CreateGuildChannel::voice("voice"))
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        ("POST", format!("/guilds/{}/channels", seed.guild_id))
    );
    assert_eq!(created.name.as_deref(), Some("voice"));
    let channels = client.guilds.channels(seed.guild_id).await.unwrap();
    assert_eq!(channels.len(), 2);

    client
        .guilds
        .edit_channel_positions(
            seed.guild_id,
            &[ChannelPosition {
                id: created.id,
                position: Some(0),
                ..ChannelPosition::default()
            }],
        )
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        r.json().unwrap(),
        json!([{"id": created.id.to_string(), "position": 0}])
    );
    assert_eq!(
        client.channels.get(created.id).await.unwrap().position,
        Some(0)
    );
}

#[tokio::test]
async fn roles_crud_and_positions() {
    let (server, client, seed) = socket().await;
    let roles = client.guilds.roles(seed.guild_id);
    let role = roles
        .create(CreateRole::new("mods").hoist(true))
        .await
        .unwrap();
    assert_eq!(
        last(&server).path,
        format!("/guilds/{}/roles", seed.guild_id)
    );
    assert_eq!(role.name, "mods");
    assert!(role.hoist);
    assert_eq!(roles.get(role.id).await.unwrap().id, role.id);
    assert_eq!(roles.list().await.unwrap().len(), 2);
    let edited = roles
        .edit(
            role.id,
            ModifyRole {
                name: Patch::Set("admins".into()),
                ..ModifyRole::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.name, "admins");
    let all = roles
        .edit_positions(&[RolePosition {
            id: role.id,
            position: 5,
        }])
        .await
        .unwrap();
    assert_eq!(last(&server).json().unwrap()[0]["position"], 5);
    assert_eq!(all.iter().find(|r| r.id == role.id).unwrap().position, 5);
    roles
        .with_reason("no longer needed")
        .delete(role.id)
        .await
        .unwrap();
    assert_eq!(
        last(&server).audit_log_reason().as_deref(),
        Some("no longer needed")
    );
    assert_eq!(roles.get(role.id).await.unwrap_err().code(), Some(10011));
}

#[tokio::test]
async fn members_get_list_search_edit_roles_kick() {
    let (server, client, seed) = socket().await;
    let members = client.guilds.members(seed.guild_id);
    let alice = members.get(seed.user_id).await.unwrap();
    assert_eq!(
        alice.user.as_ref().map(|u| u.username.as_str()),
        Some("alice")
    );

    let page = members.list(ListMembers::new().limit(1000)).await.unwrap();
    assert_eq!(last(&server).query_param("limit"), Some("1000"));
    assert_eq!(page.len(), 2);
    let after = members
        .list(ListMembers::new().after(UserId::new(0)).limit(1))
        .await
        .unwrap();
    assert_eq!(last(&server).query_param("after"), Some("0"));
    assert_eq!(after.len(), 1);

    let found = members.search("ali", Some(5)).await.unwrap();
    let r = last(&server);
    assert_eq!(r.path, format!("/guilds/{}/members/search", seed.guild_id));
    assert_eq!(r.query_param("query"), Some("ali"));
    assert_eq!(found.len(), 1);

    let edited = members
        .edit(seed.user_id, ModifyGuildMember::new().nick(Some("Al")))
        .await
        .unwrap();
    assert_eq!(edited.nick.as_deref(), Some("Al"));
    let me = members
        .edit_current(ModifyCurrentMember {
            nick: Patch::Set("Botty".into()),
            ..ModifyCurrentMember::default()
        })
        .await
        .unwrap();
    assert_eq!(
        last(&server).path,
        format!("/guilds/{}/members/@me", seed.guild_id)
    );
    assert_eq!(me.nick.as_deref(), Some("Botty"));

    let role = client
        .guilds
        .roles(seed.guild_id)
        .create(CreateRole::new("r"))
        .await
        .unwrap();
    members.add_role(seed.user_id, role.id).await.unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        (
            "PUT",
            format!(
                "/guilds/{}/members/{}/roles/{}",
                seed.guild_id, seed.user_id, role.id
            )
        )
    );
    assert_eq!(
        members.get(seed.user_id).await.unwrap().roles,
        vec![role.id]
    );
    members.remove_role(seed.user_id, role.id).await.unwrap();
    assert!(members.get(seed.user_id).await.unwrap().roles.is_empty());

    members.kick(seed.user_id).await.unwrap();
    assert_eq!(last(&server).method, "DELETE");
    assert_eq!(
        members.get(seed.user_id).await.unwrap_err().code(),
        Some(10007)
    );
    assert!(members.list(ListMembers::new().limit(0)).await.is_err());
}

#[tokio::test]
async fn bans_ban_list_unban_bulk() {
    let (server, client, seed) = socket().await;
    let bans = client.guilds.bans(seed.guild_id);
    bans.with_reason("rules")
        .ban(
            seed.user_id,
            CreateGuildBan {
                delete_message_seconds: Some(3600),
                ..CreateGuildBan::default()
            },
        )
        .await
        .unwrap();
    let r = last(&server);
    assert_eq!(
        (r.method.as_str(), r.path.clone()),
        (
            "PUT",
            format!("/guilds/{}/bans/{}", seed.guild_id, seed.user_id)
        )
    );
    assert_eq!(r.json().unwrap()["delete_message_seconds"], 3600);
    let ban = bans.get(seed.user_id).await.unwrap();
    assert_eq!(ban.user.id, seed.user_id);
    assert_eq!(ban.reason.as_deref(), Some("rules"));
    let list = bans.list(None, None, Some(10)).await.unwrap();
    assert_eq!(last(&server).query_param("limit"), Some("10"));
    assert_eq!(list.len(), 1);
    assert!(server.world().member(seed.guild_id, seed.user_id).is_none());
    bans.unban(seed.user_id).await.unwrap();
    assert_eq!(
        bans.get(seed.user_id).await.unwrap_err().code(),
        Some(10026)
    );

    let other = server.world().add_user("bob");
    let result = bans
        .bulk_ban(BulkBan {
            user_ids: vec![seed.user_id, other],
            delete_message_seconds: None,
        })
        .await
        .unwrap();
    assert_eq!(
        last(&server).path,
        format!("/guilds/{}/bulk-ban", seed.guild_id)
    );
    assert_eq!(result.banned_users.len(), 2);
    assert!(bans.bulk_ban(BulkBan::default()).await.is_err());
    assert!(
        bans.ban(
            seed.user_id,
            CreateGuildBan {
                delete_message_seconds: Some(700_000),
                ..CreateGuildBan::default()
            }
        )
        .await
        .is_err()
    );
}

#[tokio::test]
async fn stage_instances_crud() {
    let (server, client, seed) = socket().await;
    let stage = server.world().add_channel(seed.guild_id, "stage", 13);
    let created = client
        .stage_instances
        .create(CreateStageInstance::new(stage, "Town hall"))
        .await
        .unwrap();
    assert_eq!(last(&server).path, "/stage-instances");
    assert_eq!(created.topic, "Town hall");
    assert_eq!(
        client.stage_instances.get(stage).await.unwrap().channel_id,
        stage
    );
    let edited = client
        .stage_instances
        .edit(
            stage,
            ModifyStageInstance {
                topic: Some("AMA".into()),
                ..ModifyStageInstance::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(edited.topic, "AMA");
    client.stage_instances.delete(stage).await.unwrap();
    assert_eq!(
        client.stage_instances.get(stage).await.unwrap_err().code(),
        Some(10067)
    );
}

#[tokio::test]
async fn stickers_list_get_edit_delete() {
    let (server, client, seed) = socket().await;
    let file = FileUpload::new("s.png", vec![1, 2, 3]);
    let sticker = client
        .stickers
        .create_guild_sticker(
            seed.guild_id,
            CreateSticker {
                name: "smile".into(),
                description: String::new(),
                tags: "smile".into(),
                file,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        client
            .stickers
            .guild_stickers(seed.guild_id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        client
            .stickers
            .guild_sticker(seed.guild_id, sticker.id)
            .await
            .unwrap()
            .id,
        sticker.id
    );
    assert_eq!(client.stickers.get(sticker.id).await.unwrap().name, "smile");
    let edited = client
        .stickers
        .edit_guild_sticker(
            seed.guild_id,
            sticker.id,
            ModifySticker {
                name: Some("grin".into()),
                ..ModifySticker::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(last(&server).method, "PATCH");
    assert_eq!(edited.name, "grin");
    assert!(
        client
            .stickers
            .packs()
            .await
            .unwrap()
            .sticker_packs
            .is_empty()
    );
    assert_eq!(last(&server).path, "/sticker-packs");
    client
        .stickers
        .delete_guild_sticker(seed.guild_id, sticker.id)
        .await
        .unwrap();
    assert_eq!(
        client.stickers.get(sticker.id).await.unwrap_err().code(),
        Some(10060)
    );
}

#[tokio::test]
async fn guild_settings_are_kept_between_reads() {
    use asyncord::model::guild::{
        OnboardingMode, OnboardingPrompt, OnboardingPromptOption, OnboardingPromptType,
    };
    use asyncord::model::request::{ModifyGuildWidget, ModifyOnboarding};

    let (_server, client, seed) = socket().await;
    let g = seed.guild_id;
    assert!(!client.guilds.widget_settings(g).await.unwrap().enabled);
    client
        .guilds
        .edit_widget(
            g,
            ModifyGuildWidget::new()
                .enabled(true)
                .channel(Some(seed.channel_id)),
        )
        .await
        .unwrap();
    let widget = client.guilds.widget_settings(g).await.unwrap();
    assert!(widget.enabled);
    assert_eq!(widget.channel_id, Some(seed.channel_id));

    let option = OnboardingPromptOption {
        id: OnboardingPromptOptionId::new(2),
        channel_ids: vec![seed.channel_id],
        role_ids: Vec::new(),
        emoji: None,
        emoji_id: None,
        emoji_name: Some("👋".to_owned()),
        emoji_animated: None,
        title: "Say hello".to_owned(),
        description: None,
    };
    let prompt = OnboardingPrompt {
        id: OnboardingPromptId::new(1),
        kind: OnboardingPromptType::Dropdown,
        options: vec![option],
        title: "Why are you here?".to_owned(),
        single_select: true,
        required: true,
        in_onboarding: true,
    };
    client
        .guilds
        .edit_onboarding(
            g,
            ModifyOnboarding::new()
                .enabled(true)
                .prompts(vec![prompt])
                .mode(OnboardingMode::Advanced),
        )
        .await
        .unwrap();
    // A later read returns what was written, shaped as Discord answers it.
    let onboarding = client.guilds.onboarding(g).await.unwrap();
    assert!(onboarding.enabled);
    assert_eq!(onboarding.mode, OnboardingMode::Advanced);
    let read = &onboarding.prompts[0];
    assert_eq!(
        (read.title.as_str(), read.kind, read.required),
        ("Why are you here?", OnboardingPromptType::Dropdown, true)
    );
    let emoji = read.options[0]
        .emoji
        .as_ref()
        .expect("emoji built from emoji_name");
    assert_eq!(emoji.name.as_deref(), Some("👋"));
    assert_eq!(read.options[0].channel_ids, [seed.channel_id]);
}
