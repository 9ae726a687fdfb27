//! One emulated gateway connection, once upgraded to WebSocket (the HTTP side is
//! [`handshake`](super::handshake)): HELLO, IDENTIFY and RESUME checks, heartbeat ACKs,
//! commands, the 120/60 s limit (close 4008), and the scripted faults
//! ([docs](https://discord.com/developers/docs/events/gateway#connection-lifecycle)).
//!
//! What one client can make it hold is bounded: a message it sends (fragments together) is at
//! most [`GatewayServerConfig::max_client_frame`](super::GatewayServerConfig) bytes (else
//! 4002), what it sent waits in a short queue (reading stops while it is full), and what is
//! sent to it waits in the [`outbox`](super::outbox) (a client that stops reading is dropped).
//! Over a socket, a frame the client does not accept within the idle timeout drops the
//! connection (the handshake is held to the [`ConnectionLimits`](crate::ConnectionLimits) and
//! the [`OriginPolicy`](crate::OriginPolicy)).

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use asyncord_model::Intents;
use asyncord_model::gateway::{
    GatewayCommand, Identify, RawFrame, RequestGuildMembers, RequestSoundboardSounds, Resume,
};
use fastwebsockets::{Frame, OpCode as WsOp, Payload, WebSocket, WebSocketError};
use serde_json::json;
use tokio::io::BufWriter;
use tokio::sync::mpsc;
use tokio::time::Instant;

use super::compression::Framing;
use super::deflate::Deflater;
use super::handshake::Upgraded;
use super::outbox::{self, Outbox};
use super::session::{ResumeOutcome, SessionEntry, control_text};
use super::{ConnEntry, ServerEvent, ServerEventKind, ServerInner};
use crate::account::BotAccount;

/// How many client messages wait for the connection to handle them before reading pauses.
const INBOUND_QUEUE: usize = 16;

/// What a connection's writer sends.
#[derive(Debug, Clone)]
pub(crate) enum Outgoing {
    /// A text payload (compressed when the connection asked for it).
    Text(Arc<str>),
    /// Several text payloads in order (a RESUME's replay), one entry of the queue.
    Batch(Vec<Arc<str>>),
    /// Raw bytes sent as one binary frame, bypassing compression (a fault).
    Binary(Arc<[u8]>),
    /// A close frame with this code, then the end of the connection.
    Close(u16),
    /// End the connection without a close frame (a dropped TCP connection).
    Drop,
}

type WsWrite = fastwebsockets::WebSocketWrite<BufWriter<tokio::io::WriteHalf<Upgraded>>>;

/// Writes one frame, or fails when the client has not accepted it within `timeout`.
async fn write_frame(
    write: &mut WsWrite,
    frame: Frame<'_>,
    timeout: Option<Duration>,
) -> Result<(), ()> {
    let written = write.write_frame(frame);
    let result = match timeout {
        Some(t) => tokio::time::timeout(t, written).await.map_err(|_| ())?,
        None => written.await,
    };
    result.map_err(|_| ())
}

/// Flushes, or fails when the client has not accepted the bytes within `timeout`.
async fn flush(write: &mut WsWrite, timeout: Option<Duration>) -> Result<(), ()> {
    let result = match timeout {
        Some(t) => tokio::time::timeout(t, write.flush())
            .await
            .map_err(|_| ())?,
        None => write.flush().await,
    };
    result.map_err(|_| ())
}

/// Sends one text payload, compressed when the connection asked for it.
async fn write_text(
    write: &mut WsWrite,
    deflater: &mut Deflater,
    buf: &mut Vec<u8>,
    text: &str,
    timeout: Option<Duration>,
) -> Result<(), ()> {
    let frame = if deflater.is_binary() {
        deflater.encode(text.as_bytes(), buf).map_err(|_| ())?;
        Frame::binary(Payload::Borrowed(buf))
    } else {
        Frame::text(Payload::Borrowed(text.as_bytes()))
    };
    write_frame(write, frame, timeout).await
}

