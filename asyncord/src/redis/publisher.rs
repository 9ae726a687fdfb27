//! [`BusPublisher`]: the gateway side of the event bus — an [`EventSink`] that publishes the
//! dispatches its consumers want to a Redis stream, and stores each shard's session with them
//! ([Redis Streams](https://redis.io/docs/latest/develop/data-types/streams/)).
//!
//! The shard's reader hands it frames without waiting (`deliver` only queues); a task publishes
//! what is queued in batches, one Lua script per batch, which adds the dispatches to the stream
//! (trimmed to about [`BusConfig::max_len`](super::BusConfig::max_len) entries) and moves the
//! shards' stored sessions to the last one published (see
//! [`RedisSessionStore`](super::RedisSessionStore)). A batch holds what queued while the last
//! one was in flight, so under load each round trip carries many frames and idle frames go at
//! once. A READY frame also stores the new session (published itself only if wanted).
//!
//! **Backpressure.** The queue is bounded: while it is full the publisher is saturated and the
//! shards stop reading (see [`EventSink`]): a flood waits in the socket, or in Discord's replay
//! buffer, never in memory.
//!
//! **Failures.** A batch that fails (Redis down, timed out) is sent again, after a growing pause
//! and for as long as the process runs: frames are never dropped, and the session stored stays
//! at the last batch published. A retried batch whose first attempt went through after all is
//! not published twice (the script skips dispatches at or below the stored sequence). If the
//! process ends with frames still queued, the next process resumes from the stored sequence and
//! Discord replays them.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use asyncord_model::gateway::EventKind;
use redis::Script;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;

use super::bus::BusConfig;
use super::keys::Namespace;
use super::link::RedisLink;
use crate::gateway::{DispatchFrame, EventSink, Session};

/// The most frames one batch holds.
const BATCH_FRAMES: usize = 512;

/// The most bytes of `d` one batch holds (a single larger frame still goes, alone).
const BATCH_BYTES: usize = 4 * 1024 * 1024;

fn publish_script() -> &'static Script {
    static SCRIPT: std::sync::OnceLock<Script> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| Script::new(include_str!("scripts/publish.lua")))
}

/// What the shards hand the publisher.
enum Item {
    /// A session started (READY): its id, resume URL and READY's sequence number, and the READY
    /// dispatch itself when it is to be published.
    Ready {
        shard: u32,
        session_id: String,
        resume_url: String,
        seq: u64,
        frame: Option<DispatchFrame>,
    },
    /// A dispatch to publish.
    Frame(DispatchFrame),
}

impl Item {
    fn size(&self) -> usize {
        match self {
            Self::Ready {
                resume_url, frame, ..
            } => resume_url.len() + frame.as_ref().map_or(0, |f| f.data.len()) + 128,
            Self::Frame(f) => f.data.len() + 64,
        }
    }
}

#[derive(serde::Deserialize)]
struct ReadyFields {
    session_id: String,
    resume_gateway_url: String,
}

/// Decides which dispatches are published: those some consumer wants.
pub type Interest = Arc<dyn Fn(Option<EventKind>) -> bool + Send + Sync>;

/// The gateway side of the event bus (see the module docs): give it to
/// [`GatewayConfig::sink`](crate::gateway::GatewayConfig::sink).
pub struct BusPublisher {
    shared: Arc<Shared>,
    task: Mutex<Option<JoinHandle<()>>>,
}

struct Shared {
    tx: mpsc::UnboundedSender<Item>,
    interest: Interest,
    /// Frames queued and not yet published.
    queued: AtomicUsize,
    bound: usize,
    room: Notify,
    published: AtomicUsize,
}

impl fmt::Debug for BusPublisher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BusPublisher")
            .field("queued", &self.shared.queued.load(Ordering::Relaxed))
            .field("bound", &self.shared.bound)
            .finish_non_exhaustive()
    }
}

/// Where and how a publisher publishes.
#[derive(Clone, Debug)]
struct PublishTo {
    link: RedisLink,
    namespace: Namespace,
    max_len: usize,
    shard_count: u32,
    /// The sessions the shards start from (resumed), by shard.
    sessions: HashMap<u32, Session>,
    /// How many frames may wait to be published.
    queue: usize,
}

