//! Slash and context-menu commands written with `#[command]`, driven end to end through the
//! emulator as a bot author would: typed options (required, optional, bounded, choices,
//! resolved users, roles, channels and attachments), subcommands and groups, routing by name
//! and subcommand path, named arguments, context menus, the context's answers, and a value
//! that does not fit its option answered with an error instead of a panic.

use asyncord::prelude::*;
use asyncord::testkit::{Emulator, EmulatorBots, GuildSpec, Invocation};
use serde_json::json;

/// Rolls dice.
#[command]
async fn roll(
    ctx: CommandContext,
    /// How many sides
    #[min = 2]
    #[max = 100]
    sides: i64,
    /// How many dice
    times: Option<i64>,
) -> CommandResult {
    let times = times.unwrap_or(1);
    ctx.reply(format!("{times}d{sides}")).await?;
    Ok(())
}

#[derive(Choice, Clone, Copy, Debug, PartialEq)]
enum Size {
    Small,
    #[choice(
        name = "Extra large",
        value = "xl",
        localize(locale = "fr", name = "Très grand")
    )]
    ExtraLarge,
}

#[derive(Choice, Clone, Copy, Debug, PartialEq)]
enum Speed {
    Slow = 1,
    Fast = 10,
}

/// Orders a coffee.
#[command(name = "order-coffee")]
async fn coffee(
    ctx: CommandContext,
    /// The cup
    size: Size,
    /// How fast
    speed: Option<Speed>,
    #[arg] greeting: String,
) -> CommandResult {
    ctx.ephemeral(format!(
        "{greeting}: a {} coffee, {:?}",
        size.choice_name(),
        speed
    ))
    .await?;
    Ok(())
}

/// Describes what it was given.
#[command]
async fn inspect(
    ctx: CommandContext,
    /// Someone
    who: User,
    /// Their membership
    #[name = "member"]
    membership: Option<Member>,
    /// A role
    role: Option<Role>,
    /// A channel
    #[channel_types(GuildText)]
    place: Option<Channel>,
    /// A file
    file: Option<Attachment>,
) -> CommandResult {
    let nick = membership.map(|m| m.user.map(|u| u.username.clone()).unwrap_or_default());
    ctx.reply(format!(
        "{} {:?} {:?} {:?} {:?} in {:?} ({:?})",
        who.username,
        nick,
        role.map(|r| r.name),
        place.and_then(|c| c.name),
        file.map(|f| (f.filename, f.size)),
        ctx.locale().map(|l| l.as_str().to_owned()),
        ctx.guild_id().is_some(),
    ))
    .await?;
    Ok(())
}

/// Adds a tag.
#[command]
async fn add(
    ctx: CommandContext,
    /// The tag's name
    #[min_length = 2]
    #[max_length = 20]
    name: String,
) -> CommandResult {
    ctx.reply(format!("added {name}")).await?;
    Ok(())
}

/// Removes a tag.
#[command]
async fn remove(
    ctx: CommandContext,
    /// The tag's name
    name: String,
) -> CommandResult {
    ctx.reply(format!("removed {name}")).await?;
    Ok(())
}

/// Tags that expire.
#[command(subcommands(add))]
async fn temporary(_: CommandContext) -> CommandResult {
    Ok(())
}

/// Manages tags.
#[command(subcommands(add, remove, temporary))]
async fn tag(_: CommandContext) -> CommandResult {
    Ok(())
}

#[command(context_menu = "user", name = "Show avatar")]
async fn avatar(ctx: CommandContext, user: User) -> CommandResult {
    ctx.ephemeral(format!("{}'s avatar", user.username)).await?;
    Ok(())
}

#[command(context_menu = "message", name = "Quote")]
async fn quote(ctx: CommandContext, message: Message, #[arg] greeting: String) -> CommandResult {
    ctx.reply(format!("{greeting}, quoting: {}", message.content))
        .await?;
    Ok(())
}

/// Thinks, then answers.
#[command]
async fn think(ctx: CommandContext) -> CommandResult {
    ctx.defer().await?;
    ctx.reply("thought").await?;
    ctx.followup("and one more thing").await?;
    Ok(())
}

/// A command written by a `macro_rules!`, its name, context type and return type given by the
/// caller: the attribute's own locals must resolve whatever hygiene those tokens carry.
macro_rules! echo_command {
    ($name:ident, $ctx:ty, $ret:ty, $reply:literal) => {
        /// Answers with a fixed text.
        #[command]
        async fn $name(
            ctx: $ctx,
            /// What to add
            word: String,
        ) -> $ret {
            ctx.reply(format!("{} {word}", $reply)).await?;
            Ok(())
        }
    };
}

