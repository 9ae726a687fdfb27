//! Shared helpers for the example bots (`cargo run --example NAME`).
//!
//! Every example follows the same conventions:
//!
//! - `DISCORD_TOKEN` set: the bot connects to Discord and runs until Ctrl-C. Examples with two
//!   bots read the second token from `DISCORD_TOKEN_2`.
//! - `DISCORD_API_URL` also set (a REST base such as `http://127.0.0.1:8080/api/v10`): REST goes
//!   there instead, and the gateway URL comes from its `GET /gateway/bot` (a proxy, or
//!   `cargo run -p asyncord --features testkit --example emulator`).
//! - No token: the example starts the testkit emulator in-process, plays a short scripted
//!   scene with simulated users, prints what happened, and exits 0 (or 1 if the bot did not do
//!   what the scene expects).
//!
//! The example files are also modules of this library (`asyncord_examples::quickstart`...), so
//! the tests in `examples/tests/` run each example's own setup and scene offline.

extern crate self as asyncord_examples;

use std::time::Duration;

use asyncord::client_hub::{ClientGroup, ClientHub, GroupConfig, HubConfig};
use asyncord::model::Snowflake;
use asyncord::model::message::Message;
use asyncord::testkit::{BotSpec, Emulator, SimUser};

#[path = "../examples/quickstart.rs"]
#[allow(dead_code)]
pub mod quickstart;

#[path = "../examples/custom_arguments.rs"]
#[allow(dead_code)]
pub mod custom_arguments;

#[path = "../examples/inject_argument.rs"]
#[allow(dead_code)]
pub mod inject_argument;

#[path = "../examples/two_bots.rs"]
#[allow(dead_code)]
pub mod two_bots;

#[path = "../examples/rest_script.rs"]
#[allow(dead_code)]
pub mod rest_script;

#[path = "../examples/slash_button.rs"]
#[allow(dead_code)]
pub mod slash_button;

/// The error of a scene: something the bot should have done and did not.
pub type SceneError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The result of a scene.
pub type SceneResult = Result<(), SceneError>;

/// The environment variable holding the bot token.
pub const TOKEN_VAR: &str = "DISCORD_TOKEN";
/// The environment variable holding the second bot's token (two-bot examples).
pub const TOKEN_2_VAR: &str = "DISCORD_TOKEN_2";
/// The environment variable holding a REST base URL to use instead of Discord's.
pub const API_URL_VAR: &str = "DISCORD_API_URL";

/// The token of bot `index` from the environment (`None`: run offline).
fn env_token(index: usize) -> Option<String> {
    let var = if index == 0 { TOKEN_VAR } else { TOKEN_2_VAR };
    std::env::var(var).ok().filter(|t| !t.trim().is_empty())
}

/// The group configuration for a real run: Discord, or `DISCORD_API_URL`.
pub fn env_group_config() -> GroupConfig {
    match std::env::var(API_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => GroupConfig::new().api_base(url.trim()),
        _ => GroupConfig::new(),
    }
}

