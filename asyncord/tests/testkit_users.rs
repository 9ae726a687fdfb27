//! One test per simulated-user action, written as a bot author tests a bot: real handlers on
//! a real hub group (REST client + gateway + dispatcher), the emulator in memory on tokio's
//! paused clock, and the emulator's expectations for what the bot did.

use asyncord::dispatcher::{HandlerResult, handler};
use asyncord::model::Intents;
use asyncord::model::component::{ActionRow, Button, Component, TextInput};
use asyncord::model::gateway::events::{
    GuildMemberAddEvent, GuildMemberRemoveEvent, InteractionCreateEvent, MessageCreateEvent,
    MessageDeleteEvent, MessageReactionAddEvent, MessageUpdateEvent,
};
use asyncord::model::interaction::{InteractionData, InteractionMessageData, InteractionResponse};
use asyncord::model::request::CreateMessage;
use asyncord::rest::RestClient;
use asyncord::testkit::{Emulator, EmulatorBots, ExpectError};
use serde_json::json;

async fn say(
    client: &RestClient,
    channel: asyncord::model::ChannelId,
    text: String,
) -> HandlerResult {
    client
        .channels
        .messages(channel)
        .create(CreateMessage::content(text))
        .await?;
    Ok(())
}

#[handler]
async fn echo(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
    if event.author.bot {
        return Ok(());
    }
    if let Some(rest) = event.content.strip_prefix("!echo ") {
        say(&client, event.channel_id, format!("echo: {rest}")).await?;
    }
    Ok(())
}

#[handler]
async fn on_edit(event: MessageUpdateEvent, client: RestClient) -> HandlerResult {
    if !event.author.bot {
        say(
            &client,
            event.channel_id,
            format!("you edited to {:?}", event.content),
        )
        .await?;
    }
    Ok(())
}

#[handler]
async fn on_delete(event: MessageDeleteEvent, client: RestClient) -> HandlerResult {
    say(&client, event.channel_id, format!("deleted {}", event.id)).await
}

#[handler]
async fn on_react(event: MessageReactionAddEvent, client: RestClient) -> HandlerResult {
    let who = event
        .member
        .as_ref()
        .and_then(|m| m.user.as_ref())
        .map(|u| u.username.clone());
    say(
        &client,
        event.channel_id,
        format!(
            "{} reacted {}",
            who.unwrap_or_default(),
            event.emoji.name.clone().unwrap_or_default()
        ),
    )
    .await
}

#[handler]
async fn on_join(
    event: GuildMemberAddEvent,
    client: RestClient,
    welcome: asyncord::model::ChannelId,
) -> HandlerResult {
    let name = event
        .user
        .as_ref()
        .map(|u| u.username.clone())
        .unwrap_or_default();
    say(&client, welcome, format!("welcome {name}")).await
}

#[handler]
async fn on_leave(
    event: GuildMemberRemoveEvent,
    client: RestClient,
    welcome: asyncord::model::ChannelId,
) -> HandlerResult {
    say(&client, welcome, format!("bye {}", event.user.username)).await
}

/// Answers `/greet name:<x>`, the `ok` button and the `feedback` modal.
#[handler]
async fn on_interaction(event: InteractionCreateEvent, client: RestClient) -> HandlerResult {
    let response = match &event.data {
        Some(InteractionData::ApplicationCommand(cmd)) if cmd.name == "greet" => {
            let name = cmd
                .option("name")
                .and_then(|o| o.value.as_ref())
                .and_then(|v| v.as_str())
                .unwrap_or("nobody");
            InteractionResponse::message(format!("hello {name}"))
        }
        Some(InteractionData::ApplicationCommand(cmd)) if cmd.name == "feedback" => {
            InteractionResponse::modal(
                "feedback-modal",
                "Feedback",
                [ActionRow::new([
                    TextInput::short("text").placeholder("Your feedback")
                ])],
            )
        }
        Some(InteractionData::MessageComponent(c)) if c.custom_id == "ok" => {
            InteractionResponse::update(InteractionMessageData {
                content: Some("clicked".to_owned()),
                components: Some(Vec::new()),
                ..InteractionMessageData::default()
            })
        }
        Some(InteractionData::ModalSubmit(m)) => {
            let text = match m.field("text") {
                Some(Component::TextInput(t)) => t.value.clone().unwrap_or_default(),
                _ => String::new(),
            };
            InteractionResponse::message(format!("thanks for: {text}")).ephemeral()
        }
        _ => return Ok(()),
    };
    client
        .interactions
        .respond(event.id, &event.token.0, response)
        .await?;
    Ok(())
}

