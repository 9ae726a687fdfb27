//! Expectations: awaiting what the bots did, with a timeout.
//!
//! The emulator records the dispatches the world publishes (from the moment it started) in a
//! [`Recorder`]; [`Emulator::next_message_in`](super::Emulator::next_message_in) and friends
//! scan that log, so a reply that arrived before the test started waiting is not missed.
//! The log keeps the most recent
//! [`EmulatorBuilder::dispatch_log_capacity`](super::EmulatorBuilder::dispatch_log_capacity)
//! dispatches (100,000 by default), so a long-running emulator does not grow without limit.
//! REST requests are read from the REST side's own record.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::sync::{broadcast, watch};
use tokio::task::JoinHandle;

use super::dispatch::Dispatch;
use super::interaction::PLACEHOLDER_BOT;
use super::rest::World;

/// Why an expectation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExpectError {
    /// Nothing matching arrived in time.
    #[error("timed out after {after:?} waiting for {what}")]
    Timeout {
        /// What was awaited.
        what: String,
        /// How long.
        after: Duration,
    },
    /// Something arrived but does not parse into the model type (an emulator fidelity bug).
    #[error("{what} does not parse into the model: {source}")]
    Parse {
        /// What was parsed.
        what: String,
        /// The serde error.
        #[source]
        source: serde_json::Error,
    },
    /// A name or id the test used does not exist in the emulated world.
    #[error("not found in the emulated world: {0}")]
    NotFound(String),
    /// Discord would refuse this action (the reason says why).
    #[error("refused: {0}")]
    Refused(String),
}

/// The most recent dispatches, each with whether a `next_*` expectation returned it.
#[derive(Debug, Default)]
struct Log {
    dispatches: VecDeque<Dispatch>,
    consumed: VecDeque<bool>,
}

/// The log of the dispatches the world published since the emulator started (the most
/// recent `capacity`).
#[derive(Debug)]
pub(crate) struct Recorder {
    log: Arc<Mutex<Log>>,
    version: watch::Receiver<u64>,
    task: JoinHandle<()>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Recorder {
    /// Starts recording `world`'s dispatches, keeping the most recent `capacity`.
    pub(crate) fn start(world: &World, capacity: usize) -> Self {
        let mut rx = world.subscribe();
        let log: Arc<Mutex<Log>> = Arc::default();
        let (tx, version) = watch::channel(0_u64);
        let sink = Arc::clone(&log);
        let task = tokio::spawn(async move {
            loop {
                match rx.recv().await {
                    Ok(d) if d.only_bot == Some(asyncord_model::UserId::new(PLACEHOLDER_BOT)) => {}
                    Ok(d) => {
                        let mut log = lock(&sink);
                        log.dispatches.push_back(d);
                        log.consumed.push_back(false);
                        while log.dispatches.len() > capacity {
                            log.dispatches.pop_front();
                            log.consumed.pop_front();
                        }
                        drop(log);
                        tx.send_modify(|v| *v += 1);
                    }
                    Err(broadcast::error::RecvError::Lagged(n)) => {
                        tracing::warn!(missed = n, "testkit recorder lagged behind the world");
                    }
                    Err(broadcast::error::RecvError::Closed) => return,
                }
            }
        });
        Self { log, version, task }
    }

    /// A copy of the dispatches kept.
    pub(crate) fn all(&self) -> Vec<Dispatch> {
        lock(&self.log).dispatches.iter().cloned().collect()
    }

    /// How many dispatches are kept.
    pub(crate) fn len(&self) -> usize {
        lock(&self.log).dispatches.len()
    }

    /// Waits (up to `timeout`) for the first recorded dispatch, not yet consumed, that `pred`
    /// accepts; marks it consumed.
    pub(crate) async fn take(
        &self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&Dispatch) -> bool,
    ) -> Result<Dispatch, ExpectError> {
        let mut version = self.version.clone();
        let wait = async {
            loop {
                version.borrow_and_update();
                {
                    let mut log = lock(&self.log);
                    let Log {
                        dispatches,
                        consumed,
                    } = &mut *log;
                    if let Some(i) =
                        (0..dispatches.len()).find(|&i| !consumed[i] && pred(&dispatches[i]))
                    {
                        consumed[i] = true;
                        return Some(dispatches[i].clone());
                    }
                }
                if version.changed().await.is_err() {
                    return None;
                }
            }
        };
        match tokio::time::timeout(timeout, wait).await {
            Ok(Some(d)) => Ok(d),
            _ => Err(ExpectError::Timeout {
                what: what.to_owned(),
                after: timeout,
            }),
        }
    }