/// Sends what the connection queues, until it is closed, dropped, or (over a socket) a frame
/// is not accepted within `timeout`.
async fn writer(
    mut write: WsWrite,
    mut deflater: Deflater,
    mut rx: mpsc::Receiver<Outgoing>,
    timeout: Option<Duration>,
) {
    let mut buf = Vec::new();
    while let Some(first) = rx.recv().await {
        let mut next = Some(first);
        while let Some(out) = next.take() {
            let written = match out {
                Outgoing::Text(text) => {
                    write_text(&mut write, &mut deflater, &mut buf, &text, timeout).await
                }
                Outgoing::Batch(texts) => {
                    let mut written = Ok(());
                    for text in &texts {
                        written =
                            write_text(&mut write, &mut deflater, &mut buf, text, timeout).await;
                        if written.is_err() {
                            break;
                        }
                    }
                    written
                }
                Outgoing::Binary(bytes) => {
                    let frame = Frame::binary(Payload::Borrowed(&bytes));
                    write_frame(&mut write, frame, timeout).await
                }
                Outgoing::Close(code) => {
                    let reason = super::close::reason(code).as_bytes();
                    let frame = Frame::close(code, reason);
                    if write_frame(&mut write, frame, timeout).await.is_ok() {
                        let _ = flush(&mut write, timeout).await;
                    }
                    return;
                }
                Outgoing::Drop => return,
            };
            if written.is_err() {
                tracing::debug!("emulated gateway: the client did not accept a frame in time");
                return;
            }
            next = rx.try_recv().ok();
        }
        if flush(&mut write, timeout).await.is_err() {
            return;
        }
    }
}

enum ClientMsg {
    Text(Vec<u8>),
    /// A message over the size limit.
    TooLarge,
    Close(Option<u16>),
}

/// Reads the client's messages (joining fragments, at most `max` bytes) into `tx`; reading
/// pauses while `tx` is full.
async fn reader(
    mut read: fastwebsockets::WebSocketRead<tokio::io::ReadHalf<Upgraded>>,
    tx: mpsc::Sender<ClientMsg>,
    max: usize,
) {
    let mut no_send = |_| async { Ok::<_, Infallible>(()) };
    let mut message: Option<Vec<u8>> = None;
    loop {
        let msg = match read.read_frame(&mut no_send).await {
            Ok(frame) => match frame.opcode {
                WsOp::Text | WsOp::Binary | WsOp::Continuation => {
                    let mut data = match (frame.opcode, message.take()) {
                        (WsOp::Continuation, Some(data)) => data,
                        (WsOp::Continuation, None) => {
                            let _ = tx.send(ClientMsg::Close(None)).await;
                            return;
                        }
                        _ => Vec::new(),
                    };
                    if data.len() + frame.payload.len() > max {
                        ClientMsg::TooLarge
                    } else {
                        data.extend_from_slice(&frame.payload);
                        if !frame.fin {
                            message = Some(data);
                            continue;
                        }
                        ClientMsg::Text(data)
                    }
                }
                WsOp::Close => {
                    let code = (frame.payload.len() >= 2)
                        .then(|| u16::from_be_bytes([frame.payload[0], frame.payload[1]]));
                    ClientMsg::Close(code)
                }
                _ => continue,
            },
            Err(WebSocketError::FrameTooLarge) => ClientMsg::TooLarge,
            Err(_) => ClientMsg::Close(None),
        };
        let last = !matches!(msg, ClientMsg::Text(_));
        if tx.send(msg).await.is_err() || last {
            return;
        }
    }
}

/// Per-connection state.
struct Conn {
    id: u64,
    inner: Arc<ServerInner>,
    out: Outbox,
    session: Option<Arc<SessionEntry>>,
    sent: VecDeque<Instant>,
    /// Whether the server closed the connection (the writer ends after the close frame).
    closing: bool,
}

