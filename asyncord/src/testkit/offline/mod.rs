//! [`Offline`]: the switch that lets one program run as a real bot or as a demo against the
//! emulator — Discord when `DISCORD_TOKEN` is set, an in-process [`Emulator`] when it is not —
//! and plays a [`Scene`] (simulated users talking to the bot) offline.
//!
//! The example bots use it so that the code a user reads (and copies) is the bot itself:
//!
//! ```no_run
//! use asyncord::prelude::*;
//! use asyncord::testkit::{Offline, Scene, SceneResult, check};
//!
//! #[handler]
//! async fn ping(event: MessageCreateEvent, client: RestClient) -> HandlerResult {
//!     if event.content == "!ping" {
//!         let reply = CreateMessage::content("pong");
//!         client.channels.messages(event.channel_id).create(reply).await?;
//!     }
//!     Ok(())
//! }
//!
//! #[tokio::main]
//! async fn main() -> asyncord::Result<()> {
//!     let bot = Offline::from_env().await?; // DISCORD_TOKEN, or the emulator
//!     let config = bot.config().add_intents(Intents::MESSAGE_CONTENT);
//!     asyncord::connect_with(bot.token(), config, async |group| {
//!         group.dispatcher.add_handler(ping);
//!         bot.play(group, scene); // offline: the scene, then the bot stops
//!     })
//!     .await
//! }
//!
//! async fn scene(s: Scene) -> SceneResult {
//!     s.say("alice", "!ping")?;
//!     check(s.reply().await?.content == "pong", "the bot answers pong")
//! }
//! ```
//!
//! Offline, the program says so and logs the scene's conversation (at INFO, target
//! `asyncord::scene`: a `tracing_subscriber::fmt::init()` in `main` shows it), and ends when the
//! scene does: `connect` returns `Ok` if the bot did what the scene expects, or the scene's
//! failure (so `main` exits with 1). Online, [`Offline::play`] does nothing and the bot runs
//! until Ctrl-C.

mod scene;

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use asyncord_model::{ChannelId, GuildId};

pub use scene::{Scene, SceneError, SceneResult, check};

use super::{BotSpec, Emulator, EmulatorBots};
use crate::Error;
use crate::client_hub::{ClientGroup, GroupConfig};
use crate::rest::RestClient;

/// The environment variable holding the (first) bot's token.
pub const TOKEN_VAR: &str = "DISCORD_TOKEN";
/// The environment variable holding the guild [`Offline::guild_id`] returns online.
pub const GUILD_VAR: &str = "DISCORD_GUILD_ID";
/// The environment variable holding the channel [`Offline::channel_id`] returns online.
pub const CHANNEL_VAR: &str = "DISCORD_CHANNEL_ID";

/// Discord or the emulator, chosen by the environment: the tokens and the group
/// configuration to connect with, and the offline scene (see the [module docs](self)).
///
/// Cheap to clone: clones share the emulator. Its `Debug` output names the bots, never their
/// tokens.
#[derive(Clone)]
pub struct Offline {
    /// `(name, token)` of each bot, in order.
    bots: Arc<[(String, String)]>,
    config: GroupConfig,
    emulator: Option<Arc<Emulator>>,
}

impl fmt::Debug for Offline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.bots.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("Offline")
            .field("bots", &names)
            .field("config", &self.config)
            .field("emulator", &self.emulator)
            .finish()
    }
}

/// The environment variable holding the token of bot `index` (0: `DISCORD_TOKEN`, 1:
/// `DISCORD_TOKEN_2`...).
fn token_var(index: usize) -> String {
    if index == 0 {
        TOKEN_VAR.to_owned()
    } else {
        format!("{TOKEN_VAR}_{}", index + 1)
    }
}

/// The value of `var`, if it is set and not blank.
fn env_value(var: &str) -> Result<Option<String>, Error> {
    match std::env::var(var) {
        Ok(value) if value.trim().is_empty() => Ok(None),
        Ok(value) => Ok(Some(value.trim().to_owned())),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(Error::other(format!("{var} is not valid UTF-8")))
        }
    }
}

impl Offline {
    /// One bot: Discord with `DISCORD_TOKEN` (and [`GroupConfig::from_env`], which honours
    /// `DISCORD_API_URL`) when it is set; otherwise a fresh [`Emulator`] with its default world
    /// (one bot, users alice and bob, a guild with `#general`).
    ///
    /// # Errors
    /// When `DISCORD_API_URL` is invalid, or the emulator cannot bind a loopback port.
    pub async fn from_env() -> Result<Self, Error> {
        Self::choose(None).await
    }

