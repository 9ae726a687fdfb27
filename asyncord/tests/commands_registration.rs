//! Registering commands by difference, through the emulator: the first start writes the
//! commands (one bulk overwrite), a restart with the same commands writes nothing, a changed
//! command is written again, development guilds get their own commands, and a definition
//! Discord would refuse stops the bot before it connects or writes anything.

use asyncord::commands::{Command, CommandRegistration, OptionDefinition};
use asyncord::prelude::*;
use asyncord::testkit::{Emulator, EmulatorBots};

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
    ctx.reply(format!("{}d{sides}", times.unwrap_or(1))).await?;
    Ok(())
}

/// Rolls dice, described differently.
#[command(name = "roll")]
async fn roll_changed(
    ctx: CommandContext,
    /// How many sides
    #[min = 2]
    #[max = 100]
    sides: i64,
) -> CommandResult {
    ctx.reply(format!("d{sides}")).await?;
    Ok(())
}

/// Adds a tag.
#[command(localize(locale = "fr", name = "ajouter", description = "Ajoute une étiquette"))]
async fn add(
    ctx: CommandContext,
    /// The tag's name
    #[localize(locale = "fr", name = "nom", description = "Le nom")]
    name: String,
) -> CommandResult {
    ctx.reply(name).await?;
    Ok(())
}

/// Manages tags.
#[command(
    subcommands(add),
    default_member_permissions(MANAGE_MESSAGES),
    contexts(guild),
    integration_types(guild_install),
    nsfw
)]
async fn tag(_: CommandContext) -> CommandResult {
    Ok(())
}

#[command(context_menu = "user", name = "Show avatar")]
async fn avatar(ctx: CommandContext, user: User) -> CommandResult {
    ctx.reply(user.username).await?;
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn commands_are_written_only_when_they_changed() {
    let emu = Emulator::start().await.unwrap();
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_commands([roll(), tag(), avatar()]);
        })
        .await
        .unwrap();
    let writes = emu.command_writes();
    assert_eq!(writes.len(), 1, "one bulk overwrite on the first start");
    assert_eq!(writes[0].method, "PUT");
    assert_eq!(
        writes[0].path,
        format!("/applications/{}/commands", emu.bot().application_id)
    );
    bot.stop().await.unwrap();

    // A restart with the same commands writes nothing: Discord's defaults (nsfw false,
    // integration types, required false...) are not differences.
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_commands([roll(), tag(), avatar()]);
        })
        .await
        .unwrap();
    assert_eq!(
        emu.command_writes().len(),
        1,
        "nothing written on a restart"
    );
    bot.stop().await.unwrap();

    // A changed command (and a removed one) is written again.
    let bot = emu
        .run_bot(|g| {
            g.dispatcher.add_commands([roll_changed(), tag()]);
        })
        .await
        .unwrap();
    assert_eq!(emu.command_writes().len(), 2);
    let listed = emu
        .rest_client()
        .applications
        .commands(emu.bot().application_id)
        .list(true)
        .await
        .unwrap();
    let mut names: Vec<&str> = listed.iter().map(|c| c.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["roll", "tag"]);
    let roll = listed.iter().find(|c| c.name == "roll").unwrap();
    assert_eq!(roll.description, "Rolls dice, described differently.");
    let tag = listed.iter().find(|c| c.name == "tag").unwrap();
    assert_eq!(tag.nsfw, Some(true));
    assert_eq!(
        tag.default_member_permissions,
        Some(Permissions::MANAGE_MESSAGES)
    );
    let add = &tag.options.as_ref().unwrap()[0];
    let fr = asyncord::model::common::Locale::from_str_value("fr");
    assert_eq!(
        add.name_localizations
            .as_ref()
            .unwrap()
            .get(&fr)
            .map(String::as_str),
        Some("ajouter")
    );
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn development_guilds_get_their_own_commands() {
    let emu = Emulator::start().await.unwrap();
    let guild = emu.guild_id();
    let config = emu
        .group_config()
        .commands(CommandRegistration::guilds([guild]));
    let bot = emu
        .run_bot_with(emu.token(), config.clone(), |g| {
            g.dispatcher.add_commands([roll()]);
        })
        .await
        .unwrap();
    let writes = emu.command_writes();
    assert_eq!(writes.len(), 1);
    assert_eq!(
        writes[0].path,
        format!(
            "/applications/{}/guilds/{guild}/commands",
            emu.bot().application_id
        )
    );
    bot.stop().await.unwrap();
    let bot = emu
        .run_bot_with(emu.token(), config, |g| {
            g.dispatcher.add_commands([roll()]);
        })
        .await
        .unwrap();
    assert_eq!(emu.command_writes().len(), 1);
    bot.stop().await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_definition_discord_would_refuse_stops_the_bot_before_it_connects() {
    let emu = Emulator::start().await.unwrap();
    // Built by hand, where the macro cannot see it: a required option after an optional one.
    let bad = Command::slash("bad", "Badly ordered")
        .option(OptionDefinition::of::<Option<String>>("first", "Optional"))
        .option(OptionDefinition::of::<String>("second", "Required"))
        .action(|_ctx: CommandContext| async { CommandResult::Ok(()) });
    let error = emu
        .run_bot(|g| {
            g.dispatcher.add_commands([bad]);
        })
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("the required option \"second\" comes after the optional option \"first\""),
        "{error}"
    );
    assert!(emu.command_writes().is_empty(), "nothing was written");
    assert_eq!(emu.stats().gateway.sessions, 0, "never connected");
}

#[tokio::test(start_paused = true)]
async fn the_emulator_refuses_what_discord_refuses_with_form_errors() {
    use asyncord::http::RestError;
    use asyncord::model::command::ApplicationCommandOption;
    use asyncord::model::request::CreateCommand;

    let emu = Emulator::start().await.unwrap();
    let commands = emu
        .rest_client()
        .applications
        .commands(emu.bot().application_id);
    let good = CreateCommand::chat_input("fine", "A fine command");
    let bad = CreateCommand::chat_input("roll", "Rolls dice")
        .option(ApplicationCommandOption::integer("times", "How many"))
        .option(ApplicationCommandOption::integer("sides", "Sides").required(true));
    let error = commands.bulk_overwrite(&[good, bad]).await.unwrap_err();
    let RestError::BadRequest(api) = error else {
        panic!("expected a 400, got {error}");
    };
    assert_eq!((api.status, api.code), (400, 50035));
    assert_eq!(api.errors.len(), 1);
    assert_eq!(api.errors[0].path, "1.options.1.required");
    assert_eq!(
        api.errors[0].code,
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID"
    );
    assert!(emu.command_writes().is_empty(), "nothing was stored");
}

/// Counts.
#[command]
async fn count(ctx: CommandContext, db: std::sync::Arc<Vec<u8>>) -> CommandResult {
    ctx.reply(db.len().to_string()).await?;
    Ok(())
}

#[tokio::test(start_paused = true)]
async fn an_argument_nobody_registered_is_a_start_up_error() {
    let emu = Emulator::start().await.unwrap();
    let error = emu
        .run_bot(|g| {
            g.dispatcher.add_commands([count()]);
        })
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("/count: parameter `db`: no argument named `db` is registered"),
        "{error}"
    );
    assert!(emu.command_writes().is_empty());
}
