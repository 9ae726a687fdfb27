//! Gateway commands from worker processes: a worker's `gateway` handle has no shards, so its
//! commands (presence, voice state, guild members, soundboard sounds) go through
//! [`RedisCommandRelay`] into a stream of the bot's, and every gateway process reads that stream
//! ([`CommandReader`]) and sends each command on the shard it is for, if it runs it
//! ([Redis Streams](https://redis.io/docs/latest/develop/data-types/streams/),
//! [gateway commands](https://discord.com/developers/docs/events/gateway-events#send-events)).
//!
//! A command counts as sent once it is in the stream. Gateway processes read what was added
//! after they started (older commands are stale: a presence set before a restart is set again
//! by whoever set it), and the stream keeps about [`KEPT`] entries.

use std::collections::HashMap;
use std::time::Duration;

use asyncord_model::GuildId;
use redis::Value;
use redis::aio::ConnectionManager;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use super::entry::{BadEntry, field};
use super::error::RedisError;
use super::keys::Namespace;
use super::link::RedisLink;
use super::worker::{Entry, stream_entries};
use crate::gateway::{CommandRelay, CommandTarget, GatewayError, GatewayHandle, Relayed};

/// About how many commands the stream keeps (`XADD MAXLEN ~`).
pub(crate) const KEPT: usize = 1000;

/// How long one read of the stream waits for new commands.
const BLOCK: Duration = Duration::from_secs(2);

/// How many commands one read takes.
const READ_COUNT: usize = 64;

/// Adds a worker's gateway commands to the bot's command stream.
pub(crate) struct RedisCommandRelay {
    link: RedisLink,
    stream: String,
}

impl RedisCommandRelay {
    pub(crate) fn new(link: RedisLink, namespace: &Namespace) -> Self {
        Self {
            link,
            stream: namespace.commands(),
        }
    }
}

impl CommandRelay for RedisCommandRelay {
    fn relay(&self, target: CommandTarget, frame: String) -> Relayed<'_> {
        Box::pin(async move {
            let failed = |e: RedisError| GatewayError::Relay(e.to_string());
            let mut conn = self.link.connection().await.map_err(failed)?;
            let added: Result<Value, _> = redis::cmd("XADD")
                .arg(&self.stream)
                .arg("MAXLEN")
                .arg("~")
                .arg(KEPT)
                .arg("*")
                .arg("target")
                .arg(encode(target))
                .arg("frame")
                .arg(frame)
                .query_async(&mut conn)
                .await;
            added.map_err(|e| failed(self.link.error("relaying a gateway command", e)))?;
            self.link.succeeded();
            Ok(())
        })
    }
}

/// `all`, `guild:ID` or `shard:N`.
fn encode(target: CommandTarget) -> String {
    match target {
        CommandTarget::AllShards => "all".to_owned(),
        CommandTarget::Guild(id) => format!("guild:{id}"),
        CommandTarget::Shard(n) => format!("shard:{n}"),
    }
}

fn decode(text: &str) -> Option<CommandTarget> {
    match text.split_once(':') {
        None if text == "all" => Some(CommandTarget::AllShards),
        Some(("guild", id)) => id
            .parse()
            .ok()
            .map(|id| CommandTarget::Guild(GuildId::new(id))),
        Some(("shard", n)) => n.parse().ok().map(CommandTarget::Shard),
        _ => None,
    }
}

/// A gateway process's reader of the command stream: sends each command on this process's
/// shard it is for, until stopped.
pub(crate) struct CommandReader {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl CommandReader {
    /// Starts reading what is added to the stream from now on.
    pub(crate) async fn start(
        link: RedisLink,
        namespace: &Namespace,
        handle: GatewayHandle,
    ) -> Result<Self, RedisError> {
        let mut conn = link.connection().await?;
        // Now by the server's clock: commands added from here on are read.
        let time: Vec<String> = redis::cmd("TIME")
            .query_async(&mut conn)
            .await
            .map_err(|e| link.error("reading the server's clock", e))?;
        let part = |i: usize| time.get(i).and_then(|s| s.parse::<u64>().ok());
        let millis = part(0)
            .map(|secs| secs * 1000 + part(1).unwrap_or(0) / 1000)
            .ok_or_else(|| link.unexpected("reading the server's clock", format!("{time:?}")))?;
        let stream = namespace.commands();
        let reads = link.dedicated(BLOCK)?;
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(read_loop(
            link,
            reads,
            stream,
            format!("{millis}-0"),
            handle,
            stopped,
        ));
        Ok(Self { stop, task })
    }

    /// Stops reading.
    pub(crate) async fn stop(self) {
        self.stop.send_replace(true);
        let _ = self.task.await;
    }
}

async fn read_loop(
    link: RedisLink,
    mut conn: ConnectionManager,
    stream: String,
    mut last: String,
    handle: GatewayHandle,
    mut stopped: watch::Receiver<bool>,
) {
    loop {
        let read = tokio::select! {
            biased;
            _ = stopped.wait_for(|s| *s) => return,
            read = read(&link, &mut conn, &stream, &last) => read,
        };
        let entries = match read {
            Ok(entries) => entries,
            Err(e) => {
                let pause = link.failed(&e, "gateway commands from workers wait");
                tokio::select! {
                    biased;
                    _ = stopped.wait_for(|s| *s) => return,
                    () = tokio::time::sleep(pause) => continue,
                }
            }
        };
        for (id, fields) in entries {
            last = id;
            let Ok((target, frame)) = command_of(&fields) else {
                tracing::warn!(
                    id = %last,
                    "skipping an entry of the command stream that is not a gateway command"
                );
                continue;
            };
            // A shard's command queue waits out its rate limit: never past a stop.
            let sent = tokio::select! {
                biased;
                _ = stopped.wait_for(|s| *s) => return,
                sent = handle.send_frame(target, frame) => sent,
            };
            if let Err(e) = sent {
                tracing::warn!(
                    error = %e,
                    ?target,
                    "a gateway command from a worker could not be sent"
                );
            }
        }
    }
}

/// The commands added after `last` (waiting up to [`BLOCK`] for one).
async fn read(
    link: &RedisLink,
    conn: &mut ConnectionManager,
    stream: &str,
    last: &str,
) -> Result<Vec<Entry>, RedisError> {
    const WHAT: &str = "reading gateway commands";
    let reply: Value = redis::cmd("XREAD")
        .arg("COUNT")
        .arg(READ_COUNT)
        .arg("BLOCK")
        .arg(u64::try_from(BLOCK.as_millis()).unwrap_or(u64::MAX))
        .arg("STREAMS")
        .arg(stream)
        .arg(last)
        .query_async(conn)
        .await
        .map_err(|e| link.error(WHAT, e))?;
    link.succeeded();
    stream_entries(link, WHAT, reply)
}

/// The command an entry holds: whom it is for, and its frame.
fn command_of(fields: &HashMap<String, Value>) -> Result<(CommandTarget, String), BadEntry> {
    let target: String = field(fields, "target")?;
    let target = decode(&target).ok_or(BadEntry("target"))?;
    Ok((target, field(fields, "frame")?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_survive_the_stream() {
        for target in [
            CommandTarget::AllShards,
            CommandTarget::Guild(GuildId::new(81_384_788_765_712_384)),
            CommandTarget::Shard(7),
        ] {
            assert_eq!(decode(&encode(target)), Some(target));
        }
        for bad in ["", "guild:x", "shard:-1", "any", "guild"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