async fn emulator() -> Emulator {
    Emulator::start().await.expect("emulator starts")
}

#[tokio::test(start_paused = true)]
async fn send_message_reaches_the_bot_and_the_reply_is_awaited() {
    let emu = emulator().await;
    let bot = emu
        .run_bot_with(
            emu.token(),
            emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
            |g| {
                g.dispatcher.add_handler(echo);
            },
        )
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    alice
        .send_message(emu.channel_id(), "!echo hi there")
        .unwrap();
    let reply = emu.next_message_in(emu.channel_id()).await.unwrap();
    assert_eq!(reply.content, "echo: hi there");
    assert_eq!(reply.author.id, emu.bot().user_id);
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn without_message_content_the_bot_reads_only_mentions() {
    let emu = emulator().await;
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_handler(echo);
        })
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    alice
        .send_message(emu.channel_id(), "!echo unseen")
        .unwrap();
    // A mention is one of the documented exceptions: the content is delivered.
    let mention = format!("!echo <@{}>", emu.bot().user_id);
    alice.send_message(emu.channel_id(), &mention).unwrap();
    let reply = emu.next_message_in(emu.channel_id()).await.unwrap();
    assert_eq!(reply.content, format!("echo: <@{}>", emu.bot().user_id));
    bot.stop().await.unwrap();
    let replies = emu
        .dispatches()
        .iter()
        .filter(|d| d.event == "MESSAGE_CREATE" && d.data["author"]["bot"] == true)
        .count();
    assert_eq!(
        replies, 1,
        "the message without a mention had no content for the bot"
    );
}

#[tokio::test(start_paused = true)]
async fn edit_message_dispatches_message_update() {
    let emu = emulator().await;
    let bot = emu
        .run_bot_with(
            emu.token(),
            emu.group_config().add_intents(Intents::MESSAGE_CONTENT),
            |g| {
                g.dispatcher.add_handler(on_edit);
            },
        )
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    let id = alice.send_message(emu.channel_id(), "tpyo").unwrap();
    alice.edit_message(emu.channel_id(), id, "typo").unwrap();
    let reply = emu.next_message_in(emu.channel_id()).await.unwrap();
    assert_eq!(reply.content, "you edited to \"typo\"");
    // Only the author may edit.
    let bob = emu.user_named("bob").unwrap();
    assert!(matches!(
        bob.edit_message(emu.channel_id(), id, "mine"),
        Err(ExpectError::Refused(_))
    ));
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn delete_message_dispatches_message_delete() {
    let emu = emulator().await;
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_handler(on_delete);
        })
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    let id = alice.send_message(emu.channel_id(), "oops").unwrap();
    alice.delete_message(emu.channel_id(), id).unwrap();
    let reply = emu.next_message_in(emu.channel_id()).await.unwrap();
    assert_eq!(reply.content, format!("deleted {id}"));
    assert!(emu.world().message(emu.channel_id(), id).is_none());
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn react_dispatches_reaction_add_with_the_member() {
    let emu = emulator().await;
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_handler(on_react);
        })
        .await
        .unwrap();
    let bob = emu.user_named("bob").unwrap();
    let id = bob.send_message(emu.channel_id(), "vote here").unwrap();
    bob.react(emu.channel_id(), id, "👍").unwrap();
    bob.react(emu.channel_id(), id, "👍").unwrap(); // a second time changes nothing
    let reply = emu.next_message_in(emu.channel_id()).await.unwrap();
    assert_eq!(reply.content, "bob reacted 👍");
    bot.stop().await.unwrap();
    let adds = emu
        .dispatches()
        .iter()
        .filter(|d| d.event == "MESSAGE_REACTION_ADD")
        .count();
    assert_eq!(adds, 1);
}

#[tokio::test(start_paused = true)]
async fn join_and_leave_dispatch_member_add_and_remove() {
    let emu = emulator().await;
    let general = emu.channel_id();
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_argument("welcome", general);
            g.dispatcher.add_handler(on_join);
            g.dispatcher.add_handler(on_leave);
        })
        .await
        .unwrap();
    let carol = emu.add_user("carol");
    // Not a member yet: Discord would not let her post.
    assert!(matches!(
        carol.send_message(general, "hi"),
        Err(ExpectError::Refused(_))
    ));
    carol.join_guild(emu.guild_id()).unwrap();
    assert_eq!(
        emu.next_message_in(general).await.unwrap().content,
        "welcome carol"
    );
    carol.send_message(general, "hi").unwrap();
    carol.leave_guild(emu.guild_id()).unwrap();
    assert_eq!(
        emu.next_message_in(general).await.unwrap().content,
        "bye carol"
    );
    assert!(emu.world().member(emu.guild_id(), carol.id()).is_none());
    bot.stop().await.unwrap();
}