echo_command!(echo, CommandContext, CommandResult, "echo:");

async fn start(emu: &Emulator) -> asyncord::testkit::RunningBot {
    emu.run_bot(|g| {
        g.dispatcher.add_argument("greeting", "hello".to_owned());
        g.dispatcher.add_commands([
            roll(),
            coffee(),
            inspect(),
            tag(),
            avatar(),
            quote(),
            think(),
            echo(),
        ]);
    })
    .await
    .unwrap()
}

#[tokio::test(start_paused = true)]
async fn options_convert_into_the_parameters() {
    let emu = Emulator::builder()
        .guild(
            GuildSpec::new("Cafe")
                .text_channel("general")
                .role("baristas", Permissions::empty()),
        )
        .start()
        .await
        .unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let channel = emu.channel_id();
    let run = |i: Invocation| async move {
        let ask = alice.invoke(channel, i).await.unwrap();
        ask.response().await.unwrap()
    };
    let reply = run(Invocation::slash("roll")
        .option("sides", 6)
        .option("times", 3))
    .await;
    assert_eq!(reply.content(), Some("3d6"));
    let reply = run(Invocation::slash("roll").option("sides", 20)).await;
    assert_eq!(
        reply.content(),
        Some("1d20"),
        "an optional option left out is None"
    );

    let reply = run(Invocation::slash("order-coffee")
        .option("size", "xl")
        .option("speed", 10))
    .await;
    assert_eq!(
        reply.content(),
        Some("hello: a Extra large coffee, Some(Fast)")
    );
    assert!(reply.is_ephemeral());

    // Resolved objects: the emulator puts them in `data.resolved`, as Discord does.
    let bob = emu.user_named("bob").unwrap().id();
    let role = emu.guilds()[0].roles[0].1;
    let reply = run(Invocation::slash("inspect")
        .id_option("who", bob)
        .id_option("member", bob)
        .id_option("role", role)
        .id_option("place", channel)
        .attachment("file", "cat.png", 1234)
        .locale("fr"))
    .await;
    let text = reply.content().unwrap().to_owned();
    assert!(
        text.starts_with("bob Some(\"bob\") Some(\"baristas\") Some(\"general\")"),
        "{text}"
    );
    assert!(text.contains("Some((\"cat.png\", 1234))"), "{text}");
    assert!(text.ends_with("in Some(\"fr\") (true)"), "{text}");
}

#[test]
fn choices_carry_their_names_values_and_translations() {
    let choices = Size::choices();
    assert_eq!(choices[0].name, "Small");
    assert_eq!(
        choices[0].value,
        asyncord::model::command::ChoiceValue::String("small".into())
    );
    let fr = asyncord::model::common::Locale::from_str_value("fr");
    let translated = choices[1].name_localizations.as_ref().unwrap();
    assert_eq!(translated.get(&fr).map(String::as_str), Some("Très grand"));
    let speeds = Speed::choices();
    assert_eq!(
        speeds[1].value,
        asyncord::model::command::ChoiceValue::Integer(10)
    );
}

#[tokio::test(start_paused = true)]
async fn subcommands_route_by_their_path() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let channel = emu.channel_id();
    for (invocation, expected) in [
        (
            Invocation::slash("tag")
                .subcommand("add")
                .option("name", "hi"),
            "added hi",
        ),
        (
            Invocation::slash("tag")
                .subcommand("remove")
                .option("name", "x"),
            "removed x",
        ),
        (
            Invocation::slash("tag")
                .subcommand("temporary")
                .subcommand("add")
                .option("name", "soon"),
            "added soon",
        ),
    ] {
        let ask = alice.invoke(channel, invocation).await.unwrap();
        assert_eq!(ask.response().await.unwrap().content(), Some(expected));
    }
    // What was registered: a group with a subcommand, subcommands with their options.
    let registered = emu
        .rest_client()
        .applications
        .commands(emu.bot().application_id)
        .list(false)
        .await
        .unwrap();
    let tag = registered.iter().find(|c| c.name == "tag").unwrap();
    let options = tag.options.as_ref().unwrap();
    assert_eq!(
        options.iter().map(|o| o.name.as_str()).collect::<Vec<_>>(),
        ["add", "remove", "temporary"]
    );
    let add = &options[0].options.as_ref().unwrap()[0];
    assert_eq!((add.min_length, add.max_length), (Some(2), Some(20)));
}

