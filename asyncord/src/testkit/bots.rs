//! Bots against the emulator: [`EmulatorBots`] gives an [`Emulator`] the client configurations
//! and REST clients that reach it, and [`EmulatorBots::run_bot`] builds a [`ClientHub`] group
//! for a seeded bot, lets the test register handlers, starts the hub in the background and
//! returns once the bot's gateway is connected.

use std::fmt;
use std::future::Future;
use std::sync::Arc;

use asyncord_testkit::{Emulator, ExpectError};
use tokio::task::JoinHandle;

use crate::client_hub::{
    ClientGroup, ClientHub, GroupConfig, HubConfig, HubError, RunSummary, StopHandle,
};
use crate::gateway::Shards;
use crate::rest::RestClient;

/// A bot running against the emulator (see [`EmulatorBots::run_bot`]).
pub struct RunningBot {
    group: ClientGroup,
    stop: StopHandle,
    task: JoinHandle<Result<RunSummary, HubError>>,
}

impl fmt::Debug for RunningBot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RunningBot")
            .field("group", &self.group.name())
            .finish_non_exhaustive()
    }
}

/// Why a bot could not be started.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RunBotError {
    /// The hub refused the group or its handlers.
    #[error(transparent)]
    Hub(#[from] HubError),
    /// The bot did not connect in time.
    #[error(transparent)]
    Expect(#[from] ExpectError),
    /// The hub's task panicked or was cancelled.
    #[error("the bot's hub task ended abnormally: {0}")]
    Crashed(String),
}

impl RunningBot {
    /// The bot's client group (its `client`, `dispatcher`, `gateway`).
    pub fn group(&self) -> &ClientGroup {
        &self.group
    }

    /// Stops the bot and waits for its hub to finish.
    ///
    /// # Errors
    /// The hub's error, if it failed.
    pub async fn stop(self) -> Result<RunSummary, RunBotError> {
        self.stop.stop();
        match self.task.await {
            Ok(result) => Ok(result?),
            Err(e) => Err(RunBotError::Crashed(e.to_string())),
        }
    }
}

mod sealed {
    /// Only the emulator has bots.
    pub trait Sealed {}
    impl Sealed for asyncord_testkit::Emulator {}
}

/// An [`Emulator`] as asyncord bots reach it: client-group configurations and REST clients
/// pointed at it, and bots run against it from a test.
///
/// The emulator crate knows nothing of asyncord's client; this trait is the bridge. It is in
/// [`asyncord::prelude`](crate::prelude), so `use asyncord::prelude::*;` makes these methods
/// callable on any `Emulator`; or import it with `use asyncord::testkit::EmulatorBots;`.
/// Implemented by [`Emulator`] only.
pub trait EmulatorBots: sealed::Sealed {
    /// A client-group configuration for a bot of this emulator, connecting in memory (no
    /// sockets, so it also works on tokio's paused clock): REST through the REST side's
    /// [`endpoint`](asyncord_testkit::rest::RestServer::endpoint), the gateway through the
    /// gateway side's, one shard.
    fn group_config(&self) -> GroupConfig;

    /// A client-group configuration connecting over loopback TCP, exactly as a bot pointed at
    /// the URLs would (the gateway URL comes from `GET /gateway/bot`). Use the real clock.
    fn tcp_group_config(&self) -> GroupConfig;

    /// A REST client for the first bot, in memory.
    fn rest_client(&self) -> RestClient;

    /// A REST client authenticating with `token`, in memory.
    fn rest_client_for(&self, token: &str) -> RestClient;

    /// Runs the first bot with the handlers `setup` registers, connected in memory
    /// ([`EmulatorBots::group_config`]); returns once its gateway is connected.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use asyncord::testkit::{Emulator, EmulatorBots};
    ///
    /// let emu = Emulator::start().await?;
    /// let bot = emu
    ///     .run_bot(|group| {
    ///         // group.dispatcher.add_handler(on_message);
    ///         let _ = group;
    ///     })
    ///     .await?;
    /// bot.stop().await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`RunBotError::Hub`] when the hub refuses the handlers (a missing argument...), or the
    /// bot fails to connect; [`RunBotError::Expect`] when it does not connect in time.
    fn run_bot(
        &self,
        setup: impl FnOnce(&ClientGroup),
    ) -> impl Future<Output = Result<RunningBot, RunBotError>>;

    /// Runs the bot with `token` and this group configuration (for example
    /// [`EmulatorBots::group_config`] with more intents, or
    /// [`EmulatorBots::tcp_group_config`]).
    ///
    /// # Errors
    /// As [`EmulatorBots::run_bot`].
    fn run_bot_with(
        &self,
        token: &str,
        config: GroupConfig,
        setup: impl FnOnce(&ClientGroup),
    ) -> impl Future<Output = Result<RunningBot, RunBotError>>;
}

impl EmulatorBots for Emulator {
    fn group_config(&self) -> GroupConfig {
        GroupConfig::new()
            .api_base(self.rest().url())
            .rest_transport(Arc::new(self.rest().endpoint()))
            .gateway_url(self.gateway().url())
            .gateway_connector(Arc::new(self.gateway().endpoint()))
            .shards(Shards::all(1))
    }

    fn tcp_group_config(&self) -> GroupConfig {
        GroupConfig::new().api_base(self.rest_url())
    }

    fn rest_client(&self) -> RestClient {
        self.rest_client_for(self.token())
    }

    fn rest_client_for(&self, token: &str) -> RestClient {
        RestClient::builder(token)
            .base_url(self.rest().url())
            .transport(Arc::new(self.rest().endpoint()))
            .build()
    }

    async fn run_bot(&self, setup: impl FnOnce(&ClientGroup)) -> Result<RunningBot, RunBotError> {
        let token = self.token().to_owned();
        self.run_bot_with(&token, self.group_config(), setup).await
    }

    async fn run_bot_with(
        &self,
        token: &str,
        config: GroupConfig,
        setup: impl FnOnce(&ClientGroup),
    ) -> Result<RunningBot, RunBotError> {
        let timeout = self.timeout();
        let mut hub = ClientHub::with_config(HubConfig {
            handle_signals: false,
            ..HubConfig::default()
        });
        let name = self
            .bot_by_token(token)
            .map_or_else(|| "bot".to_owned(), |b| format!("bot-{}", b.user_id));
        let group = hub.create_client_group_with(name, token, config)?;
        setup(&group);
        let stop = hub.stop_handle();
        let mut task = tokio::spawn(async move { hub.start().await });
        // A hub that ends before connecting (refused handlers, bad token) reports why.
        let outcome = tokio::select! {
            connected = tokio::time::timeout(timeout, group.gateway.wait_connected()) => Ok(connected.is_ok()),
            ended = &mut task => Err(ended),
        };
        match outcome {
            Ok(true) => Ok(RunningBot { group, stop, task }),
            Ok(false) => {
                stop.stop();
                Err(ExpectError::Timeout {
                    what: "the bot's gateway to connect".to_owned(),
                    after: timeout,
                }
                .into())
            }
            Err(Ok(Ok(_))) => {
                Err(ExpectError::Refused("the bot stopped before connecting".to_owned()).into())
            }
            Err(Ok(Err(e))) => Err(e.into()),
            Err(Err(e)) => Err(RunBotError::Crashed(e.to_string())),
        }
    }
}