/// Logs to stderr: warnings and errors, plus asyncord's info lines for real runs.
pub fn init_logging(online: bool) {
    let level = if online {
        tracing::Level::INFO
    } else {
        tracing::Level::WARN
    };
    let _ = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Runs an example bot: with `DISCORD_TOKEN`, against Discord (or `DISCORD_API_URL`) until
/// Ctrl-C; without, offline against the emulator through `scene`.
///
/// `bots` names the client groups (one per bot); `setup` registers their handlers.
pub async fn run(
    bots: &[&str],
    setup: impl FnOnce(&[ClientGroup]),
    scene: impl AsyncFnOnce(&Scene) -> SceneResult,
) -> asyncord::Result<()> {
    let Some(first) = env_token(0) else {
        init_logging(false);
        return run_offline(bots, setup, scene).await;
    };
    init_logging(true);
    let mut hub = ClientHub::new();
    let mut groups = Vec::with_capacity(bots.len());
    for (index, name) in bots.iter().enumerate() {
        let token = if index == 0 {
            first.clone()
        } else {
            env_token(index).ok_or_else(|| {
                asyncord::Error::other(format!(
                    "this example runs {} bots: set {TOKEN_2_VAR} to the second bot's token",
                    bots.len()
                ))
            })?
        };
        groups.push(hub.create_client_group_with(*name, token, env_group_config())?);
    }
    setup(&groups);
    println!("running {bots:?}; press Ctrl-C to stop");
    hub.start().await?;
    Ok(())
}

/// Runs an example offline: starts the emulator with one bot per name, runs the bots on a
/// [`ClientHub`], plays `scene`, stops the hub, and reports whether the scene went as
/// expected.
pub async fn run_offline(
    bots: &[&str],
    setup: impl FnOnce(&[ClientGroup]),
    scene: impl AsyncFnOnce(&Scene) -> SceneResult,
) -> asyncord::Result<()> {
    let mut builder = Emulator::builder();
    for name in bots {
        builder = builder.bot(BotSpec::new(format!("{name}-token")).name(*name));
    }
    let emulator = builder.start().await?;
    println!(
        "no {TOKEN_VAR} set: running offline against the asyncord emulator ({})",
        emulator.rest_url()
    );
    let mut hub = ClientHub::with_config(HubConfig {
        shutdown_timeout: Duration::from_secs(5),
        ..HubConfig::default()
    });
    let mut groups = Vec::with_capacity(bots.len());
    for (name, bot) in bots.iter().zip(emulator.bots()) {
        groups.push(hub.create_client_group_with(*name, &bot.token, emulator.group_config())?);
    }
    setup(&groups);

    let stop = hub.stop_handle();
    let running = tokio::spawn(async move { hub.start().await });
    let scene_result = match emulator.wait_for_sessions(bots.len()).await {
        Ok(()) => scene(&Scene::new(emulator, groups)).await,
        Err(e) => Err(e.into()),
    };
    stop.stop();
    let hub_result = running
        .await
        .map_err(|e| asyncord::Error::other(format!("the hub task failed: {e}")))?;
    match (scene_result, hub_result) {
        (Ok(()), Ok(summary)) => {
            println!("done: the bot behaved as expected ({summary})");
            Ok(())
        }
        (Err(e), _) => Err(asyncord::Error::other(format!("the scene failed: {e}"))),
        (Ok(()), Err(e)) => Err(e.into()),
    }
}

/// The emulated world of an offline run, with helpers that print what happens.
pub struct Scene {
    emulator: Emulator,
    groups: Vec<ClientGroup>,
    channel: Snowflake,
}

impl Scene {
    fn new(emulator: Emulator, groups: Vec<ClientGroup>) -> Self {
        let channel = emulator.channel_id();
        Self {
            emulator,
            groups,
            channel,
        }
    }

    /// The emulator (simulated users, expectations, faults).
    pub fn emulator(&self) -> &Emulator {
        &self.emulator
    }

    /// The bots' client groups.
    pub fn groups(&self) -> &[ClientGroup] {
        &self.groups
    }

    /// The `#general` channel of the emulated guild.
    pub fn channel(&self) -> Snowflake {
        self.channel
    }

    /// The simulated user `name` (`alice` or `bob`).
    pub fn user(&self, name: &str) -> Result<SimUser<'_>, SceneError> {
        Ok(self.emulator.user_named(name)?)
    }

    /// `user` says `text` in `#general` (printed).
    pub fn say(&self, user: &str, text: &str) -> Result<Snowflake, SceneError> {
        println!("  #general  {user}: {text}");
        Ok(self.user(user)?.send_message(self.channel, text)?)
    }

    /// The next message a bot posts in `#general` (printed).
    pub async fn reply(&self) -> Result<Message, SceneError> {
        let message = self.emulator.next_message_in(self.channel).await?;
        println!(
            "  #general  {} (bot): {}",
            message.author.username, message.content
        );
        Ok(message)
    }

    /// Checks that no bot posts in `#general` for `within`.
    pub async fn no_reply(&self, within: Duration) -> SceneResult {
        let wait = self.emulator.timeout().min(within);
        if let Ok(Ok(m)) =
            tokio::time::timeout(wait, self.emulator.next_message_in(self.channel)).await
        {
            return Err(format!("unexpected bot message: {:?}", m.content).into());
        }
        println!("  (no reply, as expected)");
        Ok(())
    }
}

/// Fails the scene with `what` unless `ok`.
pub fn check(ok: bool, what: impl Into<String>) -> SceneResult {
    if ok { Ok(()) } else { Err(what.into().into()) }
}
