//! [`BusWorker`]: the worker side of the event bus — reads the dispatches gateway processes
//! published, as one consumer of a consumer group, and hands each to a
//! [`Dispatcher`] (the same `#[handler]`s, and any consumer registered on it), acknowledging an
//! entry only once every handler call it started has ended
//! ([Redis Streams consumer groups](https://redis.io/docs/latest/develop/data-types/streams/#consumer-groups)).
//!
//! **At least once.** An entry read but not acknowledged stays pending in the group. A worker
//! that dies (or is stopped while its handlers run past their grace) leaves its entries pending;
//! every [`BusConfig::claim_interval`], each worker claims entries pending for longer than
//! [`BusConfig::claim_idle`] (`XAUTOCLAIM`) and handles them. An entry is therefore handled at
//! least once, and twice only when its first handling did not finish in time.
//!
//! **Bounds.** At most [`BusConfig::max_in_flight`] entries are being handled at once; the worker
//! reads no more meanwhile, nor while the dispatcher pushes back (its own bound on handler
//! calls, or its shutdown), so a backlog waits in Redis, never in memory.
//!
//! **Failures.** A read that fails (Redis down, timed out) is tried again after a pause growing
//! to 5 s; a server that lost the group (restarted empty) gets it again. Acknowledgements that
//! fail are retried with the next ones. An entry that is not a dispatch (written by something
//! else) is logged and acknowledged, so it does not come back forever.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use redis::Value;
use redis::aio::ConnectionManager;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::JoinHandle;

use super::RedisError;
use super::bus::BusConfig;
use super::entry::decode;
use super::keys::Namespace;
use super::link::RedisLink;
use crate::dispatcher::{CallsEnded, Dispatcher};
use crate::gateway::EventSink;

/// The most ids one `XACK` carries.
const ACK_BATCH: usize = 1024;

/// What a worker did so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct WorkerStats {
    /// Entries handled and acknowledged.
    pub acknowledged: u64,
    /// Entries claimed from other (dead or slow) workers.
    pub claimed: u64,
    /// Entries that were not dispatches (acknowledged without handling).
    pub malformed: u64,
}

#[derive(Debug, Default)]
struct Counters {
    acknowledged: AtomicU64,
    claimed: AtomicU64,
    malformed: AtomicU64,
}

/// A worker of the event bus (see the module docs).
#[derive(Debug)]
pub struct BusWorker {
    stop: watch::Sender<Option<Duration>>,
    task: tokio::sync::Mutex<Option<JoinHandle<()>>>,
    counters: Arc<Counters>,
}

/// What the reading loop shares with the handling tasks.
struct Ctx {
    link: RedisLink,
    stream: String,
    config: BusConfig,
    dispatcher: Dispatcher,
    permits: Arc<Semaphore>,
    /// Ids being handled here (a claim of one of them is not handled twice).
    handling: Mutex<HashSet<String>>,
    acks: mpsc::UnboundedSender<String>,
    counters: Arc<Counters>,
}

impl BusWorker {
    /// Starts reading the stream of `namespace` as [`BusConfig::consumer`] of
    /// [`BusConfig::group`] (creating the group, from the stream's start, if it does not exist)
    /// and handing each dispatch to `dispatcher`.
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub fn start(
        link: RedisLink,
        namespace: &Namespace,
        config: BusConfig,
        dispatcher: Dispatcher,
    ) -> Self {
        let (stop, stopped) = watch::channel(None);
        let counters = Arc::new(Counters::default());
        let (acks, ack_rx) = mpsc::unbounded_channel();
        let ctx = Arc::new(Ctx {
            stream: namespace.events(),
            permits: Arc::new(Semaphore::new(config.max_in_flight.max(1))),
            link,
            config,
            dispatcher,
            handling: Mutex::default(),
            acks,
            counters: Arc::clone(&counters),
        });
        let task = tokio::spawn(run(ctx, ack_rx, stopped));
        Self {
            stop,
            task: tokio::sync::Mutex::new(Some(task)),
            counters,
        }
    }

    /// What the worker did so far.
    pub fn stats(&self) -> WorkerStats {
        let c = &self.counters;
        WorkerStats {
            acknowledged: c.acknowledged.load(Ordering::Relaxed),
            claimed: c.claimed.load(Ordering::Relaxed),
            malformed: c.malformed.load(Ordering::Relaxed),
        }
    }