pub(crate) async fn run(
    inner: Arc<ServerInner>,
    ws: WebSocket<Upgraded>,
    version: Option<String>,
    compress: Option<String>,
    framing: Framing,
    write_timeout: Option<Duration>,
) {
    let id = inner.next_conn.fetch_add(1, Ordering::Relaxed) + 1;
    let mut ws = ws;
    ws.set_auto_close(false);
    let max_frame = inner.config.max_client_frame;
    ws.set_max_message_size(max_frame.saturating_add(1));
    let (read, write) = ws.split(|s| {
        let (r, w) = tokio::io::split(s);
        (r, BufWriter::with_capacity(64 * 1024, w))
    });
    let Ok(deflater) = Deflater::new(framing) else {
        return;
    };
    let (out, out_rx, overflow) = outbox::outbox(inner.config.send_queue_capacity);
    let (client_tx, mut client_rx) = mpsc::channel(INBOUND_QUEUE);
    let mut reading = true;
    let mut writer_task = tokio::spawn(writer(write, deflater, out_rx, write_timeout));
    let reader_task = tokio::spawn(reader(read, client_tx, max_frame));
    inner.conns_lock().push(ConnEntry {
        id,
        shard: None,
        tx: out.clone(),
    });
    inner.log(
        id,
        ServerEventKind::Connected {
            compress: compress.clone(),
        },
    );
    let mut conn = Conn {
        id,
        inner: inner.clone(),
        out,
        session: None,
        sent: VecDeque::new(),
        closing: false,
    };
    let hello = format!(
        r#"{{"heartbeat_interval":{}}}"#,
        inner.config.heartbeat_interval.as_millis()
    );
    conn.send(control_text(10, &hello));
    let timeout = inner.config.heartbeat_interval * 2 + Duration::from_secs(1);
    let mut heartbeat_deadline = Instant::now() + timeout;
    if version.as_deref() != Some("10") {
        conn.close(4012);
    }
    loop {
        tokio::select! {
            msg = client_rx.recv(), if reading => match msg {
                Some(ClientMsg::Text(bytes)) => {
                    if conn.on_frame(&bytes) {
                        heartbeat_deadline = Instant::now() + timeout;
                    }
                }
                Some(ClientMsg::TooLarge) => {
                    tracing::debug!(conn = id, max_frame, "emulated gateway: a client message over the size limit");
                    conn.close(4002);
                }
                Some(ClientMsg::Close(code)) => {
                    if matches!(code, Some(1000 | 1001))
                        && let Some(s) = &conn.session {
                            inner.remove_session(&s.id);
                        }
                    inner.log(id, ServerEventKind::ClientClosed { code });
                    break;
                }
                None if conn.closing => {
                    // The reader stopped after a message over the size limit: let the writer
                    // send the close frame.
                    reading = false;
                }
                None => break,
            },
            _ = &mut writer_task => break,
            () = overflow.wait() => {
                let capacity = inner.config.send_queue_capacity;
                tracing::warn!(conn = id, capacity, "emulated gateway: the client does not read what is sent to it; dropping the connection");
                inner.log(id, ServerEventKind::SendQueueFull { capacity });
                break;
            }
            () = tokio::time::sleep_until(heartbeat_deadline) => {
                // no heartbeat for two intervals: Discord times the session out
                if let Some(s) = &conn.session {
                    inner.remove_session(&s.id);
                }
                conn.close(4009);
                heartbeat_deadline = Instant::now() + Duration::from_secs(3600);
            }
        }
    }
    if let Some(s) = &conn.session {
        inner.detach_session(s, id);
    }
    inner.conns_lock().retain(|c| c.id != id);
    reader_task.abort();
    writer_task.abort();
    inner.log(id, ServerEventKind::Disconnected);
}

impl Conn {
    fn send(&self, text: String) {
        self.out.send(Outgoing::Text(Arc::from(text)));
    }

    fn close(&mut self, code: u16) {
        self.inner
            .log(self.id, ServerEventKind::ClosedByServer { code });
        self.out.send(Outgoing::Close(code));
        self.closing = true;
    }