impl BusPublisher {
    /// Starts publishing (a task of the current runtime) to the stream of `namespace`:
    /// dispatches `interest` accepts, and every READY's session. `shard_count` is the gateway's
    /// total shard count (stored with the sessions); `sessions` are those the shards start from
    /// (loaded from the [`RedisSessionStore`](super::RedisSessionStore) and handed to the
    /// gateway to resume), so the dispatches Discord replays after a resume are not published
    /// twice.
    ///
    /// # Panics
    /// Outside a tokio runtime.
    pub fn start(
        link: RedisLink,
        namespace: Namespace,
        config: &BusConfig,
        shard_count: u32,
        sessions: HashMap<u32, Session>,
        interest: Interest,
    ) -> Self {
        Self::start_to(
            PublishTo {
                link,
                namespace,
                max_len: config.max_len,
                shard_count,
                sessions,
                queue: config.publish_queue,
            },
            interest,
        )
    }

    /// An [`Interest`] in every dispatch.
    pub fn everything() -> Interest {
        Arc::new(|_| true)
    }

    fn start_to(to: PublishTo, interest: Interest) -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            tx,
            interest,
            queued: AtomicUsize::new(0),
            bound: to.queue.max(1),
            room: Notify::new(),
            published: AtomicUsize::new(0),
        });
        let task = tokio::spawn(run(to, rx, Arc::clone(&shared)));
        Self {
            shared,
            task: Mutex::new(Some(task)),
        }
    }

    /// How many dispatches were added to the stream so far.
    pub fn published(&self) -> usize {
        self.shared.published.load(Ordering::Relaxed)
    }

    /// How many frames wait to be published.
    pub fn queued(&self) -> usize {
        self.shared.queued.load(Ordering::Relaxed)
    }

    /// Publishes what is queued, then stops; waits at most `bound` (frames still queued then
    /// are replayed to the next process, which resumes from the stored session). Call it once
    /// the shards have stopped.
    pub async fn finish(&self, bound: Duration) {
        let task = self
            .task
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let Some(mut task) = task else {
            return;
        };
        let queued = self.queued();
        if tokio::time::timeout(bound, async {
            loop {
                let notified = self.shared.room.notified();
                let mut notified = std::pin::pin!(notified);
                notified.as_mut().enable();
                if self.queued() == 0 {
                    return;
                }
                notified.await;
            }
        })
        .await
        .is_err()
        {
            tracing::warn!(
                queued,
                left = self.queued(),
                ?bound,
                "the event bus could not publish every frame before stopping: the next gateway \
                 process resumes from the last one published, and Discord replays the rest"
            );
        }
        task.abort();
        let _ = (&mut task).await;
    }
}

impl EventSink for BusPublisher {
    fn wants(&self, kind: Option<EventKind>) -> bool {
        // READY always: it carries the session to store.
        kind == Some(EventKind::Ready) || (self.shared.interest)(kind)
    }

    fn deliver(&self, frame: DispatchFrame) {
        let shared = &self.shared;
        if frame.kind == Some(EventKind::Ready) {
            match serde_json::from_slice::<ReadyFields>(&frame.data) {
                Ok(ready) => {
                    let shard = frame.shard_id;
                    let seq = frame.seq;
                    let frame = (shared.interest)(frame.kind).then_some(frame);
                    if shared
                        .tx
                        .send(Item::Ready {
                            shard,
                            session_id: ready.session_id,
                            resume_url: ready.resume_gateway_url,
                            seq,
                            frame,
                        })
                        .is_ok()
                    {
                        shared.queued.fetch_add(1, Ordering::AcqRel);
                    }
                    return;
                }
                Err(e) => tracing::warn!(
                    shard = frame.shard_id,
                    error = %e,
                    "READY without session_id/resume_gateway_url: the session is not stored"
                ),
            }
            if !(shared.interest)(frame.kind) {
                return;
            }
        }
        if shared.tx.send(Item::Frame(frame)).is_ok() {
            shared.queued.fetch_add(1, Ordering::AcqRel);
        }
    }

    fn is_saturated(&self) -> bool {
        self.shared.queued.load(Ordering::Acquire) >= self.shared.bound
    }

    fn unsaturated(&self) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(async move {
            loop {
                let notified = self.shared.room.notified();
                let mut notified = std::pin::pin!(notified);
                notified.as_mut().enable();
                if !self.is_saturated() {
                    return;
                }
                notified.await;
            }
        })
    }
}