    /// Stops reading, lets the handlers in flight end (for at most `grace`), acknowledges what
    /// they handled, and returns. Entries still being handled stay pending: another worker
    /// claims them. Returns within about `grace` plus [`BusConfig::block`] plus a few seconds
    /// for the last acknowledgements.
    pub async fn stop(&self, grace: Duration) {
        let _ = self.stop.send(Some(grace));
        if let Some(task) = self.task.lock().await.take() {
            let _ = task.await;
        }
    }
}

impl Drop for BusWorker {
    fn drop(&mut self) {
        if let Ok(mut task) = self.task.try_lock()
            && let Some(task) = task.take()
        {
            task.abort();
        }
    }
}

async fn run(
    ctx: Arc<Ctx>,
    ack_rx: mpsc::UnboundedReceiver<String>,
    mut stopped: watch::Receiver<Option<Duration>>,
) {
    let acker = tokio::spawn(acknowledge(
        ctx.link.clone(),
        ctx.stream.clone(),
        ctx.config.group.clone(),
        ack_rx,
        Arc::clone(&ctx.counters),
    ));
    let conn = match ctx.link.dedicated(ctx.config.block) {
        Ok(conn) => Some(conn),
        Err(e) => {
            tracing::error!(error = %e, "the event bus worker cannot connect to Redis; it stops");
            None
        }
    };
    if let Some(conn) = conn {
        read_loop(&ctx, conn, &mut stopped).await;
    }
    let grace = stopped.borrow().unwrap_or_default();
    let all = u32::try_from(ctx.config.max_in_flight.max(1)).unwrap_or(u32::MAX);
    if tokio::time::timeout(grace, ctx.permits.acquire_many(all))
        .await
        .is_err()
    {
        let left = ctx
            .handling
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len();
        tracing::warn!(
            left,
            ?grace,
            "event bus entries still being handled at the worker's stop stay pending: another \
             worker claims them"
        );
    }
    // The handling tasks hold senders too; the acknowledger ends once they are gone.
    drop(ctx);
    if tokio::time::timeout(Duration::from_secs(5), acker)
        .await
        .is_err()
    {
        tracing::warn!(
            "the last acknowledgements could not be sent: those entries are handled again"
        );
    }
}

async fn read_loop(
    ctx: &Arc<Ctx>,
    mut conn: ConnectionManager,
    stopped: &mut watch::Receiver<Option<Duration>>,
) {
    let config = &ctx.config;
    let mut group_ready = false;
    let mut next_claim = tokio::time::Instant::now() + config.claim_interval;
    let mut cursor = "0-0".to_owned();
    loop {
        if stopped.borrow().is_some() {
            return;
        }
        if !group_ready {
            match create_group(ctx, &mut conn).await {
                Ok(()) => group_ready = true,
                Err(e) => {
                    let pause = ctx.link.failed(&e, "workers wait to read events");
                    if wait_or_stop(pause, stopped).await {
                        return;
                    }
                    continue;
                }
            }
        }
        // Room for one entry at least, and a dispatcher that takes events.
        let room = tokio::select! {
            biased;
            _ = stopped.changed() => return,
            permit = Arc::clone(&ctx.permits).acquire_owned() => permit,
        };
        drop(room);
        if ctx.dispatcher.is_saturated() {
            tokio::select! {
                biased;
                _ = stopped.changed() => return,
                () = ctx.dispatcher.unsaturated() => {}
            }
        }
        let result = if tokio::time::Instant::now() >= next_claim {
            next_claim = tokio::time::Instant::now() + config.claim_interval;
            claim(ctx, &mut conn, &mut cursor).await
        } else {
            let count = ctx
                .permits
                .available_permits()
                .clamp(1, config.read_count.max(1));
            tokio::select! {
                biased;
                _ = stopped.changed() => return,
                read = read(ctx, &mut conn, count) => read,
            }
        };
        match result {
            Ok(entries) => {
                for (id, fields) in entries {
                    handle(ctx, id, &fields).await;
                }
            }
            Err(e) if is_no_group(&e) => {
                tracing::info!(
                    "the event bus's consumer group is gone (Redis restarted?); making it again"
                );
                group_ready = false;
            }
            Err(e) => {
                let pause = ctx.link.failed(&e, "workers retry reading events");
                if wait_or_stop(pause, stopped).await {
                    return;
                }
            }
        }
    }
}

/// Sleeps `pause`; `true` when stopped meanwhile.
async fn wait_or_stop(pause: Duration, stopped: &mut watch::Receiver<Option<Duration>>) -> bool {
    tokio::select! {
        biased;
        _ = stopped.changed() => true,
        () = tokio::time::sleep(pause) => false,
    }
}

