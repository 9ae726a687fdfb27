//! The read side of one gateway connection: reads WebSocket messages (within the size limit),
//! inflates them, peeks at `op`/`s`/`t`, hands the dispatches its consumer wants to it, and
//! reports the frames the shard must act on (HELLO, ACK, RECONNECT, INVALID_SESSION, READY,
//! RESUMED, close) to the shard's control loop
//! ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).
//!
//! It runs on its own task, so a slow consumer or a slow decompression never delays the
//! heartbeats the control loop sends. Handing a dispatch on and recording its sequence number
//! happen together, with no await in between: when the control loop aborts this task, the
//! recorded progress is exactly what was handed on.
//!
//! **Backpressure.** While the consumer is saturated the reader stops reading, so a flood waits
//! in the socket rather than in memory — but for at most [`GatewayLimits::saturation_wait`] at a
//! time, and for at most half a heartbeat interval in all between two heartbeat ACKs, so
//! acknowledgements are always read in time (a consumer that keeps the reader at its pace
//! cannot delay them either). Past that bound it reads on *without delivering*: heartbeats and control
//! frames are handled, dispatches are discarded and not counted as received. Once the consumer
//! has room again it asks the control loop to resume the session, and Discord replays every
//! dispatch after the last one consumed. Nothing is lost, memory stays bounded by the
//! consumer's own bound, and the episode is logged once.
//!
//! **Faults.** A panic in the consumer (or anywhere in handling one frame) is caught, logged at
//! error with the event's name and sequence number, and that frame is skipped and counted as
//! consumed (a replay would only panic again). A frame whose JSON nests deeper than
//! [`GatewayLimits::max_json_depth`] is logged and skipped before any parser sees it.
//!
//! **Where `d` ends.** Handing `d` on takes a scan of it for its end (and its depth). While the
//! built-in channel's consumer keeps up (its queue less than a quarter full), the reader hands
//! it `d` with the rest of the frame and the consumer scans it as it takes the frame (same
//! result, same skips and logs); while the consumer is behind, the reader scans. So the scan
//! runs on the side that is not the bottleneck: with zlib-stream inflating keeps the reader
//! busy, uncompressed the consumer is. A sink of the user's always gets `d` exact.
//!
//! [`GatewayLimits::saturation_wait`]: super::GatewayLimits::saturation_wait
//! [`GatewayLimits::max_json_depth`]: super::GatewayLimits::max_json_depth

use std::any::Any;
use std::borrow::Cow;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use asyncord_model::gateway::EventKind;
use bytes::BytesMut;
use futures_util::FutureExt;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep_until};

use super::data_blocks::DataBlocks;
use super::frame::DispatchFrame;
use super::inflate::{InflateError, Inflater};
use super::limits::GatewayLimits;
use super::message::{Incoming, Messages, ReadError};
use super::negotiation::FirstMessage;
use super::peek::{self, DataPos, Envelope, Malformed};
use super::progress::Progress;
use super::shard::ShardShared;
use super::sink::Target;
use super::transport::WsRead;

/// What the reader tells the control loop.
#[derive(Debug)]
pub(crate) enum Control {
    /// Op 10, with the heartbeat interval in ms.
    Hello(u64),
    /// Op 11.
    Ack,
    /// Op 1 from the server: heartbeat now.
    HeartbeatNow,
    /// Op 7.
    Reconnect,
    /// Op 9 with its `d`.
    InvalidSession(bool),
    /// READY was received (the session is already stored).
    Ready,
    /// RESUMED was received.
    Resumed,
    /// A close frame, with its code if any.
    Closed(Option<u16>),
    /// The connection failed (I/O, protocol, size limit or decompression error).
    Failed(String),
    /// The connection's first message arrived, as a text frame or as a binary frame its
    /// decompressor read (sent once, before the message is handled).
    First(FirstMessage),
    /// The connection's first message was a binary frame its decompressor could not read (the
    /// server may not speak the requested compression); the reader has stopped.
    FirstUndecodable(String),
    /// The consumer has room again after the reader discarded dispatches for it: resume the
    /// session to have them replayed. The reader has stopped.
    CaughtUp,
}

#[derive(serde::Deserialize)]
struct ReadyFields {
    session_id: String,
    resume_gateway_url: String,
}