/// Registers `/greet` and `/feedback` for the bot, as a bot does at start-up.
async fn register_commands(emu: &Emulator) {
    use asyncord::model::command::ApplicationCommandOption;
    use asyncord::model::request::CreateCommand;
    let client = emu.rest_client();
    let commands = client.applications.commands(emu.bot().application_id);
    commands
        .create(
            CreateCommand::chat_input("greet", "Say hello")
                .option(ApplicationCommandOption::string("name", "Who").required(true)),
        )
        .await
        .unwrap();
    commands
        .create(CreateCommand::chat_input("feedback", "Tell us"))
        .await
        .unwrap();
}

#[tokio::test(start_paused = true)]
async fn slash_command_gets_a_response() {
    let emu = emulator().await;
    register_commands(&emu).await;
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_handler(on_interaction);
        })
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    let interaction = alice
        .invoke_slash_command(emu.channel_id(), "greet", json!({"name": "world"}))
        .await
        .unwrap();
    let reply = interaction.response().await.unwrap();
    assert_eq!(reply.kind, 4);
    assert_eq!(reply.content(), Some("hello world"));
    let message = interaction.message().await.unwrap();
    assert_eq!(message.content, "hello world");
    // The same message is what the channel shows.
    assert_eq!(
        emu.next_message_in(emu.channel_id()).await.unwrap().id,
        message.id
    );
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn unregistered_command_times_out_with_a_clear_error() {
    let mut emu = emulator().await;
    emu.set_timeout(std::time::Duration::from_secs(1));
    let alice = emu.user_named("alice").unwrap();
    let err = alice
        .invoke_slash_command(emu.channel_id(), "nope", serde_json::Value::Null)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("/nope"), "{err}");
}

#[tokio::test(start_paused = true)]
async fn click_button_gets_an_update() {
    let emu = emulator().await;
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_handler(on_interaction);
        })
        .await
        .unwrap();
    let message = emu
        .rest_client()
        .channels
        .messages(emu.channel_id())
        .create(
            CreateMessage::content("press it")
                .component(ActionRow::new([Button::primary("ok", "OK")])),
        )
        .await
        .unwrap();
    let bob = emu.user_named("bob").unwrap();
    let click = bob
        .click_button(emu.channel_id(), message.id, "ok")
        .unwrap();
    let reply = click.response().await.unwrap();
    assert_eq!(reply.kind, 7);
    assert_eq!(reply.content(), Some("clicked"));
    // UPDATE_MESSAGE edits the message the button is on, as Discord does: bots see a
    // MESSAGE_UPDATE and the stored message changed.
    let update = emu
        .next_event_where("MESSAGE_UPDATE", |d| {
            d["id"] == json!(message.id.to_string())
        })
        .await
        .unwrap();
    assert_eq!(update.data["content"], json!("clicked"));
    let stored = emu
        .rest_client()
        .channels
        .messages(emu.channel_id())
        .get(message.id)
        .await
        .unwrap();
    assert_eq!(stored.content, "clicked");
    assert!(stored.components.is_empty());
    assert!(stored.edited_timestamp.is_some());
    assert!(matches!(
        bob.click_button(emu.channel_id(), message.id, "missing"),
        Err(ExpectError::NotFound(_))
    ));
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn submit_modal_gets_an_ephemeral_answer() {
    let emu = emulator().await;
    register_commands(&emu).await;
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_handler(on_interaction);
        })
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    let opened = alice
        .invoke_slash_command(emu.channel_id(), "feedback", serde_json::Value::Null)
        .await
        .unwrap();
    let modal = opened.response().await.unwrap();
    assert_eq!((modal.kind, modal.custom_id()), (9, Some("feedback-modal")));
    let submitted = alice
        .submit_modal(&opened, &[("text", "great bot")])
        .await
        .unwrap();
    let reply = submitted.response().await.unwrap();
    assert_eq!(reply.content(), Some("thanks for: great bot"));
    assert!(reply.is_ephemeral());
    assert!(matches!(
        alice.submit_modal(&opened, &[("nope", "x")]).await,
        Err(ExpectError::Refused(_))
    ));
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn direct_messages_reach_the_bot_with_their_content() {
    let emu = emulator().await;
    // No MESSAGE_CONTENT: DMs are one of the documented exceptions.
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_handler(echo);
        })
        .await
        .unwrap();
    let bob = emu.user_named("bob").unwrap();
    let (dm, _) = bob.send_dm(emu.bot(), "!echo psst").unwrap();
    let reply = emu.next_message_in(dm).await.unwrap();
    assert_eq!(reply.content, "echo: psst");
    assert_eq!(reply.guild_id, None);
    bot.stop().await.unwrap();
}