    /// Several bots, named `names` (the group names an example gives them): online their
    /// tokens are `DISCORD_TOKEN`, `DISCORD_TOKEN_2`, `DISCORD_TOKEN_3`...; offline the
    /// emulator seeds one bot user per name.
    ///
    /// # Errors
    /// As [`Offline::from_env`], and when `DISCORD_TOKEN` is set but a further bot's token is
    /// not.
    pub async fn from_env_for(names: &[&str]) -> Result<Self, Error> {
        if names.is_empty() {
            return Err(Error::other(
                "Offline::from_env_for needs at least one bot name",
            ));
        }
        Self::choose(Some(names)).await
    }

    /// Always the emulator, whatever the environment (tests of a program written with
    /// [`Offline::from_env`]): one bot, as offline there.
    ///
    /// # Errors
    /// When the emulator cannot bind a loopback port.
    pub async fn emulated() -> Result<Self, Error> {
        Self::start_emulator(None).await
    }

    /// Always the emulator, with one bot per name (as [`Offline::from_env_for`] offline).
    ///
    /// # Errors
    /// When `names` is empty, or the emulator cannot bind a loopback port.
    pub async fn emulated_for(names: &[&str]) -> Result<Self, Error> {
        if names.is_empty() {
            return Err(Error::other(
                "Offline::emulated_for needs at least one bot name",
            ));
        }
        Self::start_emulator(Some(names)).await
    }

    /// Against this emulator (seeded as you like): its bots in seeding order, named by their
    /// user names.
    pub fn with_emulator(emulator: Emulator) -> Self {
        let bots = emulator
            .bots()
            .iter()
            .map(|b| {
                let name = b.user["username"].as_str().unwrap_or("bot").to_owned();
                (name, b.token.clone())
            })
            .collect();
        Self {
            bots,
            config: emulator.group_config(),
            emulator: Some(Arc::new(emulator)),
        }
    }

    async fn choose(names: Option<&[&str]>) -> Result<Self, Error> {
        let Some(first) = env_value(TOKEN_VAR)? else {
            let offline = Self::start_emulator(names).await?;
            scene::narrate(format_args!(
                "no {TOKEN_VAR} set: running offline against the asyncord emulator ({})",
                offline
                    .emulator
                    .as_ref()
                    .map_or_else(String::new, |e| e.rest_url())
            ));
            return Ok(offline);
        };
        let names = names.unwrap_or(&["bot"]);
        let mut bots = Vec::with_capacity(names.len());
        for (index, name) in names.iter().enumerate() {
            let token = if index == 0 {
                first.clone()
            } else {
                let var = token_var(index);
                env_value(&var)?.ok_or_else(|| {
                    Error::other(format!(
                        "this program runs {} bots and {TOKEN_VAR} is set: set {var} to the \
                         token of the bot {name:?} (or unset {TOKEN_VAR} to run offline)",
                        names.len()
                    ))
                })?
            };
            bots.push(((*name).to_owned(), token));
        }
        let config = GroupConfig::from_env()?;
        scene::narrate(format_args!(
            "{TOKEN_VAR} set: using {}",
            if config.api_base == GroupConfig::new().api_base {
                "Discord".to_owned()
            } else {
                config.api_base.clone()
            }
        ));
        Ok(Self {
            bots: bots.into(),
            config,
            emulator: None,
        })
    }

    async fn start_emulator(names: Option<&[&str]>) -> Result<Self, Error> {
        let mut builder = Emulator::builder();
        for name in names.unwrap_or_default() {
            builder = builder.bot(BotSpec::new(format!("{name}-token")).name(*name));
        }
        let emulator = builder.start().await?;
        let mut offline = Self::with_emulator(emulator);
        if let Some(names) = names {
            // The names given, not the seeded user names (the same here, but by contract).
            offline.bots = names
                .iter()
                .zip(offline.bots.iter())
                .map(|(name, (_, token))| ((*name).to_owned(), token.clone()))
                .collect();
        }
        Ok(offline)
    }

    /// Whether this runs against the emulator.
    pub fn is_offline(&self) -> bool {
        self.emulator.is_some()
    }

    /// The emulator, offline.
    pub fn emulator(&self) -> Option<&Emulator> {
        self.emulator.as_deref()
    }

    /// The (first) bot's token.
    pub fn token(&self) -> &str {
        self.bots.first().map_or("", |(_, token)| token.as_str())
    }