fn is_no_group(e: &RedisError) -> bool {
    matches!(e, RedisError::Command { source, .. } if source.code() == Some("NOGROUP"))
}

async fn create_group(ctx: &Ctx, conn: &mut ConnectionManager) -> Result<(), RedisError> {
    let result: Result<Value, _> = redis::cmd("XGROUP")
        .arg("CREATE")
        .arg(&ctx.stream)
        .arg(&ctx.config.group)
        .arg("0")
        .arg("MKSTREAM")
        .query_async(conn)
        .await;
    match result {
        Ok(_) => Ok(()),
        Err(e) if e.code() == Some("BUSYGROUP") => Ok(()),
        Err(e) => Err(ctx.link.error("creating the consumer group", e)),
    }
}

/// A stream entry: its id and its fields.
pub(crate) type Entry = (String, HashMap<String, Value>);

async fn read(
    ctx: &Ctx,
    conn: &mut ConnectionManager,
    count: usize,
) -> Result<Vec<Entry>, RedisError> {
    let what = "reading events";
    let block = u64::try_from(ctx.config.block.as_millis()).unwrap_or(u64::MAX);
    let reply: Value = redis::cmd("XREADGROUP")
        .arg("GROUP")
        .arg(&ctx.config.group)
        .arg(&ctx.config.consumer)
        .arg("COUNT")
        .arg(count)
        .arg("BLOCK")
        .arg(block)
        .arg("STREAMS")
        .arg(&ctx.stream)
        .arg(">")
        .query_async(conn)
        .await
        .map_err(|e| ctx.link.error(what, e))?;
    ctx.link.succeeded();
    stream_entries(&ctx.link, what, reply)
}

/// The entries of an `XREAD`/`XREADGROUP` reply, every stream's (none when the read timed out).
pub(crate) fn stream_entries(
    link: &RedisLink,
    what: &'static str,
    reply: Value,
) -> Result<Vec<Entry>, RedisError> {
    match reply {
        Value::Nil => Ok(Vec::new()),
        Value::Array(streams) => {
            let mut out = Vec::new();
            for stream in streams {
                match stream {
                    Value::Array(mut parts) if parts.len() == 2 => {
                        out.extend(entries(parts.pop().unwrap_or(Value::Nil)));
                    }
                    other => return Err(link.unexpected(what, format!("{other:?}"))),
                }
            }
            Ok(out)
        }
        Value::Map(streams) => Ok(streams
            .into_iter()
            .flat_map(|(_, entries_of)| entries(entries_of))
            .collect()),
        other => Err(link.unexpected(what, format!("{other:?}"))),
    }
}

/// Claims entries pending in other consumers for longer than `claim_idle` (one page per call;
/// the cursor goes round the pending list over the calls).
async fn claim(
    ctx: &Ctx,
    conn: &mut ConnectionManager,
    cursor: &mut String,
) -> Result<Vec<Entry>, RedisError> {
    let what = "claiming pending events";
    let idle = u64::try_from(ctx.config.claim_idle.as_millis()).unwrap_or(u64::MAX);
    let reply: Value = redis::cmd("XAUTOCLAIM")
        .arg(&ctx.stream)
        .arg(&ctx.config.group)
        .arg(&ctx.config.consumer)
        .arg(idle)
        .arg(&*cursor)
        .arg("COUNT")
        .arg(ctx.config.read_count.max(1))
        .query_async(conn)
        .await
        .map_err(|e| ctx.link.error(what, e))?;
    ctx.link.succeeded();
    let Value::Array(mut parts) = reply else {
        return Err(ctx.link.unexpected(what, format!("{reply:?}")));
    };
    if parts.len() < 2 {
        return Err(ctx.link.unexpected(what, format!("{parts:?}")));
    }
    let claimed = entries(parts.swap_remove(1));
    match redis::from_redis_value::<String>(parts.swap_remove(0)) {
        Ok(next) => *cursor = next,
        Err(e) => return Err(ctx.link.unexpected(what, e)),
    }
    let handling = ctx.handling.lock().unwrap_or_else(PoisonError::into_inner);
    // Our own entries whose handlers still run are not handled again.
    let claimed: Vec<Entry> = claimed
        .into_iter()
        .filter(|(id, _)| !handling.contains(id))
        .collect();
    drop(handling);
    if !claimed.is_empty() {
        tracing::info!(
            count = claimed.len(),
            idle = ?ctx.config.claim_idle,
            "claimed event bus entries another worker left unacknowledged"
        );
        ctx.counters
            .claimed
            .fetch_add(claimed.len() as u64, Ordering::Relaxed);
    }
    Ok(claimed)
}