#[derive(serde::Deserialize)]
struct HelloFields {
    heartbeat_interval: u64,
}

#[derive(serde::Deserialize)]
struct ChunkFields {
    #[serde(default)]
    nonce: Option<String>,
}

/// A dispatch worth handing on, found by [`State::examine`].
struct Delivery {
    seq: u64,
    kind: Option<EventKind>,
    /// The `t` name (borrowed from the event kind unless this version does not know it).
    name: Cow<'static, str>,
    /// Where `d` is: its exact range, or (when `unscanned`) from its start to the frame's end.
    data: Range<usize>,
    /// Finding where `d` ends is left to the consumer (see [`Queued`](super::channel::Queued)).
    unscanned: bool,
    /// The consumer wants it.
    wanted: bool,
    /// A `fetch_guild_members` waits for it.
    chunk: bool,
}

/// What one message asks of the reader after its synchronous handling.
enum Step {
    Done,
    Deliver(Delivery),
}

/// A message's JSON as the reader handles it: a text frame's own buffer (whose `d` is handed on
/// without a copy) or the decompressor's output (whose `d` is copied into a shared block).
enum Source<'a> {
    Frame(&'a mut BytesMut),
    Inflated(&'a [u8]),
}

impl Source<'_> {
    fn json(&self) -> &[u8] {
        match self {
            Self::Frame(payload) => payload,
            Self::Inflated(json) => json,
        }
    }

    /// The bytes at `range`, as a frame's own buffer; the message is not read again after.
    fn take(&mut self, range: Range<usize>, blocks: &mut DataBlocks) -> BytesMut {
        match self {
            Self::Frame(payload) => {
                let mut d = payload.split_off(range.start);
                d.truncate(range.len());
                d
            }
            Self::Inflated(json) => blocks.copy(&json[range]),
        }
    }
}

/// A stretch of reading on past a saturated consumer.
struct Discarding {
    since: Instant,
    dispatches: u64,
}

/// Everything but the socket and the decompressor (which hold the message being handled).
struct State {
    shared: Arc<ShardShared>,
    target: Target,
    control: mpsc::UnboundedSender<Control>,
    /// The current session's progress (taken again at READY: a new session has a new one).
    progress: Arc<Progress>,
    max_depth: usize,
    saturation_wait: Duration,
    /// The heartbeat interval, once HELLO arrived.
    interval: Option<Duration>,
    /// How long the reader stood still for the consumer since HELLO or the last heartbeat ACK.
    paused_since_ack: Duration,
    discarding: Option<Discarding>,
    first: bool,
    /// The largest buffer capacity published to the shard.
    peak: usize,
    /// Where decompressed `d`s are copied.
    blocks: DataBlocks,
}

/// The reader of one connection.
pub(crate) struct Reader {
    messages: Messages,
    inflater: Inflater,
    state: State,
}

impl Reader {
    pub(crate) fn new(
        read: WsRead,
        inflater: Inflater,
        shared: Arc<ShardShared>,
        target: Target,
        control: mpsc::UnboundedSender<Control>,
        limits: &GatewayLimits,
    ) -> Self {
        let progress = shared.progress();
        Self {
            messages: Messages::new(read, limits.max_message_size),
            inflater,
            state: State {
                shared,
                target,
                control,
                progress,
                max_depth: limits.max_json_depth,
                saturation_wait: limits.saturation_wait,
                interval: None,
                paused_since_ack: Duration::ZERO,
                discarding: None,
                first: true,
                peak: 0,
                blocks: DataBlocks::default(),
            },
        }
    }

    /// Reads until the connection ends.
    ///
    /// A text frame is plain JSON whatever compression was requested (servers that do not
    /// compress send those); only binary frames go through the decompressor.
    pub(crate) async fn run(mut self) {
        loop {
            let incoming = self.messages.next().await;
            if !self.step(incoming).await {
                return;
            }
            if self.state.discarding.is_some() && !self.discard().await {
                return;
            }
        }
    }

