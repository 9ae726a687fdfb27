//! Interactions over HTTP: no gateway connection; Discord POSTs each slash command to the bot's
//! "Interactions Endpoint URL", and the ordinary `#[handler]` below answers it with
//! `client.interactions.respond(..)`, which goes into the HTTP answer. `/hello name:` answers
//! at once; `/report` takes longer than Discord's 3 seconds, so the endpoint defers it
//! automatically at its deadline (2.5 s) and the handler's late answer becomes the edit of
//! the "thinking..." message.
//!
//! `cargo run --example http_interactions` runs it offline: the emulator checks the endpoint as
//! the developer portal does (a signed PING, a forged one), then delivers alice's commands to
//! it, signed with the application's key. On Discord: `DISCORD_TOKEN`, `DISCORD_PUBLIC_KEY`
//! (General Information > Public Key) and optionally `INTERACTIONS_ADDR` (default
//! `127.0.0.1:8080`), behind an HTTPS reverse proxy whose URL you save as the Interactions
//! Endpoint URL (see the README's "Interactions over HTTP").

use std::net::SocketAddr;
use std::time::Duration;

use asyncord::interactions::{InteractionsConfig, PublicKey};
use asyncord::model::command::ApplicationCommandOption;
use asyncord::model::interaction::InteractionResponse;
use asyncord::model::request::command::CreateCommand;
use asyncord::prelude::*;
use asyncord::testkit::{Offline, Scene, SceneResult, check};

/// Answers `/hello` at once and `/report` after a while (past the deadline).
#[handler]
async fn on_command(event: InteractionCreateEvent, client: RestClient) -> HandlerResult {
    let Some(command) = event.command_data() else {
        return Ok(());
    };
    let response = match command.name.as_str() {
        "hello" => {
            let name = command
                .option("name")
                .and_then(|o| o.value.as_ref()?.as_str())
                .unwrap_or("stranger");
            InteractionResponse::message(format!("Hello, {name}!"))
        }
        "report" => {
            tokio::time::sleep(Duration::from_secs(3)).await; // some slow work
            InteractionResponse::message("The report is ready.")
        }
        _ => return Ok(()),
    };
    client
        .interactions
        .respond(event.id, event.token.as_str(), response)
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

/// The bot: an interactions endpoint without a gateway; registers its commands, then runs
/// until Ctrl-C.
pub async fn run(bot: &Offline) -> asyncord::Result<()> {
    let (key, addr) = match bot.emulator() {
        // Offline: the emulator's key pair for the bot's application, any free port.
        Some(emu) => (
            emu.interactions_public_key(emu.bot().application_id),
            SocketAddr::from(([127, 0, 0, 1], 0)),
        ),
        None => (
            std::env::var("DISCORD_PUBLIC_KEY")?,
            std::env::var("INTERACTIONS_ADDR")
                .unwrap_or_else(|_| "127.0.0.1:8080".to_owned())
                .parse()
                .map_err(asyncord::Error::other)?,
        ),
    };
    let endpoint = InteractionsConfig::new(
        PublicKey::from_hex(&key).map_err(asyncord::Error::other)?,
        addr,
    );
    let config = bot.config().without_gateway().http_interactions(endpoint);
    asyncord::connect_with(bot.token(), config, async |group| -> asyncord::Result<()> {
        let app = group.client.applications.me().await?;
        let name = ApplicationCommandOption::string("name", "Who to greet");
        let commands = [
            CreateCommand::chat_input("hello", "Says hello").option(name),
            CreateCommand::chat_input("report", "Takes a few seconds"),
        ];
        group
            .client
            .applications
            .commands(app.id)
            .bulk_overwrite(&commands)
            .await?;
        group.dispatcher.add_handler(on_command);
        let endpoint = group.clone();
        bot.play(group, move |s| scene(s, endpoint));
        Ok(())
    })
    .await
}

// ---- offline scene: what simulated users do when DISCORD_TOKEN is not set ----

/// The endpoint URL is saved (the emulator checks it like the portal); alice runs `/hello`,
/// answered in the HTTP response, then `/report`, deferred then edited.
async fn scene(s: Scene, group: ClientGroup) -> SceneResult {
    let emu = s.emulator();
    let mut addr = group.interactions_addr();
    while addr.is_none() {
        tokio::time::sleep(Duration::from_millis(10)).await;
        addr = group.interactions_addr();
    }
    let url = format!(
        "http://{}/",
        addr.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)))
    );
    s.narrate(format_args!(
        "the portal saves the Interactions Endpoint URL {url}"
    ));
    emu.set_interactions_endpoint_url(emu.bot().application_id, &url)
        .await?;

    let alice = s.user("alice")?;
    s.narrate("alice: /hello name:asyncord");
    let hello = alice
        .invoke_slash_command(
            s.channel(),
            "hello",
            serde_json::json!({"name": "asyncord"}),
        )
        .await?;
    let answer = hello.response().await?;
    s.narrate(format_args!(
        "bot (in the HTTP answer): {}",
        answer.content().unwrap_or_default()
    ));
    check(answer.content() == Some("Hello, asyncord!"), "the greeting")?;

    s.narrate("alice: /report");
    let report = alice
        .invoke_slash_command(s.channel(), "report", serde_json::Value::Null)
        .await?;
    let first = report.response().await?;
    s.narrate(format_args!(
        "the endpoint defers it at its deadline (type {})",
        first.kind
    ));
    check(first.kind == 5, "the automatic deferral")?;
    let message = report.message().await?;
    s.narrate(format_args!(
        "bot edits the original response: {}",
        message.content
    ));
    check(message.content == "The report is ready.", "the late answer")
}
