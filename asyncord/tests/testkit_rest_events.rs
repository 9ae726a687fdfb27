//! One Discord, two doors: what a bot does over REST arrives on the gateway as Discord's
//! dispatches — messages, reactions, channels, threads, roles, members — for every connected
//! bot whose intents cover them, and not for the others. Paused clock, in memory.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use asyncord::dispatcher::RawEvent;
use asyncord::model::Intents;
use asyncord::model::channel::ChannelType;
use asyncord::model::request::{
    CreateGuildChannel, CreateMessage, CreateRole, EditMessage, ModifyGuildChannel,
    ModifyGuildMember, ModifyRole, Patch, StartThreadWithoutMessage,
};
use asyncord::testkit::{BotSpec, Emulator, EmulatorBots, RunningBot};

type Seen = Arc<Mutex<Vec<(String, String)>>>;

/// Runs the bot with `token` and `intents`, recording every dispatch it receives.
async fn observer(emu: &Emulator, token: &str, intents: Intents) -> (RunningBot, Seen) {
    let seen: Seen = Arc::default();
    let sink = seen.clone();
    let bot = emu
        .run_bot_with(token, emu.group_config().intents(intents), move |g| {
            g.dispatcher.add_raw_handler(move |e: RawEvent, _ctx| {
                let sink = sink.clone();
                async move {
                    let json = e.json().unwrap_or_default().to_owned();
                    sink.lock().unwrap().push((e.name.to_string(), json));
                }
            });
        })
        .await
        .unwrap();
    (bot, seen)
}

fn names(seen: &Seen) -> Vec<String> {
    seen.lock()
        .unwrap()
        .iter()
        .map(|(n, _)| n.clone())
        .collect()
}

#[tokio::test(start_paused = true)]
async fn rest_changes_arrive_as_gateway_events_filtered_by_intents() {
    let emu = Emulator::builder()
        .bot(BotSpec::new("actor").name("Actor"))
        .bot(BotSpec::new("guilds-only").name("Quiet"))
        .start()
        .await
        .unwrap();
    let everything = Intents::GUILDS
        | Intents::GUILD_MEMBERS
        | Intents::GUILD_MESSAGES
        | Intents::GUILD_MESSAGE_REACTIONS
        | Intents::MESSAGE_CONTENT
        | Intents::GUILD_MODERATION;
    let (actor, seen) = observer(&emu, "actor", everything).await;
    let (quiet, quiet_seen) = observer(&emu, "guilds-only", Intents::GUILDS).await;
    let client = emu.rest_client_for("actor");
    let (g, general) = (emu.guild_id(), emu.channel_id());
    let alice = emu.user_named("alice").unwrap().id();

    let messages = client.channels.messages(general);
    let m = messages
        .create(CreateMessage::content("first"))
        .await
        .unwrap();
    messages
        .edit(m.id, EditMessage::new().content(Some("second")))
        .await
        .unwrap();
    messages.reactions(m.id).add("👍").await.unwrap();
    messages.delete(m.id).await.unwrap();

    let channel = client
        .guilds
        .create_channel(g, CreateGuildChannel::new("news", ChannelType::GuildText))
        .await
        .unwrap();
    client
        .channels
        .edit(channel.id, ModifyGuildChannel::new().name("news-2"))
        .await
        .unwrap();
    client
        .channels
        .threads(general)
        .start(StartThreadWithoutMessage::new(
            "talk",
            ChannelType::PublicThread,
        ))
        .await
        .unwrap();
    client.channels.delete(channel.id).await.unwrap();

    let roles = client.guilds.roles(g);
    let role = roles.create(CreateRole::new("mods")).await.unwrap();
    let rename = ModifyRole {
        name: Patch::Set("moderators".to_owned()),
        ..ModifyRole::default()
    };
    roles.edit(role.id, rename).await.unwrap();
    let members = client.guilds.members(g);
    members.add_role(alice, role.id).await.unwrap();
    members
        .edit(alice, ModifyGuildMember::new().nick(Some("ally")))
        .await
        .unwrap();
    roles.delete(role.id).await.unwrap();

    let expected = [
        "MESSAGE_CREATE",
        "MESSAGE_UPDATE",
        "MESSAGE_REACTION_ADD",
        "MESSAGE_DELETE",
        "CHANNEL_CREATE",
        "CHANNEL_UPDATE",
        "THREAD_CREATE",
        "CHANNEL_DELETE",
        "GUILD_ROLE_CREATE",
        "GUILD_ROLE_UPDATE",
        "GUILD_MEMBER_UPDATE",
        "GUILD_ROLE_DELETE",
    ];
    let wait = async {
        loop {
            let got = names(&seen);
            if expected.iter().all(|e| got.iter().any(|g| g == e)) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    tokio::time::timeout(Duration::from_secs(10), wait)
        .await
        .unwrap_or_else(|_| panic!("missing events; got {:?}", names(&seen)));
    // The order of the actions is the order of the events.
    let got = names(&seen);
    let positions: Vec<usize> = expected
        .iter()
        .map(|e| got.iter().position(|g| g == e).unwrap())
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{got:?}");
    // MESSAGE_CREATE carries the content for a bot with MESSAGE_CONTENT.
    let create = seen
        .lock()
        .unwrap()
        .iter()
        .find(|(n, _)| n == "MESSAGE_CREATE")
        .map(|(_, j)| serde_json::from_str::<serde_json::Value>(j).unwrap())
        .unwrap();
    assert_eq!(create["content"], "first");
    assert_eq!(create["guild_id"], g.to_string());

    // The GUILDS-only bot saw the channel, thread and role events, none of the message,
    // reaction or member ones.
    let quiet_got = names(&quiet_seen);
    for e in ["CHANNEL_CREATE", "THREAD_CREATE", "GUILD_ROLE_CREATE"] {
        assert!(
            quiet_got.iter().any(|g| g == e),
            "{e} missing: {quiet_got:?}"
        );
    }
    for e in [
        "MESSAGE_CREATE",
        "MESSAGE_REACTION_ADD",
        "GUILD_MEMBER_UPDATE",
    ] {
        assert!(
            !quiet_got.iter().any(|g| g == e),
            "{e} leaked: {quiet_got:?}"
        );
    }
    actor.stop().await.unwrap();
    quiet.stop().await.unwrap();
}