    /// Waits (up to `timeout`) until `pred` holds for the whole log (nothing is consumed).
    pub(crate) async fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        pred: impl Fn(&[Dispatch]) -> bool,
    ) -> Result<(), ExpectError> {
        let mut version = self.version.clone();
        let wait = async {
            loop {
                version.borrow_and_update();
                if pred(lock(&self.log).dispatches.make_contiguous()) {
                    return true;
                }
                if version.changed().await.is_err() {
                    return false;
                }
            }
        };
        match tokio::time::timeout(timeout, wait).await {
            Ok(true) => Ok(()),
            _ => Err(ExpectError::Timeout {
                what: what.to_owned(),
                after: timeout,
            }),
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Polls `probe` (every few milliseconds) until it yields a value, up to `timeout`.
pub(crate) async fn poll<T>(
    what: &str,
    timeout: Duration,
    mut probe: impl FnMut() -> Option<T>,
) -> Result<T, ExpectError> {
    let wait = async {
        loop {
            if let Some(v) = probe() {
                return v;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    };
    tokio::time::timeout(timeout, wait)
        .await
        .map_err(|_| ExpectError::Timeout {
            what: what.to_owned(),
            after: timeout,
        })
}

/// Parses a JSON value into a model type, naming it on failure.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    what: &str,
    value: serde_json::Value,
) -> Result<T, ExpectError> {
    serde_json::from_value(value).map_err(|source| ExpectError::Parse {
        what: what.to_owned(),
        source,
    })
}

use asyncord_model::message::Message;
use asyncord_model::{ChannelId, Snowflake};
use serde_json::Value;

use super::emulator::Emulator;
use super::rest::RecordedRequest;

/// Whether a dispatch is a `MESSAGE_CREATE` in `channel` written by a bot.
fn bot_message_in(d: &Dispatch, channel: Snowflake) -> bool {
    d.event == "MESSAGE_CREATE"
        && d.data["channel_id"].as_str() == Some(channel.to_string().as_str())
        && d.data["author"]["bot"].as_bool() == Some(true)
}

impl Emulator {
    /// The next message a bot posted in `channel` (including interaction responses and
    /// follow-ups) that no earlier `next_message_*` call returned, waiting up to the timeout.
    /// Messages posted since the emulator started count, so a reply that came before the call
    /// is not missed. Ephemeral interaction responses and follow-ups (flag 64) are never
    /// returned: Discord shows them only to the interaction's user and sends no
    /// `MESSAGE_CREATE`; see them through [`SimInteraction::message`](super::SimInteraction::message)
    /// or [`World::ephemeral_message`](super::world::World::ephemeral_message).
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when none comes; [`ExpectError::Parse`] when it does not parse
    /// into [`Message`].
    pub async fn next_message_in(&self, channel: ChannelId) -> Result<Message, ExpectError> {
        let channel: Snowflake = channel.into();
        let what = format!("a bot message in channel {channel}");
        let d = self
            .recorder
            .take(&what, self.timeout, |d| bot_message_in(d, channel))
            .await?;
        parse(&what, d.data)
    }

    /// The next bot message anywhere that satisfies `pred` (and no earlier `next_message_*`
    /// call returned).
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when none comes.
    pub async fn next_message_where(
        &self,
        pred: impl Fn(&Message) -> bool,
    ) -> Result<Message, ExpectError> {
        let what = "a bot message matching the predicate";
        let d = self
            .recorder
            .take(what, self.timeout, |d| {
                d.event == "MESSAGE_CREATE"
                    && d.data["author"]["bot"].as_bool() == Some(true)
                    && serde_json::from_value::<Message>(d.data.clone()).is_ok_and(|m| pred(&m))
            })
            .await?;
        parse(what, d.data)
    }

    /// The next dispatch named `event` (`"MESSAGE_UPDATE"`, `"GUILD_MEMBER_ADD"`...) whose
    /// data satisfies `pred`, that no earlier `next_event*` call returned.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when none comes.
    pub async fn next_event_where(
        &self,
        event: &str,
        pred: impl Fn(&Value) -> bool,
    ) -> Result<Dispatch, ExpectError> {
        self.recorder
            .take(&format!("a {event} dispatch"), self.timeout, |d| {
                d.event == event && pred(&d.data)
            })
            .await
    }

    /// The next dispatch named `event` that no earlier `next_event*` call returned.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when none comes.
    pub async fn next_event(&self, event: &str) -> Result<Dispatch, ExpectError> {
        self.next_event_where(event, |_| true).await
    }

    /// Waits until `pred` holds for the log of every dispatch so far (nothing is consumed),
    /// for example "three MESSAGE_CREATE in this channel".
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when it does not hold in time.
    pub async fn wait_for_dispatches(
        &self,
        pred: impl Fn(&[Dispatch]) -> bool,
    ) -> Result<(), ExpectError> {
        self.recorder
            .wait_until(
                "the dispatch log to match the predicate",
                self.timeout,
                pred,
            )
            .await
    }

    /// Every REST request the emulator received so far, in order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.rest.requests()
    }

    /// The first REST request (since the start, or the last [`Emulator::clear_requests`]) that
    /// satisfies `pred`, waiting up to the timeout. Route keys look like
    /// `"POST channels/{}/messages"`.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when none comes.
    pub async fn wait_for_request(
        &self,
        pred: impl Fn(&RecordedRequest) -> bool,
    ) -> Result<RecordedRequest, ExpectError> {
        poll(
            "a REST request matching the predicate",
            self.timeout,
            || self.rest.requests().into_iter().find(|r| pred(r)),
        )
        .await
    }

    /// Forgets the recorded REST requests.
    pub fn clear_requests(&self) {
        self.rest.clear_requests();
    }

    /// Waits until a bot registered an application command called `name` (globally or in a
    /// guild); returns the command object.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when none is registered in time.
    pub async fn wait_for_command(&self, name: &str) -> Result<Value, ExpectError> {
        poll(&format!("a command named {name:?}"), self.timeout, || {
            self.world
                .lock()
                .commands
                .values()
                .find(|c| c["name"].as_str() == Some(name))
                .cloned()
        })
        .await
    }

    /// Waits until at least `n` gateway sessions identified (each bot's shard counts once per
    /// IDENTIFY), so what users do next reaches them.
    ///
    /// # Errors
    /// [`ExpectError::Timeout`] when they do not connect in time.
    pub async fn wait_for_sessions(&self, n: usize) -> Result<(), ExpectError> {
        poll(
            &format!("{n} identified gateway sessions"),
            self.timeout,
            || (self.gateway.identify_count() >= n).then_some(()),
        )
        .await
    }
}