/// The publishing task: batches, publishes, retries.
async fn run(to: PublishTo, mut rx: mpsc::UnboundedReceiver<Item>, shared: Arc<Shared>) {
    let stream = to.namespace.events();
    let mut sessions: HashMap<u32, (String, String)> = to
        .sessions
        .iter()
        .map(|(shard, s)| (*shard, (s.session_id.clone(), s.resume_url.clone())))
        .collect();
    let mut batch: Vec<Item> = Vec::with_capacity(BATCH_FRAMES);
    while let Some(first) = rx.recv().await {
        let mut bytes = first.size();
        batch.push(first);
        while batch.len() < BATCH_FRAMES && bytes < BATCH_BYTES {
            match rx.try_recv() {
                Ok(item) => {
                    bytes += item.size();
                    batch.push(item);
                }
                Err(_) => break,
            }
        }
        let n = batch.len();
        publish(&to, &stream, &mut sessions, &batch, &shared).await;
        batch.clear();
        shared.queued.fetch_sub(n, Ordering::AcqRel);
        shared.room.notify_waiters();
    }
}

/// Publishes one batch, retrying until it goes through.
async fn publish(
    to: &PublishTo,
    stream: &str,
    sessions: &mut HashMap<u32, (String, String)>,
    batch: &[Item],
    shared: &Shared,
) {
    // Session keys in the order of first use; an item names its key by index (1 is the stream).
    let mut keys: Vec<(u32, String)> = Vec::new();
    let mut key_index = |shard: u32| -> usize {
        if let Some(i) = keys.iter().position(|(s, _)| *s == shard) {
            return i + 2;
        }
        keys.push((shard, to.namespace.session(shard)));
        keys.len() + 1
    };
    let mut invocation = publish_script().prepare_invoke();
    let items: usize = batch
        .iter()
        .map(|item| match item {
            Item::Ready { frame: Some(_), .. } => 2,
            _ => 1,
        })
        .sum();
    invocation.arg(to.max_len).arg(to.shard_count).arg(items);
    for item in batch {
        match item {
            Item::Ready {
                shard,
                session_id,
                resume_url,
                seq,
                frame,
            } => {
                // The READY dispatch goes first, under its new session (which the stored one is
                // not yet, so it is published); then the session is stored at READY's sequence,
                // so a retry of the batch does not publish READY again.
                if let Some(frame) = frame {
                    invocation
                        .arg("d")
                        .arg(key_index(*shard))
                        .arg(*shard)
                        .arg(session_id)
                        .arg(frame.seq)
                        .arg(&*frame.name)
                        .arg(&frame.data[..]);
                }
                sessions.insert(*shard, (session_id.clone(), resume_url.clone()));
                invocation
                    .arg("r")
                    .arg(key_index(*shard))
                    .arg(*shard)
                    .arg(session_id)
                    .arg(*seq)
                    .arg(resume_url)
                    .arg("");
            }
            Item::Frame(frame) => {
                let session = sessions.get(&frame.shard_id).map_or("", |s| s.0.as_str());
                invocation
                    .arg("d")
                    .arg(key_index(frame.shard_id))
                    .arg(frame.shard_id)
                    .arg(session)
                    .arg(frame.seq)
                    .arg(&*frame.name)
                    .arg(&frame.data[..]);
            }
        }
    }
    invocation.key(stream);
    for (_, key) in &keys {
        invocation.key(key);
    }
    // Each session's resume URL, in the order of the keys: a session key Redis lost (restarted
    // empty) is written again whole with the next dispatch.
    for (shard, _) in &keys {
        invocation.arg(sessions.get(shard).map_or("", |s| s.1.as_str()));
    }
    loop {
        match to
            .link
            .run_script::<usize>("publishing dispatches", &invocation)
            .await
        {
            Ok(added) => {
                shared.published.fetch_add(added, Ordering::Relaxed);
                return;
            }
            Err(e) => {
                let pause = to.link.failed(
                    &e,
                    "dispatches wait in the publisher (the shards stop reading once it is full) \
                     and are published when Redis is back",
                );
                tokio::time::sleep(pause).await;
            }
        }
    }
}