    /// Reads on past a saturated consumer until it has room again (then asks the control loop
    /// to resume: `false`), or until the connection ends (`false` too).
    async fn discard(&mut self) -> bool {
        let target = self.state.target.clone();
        let mut caught_up = AssertUnwindSafe(target.unsaturated()).catch_unwind();
        loop {
            tokio::select! {
                // Checked first: a backlog that is always ready must not hide it.
                biased;
                _ = &mut caught_up => {
                    self.state.caught_up();
                    return false;
                }
                incoming = self.messages.next() => {
                    if !self.step(incoming).await {
                        return false;
                    }
                }
            }
        }
    }

    /// Handles one message; `false` once the connection ended.
    async fn step(&mut self, incoming: Result<Incoming, ReadError>) -> bool {
        let (binary, mut payload) = match incoming {
            Ok(Incoming::Data { binary, payload }) => (binary, payload),
            Ok(Incoming::Close(code)) => {
                self.state.send(Control::Closed(code));
                return false;
            }
            Err(e) => {
                self.state.send(Control::Failed(e.to_string()));
                return false;
            }
        };
        let decoded = if binary {
            self.inflater
                .push(&payload)
                .map(|json| json.map(Source::Inflated))
        } else {
            Ok(Some(Source::Frame(&mut payload)))
        };
        let source = match decoded {
            Ok(Some(source)) => source,
            Ok(None) => {
                self.state.publish_peak(&self.messages, &self.inflater);
                return true;
            }
            Err(e) => {
                self.state.publish_peak(&self.messages, &self.inflater);
                let c = match e {
                    InflateError::Corrupt(_) if self.state.first => {
                        Control::FirstUndecodable(e.to_string())
                    }
                    e => Control::Failed(e.to_string()),
                };
                self.state.send(c);
                return false;
            }
        };
        if self.state.first {
            self.state.first = false;
            let how = if binary {
                FirstMessage::Decoded
            } else {
                FirstMessage::Text
            };
            self.state.send(Control::First(how));
        }
        self.state.handle(source).await;
        self.state.publish_peak(&self.messages, &self.inflater);
        // One socket read can hold thousands of frames, and a sink spawns a task for
        // each: count every message against tokio's cooperative budget, so this task
        // yields (and the handler tasks it spawned run) at least every 128 messages
        // instead of queueing a whole flood.
        tokio::task::coop::consume_budget().await;
        true
    }
}

impl State {
    fn send(&self, control: Control) {
        let _ = self.control.send(control);
    }

    /// Publishes the buffers' largest capacity when it grew.
    fn publish_peak(&mut self, messages: &Messages, inflater: &Inflater) {
        let peak = messages.peak().max(inflater.peak());
        if peak > self.peak {
            self.peak = peak;
            self.shared.buffer_peak.fetch_max(peak, Ordering::Relaxed);
        }
    }

    /// Handles one complete JSON message.
    async fn handle(&mut self, source: Source<'_>) {
        match catch_unwind(AssertUnwindSafe(|| self.examine(source.json()))) {
            Ok(Step::Done) => {}
            Ok(Step::Deliver(delivery)) => self.deliver(source, delivery).await,
            Err(panic) => {
                let env = peek::envelope(source.json()).ok();
                let (name, seq) = env.map_or(("", None), |e| (e.name.unwrap_or_default(), e.seq));
                self.panicked(name, seq, &*panic);
            }
        }
    }

    /// The synchronous part: the envelope, the shard's own bookkeeping, and whether the frame
    /// goes on to the consumer.
    fn examine(&mut self, json: &[u8]) -> Step {
        let env = match peek::envelope(json) {
            Ok(env) => env,
            Err(e) => {
                tracing::warn!(shard = self.shared.id, error = %e, len = json.len(), "malformed gateway frame skipped");
                return Step::Done;
            }
        };
        match env.op {
            0 => return self.examine_dispatch(json, &env),
            1 => self.send(Control::HeartbeatNow),
            7 => self.send(Control::Reconnect),
            9 => {
                let resumable = self.data::<bool>(json, &env, "INVALID_SESSION");
                self.send(Control::InvalidSession(resumable.unwrap_or(false)));
            }
            10 => {
                if let Some(hello) = self.data::<HelloFields>(json, &env, "HELLO") {
                    self.interval = Some(Duration::from_millis(hello.heartbeat_interval.max(1)));
                    self.paused_since_ack = Duration::ZERO;
                    self.send(Control::Hello(hello.heartbeat_interval));
                } else {
                    tracing::warn!(
                        shard = self.shared.id,
                        "HELLO without a heartbeat interval skipped"
                    );
                }
            }
            11 => {
                self.paused_since_ack = Duration::ZERO;
                self.send(Control::Ack);
            }
            op => tracing::debug!(
                shard = self.shared.id,
                op,
                "ignoring gateway frame with an unexpected opcode"
            ),
        }
        Step::Done
    }