    /// Counts a client frame; `false` (after closing with 4008) when over 120 per 60 s.
    fn within_rate_limit(&mut self) -> bool {
        if !self.inner.config.rate_limit {
            return true;
        }
        let now = Instant::now();
        while self
            .sent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60))
        {
            self.sent.pop_front();
        }
        self.sent.push_back(now);
        if self.sent.len() > 120 {
            self.close(4008);
            return false;
        }
        true
    }

    /// Handles one client frame; `true` when it was a heartbeat.
    fn on_frame(&mut self, bytes: &[u8]) -> bool {
        if !self.within_rate_limit() {
            return false;
        }
        let Ok(frame) = RawFrame::parse_bytes(bytes) else {
            self.close(4002);
            return false;
        };
        let data = frame.data_json().unwrap_or("null");
        match frame.op.value() {
            1 => {
                let seq = serde_json::from_str::<Option<u64>>(data).ok().flatten();
                self.inner.log(self.id, ServerEventKind::Heartbeat { seq });
                let shard = self.session.as_ref().map(|s| s.shard[0]);
                if shard.is_none_or(|s| self.inner.acking(s)) {
                    self.send(control_text(11, "null"));
                }
                return true;
            }
            2 => self.identify(data),
            6 => self.resume(data),
            op @ (3 | 4 | 8 | 31 | 43) => {
                let Some(session) = self.session.clone() else {
                    self.close(4003);
                    return false;
                };
                let value = serde_json::from_str(data).unwrap_or(serde_json::Value::Null);
                // the pattern above bounds `op` to these small opcodes
                let logged = op as u8;
                self.inner.log(
                    self.id,
                    ServerEventKind::Command {
                        op: logged,
                        data: value,
                    },
                );
                match op {
                    8 => self.member_chunks(&session, data),
                    31 => self.soundboard_sounds(&session, data),
                    _ => {}
                }
            }
            _ => self.close(4001),
        }
        false
    }

    /// The bot an IDENTIFY or RESUME token belongs to; Discord accepts the token with or
    /// without the `Bot ` prefix.
    fn bot_of_token(&self, token: &str) -> Option<BotAccount> {
        let token = token.strip_prefix("Bot ").unwrap_or(token);
        self.inner.world.authenticate(token)
    }

    fn identify(&mut self, data: &str) {
        if self.session.is_some() {
            self.close(4005);
            return;
        }
        let Ok(identify) = Identify::from_data_json(data) else {
            self.close(4002);
            return;
        };
        let Some(bot) = self.bot_of_token(&identify.token) else {
            self.close(4004);
            return;
        };
        let intents = identify.intents;
        if intents.unknown_bits() != 0 {
            self.close(4013);
            return;
        }
        if !(intents & Intents::PRIVILEGED)
            .difference(bot.granted_privileged)
            .is_empty()
        {
            self.close(4014);
            return;
        }
        let [shard_id, shard_count] = identify.shard.unwrap_or([0, 1]);
        if shard_count == 0 || shard_id >= shard_count {
            self.close(4010);
            return;
        }
        let guilds: Vec<_> = self
            .inner
            .world
            .guild_creates(bot.user_id)
            .into_iter()
            .filter(|(g, _)| (u64::from(*g) >> 22) % u64::from(shard_count) == u64::from(shard_id))
            .collect();
        if guilds.len() > self.inner.config.max_guilds_per_shard {
            self.close(4011);
            return;
        }
        if !self.inner.identify_allowed(bot.user_id, shard_id) {
            // more than max_concurrency identifies per 5 s for this bucket
            self.inner.log(
                self.id,
                ServerEventKind::IdentifyTooFast { shard: shard_id },
            );
            self.send(control_text(9, "false"));
            return;
        }
        let session_id = format!("{:032x}", fastrand::u128(..));
        let entry = Arc::new(SessionEntry::new(
            session_id.clone(),
            bot.clone(),
            [shard_id, shard_count],
            intents,
            self.inner.config.replay_buffer,
            guilds.iter().map(|(g, _)| *g).collect(),
        ));
        entry.attach(self.id, self.out.clone());
        self.inner.add_session(&entry, self.id);
        self.session = Some(entry.clone());
        self.inner.log(
            self.id,
            ServerEventKind::Identified {
                shard: [shard_id, shard_count],
                intents,
                session_id: session_id.clone(),
            },
        );
        let ready = json!({
            "v": 10,
            "user": bot.current_user(),
            "guilds": guilds.iter().map(|(g, _)| json!({"id": g.to_string(), "unavailable": true})).collect::<Vec<_>>(),
            "session_id": session_id,
            "resume_gateway_url": self.inner.url,
            "shard": [shard_id, shard_count],
            "application": {"id": bot.application_id.to_string(), "flags": 0},
        });
        entry.push("READY", &ready.to_string());
        if intents.contains(Intents::GUILDS) {
            for (_, guild) in &guilds {
                entry.push("GUILD_CREATE", &guild.to_string());
            }
        }
    }

    fn resume(&mut self, data: &str) {
        if self.session.is_some() {
            self.close(4005);
            return;
        }
        let Ok(resume) = Resume::from_data_json(data) else {
            self.close(4002);
            return;
        };
        let Some(bot) = self.bot_of_token(&resume.token) else {
            self.close(4004);
            return;
        };
        let entry = self
            .inner
            .session(&resume.session_id)
            .filter(|s| s.bot.user_id == bot.user_id);
        let Some(entry) = entry else {
            self.inner.log(self.id, ServerEventKind::ResumeRejected);
            self.send(control_text(9, "false"));
            return;
        };
        match entry.resume(self.id, self.out.clone(), resume.seq) {
            ResumeOutcome::Replayed(replayed) => {
                self.inner.set_conn_shard(self.id, entry.shard[0]);
                self.session = Some(entry.clone());
                self.inner.log(
                    self.id,
                    ServerEventKind::Resumed {
                        session_id: entry.id.clone(),
                        replayed,
                    },
                );
            }
            ResumeOutcome::InvalidSeq => self.close(4007),
            ResumeOutcome::TooOld => {
                self.inner.remove_session(&entry.id);
                self.inner.log(self.id, ServerEventKind::ResumeRejected);
                self.send(control_text(9, "false"));
            }
        }
    }

    fn member_chunks(&self, session: &SessionEntry, data: &str) {
        let Ok(req) = RequestGuildMembers::from_data_json(data) else {
            return;
        };
        let guild = self
            .inner
            .world
            .guild_creates(session.bot.user_id)
            .into_iter()
            .find(|(g, _)| *g == req.guild_id);
        let members: Vec<serde_json::Value> = guild
            .and_then(|(_, g)| g.get("members").and_then(|m| m.as_array().cloned()))
            .unwrap_or_default();
        let query = req.query.clone().unwrap_or_default();
        let mut found: Vec<_> = members
            .into_iter()
            .filter(|m| {
                let id = m["user"]["id"].as_str().unwrap_or_default();
                match &req.user_ids {
                    Some(ids) => ids.iter().any(|i| i.to_string() == id),
                    None => m["user"]["username"]
                        .as_str()
                        .unwrap_or_default()
                        .starts_with(&query),
                }
            })
            .collect();
        // Requested ids that are no member of the guild: listed in `not_found` (first chunk).
        let not_found: Option<Vec<String>> = req.user_ids.as_ref().map(|ids| {
            ids.iter()
                .map(ToString::to_string)
                .filter(|id| !found.iter().any(|m| m["user"]["id"].as_str() == Some(id)))
                .collect()
        });
        if let Some(limit) = req.limit.filter(|l| *l > 0) {
            found.truncate(limit as usize);
        }
        let size = self.inner.config.member_chunk_size.max(1);
        let chunks: Vec<_> = if found.is_empty() {
            vec![Vec::new()]
        } else {
            found.chunks(size).map(<[_]>::to_vec).collect()
        };
        let count = chunks.len();
        for (index, members) in chunks.into_iter().enumerate() {
            let mut d = json!({
                "guild_id": req.guild_id.to_string(),
                "members": members,
                "chunk_index": index,
                "chunk_count": count,
            });
            if let Some(n) = &req.nonce {
                d["nonce"] = json!(n);
            }
            if index == 0
                && let Some(ids) = &not_found
            {
                d["not_found"] = json!(ids);
            }
            session.push("GUILD_MEMBERS_CHUNK", &d.to_string());
        }
    }

    fn soundboard_sounds(&self, session: &SessionEntry, data: &str) {
        let Ok(req) = RequestSoundboardSounds::from_data_json(data) else {
            return;
        };
        let guilds = self.inner.world.guild_creates(session.bot.user_id);
        for id in req.guild_ids {
            let sounds = guilds
                .iter()
                .find(|(g, _)| *g == id)
                .and_then(|(_, g)| g.get("soundboard_sounds").cloned())
                .unwrap_or_else(|| json!([]));
            let d = json!({"guild_id": id.to_string(), "soundboard_sounds": sounds});
            session.push("SOUNDBOARD_SOUNDS", &d.to_string());
        }
    }
}

/// A server event with the current time.
pub(crate) fn event(conn: u64, kind: ServerEventKind) -> ServerEvent {
    ServerEvent {
        at: Instant::now(),
        conn,
        kind,
    }
}