/// Every key path of a JSON value (objects recursively, arrays through their elements).
fn key_paths(v: &serde_json::Value, prefix: &str, out: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                let p = format!("{prefix}.{k}");
                out.insert(p.clone());
                key_paths(child, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                key_paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

fn shape(v: &serde_json::Value) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    key_paths(v, "", &mut out);
    out
}

/// What a simulated user does and what a bot does over REST come out as dispatches of one
/// shape: a reply, an edit, a reaction, typing.
#[tokio::test(start_paused = true)]
async fn users_and_rest_calls_produce_dispatches_of_one_shape() {
    let emu = emulator().await;
    let client = emu.rest_client();
    let channel = emu.channel_id();
    let alice = emu.user_named("alice").unwrap();
    let bot_id = emu.bot().user_id.to_string();
    let alice_id = alice.id().to_string();
    let by = |who: &str, key: &'static str| {
        let who = who.to_owned();
        move |d: &serde_json::Value| d[key].as_str() == Some(who.as_str())
    };
    let author = |who: &str| {
        let who = who.to_owned();
        move |d: &serde_json::Value| d["author"]["id"].as_str() == Some(who.as_str())
    };

    let original = alice.send_message(channel, "original").unwrap();
    let user_reply_id = alice.reply(channel, original, "user reply").unwrap();
    client
        .channels
        .messages(channel)
        .create(CreateMessage::content("bot reply").reply_to(original))
        .await
        .unwrap();
    let (user_reply, bot_reply) = (
        emu.next_event_where("MESSAGE_CREATE", |d| {
            author(&alice_id)(d) && d["content"] == json!("user reply")
        })
        .await
        .unwrap(),
        emu.next_event_where("MESSAGE_CREATE", author(&bot_id))
            .await
            .unwrap(),
    );
    assert_eq!(shape(&user_reply.data), shape(&bot_reply.data));
    assert_eq!(
        bot_reply.data["referenced_message"]["id"],
        json!(original.to_string())
    );

    alice
        .edit_message(channel, user_reply_id, "user reply, edited")
        .unwrap();
    let bot_message: asyncord::model::MessageId =
        bot_reply.data["id"].as_str().unwrap().parse().unwrap();
    client
        .channels
        .messages(channel)
        .edit(
            bot_message,
            asyncord::model::request::EditMessage::new().content(Some("edited")),
        )
        .await
        .unwrap();
    let (user_edit, bot_edit) = (
        emu.next_event_where("MESSAGE_UPDATE", author(&alice_id))
            .await
            .unwrap(),
        emu.next_event_where("MESSAGE_UPDATE", author(&bot_id))
            .await
            .unwrap(),
    );
    assert_eq!(shape(&user_edit.data), shape(&bot_edit.data));

    alice.react(channel, original, "👍").unwrap();
    client
        .channels
        .messages(channel)
        .reactions(original)
        .add("👍")
        .await
        .unwrap();
    let (user_reaction, bot_reaction) = (
        emu.next_event_where("MESSAGE_REACTION_ADD", by(&alice_id, "user_id"))
            .await
            .unwrap(),
        emu.next_event_where("MESSAGE_REACTION_ADD", by(&bot_id, "user_id"))
            .await
            .unwrap(),
    );
    assert_eq!(shape(&user_reaction.data), shape(&bot_reaction.data));
    assert_eq!(bot_reaction.data["message_author_id"], json!(alice_id));

    alice.start_typing(channel).unwrap();
    client.channels.typing(channel).await.unwrap();
    let (user_typing, bot_typing) = (
        emu.next_event_where("TYPING_START", by(&alice_id, "user_id"))
            .await
            .unwrap(),
        emu.next_event_where("TYPING_START", by(&bot_id, "user_id"))
            .await
            .unwrap(),
    );
    assert_eq!(shape(&user_typing.data), shape(&bot_typing.data));
    assert_eq!(bot_typing.data["member"]["user"]["id"], json!(bot_id));
}