    /// `d` of a frame that is no dispatch, parsed (the reader's own small parses).
    fn data<'a, T: serde::Deserialize<'a>>(
        &self,
        json: &'a [u8],
        env: &Envelope<'_>,
        what: &str,
    ) -> Option<T> {
        match peek::d_span(json, &env.data, self.max_depth) {
            Ok(range) => serde_json::from_slice(&json[range]).ok(),
            Err(e) => {
                self.malformed(what, env.seq, e);
                None
            }
        }
    }

    fn malformed(&self, event: &str, seq: Option<u64>, e: Malformed) {
        peek::log_malformed(self.shared.id, event, seq, e, self.max_depth);
    }

    fn examine_dispatch(&mut self, json: &[u8], env: &Envelope<'_>) -> Step {
        let shard = self.shared.id;
        let Some(seq) = env.seq else {
            tracing::warn!(shard, "dispatch without a sequence number skipped");
            return Step::Done;
        };
        let kind = env.kind;
        if kind == Some(EventKind::Ready) {
            // A new session (IDENTIFY started a new progress).
            self.progress = self.shared.progress();
        }
        let last = self.progress.read();
        if seq <= last {
            tracing::debug!(shard, seq, last, "duplicate dispatch dropped");
            return Step::Done;
        }
        let name = env.name.unwrap_or_default();
        if let Some(discarding) = &mut self.discarding {
            // Not delivered and not counted as read: the resume replays it. Only what the
            // shard itself needs is taken from it.
            discarding.dispatches += 1;
            match kind {
                Some(EventKind::Ready) => {
                    let d = peek::d_span(json, &env.data, self.max_depth).ok();
                    self.on_ready(d.map(|r| &json[r]));
                }
                Some(EventKind::Resumed) => self.send(Control::Resumed),
                _ => {}
            }
            return Step::Done;
        }
        if seq > last + 1 && last != 0 {
            tracing::warn!(shard, seq, last, "gap in gateway sequence numbers");
        }
        let wanted = self.target.wants(kind);
        let chunk_waited =
            kind == Some(EventKind::GuildMembersChunk) && self.shared.has_chunk_waiters();
        let own_use = kind == Some(EventKind::Ready) || chunk_waited;
        // Where `d` ends takes a scan of it. A consumer with room (the built-in channel, less
        // than a quarter full) scans it itself, so that it is done on whichever side is not the
        // bottleneck: the consumer, while reading and inflating keep the reader busy; the
        // reader, while the consumer is behind.
        let unscanned_from = match env.data {
            DataPos::StartsAt(start) if wanted && !own_use && self.target.has_room() => Some(start),
            _ => None,
        };
        // `d`'s span, found once per frame and only when someone reads `d`.
        let data = if let Some(start) = unscanned_from {
            Some(start..json.len())
        } else if wanted || own_use {
            match peek::d_span(json, &env.data, self.max_depth) {
                Ok(range) => Some(range),
                Err(e) => {
                    self.malformed(name, Some(seq), e);
                    None
                }
            }
        } else {
            None
        };
        match kind {
            Some(EventKind::Ready) => self.on_ready(data.clone().map(|r| &json[r])),
            Some(EventKind::Resumed) => self.send(Control::Resumed),
            _ => {}
        }
        match data {
            Some(data) if wanted || chunk_waited => Step::Deliver(Delivery {
                seq,
                kind,
                name: match kind {
                    Some(k) => Cow::Borrowed(k.name()),
                    None => Cow::Owned(name.to_owned()),
                },
                data,
                unscanned: unscanned_from.is_some(),
                wanted,
                chunk: chunk_waited,
            }),
            _ => {
                self.progress.set_read(seq);
                Step::Done
            }
        }
    }

