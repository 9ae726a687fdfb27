//! [`Scene`]: what simulated users do to a bot offline, narrated as a conversation (through
//! `tracing`, at INFO under the target `asyncord::scene`), with [`check`] to fail the scene when
//! the bot does not do what it should.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use asyncord_model::message::Message;
use asyncord_model::{ChannelId, MessageId};

use asyncord_testkit::{Emulator, SimUser};

/// Why a scene failed: something the bot should have done and did not (or an emulator
/// expectation that timed out).
pub type SceneError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// The result of a scene.
pub type SceneResult = Result<(), SceneError>;

/// Logs a line of the offline run at INFO under the target `asyncord::scene` (the library never
/// prints; a program's `tracing` subscriber shows the conversation).
pub(crate) fn narrate(line: impl fmt::Display) {
    tracing::info!(target: "asyncord::scene", "{line}");
}

/// Fails the scene with `what` unless `ok`.
///
/// ```
/// # use asyncord::testkit::check;
/// assert!(check(1 + 1 == 2, "arithmetic").is_ok());
/// assert_eq!(check(false, "the bot answers").unwrap_err().to_string(), "the bot answers");
/// ```
pub fn check(ok: bool, what: impl Into<String>) -> SceneResult {
    if ok { Ok(()) } else { Err(what.into().into()) }
}

/// The emulated world during an offline scene: the simulated users and the bots' channel, with
/// helpers that log the conversation as it happens.
///
/// Cheap to clone.
#[derive(Clone, Debug)]
pub struct Scene {
    emulator: Arc<Emulator>,
    channel: ChannelId,
    channel_name: String,
}

impl Scene {
    pub(crate) fn new(emulator: Arc<Emulator>) -> Self {
        let channel = emulator.channel_id();
        let channel_name = emulator
            .guilds()
            .first()
            .and_then(|g| g.channels.first())
            .map_or_else(|| "channel".to_owned(), |(name, _)| name.clone());
        Self {
            emulator,
            channel,
            channel_name,
        }
    }

    /// The emulator (simulated users, expectations, the world, faults).
    pub fn emulator(&self) -> &Emulator {
        &self.emulator
    }

    /// The channel the scene happens in: the first channel of the first guild (`#general`).
    pub fn channel(&self) -> ChannelId {
        self.channel
    }

    /// The seeded user called `name` (`alice` or `bob` in the default world).
    ///
    /// # Errors
    /// When no seeded user has that name.
    pub fn user(&self, name: &str) -> Result<SimUser<'_>, SceneError> {
        Ok(self.emulator.user_named(name)?)
    }

    /// Logs a line of the scene (indented like the conversation).
    pub fn narrate(&self, line: impl fmt::Display) {
        narrate(format_args!("  {line}"));
    }

    /// `user` writes `text` in the scene's channel (logged); returns the message id.
    ///
    /// # Errors
    /// When the user is unknown or cannot post there.
    pub fn say(&self, user: &str, text: &str) -> Result<MessageId, SceneError> {
        self.narrate(format_args!("#{}  {user}: {text}", self.channel_name));
        Ok(self.user(user)?.send_message(self.channel, text)?)
    }

    /// The next message a bot posts in the scene's channel (logged), waiting up to the
    /// emulator's timeout.
    ///
    /// # Errors
    /// When no bot message comes in time.
    pub async fn reply(&self) -> Result<Message, SceneError> {
        let message = self.emulator.next_message_in(self.channel).await?;
        self.narrate(format_args!(
            "#{}  {} (bot): {}",
            self.channel_name, message.author.username, message.content
        ));
        Ok(message)
    }

    /// Checks that no bot posts in the scene's channel for `within` (at most the emulator's
    /// timeout); logs that nothing came.
    ///
    /// # Errors
    /// When a bot posts.
    pub async fn no_reply(&self, within: Duration) -> SceneResult {
        let wait = self.emulator.timeout().min(within);
        if let Ok(Ok(m)) =
            tokio::time::timeout(wait, self.emulator.next_message_in(self.channel)).await
        {
            return Err(format!("unexpected bot message: {:?}", m.content).into());
        }
        self.narrate("(no reply, as expected)");
        Ok(())
    }
}