#[tokio::test(start_paused = true)]
async fn context_menu_commands_get_their_target() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let bob = emu.user_named("bob").unwrap();
    let channel = emu.channel_id();
    let ask = alice
        .invoke(channel, Invocation::user("Show avatar", bob.id()))
        .await
        .unwrap();
    assert_eq!(
        ask.response().await.unwrap().content(),
        Some("bob's avatar")
    );
    let said = bob.send_message(channel, "to be quoted").unwrap();
    let ask = alice
        .invoke(channel, Invocation::message("Quote", said))
        .await
        .unwrap();
    assert_eq!(
        ask.response().await.unwrap().content(),
        Some("hello, quoting: to be quoted")
    );
}

#[tokio::test(start_paused = true)]
async fn a_command_written_by_a_macro_rules_answers() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke(
            emu.channel_id(),
            Invocation::slash("echo").option("word", "hi"),
        )
        .await
        .unwrap();
    assert_eq!(ask.message().await.unwrap().content, "echo: hi");
}

#[tokio::test(start_paused = true)]
async fn a_deferred_command_fills_its_message_and_follows_up() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    let ask = alice
        .invoke(emu.channel_id(), Invocation::slash("think"))
        .await
        .unwrap();
    assert_eq!(ask.response().await.unwrap().kind, 5);
    let message = ask.message().await.unwrap();
    assert_eq!(message.content, "thought");
    let follow = emu.next_message_in(emu.channel_id()).await.unwrap();
    let follow = if follow.id == message.id {
        emu.next_message_in(emu.channel_id()).await.unwrap()
    } else {
        follow
    };
    assert_eq!(follow.content, "and one more thing");
}

#[tokio::test(start_paused = true)]
async fn a_value_of_the_wrong_type_is_an_error_reply_not_a_panic() {
    let emu = Emulator::start().await.unwrap();
    let _bot = start(&emu).await;
    let alice = emu.user_named("alice").unwrap();
    // A client with an old definition sends text where the bot wants an integer.
    let ask = alice
        .invoke_slash_command(
            emu.channel_id(),
            "roll",
            json!([{"name": "sides", "type": 3, "value": "six"}]),
        )
        .await
        .unwrap();
    let reply = ask.response().await.unwrap();
    assert!(reply.is_ephemeral());
    let text = reply.content().unwrap();
    assert!(text.contains("`sides` is not valid"), "{text}");
    assert!(text.contains("expected an integer"), "{text}");
    // The bot still answers the next one.
    let ask = alice
        .invoke(
            emu.channel_id(),
            Invocation::slash("roll").option("sides", 4),
        )
        .await
        .unwrap();
    assert_eq!(ask.response().await.unwrap().content(), Some("1d4"));
}

/// Services a command computes per call, like a handler's.
#[inject]
struct Services {
    greeting: String,
}

/// Pings someone or a role.
#[command]
async fn ping(
    ctx: CommandContext,
    /// Whom to ping
    target: Mentionable,
    services: Services,
) -> CommandResult {
    ctx.reply(format!("{} {}", services.greeting, target.mention()))
        .await?;
    let edited = ctx
        .edit_original(format!("{} (edited)", target.mention()))
        .await?;
    ctx.followup(format!("edited to: {}", edited.content))
        .await?;
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn inject_types_and_mentionables_work_in_commands() {
    let emu = Emulator::builder()
        .guild(
            GuildSpec::new("Cafe")
                .text_channel("general")
                .role("baristas", Permissions::empty()),
        )
        .start()
        .await
        .unwrap();
    let _bot = emu
        .run_bot(|g| {
            g.dispatcher.add_argument("greeting", "hey".to_owned());
            g.dispatcher.add_commands([ping()]);
        })
        .await
        .unwrap();
    let alice = emu.user_named("alice").unwrap();
    let bob = emu.user_named("bob").unwrap().id();
    let role = emu.guilds()[0].roles[0].1;
    let channel = emu.channel_id();
    let ask = alice
        .invoke(channel, Invocation::slash("ping").id_option("target", bob))
        .await
        .unwrap();
    assert_eq!(
        ask.response().await.unwrap().content(),
        Some(format!("hey <@{bob}>").as_str())
    );
    let ask = alice
        .invoke(channel, Invocation::slash("ping").id_option("target", role))
        .await
        .unwrap();
    assert_eq!(
        ask.response().await.unwrap().content(),
        Some(format!("hey <@&{role}>").as_str())
    );
    // The follow-up quotes the original response as the edit left it.
    let follow = emu
        .next_message_where(|m| m.content.starts_with("edited to"))
        .await
        .unwrap();
    assert_eq!(follow.content, format!("edited to: <@{bob}> (edited)"));
    let follow = emu
        .next_message_where(|m| m.content.starts_with("edited to"))
        .await
        .unwrap();
    assert_eq!(follow.content, format!("edited to: <@&{role}> (edited)"));
    let _ = ask;
}