    /// READY: stores the session, tells the control loop.
    fn on_ready(&self, d: Option<&[u8]>) {
        if let Some(ready) = d.and_then(|d| serde_json::from_slice::<ReadyFields>(d).ok()) {
            self.shared
                .set_session(ready.session_id, ready.resume_gateway_url);
        } else {
            tracing::warn!(
                shard = self.shared.id,
                "READY without session_id/resume_gateway_url: the session cannot be resumed"
            );
        }
        self.send(Control::Ready);
    }

    /// Hands a dispatch on (after waiting for a saturated consumer, within the bound), or
    /// starts discarding.
    async fn deliver(&mut self, mut source: Source<'_>, delivery: Delivery) {
        let Delivery {
            seq,
            kind,
            name,
            data,
            unscanned,
            wanted,
            chunk,
        } = delivery;
        if wanted {
            let saturated = match catch_unwind(AssertUnwindSafe(|| self.target.is_saturated())) {
                Ok(saturated) => saturated,
                Err(panic) => {
                    self.panicked(&name, Some(seq), &*panic);
                    return;
                }
            };
            if saturated && !self.pause().await {
                self.start_discarding(&name, seq);
                return;
            }
        }
        let handed = catch_unwind(AssertUnwindSafe(|| {
            if chunk {
                let d = &source.json()[data.clone()];
                if let Ok(ChunkFields { nonce: Some(nonce) }) = serde_json::from_slice(d) {
                    self.shared.deliver_chunk(&nonce, d);
                }
            }
            if wanted {
                let frame = DispatchFrame {
                    shard_id: self.shared.id,
                    seq,
                    kind,
                    name: name.clone(),
                    data: source.take(data, &mut self.blocks),
                };
                let unscanned = unscanned.then_some(self.max_depth);
                if !self.target.deliver(frame, &self.progress, unscanned) {
                    return false;
                }
                self.shared.delivered.fetch_add(1, Ordering::Relaxed);
            }
            true
        }));
        match handed {
            Ok(true) => self.progress.set_read(seq),
            // Another shard filled the channel first.
            Ok(false) => self.start_discarding(&name, seq),
            Err(panic) => self.panicked(&name, Some(seq), &*panic),
        }
    }

    /// Waits for a saturated consumer, within the bounds; `false` when a bound passed first.
    async fn pause(&mut self) -> bool {
        let mut wait = self.saturation_wait;
        if let Some(interval) = self.interval {
            wait = wait.min((interval / 2).saturating_sub(self.paused_since_ack));
        }
        if wait.is_zero() {
            return false;
        }
        let start = Instant::now();
        let unsaturated = AssertUnwindSafe(self.target.unsaturated()).catch_unwind();
        let done = tokio::select! {
            done = unsaturated => {
                if done.is_err() {
                    tracing::error!(shard = self.shared.id, "the event sink panicked while the shard waited for it");
                }
                true
            }
            () = sleep_until(start + wait) => false,
        };
        self.paused_since_ack += start.elapsed();
        done
    }

    fn start_discarding(&mut self, name: &str, seq: u64) {
        tracing::warn!(
            shard = self.shared.id,
            event = %name,
            seq,
            resume_after = self.progress.consumed(),
            "the event consumer is saturated: the shard reads on (heartbeats and control frames \
             are handled) without delivering dispatches, and resumes the session once the \
             consumer has room, so that Discord replays them"
        );
        self.discarding = Some(Discarding {
            since: Instant::now(),
            dispatches: 1,
        });
    }

    fn caught_up(&mut self) {
        if let Some(d) = self.discarding.take() {
            tracing::info!(
                shard = self.shared.id,
                discarded = d.dispatches,
                after = ?d.since.elapsed(),
                resume_after = self.progress.consumed(),
                "the event consumer has room again: resuming the session to replay the \
                 dispatches read while it was saturated"
            );
        }
        self.send(Control::CaughtUp);
    }

    /// A panic while handling one frame: logged, and the frame counts as consumed.
    #[cold]
    fn panicked(&self, name: &str, seq: Option<u64>, panic: &(dyn Any + Send)) {
        let message = crate::dispatcher::panic_message(panic);
        tracing::error!(
            shard = self.shared.id,
            event = %name,
            seq,
            panic = %message,
            "the shard panicked handling a gateway frame (in its event sink?); the frame is \
             skipped"
        );
        if let Some(seq) = seq
            && seq > self.progress.read()
        {
            self.progress.set_read(seq);
        }
    }
}