/// The entries of a reply: `[[id, [field, value, ...]], ...]` (a deleted entry's fields are
/// nil; it is left out).
fn entries(reply: Value) -> Vec<Entry> {
    let Value::Array(items) = reply else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Value::Array(mut pair) = item else {
            continue;
        };
        if pair.len() != 2 {
            continue;
        }
        let fields = pair.pop().unwrap_or(Value::Nil);
        let Ok(id) = redis::from_redis_value::<String>(pair.pop().unwrap_or(Value::Nil)) else {
            continue;
        };
        let map = match fields {
            Value::Array(flat) => {
                let mut map = HashMap::with_capacity(flat.len() / 2);
                let mut it = flat.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    if let Ok(k) = redis::from_redis_value::<String>(k) {
                        map.insert(k, v);
                    }
                }
                map
            }
            Value::Map(pairs) => pairs
                .into_iter()
                .filter_map(|(k, v)| redis::from_redis_value::<String>(k).ok().map(|k| (k, v)))
                .collect(),
            _ => continue,
        };
        out.push((id, map));
    }
    out
}

/// Dispatches one entry; its acknowledgement goes once its handler calls have ended.
async fn handle(ctx: &Arc<Ctx>, id: String, fields: &HashMap<String, Value>) {
    let frame = match decode(fields) {
        Ok(frame) => frame,
        Err(bad) => {
            tracing::warn!(
                entry = %id,
                field = bad.0,
                "an event bus entry without a valid {} field is not a dispatch: acknowledged \
                 without handling",
                bad.0
            );
            ctx.counters.malformed.fetch_add(1, Ordering::Relaxed);
            let _ = ctx.acks.send(id);
            return;
        }
    };
    let Ok(permit) = Arc::clone(&ctx.permits).acquire_owned().await else {
        return;
    };
    ctx.handling
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(id.clone());
    let (_, completion) = ctx.dispatcher.dispatch_tracked(frame);
    let ctx = Arc::clone(ctx);
    tokio::spawn(async move {
        let ended = completion.await;
        if ended == CallsEnded::Finished {
            let _ = ctx.acks.send(id.clone());
        }
        ctx.handling
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .remove(&id);
        drop(permit);
    });
}

/// Sends the acknowledgements in batches, until every sender is gone and all are sent (or
/// Redis lost the group, with its pending entries).
async fn acknowledge(
    link: RedisLink,
    stream: String,
    group: String,
    mut rx: mpsc::UnboundedReceiver<String>,
    counters: Arc<Counters>,
) {
    let mut ids: Vec<String> = Vec::new();
    loop {
        if ids.is_empty() {
            match rx.recv().await {
                Some(id) => ids.push(id),
                None => return,
            }
        }
        while ids.len() < ACK_BATCH {
            match rx.try_recv() {
                Ok(id) => ids.push(id),
                Err(_) => break,
            }
        }
        let mut cmd = redis::cmd("XACK");
        cmd.arg(&stream).arg(&group).arg(&ids);
        match link.run::<u64>("acknowledging events", &cmd).await {
            Ok(_) => {
                counters
                    .acknowledged
                    .fetch_add(ids.len() as u64, Ordering::Relaxed);
                ids.clear();
            }
            Err(e) if is_no_group(&e) => {
                tracing::warn!(
                    count = ids.len(),
                    "the event bus's consumer group is gone (Redis restarted?): these \
                     acknowledgements are dropped with it"
                );
                ids.clear();
            }
            Err(e) => {
                let pause =
                    link.failed(&e, "acknowledgements wait and are sent when Redis is back");
                tokio::time::sleep(pause).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bulk(s: &str) -> Value {
        Value::BulkString(s.as_bytes().to_vec())
    }

    #[test]
    fn reads_entries_and_leaves_deleted_ones_out() {
        let reply = Value::Array(vec![
            Value::Array(vec![
                bulk("1-0"),
                Value::Array(vec![bulk("s"), bulk("0"), bulk("q"), bulk("7")]),
            ]),
            Value::Array(vec![bulk("2-0"), Value::Nil]),
        ]);
        let got = entries(reply);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "1-0");
        assert_eq!(got[0].1.get("q"), Some(&bulk("7")));
    }
}
