//! One connection of a shard, once the WebSocket is open: the handshake (HELLO, then RESUME at
//! once or IDENTIFY when the identify queue allows) and the event loop (heartbeats and their
//! ACKs, the server's control frames, queued commands within the rate limit, stop)
//! ([docs](https://discord.com/developers/docs/events/gateway#connection-lifecycle)).
//!
//! The reader task (`reader.rs`) reads the socket and reports what the shard must act on as
//! [`Control`]s; this side writes.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::Ordering;
use std::time::Duration;

use asyncord_model::gateway::{Heartbeat, Identify, Resume};
use fastwebsockets::{Frame, Payload};
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep_until, timeout};

use super::compression::Compression;
use super::error::GatewayError;
use super::inflate::Inflater;
use super::limiter::CommandLimiter;
use super::negotiation::{FirstMessage, Step};
use super::queue::IdentifyQueue;
use super::reader::{Control, Reader};
use super::shard::{
    End, Outbound, Outcome, ShardStatus, ShardTask, Stop, command_text, lock, server, stable,
};
use super::transport::{GatewayAddress, WsRead, WsWrite};

/// How long to wait for HELLO once the connection is open.
const HELLO_TIMEOUT: Duration = Duration::from_secs(30);

/// The IDENTIFY this connection waits to send (its turn in the identify queue).
type IdentifyTurn<'q> = Pin<Box<dyn Future<Output = ()> + Send + 'q>>;

/// The state of a connection past HELLO.
struct Live {
    interval: Duration,
    limiter: CommandLimiter,
    next_beat: Instant,
    last_beat: Instant,
    awaiting_ack: bool,
    /// When READY or RESUMED arrived: from then on, commands may go out (sent between
    /// IDENTIFY or RESUME and READY or RESUMED, Discord would drop them).
    ready_since: Option<Instant>,
}

impl Live {
    fn stable(&self) -> bool {
        stable(self.ready_since)
    }

    fn ready(&self) -> bool {
        self.ready_since.is_some()
    }
}

/// What the event loop does after one step.
enum Flow {
    Continue,
    End(End),
}

impl ShardTask {
    /// Runs one connection opened with `compression`; returns how it went.
    pub(super) async fn connection(
        &mut self,
        read: WsRead,
        mut write: WsWrite,
        compression: Compression,
        url: &GatewayAddress,
    ) -> Outcome {
        let limits = &self.config.limits;
        let inflater = match Inflater::new(compression, limits.max_message_size) {
            Ok(i) => i,
            Err(source) => {
                let error = GatewayError::Decompressor {
                    compression,
                    source,
                };
                return Outcome {
                    end: End::Fatal(error),
                    healthy: false,
                    hello: false,
                };
            }
        };
        let (ctl_tx, mut ctl) = mpsc::unbounded_channel();
        let reader = Reader::new(
            read,
            inflater,
            self.shared.clone(),
            self.target.clone(),
            ctl_tx,
            limits,
        );
        let reader = tokio::spawn(reader.run());
        let queue = self.queue.clone();
        let (end, healthy, hello) = match self.handshake(&mut write, &mut ctl, url, &*queue).await {
            Ok((mut live, turn)) => {
                let end = self
                    .event_loop(&mut write, &mut ctl, url, &mut live, turn)
                    .await;
                (end, live.stable(), true)
            }
            Err(end) => (end, false, false),
        };
        reader.abort();
        let _ = reader.await;
        let code = match &end {
            End::Stop if *self.stop.borrow() == Stop::EndSession => Some(1000),
            End::Stop | End::Resume | End::Replay | End::NewSession(_) | End::FallBack => {
                Some(4000)
            }
            End::Fatal(_) => None,
        };
        if let Some(code) = code {
            let _ = timeout(Duration::from_secs(2), async {
                let _ = write.write_frame(Frame::close(code, b"")).await;
                let _ = write.flush().await;
            })
            .await;
        }
        Outcome {
            end,
            healthy,
            hello,
        }
    }