    /// The token of the bot called `name` (a name given to [`Offline::from_env_for`]).
    ///
    /// # Errors
    /// When no bot has that name.
    pub fn token_of(&self, name: &str) -> Result<&str, Error> {
        self.bots
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, token)| token.as_str())
            .ok_or_else(|| {
                let known: Vec<&str> = self.bots.iter().map(|(n, _)| n.as_str()).collect();
                Error::other(format!(
                    "no bot is called {name:?} (the bots are {known:?})"
                ))
            })
    }

    /// The configuration to connect with: [`GroupConfig::from_env`] online, the emulator's
    /// in-memory [`EmulatorBots::group_config`] offline. Add to it as to any configuration
    /// (`bot.config().add_intents(Intents::MESSAGE_CONTENT)`).
    pub fn config(&self) -> GroupConfig {
        self.config.clone()
    }

    /// A REST client for the (first) bot, outside any group: online the same as
    /// `RestClient::new(token)` (with `DISCORD_API_URL` as its base when set), offline one that
    /// talks to the emulator.
    pub fn rest_client(&self) -> RestClient {
        let mut builder = RestClient::builder(self.token()).base_url(self.config.api_base.clone());
        if let Some(transport) = &self.config.rest_transport {
            builder = builder.transport(Arc::clone(transport));
        }
        builder.build()
    }

    /// The guild to work in: `DISCORD_GUILD_ID` online, the emulator's guild offline.
    ///
    /// # Errors
    /// Online, when `DISCORD_GUILD_ID` is unset or not an id.
    pub fn guild_id(&self) -> Result<GuildId, Error> {
        match &self.emulator {
            Some(emulator) => Ok(emulator.guild_id()),
            None => id_from_env(GUILD_VAR, "a guild your bot is in"),
        }
    }

    /// The channel to work in: `DISCORD_CHANNEL_ID` online, the emulator's `#general` offline.
    ///
    /// # Errors
    /// Online, when `DISCORD_CHANNEL_ID` is unset or not an id.
    pub fn channel_id(&self) -> Result<ChannelId, Error> {
        match &self.emulator {
            Some(emulator) => Ok(emulator.channel_id()),
            None => id_from_env(CHANNEL_VAR, "a channel your bot can read and write"),
        }
    }

    /// Offline, plays `scene` once every bot is connected (at once for a group
    /// [`without_gateway`](crate::GroupConfig::without_gateway)), then stops the hub `group` belongs
    /// to: `connect` (or `hub.start()`) returns `Ok` when the scene passed, and
    /// [`HubError::StoppedWithError`](crate::client_hub::HubError::StoppedWithError) with the
    /// scene's failure otherwise. Online, does nothing. Call it in the setup closure (inside
    /// the tokio runtime), once.
    ///
    /// The scene's task ends when the hub stops for another reason (Ctrl-C, a failed group);
    /// a scene that panics fails the run.
    pub fn play<F, Fut>(&self, group: &ClientGroup, scene: F)
    where
        F: FnOnce(Scene) -> Fut + Send + 'static,
        Fut: Future<Output = SceneResult> + Send + 'static,
    {
        let Some(emulator) = &self.emulator else {
            return;
        };
        let stop = group.stop_handle().clone();
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            stop.stop_with_error(
                "Offline::play needs a tokio runtime: call it in the setup closure",
            );
            return;
        };
        // A group without a gateway (interactions over HTTP only) opens no session.
        let bots = if group.config().connect_gateway {
            self.bots.len()
        } else {
            0
        };
        let scene_world = Scene::new(Arc::clone(emulator));
        let emulator = Arc::clone(emulator);
        let played = runtime.spawn(async move {
            emulator.wait_for_sessions(bots).await?;
            scene(scene_world).await
        });
        runtime.spawn(async move {
            let mut stopping = stop.subscribe();
            let aborter = played.abort_handle();
            let outcome = tokio::select! {
                joined = played => joined,
                _ = stopping.wait_for(|s| *s) => {
                    // The hub stops for another reason: the scene has nobody to talk to.
                    aborter.abort();
                    return;
                }
            };
            match outcome {
                Ok(Ok(())) => {
                    scene::narrate("done: the bot behaved as the scene expects");
                    stop.stop();
                }
                Ok(Err(e)) => stop.stop_with_error(format!("the offline scene failed: {e}")),
                Err(e) => stop.stop_with_error(format!("the offline scene panicked: {e}")),
            }
        });
    }
}

/// The id in `var`, online.
fn id_from_env<M>(var: &str, what: &str) -> Result<asyncord_model::Id<M>, Error> {
    let value =
        env_value(var)?.ok_or_else(|| Error::other(format!("set {var} to the id of {what}")))?;
    value
        .parse()
        .map_err(|_| Error::other(format!("{var} is not an id: {value:?}")))
}
