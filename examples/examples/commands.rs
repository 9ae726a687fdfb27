//! A tag bot built with `#[command]`: `/tag add` (opens a form for the tag's text), `/tag show`
//! (autocompletes the tag names, answers with a Delete button), a "Save as tag" message command,
//! and the Delete button handled by `#[component("tag-delete:{name}")]`.
//!
//! Commands are registered when the bot starts, only if they changed. `cargo run --example
//! commands` runs it offline: alice adds a tag through the form, finds it with autocomplete,
//! shows and deletes it, and saves one of bob's messages as a tag.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use asyncord::model::component::{ActionRow, Button};
use asyncord::prelude::*;
use asyncord::testkit::{Invocation, Offline, Scene, SceneResult, check};
use tokio::sync::Mutex;

/// The tags, shared by every command (registered as the argument `tags`); a real bot would
/// keep them in a database.
#[derive(Clone, Default)]
pub struct Tags(Arc<Mutex<BTreeMap<String, String>>>);

impl Tags {
    async fn with<R>(&self, f: impl FnOnce(&mut BTreeMap<String, String>) -> R) -> R {
        f(&mut *self.0.lock().await)
    }
}

/// The form `/tag add` opens.
#[derive(Modal)]
#[modal(title = "New tag")]
struct TagForm {
    #[input(label = "Text", paragraph, min_length = 1, max_length = 2000)]
    text: String,
}

/// Adds a tag.
#[command]
async fn add(
    ctx: CommandContext,
    /// The tag's name
    #[min_length = 1]
    #[max_length = 32]
    name: String,
    tags: Tags,
) -> CommandResult {
    let (form, submitted) = ctx.modal::<TagForm>(Duration::from_mins(10)).await?;
    tags.with(|t| t.insert(name.clone(), form.text)).await;
    submitted.ephemeral(format!("Saved tag `{name}`.")).await?;
    Ok(())
}

/// The names of the tags that start with what was typed.
async fn tag_names(ctx: AutocompleteContext, typed: String) -> Vec<String> {
    let tags: Tags = match ctx.arg("tags") {
        Ok(tags) => tags,
        Err(_) => return Vec::new(),
    };
    tags.with(|t| {
        t.keys()
            .filter(|name| name.starts_with(&typed))
            .take(25)
            .cloned()
            .collect()
    })
    .await
}

/// Shows a tag.
#[command]
async fn show(
    ctx: CommandContext,
    /// The tag's name
    #[autocomplete = tag_names]
    name: String,
    tags: Tags,
) -> CommandResult {
    let Some(text) = tags.with(|t| t.get(&name).cloned()).await else {
        ctx.ephemeral(format!("No tag `{name}`.")).await?;
        return Ok(());
    };
    let delete = ActionRow::new([Button::danger(format!("tag-delete:{name}"), "Delete")]);
    ctx.reply(Reply::content(text).component(delete)).await?;
    Ok(())
}

/// Manages tags.
#[command(subcommands(add, show))]
async fn tag(_: CommandContext) -> CommandResult {
    Ok(())
}

/// Saves a message as a tag named after its author.
#[command(context_menu = "message", name = "Save as tag")]
async fn save_as_tag(ctx: CommandContext, message: Message, tags: Tags) -> CommandResult {
    let name = message.author.username.clone();
    tags.with(|t| t.insert(name.clone(), message.content)).await;
    ctx.ephemeral(format!("Saved tag `{name}`.")).await?;
    Ok(())
}

/// The Delete button under a shown tag.
#[component("tag-delete:{name}")]
async fn delete_tag(ctx: CommandContext, name: String, tags: Tags) -> CommandResult {
    tags.with(|t| t.remove(&name)).await;
    ctx.update(Reply::content(format!("Deleted tag `{name}`.")))
        .await?;
    Ok(())
}

#[tokio::main]
async fn main() -> asyncord::Result<()> {
    tracing_subscriber::fmt::init(); // asyncord logs through `tracing`
    // DISCORD_TOKEN set: Discord. Unset: an in-process emulator that plays `scene` (below).
    let bot = Offline::from_env().await?;
    run(&bot).await
}

/// The bot: the tags, the commands and the button, then it runs until Ctrl-C.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    asyncord::connect_with(bot.token(), bot.config(), async |group| {
        group.dispatcher.add_argument("tags", Tags::default());
        group.dispatcher.add_commands([tag(), save_as_tag()]);
        group.dispatcher.add_components([delete_tag()]);
        bot.play(group, scene);
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// Alice adds, finds, shows and deletes a tag, then saves bob's message as one.
async fn scene(s: Scene) -> SceneResult {
    let alice = s.user("alice")?;
    let bob = s.user("bob")?;
    let channel = s.channel();

    s.narrate("alice: /tag add name:hello");
    let add = alice
        .invoke(
            channel,
            Invocation::slash("tag")
                .subcommand("add")
                .option("name", "hello"),
        )
        .await?;
    s.narrate("bot opens the form; alice types “Hello there!”");
    let submitted = alice
        .submit_modal(&add, &[("text", "Hello there!")])
        .await?;
    let saved = submitted.response().await?;
    check(
        saved.content() == Some("Saved tag `hello`."),
        "the tag is saved",
    )?;

    s.narrate("alice types /tag show name:he…");
    let suggested = alice
        .autocomplete(
            channel,
            Invocation::slash("tag")
                .subcommand("show")
                .focused("name", "he"),
        )
        .await?;
    s.narrate(format_args!("suggestions: {suggested:?}"));
    check(
        suggested.len() == 1 && suggested[0].0 == "hello",
        "autocomplete",
    )?;

    let show = alice
        .invoke(
            channel,
            Invocation::slash("tag")
                .subcommand("show")
                .option("name", "hello"),
        )
        .await?;
    let shown = show.message().await?;
    s.narrate(format_args!("bot: {} [Delete]", shown.content));
    check(shown.content == "Hello there!", "the tag's text")?;
    let click = alice.click_button(channel, shown.id, "tag-delete:hello")?;
    let deleted = click.response().await?;
    s.narrate(format_args!(
        "bot: {}",
        deleted.content().unwrap_or_default()
    ));
    check(
        deleted.content() == Some("Deleted tag `hello`."),
        "the tag is deleted",
    )?;

    s.narrate("bob: rust is fun");
    let said = bob.send_message(channel, "rust is fun")?;
    s.narrate("alice uses Apps → Save as tag on it");
    let saved = alice
        .invoke(channel, Invocation::message("Save as tag", said))
        .await?
        .response()
        .await?;
    check(
        saved.content() == Some("Saved tag `bob`."),
        "the message is saved",
    )
}
