//! Seeding: what the builder puts in the world is what bots see over REST and the gateway —
//! guilds, channels, threads, roles, members, several bots with their granted privileged
//! intents — and the defaults are one guild with #general, one bot, two users.

use asyncord::model::{Intents, Permissions};
use asyncord::testkit::{BotSpec, Emulator, EmulatorBots, ExpectError, GuildSpec, RunBotError};

#[tokio::test(start_paused = true)]
async fn defaults_are_one_guild_one_bot_two_users() {
    let emu = Emulator::start().await.unwrap();
    assert_eq!(emu.bots().len(), 1);
    assert_eq!(emu.token(), "test-token");
    let names: Vec<&str> = emu.seeded_users().iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["alice", "bob"]);
    assert_eq!(emu.guilds().len(), 1);
    assert_eq!(emu.guilds()[0].name, "Test Guild");
    assert_eq!(emu.channel("general"), Some(emu.channel_id()));
    let client = emu.rest_client();
    let channel = client.channels.get(emu.channel_id()).await.unwrap();
    assert_eq!(channel.name.as_deref(), Some("general"));
    for user in emu.user_ids() {
        assert!(emu.world().member(emu.guild_id(), user).is_some());
    }
}

#[tokio::test(start_paused = true)]
async fn seeded_guilds_channels_threads_roles_and_members() {
    let emu = Emulator::builder()
        .bot(BotSpec::new("one").name("One"))
        .bot(
            BotSpec::new("two")
                .name("Two")
                .privileged(Intents::GUILD_MEMBERS),
        )
        .user("ann")
        .user("ben")
        .guild(
            GuildSpec::new("Alpha")
                .text_channel("lobby")
                .channel("voice", 2)
                .thread("lobby", "topic")
                .role("mods", Permissions::MANAGE_MESSAGES)
                .members(&["ann"]),
        )
        .guild(GuildSpec::new("Beta").text_channel("chat"))
        .start()
        .await
        .unwrap();
    let alpha = emu.guild("Alpha").unwrap();
    let client = emu.rest_client_for("two");
    let guild_channels = client.guilds.channels(alpha.id).await.unwrap();
    let names: Vec<_> = guild_channels
        .iter()
        .filter_map(|c| c.name.clone())
        .collect();
    assert!(names.contains(&"lobby".to_owned()) && names.contains(&"voice".to_owned()));
    let thread = client
        .channels
        .get(alpha.channel("topic").unwrap())
        .await
        .unwrap();
    assert_eq!(thread.parent_id, alpha.channel("lobby"));
    let roles = client.guilds.roles(alpha.id).list().await.unwrap();
    let mods = roles.iter().find(|r| r.name == "mods").unwrap();
    assert_eq!(Some(mods.id), alpha.role("mods"));
    assert!(mods.permissions.contains(Permissions::MANAGE_MESSAGES));
    // Both bots are in both guilds; only ann is in Alpha.
    for bot in emu.bots() {
        for g in emu.guilds() {
            assert!(emu.world().member(g.id, bot.user_id).is_some());
        }
    }
    let ben = emu.user_named("ben").unwrap();
    assert!(matches!(
        ben.send_message(alpha.channel("lobby").unwrap(), "hi"),
        Err(ExpectError::Refused(_))
    ));
    let beta = emu.guild("Beta").unwrap();
    ben.send_message(beta.channel("chat").unwrap(), "hi")
        .unwrap();
}

#[tokio::test(start_paused = true)]
async fn privileged_intents_not_granted_are_refused_with_4014() {
    let emu = Emulator::builder()
        .bot(BotSpec::new("plain").privileged(Intents::empty()))
        .start()
        .await
        .unwrap();
    let err = emu
        .run_bot_with(
            "plain",
            emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
            |_| {},
        )
        .await
        .unwrap_err();
    assert!(matches!(err, RunBotError::Hub(_)), "{err}");
    // Without the privileged intent the same bot connects.
    let bot = emu
        .run_bot_with("plain", emu.group_config(), |_| {})
        .await
        .unwrap();
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_bot_added_to_a_guild_later_gets_guild_create_then_its_events() {
    use asyncord::dispatcher::{HandlerResult, handler};
    use asyncord::model::gateway::events::{GuildCreateEvent, MessageCreateEvent};
    use asyncord::model::request::CreateMessage;
    use asyncord::rest::RestClient;

    #[handler]
    async fn joined(
        event: GuildCreateEvent,
        client: RestClient,
        announce: asyncord::model::ChannelId,
    ) -> HandlerResult {
        if event.name == "Later" {
            client
                .channels
                .messages(announce)
                .create(CreateMessage::content("joined Later"))
                .await?;
        }
        Ok(())
    }

    #[handler]
    async fn seen(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
        if !event.author.bot {
            client
                .channels
                .messages(event.channel_id)
                .create(CreateMessage::content("seen"))
                .await?;
        }
        Ok(())
    }

    let emu = Emulator::builder()
        .bot(BotSpec::new("a"))
        .bot(BotSpec::new("b").name("Other"))
        .guild(GuildSpec::new("First").text_channel("general"))
        .guild(GuildSpec::new("Later").text_channel("news").bots(&["a"]))
        .start()
        .await
        .unwrap();
    let later = emu.guild("Later").unwrap().clone();
    let news = later.channel("news").unwrap();
    let b = emu.bot_by_token("b").unwrap().user_id;
    assert!(emu.world().member(later.id, b).is_none());
    let bot = emu
        .run_bot_with("b", emu.group_config(), |g| {
            g.dispatcher.add_argument("announce", news);
            g.dispatcher.add_handler(joined);
            g.dispatcher.add_handler(seen);
        })
        .await
        .unwrap();
    emu.add_bot_to_guild(b, later.id).unwrap();
    assert_eq!(
        emu.next_message_in(news).await.unwrap().content,
        "joined Later"
    );
    emu.user_named("alice")
        .unwrap()
        .send_message(news, "hello")
        .unwrap();
    assert_eq!(emu.next_message_in(news).await.unwrap().content, "seen");
    assert!(matches!(
        emu.add_bot_to_guild(b, later.id),
        Err(ExpectError::Refused(_))
    ));
    bot.stop().await.unwrap();
}
