//! The read side of one gateway connection: reads WebSocket messages, inflates them, peeks at
//! `op`/`s`/`t`, hands the dispatches its [`EventSink`] wants to it, and reports the frames the shard must act on
//! (HELLO, ACK, RECONNECT, INVALID_SESSION, READY, RESUMED, close) to the shard's control loop
//! ([docs](https://discord.com/developers/docs/events/gateway-events#receive-events)).
//!
//! It runs on its own task, so a slow consumer or a slow decompression never delays heartbeats,
//! and delivering a dispatch and recording its sequence number happen together, with no await in
//! between: when the control loop aborts this task, the recorded sequence is exactly what was
//! delivered.

use std::borrow::Cow;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use asyncord_model::gateway::EventKind;
use fastwebsockets::{FragmentCollectorRead, OpCode as WsOp};
use tokio::sync::mpsc;

use super::frame::DispatchFrame;
use super::inflate::Inflater;
use super::negotiation::FirstMessage;
use super::peek::{self, Envelope};
use super::shard::ShardShared;
use super::sink::EventSink;
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
    /// The connection failed (I/O, protocol or decompression error).
    Failed(String),
    /// The connection's first message arrived, as a text frame or as a binary frame its
    /// decompressor read (sent once, before the message is handled).
    First(FirstMessage),
    /// The connection's first message was a binary frame its decompressor could not read (the
    /// server may not speak the requested compression); the reader has stopped.
    FirstUndecodable(String),
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

/// Reads until the connection ends.
///
/// A text frame is plain JSON whatever compression was requested (servers that do not compress
/// send those); only binary frames go through the decompressor.
pub(crate) async fn run(
    read: WsRead,
    mut inflater: Inflater,
    shared: Arc<ShardShared>,
    sink: Arc<dyn EventSink>,
    control: mpsc::UnboundedSender<Control>,
) {
    let mut read = FragmentCollectorRead::new(read);
    let mut pressure = Pressure::default();
    let mut first = true;
    let mut no_send = |_| async { Ok::<_, std::convert::Infallible>(()) };
    loop {
        let frame = match read.read_frame(&mut no_send).await {
            Ok(f) => f,
            Err(e) => {
                let _ = control.send(Control::Failed(e.to_string()));
                return;
            }
        };
        match frame.opcode {
            WsOp::Close => {
                let code = (frame.payload.len() >= 2)
                    .then(|| u16::from_be_bytes([frame.payload[0], frame.payload[1]]));
                let _ = control.send(Control::Closed(code));
                return;
            }
            WsOp::Text | WsOp::Binary => {
                let binary = frame.opcode == WsOp::Binary;
                let decoded = if binary {
                    inflater.push(&frame.payload)
                } else {
                    Ok(Some(&frame.payload[..]))
                };
                let json = match decoded {
                    Ok(Some(json)) => json,
                    Ok(None) => continue,
                    Err(e) => {
                        let c = if first {
                            Control::FirstUndecodable(e.to_string())
                        } else {
                            Control::Failed(e.to_string())
                        };
                        let _ = control.send(c);
                        return;
                    }
                };
                if first {
                    first = false;
                    let how = if binary {
                        FirstMessage::Decoded
                    } else {
                        FirstMessage::Text
                    };
                    let _ = control.send(Control::First(how));
                }
                if let Some(c) = handle(json, &shared, &*sink) {
                    let stop = matches!(c, Control::Failed(_));
                    let _ = control.send(c);
                    if stop {
                        return;
                    }
                }
                // One socket read can hold thousands of frames, and a sink spawns a task for
                // each: count every message against tokio's cooperative budget, so this task
                // yields (and the handler tasks it spawned run) at least every 128 messages
                // instead of queueing a whole flood.
                tokio::task::coop::consume_budget().await;
                if sink.is_saturated() {
                    pressure.wait(&*sink, shared.id).await;
                } else {
                    pressure.recovered();
                }
            }
            _ => {}
        }
    }
}

/// Handles one complete JSON message; returns what the control loop must hear about.
fn handle(json: &[u8], shared: &ShardShared, sink: &dyn EventSink) -> Option<Control> {
    let env = match peek::envelope(json) {
        Ok(env) => env,
        Err(e) => {
            tracing::warn!(shard = shared.id, error = %e, len = json.len(), "malformed gateway frame skipped");
            return None;
        }
    };
    match env.op {
        0 => dispatch(json, &env, shared, sink),
        1 => Some(Control::HeartbeatNow),
        7 => Some(Control::Reconnect),
        9 => {
            let resumable = data::<bool>(json, &env).unwrap_or(false);
            Some(Control::InvalidSession(resumable))
        }
        10 => {
            let hello = data::<HelloFields>(json, &env);
            if hello.is_none() {
                tracing::warn!(
                    shard = shared.id,
                    "HELLO without a heartbeat interval skipped"
                );
            }
            hello.map(|h| Control::Hello(h.heartbeat_interval))
        }
        11 => Some(Control::Ack),
        op => {
            tracing::debug!(
                shard = shared.id,
                op,
                "ignoring gateway frame with an unexpected opcode"
            );
            None
        }
    }
}

