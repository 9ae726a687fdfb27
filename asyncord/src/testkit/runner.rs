//! Running bots against the emulator from a test: [`Emulator::run_bot`] builds a
//! [`ClientHub`] group for a seeded bot, lets the test register handlers, starts the hub in the
//! background and returns once the bot's gateway is connected.

use std::fmt;

use tokio::task::JoinHandle;

use super::Emulator;
use super::expect::ExpectError;
use crate::client_hub::{
    ClientGroup, ClientHub, GroupConfig, HubConfig, HubError, RunSummary, StopHandle,
};

/// A bot running against the emulator (see [`Emulator::run_bot`]).
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

impl Emulator {
    /// Runs the first bot with the handlers `setup` registers, connected in memory
    /// ([`Emulator::group_config`]); returns once its gateway is connected.
    ///
    /// ```no_run
    /// # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
    /// use asyncord::testkit::Emulator;
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
    pub async fn run_bot(
        &self,
        setup: impl FnOnce(&ClientGroup),
    ) -> Result<RunningBot, RunBotError> {
        let token = self.token().to_owned();
        self.run_bot_with(&token, self.group_config(), setup).await
    }

    /// Runs the bot with `token` and this group configuration (for example
    /// [`Emulator::group_config`] with more intents, or [`Emulator::tcp_group_config`]).
    ///
    /// # Errors
    /// As [`Emulator::run_bot`].
    pub async fn run_bot_with(
        &self,
        token: &str,
        config: GroupConfig,
        setup: impl FnOnce(&ClientGroup),
    ) -> Result<RunningBot, RunBotError> {
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
            connected = tokio::time::timeout(self.timeout, group.gateway.wait_connected()) => Ok(connected.is_ok()),
            ended = &mut task => Err(ended),
        };
        match outcome {
            Ok(true) => Ok(RunningBot { group, stop, task }),
            Ok(false) => {
                stop.stop();
                Err(ExpectError::Timeout {
                    what: "the bot's gateway to connect".to_owned(),
                    after: self.timeout,
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