    /// Waits for HELLO, then sends RESUME (with a session) or queues for IDENTIFY (returned:
    /// the event loop sends it when the queue allows, heartbeating meanwhile).
    async fn handshake<'q>(
        &mut self,
        write: &mut WsWrite,
        ctl: &mut mpsc::UnboundedReceiver<Control>,
        url: &GatewayAddress,
        queue: &'q dyn IdentifyQueue,
    ) -> Result<(Live, Option<IdentifyTurn<'q>>), End> {
        let id = self.shared.id;
        let interval = loop {
            let msg = tokio::select! {
                m = timeout(HELLO_TIMEOUT, ctl.recv()) => m,
                _ = self.stop.changed() => return Err(End::Stop),
            };
            match msg {
                Ok(Some(Control::Hello(ms))) => break Duration::from_millis(ms.max(1)),
                Ok(Some(Control::First(how))) => self.on_first_message(how, url),
                Ok(Some(Control::FirstUndecodable(e))) => {
                    return Err(self.on_undecodable_first_message(&e, url));
                }
                Ok(Some(Control::Closed(code))) => return Err(self.on_close(code)),
                Ok(Some(Control::Failed(e))) => {
                    tracing::warn!(shard = id, error = %e, "gateway connection failed before HELLO");
                    return Err(End::Resume);
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => return Err(End::Resume),
            }
        };
        let now = Instant::now();
        let mut live = Live {
            interval,
            limiter: CommandLimiter::new(interval),
            next_beat: now + interval.mul_f64(fastrand::f64()),
            last_beat: now,
            awaiting_ack: false,
            ready_since: None,
        };
        let Some(session) = self.shared.session() else {
            return Ok((live, Some(queue.acquire(id))));
        };
        let resume = Resume {
            token: self.config.token().expose_secret().to_owned(),
            session_id: session.session_id,
            seq: session.sequence,
        };
        tracing::debug!(shard = id, seq = session.sequence, "resuming");
        if !send(write, &mut live.limiter, command_text(&resume)).await {
            return Err(End::Resume);
        }
        Ok((live, None))
    }

    /// Runs the connection until it ends: heartbeats, control frames, IDENTIFY when its turn
    /// comes, commands within the rate limit, stop.
    async fn event_loop(
        &mut self,
        write: &mut WsWrite,
        ctl: &mut mpsc::UnboundedReceiver<Control>,
        url: &GatewayAddress,
        live: &mut Live,
        mut turn: Option<IdentifyTurn<'_>>,
    ) -> End {
        loop {
            let command_ok = live.ready() && live.limiter.command_allowed(Instant::now());
            let free_at = live.limiter.next_free();
            let flow = tokio::select! {
                msg = ctl.recv() => self.on_control(msg, write, live, url).await,
                () = sleep_until(live.next_beat) => self.heartbeat(write, live).await,
                () = async { if let Some(t) = turn.as_mut() { t.await } else { std::future::pending().await } }, if turn.is_some() => {
                    turn = None;
                    self.identify(write, live).await
                }
                cmd = self.commands.recv(), if command_ok => match cmd {
                    Some(Outbound(text)) => if send(write, &mut live.limiter, text).await {
                        Flow::Continue
                    } else {
                        tracing::warn!(shard = self.shared.id, "a command was not sent: the connection failed while sending it");
                        Flow::End(End::Resume)
                    },
                    None => Flow::End(End::Stop),
                },
                () = sleep_until(free_at), if live.ready() && !command_ok => Flow::Continue,
                _ = self.stop.changed() => Flow::End(End::Stop),
            };
            if let Flow::End(end) = flow {
                return end;
            }
        }
    }

    /// Acts on what the reader reported.
    async fn on_control(
        &self,
        msg: Option<Control>,
        write: &mut WsWrite,
        live: &mut Live,
        url: &GatewayAddress,
    ) -> Flow {
        let id = self.shared.id;
        let end = match msg {
            Some(Control::Ack) => {
                live.awaiting_ack = false;
                let rtt = Instant::now().duration_since(live.last_beat);
                let us = rtt.as_micros() as u64;
                self.shared.latency_us.store(us, Ordering::Relaxed);
                return Flow::Continue;
            }
            Some(Control::HeartbeatNow) => {
                let beat = Heartbeat {
                    last_sequence: self.last_seq(),
                };
                live.last_beat = Instant::now();
                if send(write, &mut live.limiter, command_text(&beat)).await {
                    return Flow::Continue;
                }
                End::Resume
            }
            Some(Control::Ready | Control::Resumed) => {
                live.ready_since = Some(Instant::now());
                self.shared.set_status(ShardStatus::Connected);
                return Flow::Continue;
            }
            Some(Control::Reconnect) => {
                tracing::info!(shard = id, "gateway asked to reconnect");
                End::Resume
            }
            Some(Control::InvalidSession(true)) => {
                tracing::info!(shard = id, "session invalidated (resumable)");
                End::Resume
            }
            Some(Control::InvalidSession(false)) => {
                tracing::info!(shard = id, "session invalidated; identifying again");
                End::NewSession(Duration::from_millis(1000 + fastrand::u64(0..4000)))
            }
            Some(Control::Closed(code)) => self.on_close(code),
            Some(Control::Failed(e)) => {
                tracing::warn!(shard = id, error = %e, "gateway connection failed");
                End::Resume
            }
            Some(Control::First(how)) => {
                self.on_first_message(how, url);
                return Flow::Continue;
            }
            Some(Control::FirstUndecodable(e)) => self.on_undecodable_first_message(&e, url),
            Some(Control::CaughtUp) => End::Replay,
            Some(Control::Hello(_)) => return Flow::Continue,
            None => End::Resume,
        };
        Flow::End(end)
    }

    /// The heartbeat is due: send it, unless the previous one was never acknowledged (a zombied
    /// connection: reconnect).
    async fn heartbeat(&self, write: &mut WsWrite, live: &mut Live) -> Flow {
        if live.awaiting_ack {
            tracing::warn!(
                shard = self.shared.id,
                "no heartbeat ACK: zombied connection, reconnecting"
            );
            return Flow::End(End::Resume);
        }
        let beat = Heartbeat {
            last_sequence: self.last_seq(),
        };
        live.last_beat = Instant::now();
        live.awaiting_ack = true;
        live.next_beat = live.last_beat + live.interval;
        if send(write, &mut live.limiter, command_text(&beat)).await {
            Flow::Continue
        } else {
            Flow::End(End::Resume)
        }
    }

    /// The identify queue allows it: send IDENTIFY (a new session starts from sequence 0).
    async fn identify(&self, write: &mut WsWrite, live: &mut Live) -> Flow {
        let id = self.shared.id;
        self.shared.start_session();
        let mut identify = Identify::new(self.config.token().expose_secret(), self.config.intents)
            .shard(id, self.shared.count);
        identify.presence.clone_from(&self.config.presence);
        identify.large_threshold = self.config.large_threshold;
        tracing::debug!(shard = id, "identifying");
        if !send(write, &mut live.limiter, command_text(&identify)).await {
            return Flow::End(End::NewSession(Duration::ZERO));
        }
        Flow::Continue
    }

    /// A connection's first message arrived and was read (a text frame, or a binary frame its
    /// decompressor read): settles the shard's compression if it was still probing, with one
    /// warning when it settles on a mode other than the requested one.
    fn on_first_message(&self, how: FirstMessage, url: &GatewayAddress) {
        let step = lock(&self.shared.compression).first_message(how);
        if let Step::Settled(mode) = step {
            tracing::warn!(
                shard = self.shared.id,
                server = %server(url),
                requested = %self.config.compression,
                settled = %mode,
                "the gateway server does not support the requested transport compression; \
                 this shard uses {mode}"
            );
        }
    }

    /// A connection's first message was a binary frame its decompressor could not read: fall
    /// back while the shard is probing, else a corrupt connection (resume).
    fn on_undecodable_first_message(&self, error: &str, url: &GatewayAddress) -> End {
        let id = self.shared.id;
        let tried = self.shared.compression();
        let step = lock(&self.shared.compression).first_message(FirstMessage::Undecodable);
        if let Step::FallBack(next) = step {
            tracing::debug!(shard = id, server = %server(url), tried = %tried, next = %next, error, "gateway sent data the requested compression cannot read; falling back");
            End::FallBack
        } else {
            tracing::warn!(shard = id, error, "gateway connection failed");
            End::Resume
        }
    }
}

/// Writes one command frame, counting it against the rate limit; `false` when the connection
/// is gone.
async fn send(write: &mut WsWrite, limiter: &mut CommandLimiter, text: String) -> bool {
    limiter.record(Instant::now());
    write
        .write_frame(Frame::text(Payload::Owned(text.into_bytes())))
        .await
        .is_ok()
}