fn data<'a, T: serde::Deserialize<'a>>(json: &'a [u8], env: &Envelope<'_>) -> Option<T> {
    let range = peek::d_span(json, &env.data).ok()?;
    serde_json::from_slice(&json[range]).ok()
}

fn dispatch(
    json: &[u8],
    env: &Envelope<'_>,
    shared: &ShardShared,
    sink: &dyn EventSink,
) -> Option<Control> {
    let Some(seq) = env.seq else {
        tracing::warn!(
            shard = shared.id,
            "dispatch without a sequence number skipped"
        );
        return None;
    };
    let last = shared.seq.load(Ordering::Acquire);
    if seq <= last {
        tracing::debug!(shard = shared.id, seq, last, "duplicate dispatch dropped");
        return None;
    }
    if seq > last + 1 && last != 0 {
        tracing::warn!(
            shard = shared.id,
            seq,
            last,
            "gap in gateway sequence numbers"
        );
    }
    let name = env.name.unwrap_or_default();
    let kind = env.kind;
    let wanted = sink.wants(kind);
    let own_use = match kind {
        Some(EventKind::Ready) => true,
        Some(EventKind::GuildMembersChunk) => shared.has_chunk_waiters(),
        _ => false,
    };
    // `d`'s span, found once per frame and only when someone reads `d`.
    let span = (wanted || own_use).then(|| peek::d_span(json, &env.data));
    let d = match &span {
        Some(Ok(range)) => Some(&json[range.clone()]),
        Some(Err(e)) => {
            tracing::warn!(shard = shared.id, event = name, error = %e, "malformed dispatch skipped");
            None
        }
        None => None,
    };
    let mut control = None;
    match kind {
        Some(EventKind::Ready) => {
            if let Some(ready) = d.and_then(|d| serde_json::from_slice::<ReadyFields>(d).ok()) {
                shared.set_session(ready.session_id, ready.resume_gateway_url);
            } else {
                tracing::warn!(
                    shard = shared.id,
                    "READY without session_id/resume_gateway_url: the session cannot be resumed"
                );
            }
            control = Some(Control::Ready);
        }
        Some(EventKind::Resumed) => control = Some(Control::Resumed),
        Some(EventKind::GuildMembersChunk) => {
            if let Some(d) = d
                && own_use
                && let Ok(ChunkFields { nonce: Some(nonce) }) = serde_json::from_slice(d)
            {
                shared.deliver_chunk(&nonce, d);
            }
        }
        _ => {}
    }
    if wanted && let Some(d) = d {
        let name = match kind {
            Some(k) => Cow::Borrowed(k.name()),
            None => Cow::Owned(name.to_owned()),
        };
        sink.deliver(DispatchFrame {
            shard_id: shared.id,
            seq,
            kind,
            name,
            data: d.to_vec(),
        });
        shared.delivered.fetch_add(1, Ordering::Relaxed);
    }
    shared.seq.store(seq, Ordering::Release);
    control
}

/// How long a shard waits at most for a saturated sink before reading on anyway.
pub const SATURATION_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// The reader's side of a sink's backpressure: waits while the sink is saturated, but never
/// longer than [`SATURATION_WAIT`] per stretch, and after a wait that timed out, not again until
/// the sink has recovered (a stuck consumer must not starve the heartbeat).
#[derive(Default)]
struct Pressure {
    gave_up: bool,
}

impl Pressure {
    /// Waits for `sink` (already saturated), unless an earlier wait timed out and the sink has
    /// not recovered since.
    async fn wait(&mut self, sink: &dyn EventSink, shard: u32) {
        if self.gave_up {
            return;
        }
        if tokio::time::timeout(SATURATION_WAIT, sink.unsaturated())
            .await
            .is_ok()
        {
            return;
        }
        tracing::warn!(
            shard,
            wait = ?SATURATION_WAIT,
            "event consumer saturated: reading on without backpressure until it recovers"
        );
        self.gave_up = true;
    }

    /// Called when the sink is not saturated: backpressure applies again.
    fn recovered(&mut self) {
        self.gave_up = false;
    }
}
